import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.ts";
import {
  CONTAINERS_TEAM as CONTAINERS,
  conversation,
  knowledge,
  recommendationTitle as titleOf,
} from "../helpers/bot.ts";

const { recommendation, whatIf, whatIfOwnOpen, whatIfSame } = knowledge.responses.followUp;
const contextOf = (r: Reply) => {
  const p = r.parts.find((x) => x.type === "context");
  return p?.type === "context" ? p.text : undefined;
};
describe("'is that true for us?' after a recommendation", () => {
  it("leaves 'how does that apply to a small team of 2 people', whose size the reasons do not weigh (a review's)", async () => {
    const [, r] = await conversation(CONTAINERS, "how does that apply to a small team of 2 people");
    expect(contextOf(r!)).not.toBe(recommendation.replace("{title}", titleOf("containers")));
  });

  it.each([
    "is that true for us?",
    "does that apply to our case?",
    "ok but is that really true for us?",
    "is that true for us too?",
    // (A blind trial's was declined.)
    "what does that mean for us?",
  ])("%j gets why it is theirs, as 'why?' does (a blind trial's got a myth about security)", async (q) => {
    const [, r] = await conversation(CONTAINERS, q);
    const [, why] = await conversation(CONTAINERS, "why?");
    expect(r!.kind).toBe("recommendation");
    expect(contextOf(r!)).toBe(recommendation.replace("{title}", titleOf("containers")));
    expect(r!.parts).toEqual(why!.parts);
  });
});

describe("a follow-up on a what-if's recommendation", () => {
  it.each(["give me a 3-line version", "why?", "what's the catch?", "source?"])(
    "%j says it follows up a what-if, and what the team's own answers give",
    async (q) => {
      const [, supposed, r] = await conversation(CONTAINERS, "what if we had strict compliance?", q);
      expect(supposed!.kind).toBe("recommendation");
      expect(r!.kind).toBe("recommendation");
      expect(contextOf(r!)).toBe(
        whatIf.replace("{title}", titleOf("kubernetes-on-vms")).replace("{own}", titleOf("containers")),
      );
    },
  );

  it("says when the team's own answers are too few for a recommendation", async () => {
    const [own, supposed, why] = await conversation(
      "recommend one legacy windows app, licensed vendor software, audited yearly",
      "what if we had no legacy software, microservices, daily deploys and steady load?",
      "why?",
    );
    expect(own!.summary).toContain(knowledge.decision.rules.labels.provisionalHeading);
    expect(supposed!.summary).toContain(titleOf("containers"));
    expect(contextOf(why!)).toBe(whatIfOwnOpen.replace("{title}", titleOf("containers")));
  });

  it("says when the what-if picks the same, and says nothing of one after the team's own", async () => {
    const [, , same] = await conversation(CONTAINERS, "what if we deployed daily?", "why?");
    expect(contextOf(same!)).toBe(whatIfSame.replace("{title}", titleOf("containers")));
    const [, own] = await conversation(CONTAINERS, "why?");
    expect(contextOf(own!)).toBe(recommendation.replace("{title}", titleOf("containers")));
    // "whats the rec without that?" goes back to the team's own; so do "forget the what-if" (not
    // a correction taking something away) and "ok go back to the original - what was it?" (a
    // blind trial's got the rollback entry offered).
    for (const q of [
      "whats the rec without that?",
      "forget the what-if",
      "ok go back to the original - what was it?",
      "what was it originally?",
    ]) {
      const [, , back] = await conversation(CONTAINERS, "what if we had strict compliance?", q);
      expect(contextOf(back!), q).toBe(recommendation.replace("{title}", titleOf("containers")));
    }
    // Not a question about going back to an image (an independent review's got the reasons).
    const [, , image] = await conversation(
      CONTAINERS,
      "what if we had strict compliance?",
      "how do we go back to the original image if a rollout fails?",
    );
    expect(image!.kind).toBe("answer");
    expect(contextOf(image!) ?? "").not.toMatch(/recommendation/);
  });
});
