import { describe, expect, it } from "vitest";
import { asksHowToGetThere } from "../../src/core/followUp.ts";
import { plainText } from "../../src/core/render/plainText.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import {
  CONTAINERS_TEAM as CONTAINERS,
  conversation,
  knowledge,
  makeBot,
  recommendationTitle as titleOf,
} from "../helpers/bot.ts";

const { gettingThere, gettingThereInstead, noWayThere, recommendation, whatIf } =
  knowledge.responses.followUp;
const textsOf = (r: Reply) => r.parts.flatMap((p) => (p.type === "text" ? [p.text] : []));
const contextOf = (r: Reply) => r.parts.find((p) => p.type === "context");
const subtitleOf = (r: Reply) => {
  const s = r.parts.find((p) => p.type === "subtitle");
  return s?.type === "subtitle" ? s.text : undefined;
};
const questionOf = (id: string) => knowledge.faq.find((e) => e.id === id)!.question;

describe("'what would it take to switch?' after a recommendation", () => {
  it("answers with the documents' way to the option recommended", async () => {
    const [rec, r] = await conversation(CONTAINERS, "what would it take to switch?");
    expect(rec!.kind).toBe("recommendation");
    expect(plainText([rec!])).toContain(titleOf("containers"));
    expect(r!.kind).toBe("answer");
    expect(contextOf(r!)).toEqual({
      type: "context",
      text: recommendation.replace("{title}", titleOf("containers")),
    });
    expect(textsOf(r!)[0]).toBe(gettingThere.replace("{title}", titleOf("containers")));
    expect(subtitleOf(r!)).toContain(questionOf("migration-path"));
  });

  it.each([
    "how do we get there?",
    "ok where do we start?",
    "thanks! next steps?",
    "cool, how do we get there?",
    "makes sense. next steps?",
    "how hard would it be?",
    "how do we get there from here?",
    "what would it take to switch to containers then?",
    "how do we adopt containers?",
    "what should we do first?",
  ])("reads %j the same way", async (q) => {
    const [, r] = await conversation(CONTAINERS, q);
    expect(subtitleOf(r!), q).toContain(questionOf("migration-path"));
  });

  it("goes to the option the question names, and the answer becomes what follows up on", async () => {
    const [, r, why] = await conversation(
      CONTAINERS,
      "what would it take to move to a mixed platform?",
      "why?",
    );
    // (Under the recommendation, which it is not.)
    expect(contextOf(r!)).toEqual({
      type: "context",
      text: recommendation.replace("{title}", titleOf("containers")),
    });
    expect(textsOf(r!)[0]).toBe(gettingThereInstead.replace("{title}", titleOf("mixed-platform")));
    expect(subtitleOf(r!)).toContain(questionOf("hybrid-governance"));
    // "why?" next is about that answer, not the recommendation.
    expect(why!.kind).toBe("answer");
    expect(plainText([why!])).toContain(questionOf("hybrid-governance"));
  });

  it("reads adopting another option as a move to it", async () => {
    const [, r] = await conversation(CONTAINERS, "how would we adopt kubernetes on vms?");
    expect(textsOf(r!)[0]).toBe(gettingThereInstead.replace("{title}", titleOf("kubernetes-on-vms")));
  });

  it("says so where the documents describe no move onto the option, with what it involves", async () => {
    const [, r] = await conversation(CONTAINERS, "what would it take to switch to vms?");
    const vms = knowledge.decision.recommendations.find((x) => x.id === "vms")!;
    expect(vms.gettingThere).toBeUndefined();
    expect(r!.kind).toBe("recommendation");
    expect(textsOf(r!)).toEqual([noWayThere.replace("{title}", vms.title), vms.summary]);
    // Nor for microVMs, which the documents name without saying how to adopt them.
    const [, micro] = await conversation(CONTAINERS, "what would it take to switch to microvms?");
    const microvms = knowledge.decision.recommendations.find((x) => x.id === "microvms")!;
    expect(textsOf(micro!)).toEqual([noWayThere.replace("{title}", microvms.title), microvms.summary]);
  });

  it("after a what-if, says it is one; with too few answers, gives the questions that would decide", async () => {
    const [, , r] = await conversation(
      CONTAINERS,
      "what if we had strict compliance?",
      "how do we get there?",
    );
    expect(contextOf(r!)).toEqual({
      type: "context",
      text: whatIf.replace("{title}", titleOf("kubernetes-on-vms")).replace("{own}", titleOf("containers")),
    });
    expect(textsOf(r!)[0]).toBe(gettingThere.replace("{title}", titleOf("kubernetes-on-vms")));
    const [open, few] = await conversation(
      "recommend one legacy windows app, licensed vendor software, audited yearly",
      "what would it take to switch?",
    );
    expect(plainText([open!])).toContain(knowledge.decision.rules.labels.provisionalHeading.toUpperCase());
    expect(contextOf(few!)).toEqual({
      type: "context",
      text: recommendation.replace("{title}", knowledge.decision.rules.labels.provisionalHeading),
    });
    expect(plainText([few!])).not.toContain(noWayThere.split("{title}")[0]!);
  });

  it("leaves it to the answer shown since, and asks nothing of a recommendation that is not there", async () => {
    // After another answer, "where do we start?" is no longer about the recommendation.
    const [, , after] = await conversation(
      CONTAINERS,
      "can we run databases in containers?",
      "how do we get there?",
    );
    const said = contextOf(after!);
    expect(said?.type === "context" ? said.text : "").not.toContain(recommendation.split("{title}")[0]!);
    expect(textsOf(after!)).not.toContain(gettingThere.replace("{title}", titleOf("containers")));
    // Another option without a move to it: "where do we start with kubernetes?" asks about learning it.
    const [, learning] = await conversation(CONTAINERS, "where do we start with kubernetes?");
    expect(textsOf(learning!)).not.toContain(
      gettingThereInstead.replace("{title}", titleOf("kubernetes-on-vms")),
    );
    const aside = contextOf(learning!);
    expect(aside?.type === "context" ? aside.text : "").not.toContain(recommendation.split("{title}")[0]!);
    const [alone] = await conversation("what would it take to switch?");
    expect(plainText([alone!])).not.toContain(questionOf("migration-path"));
  });

  it("reads the asking, and nothing that asks about something else", async () => {
    const bot = makeBot(await createStore("memory:"));
    const words = { stems: bot.qa.stems, rarity: bot.qa.rarity, knows: bot.qa.knows };
    for (const q of [
      "what would it take to switch?",
      "how do we get there?",
      "where do we start?",
      "next steps?",
      "what are the first steps",
      "how hard would the migration be?",
      "how do we make the switch to kubernetes on vms?",
      "back to the rec: how do we get there?",
      "how do we adopt it?",
      "how would we go about adopting containers?",
    ])
      expect(asksHowToGetThere(q, words), q).toBe(true);
    for (const q of [
      // What would change the recommendation (its own follow-up).
      "what would it take for you to switch?",
      "how do we start a container?",
      "where do we start with monitoring?",
      "how hard is it to run postgres in containers?",
      "what would it take to switch our ci to github actions?",
      "next steps for the database migration?",
      "how do we adopt gitops?",
      "how do we adopt a service mesh?",
      "what should we do first in the pipeline?",
    ])
      expect(asksHowToGetThere(q, words), q).toBe(false);
  });
});
