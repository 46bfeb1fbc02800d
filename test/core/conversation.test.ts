import { describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import { fill } from "../../src/core/fill.ts";
import { FollowUpContexts } from "../../src/core/followUp.ts";
import { plainText } from "../../src/core/render/plainText.ts";
import { firstSentence, simplerReply } from "../../src/core/replies/answers.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import {
  buttons,
  CONTAINERS_TEAM,
  conversation,
  knowledge,
  makeBot,
  press,
  turn,
  vagueQuestion,
} from "../helpers/bot.ts";

/** A reply's understood answers, each as [question, option] ("Isolation", "Hard"). */
const fieldsOf = (r: Reply) => {
  const f = r.parts.find((p) => p.type === "fields");
  return f?.type === "fields" ? f.fields.map((x) => [x.label, x.value.split(" — ")[0]]) : [];
};

const subtitleOf = (r: Reply) => r.parts.find((p) => p.type === "subtitle");
/** A reply's context line ("Following up on the recommendation: _Containers_"), or "" without one. */
const contextTextOf = (r: Reply) => {
  const c = r.parts.find((p) => p.type === "context");
  return c?.type === "context" ? c.text : "";
};
/** A reply's text parts, in order. */
const texts = (r: Reply) => r.parts.flatMap((p) => (p.type === "text" ? [p.text] : []));

/** The first reply to `question` asked right after `first` (a `recommend …` command, or a question). */
async function replyAfter(first: string, question: string): Promise<Reply> {
  const bot = makeBot(await createStore("memory:"));
  await bot.handle(
    turn({ text: first, ...(first.startsWith("recommend ") ? { via: "command" as const } : {}) }),
  );
  const [r] = await bot.handle(turn({ text: question }));
  return r!;
}

/** The replies to `typed` in a checklist's thread at question `step` (0-based), the ones before skipped. */
async function typedAtStep(step: number, typed: string): Promise<Reply[]> {
  const bot = makeBot(await createStore("memory:"));
  const [root] = await bot.handle(turn({ text: "/vmvc checklist", thread: undefined }));
  let replies = await bot.handle(turn({ via: "action", action: root!.inThread!, thread: "th1" }));
  for (let i = 0; i < step; i++) {
    const skip = buttons(replies, "controls").find((b) => b.action.type === "checklist.answer")!;
    replies = await bot.handle(press(skip.action, { thread: "th1" }));
  }
  return bot.handle(turn({ text: typed, thread: "th1" }));
}

describe("the answered question, up front", () => {
  it("opens every answer with the entry's canonical question as a subtitle", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "can we run postgres in a container" }));
    expect(r!.kind).toBe("answer");
    expect(r!.parts[0]).toEqual({
      type: "subtitle",
      text: "Answering: Can we run databases and other stateful workloads in containers?",
    });
  });

  it("shows what a glossary term answers, and the same on an answer reached by a button", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [term] = await bot.handle(turn({ text: "what is a cgroup" }));
    const cgroup = bot.qa.asker.entry("cgroup")!;
    expect(subtitleOf(term!)).toEqual({ type: "subtitle", text: `Answering: ${cgroup.question}` });
    const [pressed] = await bot.handle(
      turn({ via: "action", action: { type: "ask", entryId: "boot-time", via: "related" } }),
    );
    expect(pressed!.parts[0]?.type).toBe("subtitle");
    expect(subtitleOf(pressed!)?.type === "subtitle" && subtitleOf(pressed!)!.text).toMatch(/^Answering: /);
  });

  it("puts no subtitle on declines and 'did you mean'", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "what is the best pizza topping" }));
    expect(r!.kind).toBe("decline");
    expect(subtitleOf(r!)).toBeUndefined();
  });
});

describe("Not what I asked", () => {
  const question = "do i need kubernetes to run containers in production";

  it("offers the next three best entries in place of the answer, records the pick, and stats lists it", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [answer] = await bot.handle(turn({ text: question }));
    const wrong = buttons([answer!], "feedback").find((b) => b.action.type === "not-this");
    expect(wrong?.label).toBe("Not what I asked");
    expect(wrong?.action).toMatchObject({ type: "not-this", entryId: "containers-without-kubernetes" });

    const [list] = await bot.handle(press(wrong!.action));
    expect(list!.placement).toBe("replace");
    const choices = buttons([list!], "suggestions");
    const expected = bot.qa.asker
      .explain(question)
      .result.ranked.map((r) => r.id)
      .filter((id) => id !== "containers-without-kubernetes")
      .slice(0, 3);
    expect(choices.map((b) => b.action.type === "ask" && b.action.entryId)).toEqual(expected);
    expect(JSON.stringify(list!.parts)).toMatch(/topics/);

    const [picked] = await bot.handle(press(choices[1]!.action));
    expect(picked!.kind).toBe("answer");
    expect(picked!.placement).toBe("replace");
    const events = await bot.insights.read();
    expect(events.filter((e) => e.type === "correction")).toEqual([
      expect.objectContaining({
        entryId: expected[1],
        wrongEntryId: "containers-without-kubernetes",
      }),
    ]);

    const [report] = await bot.handle(turn({ platform: "cli", text: "stats" }));
    const text = JSON.stringify(report!.parts);
    expect(text).toContain("corrections (phrasings worth adding)");
    expect(text).toContain(`“${question}” → \`${expected[1]}\`, not \`containers-without-kubernetes\` (1×)`);
  });

  it("after a 'did you mean' pick, offers the others without the picked one", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [suggested] = await bot.handle(turn({ text: vagueQuestion(bot) }));
    const first = buttons([suggested!], "suggestions")[0]!;
    const [answer] = await bot.handle(press(first.action));
    const wrong = buttons([answer!], "feedback").find((b) => b.action.type === "not-this")!;
    const [list] = await bot.handle(press(wrong.action));
    const ids = buttons([list!], "suggestions").map((b) => b.action.type === "ask" && b.action.entryId);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain(first.action.type === "ask" && first.action.entryId);
  });

  it("has no such button on answers nobody typed, and says so when the question is gone", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [related] = await bot.handle(press({ type: "ask", entryId: "boot-time", via: "related" }));
    expect(buttons([related!]).some((b) => b.action.type === "not-this")).toBe(false);
    const [gone] = await bot.handle(press({ type: "not-this", askedId: "nope", entryId: "boot-time" }));
    expect(gone!.kind).toBe("notice");
    expect(JSON.stringify(gone!.parts)).toMatch(/no longer have the question/);
  });
});

describe("a description of one's own situation that the matcher cannot answer", () => {
  it("offers the checklist, started from what was understood, when it answers two questions or more", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(
      turn({ text: "we deploy several times a day and our traffic is spiky, what should we pick?" }),
    );
    const unsure = r!.parts.some(
      (p) => p.type === "context" && p.text === knowledge.responses.answer.bestGuess,
    );
    expect(r!.kind === "decline" || unsure).toBe(true);
    expect(r!.parts).toContainEqual({ type: "text", text: knowledge.responses.situation.checklistFromHere });
    const [start] = buttons([r!], "menu").filter((b) => b.action.type === "checklist.start");
    expect(start?.action).toEqual({
      type: "checklist.start",
      answers: { deploys: "frequent", load: "spiky" },
    });
    // A plain question, one naming no subject of ours ("manually" reads as a team's maturity), or
    // one answering a single checklist question gets no such offer.
    for (const q of [
      "can we run databases in containers?",
      "how do i fix my printer manually?",
      "our traffic is spiky, what should we pick?",
    ]) {
      const [plain] = await bot.handle(turn({ text: q }));
      expect(JSON.stringify(plain!.parts), q).not.toContain(knowledge.responses.situation.checklistFromHere);
    }
  });
});

describe("follow-ups of a recommendation in a blind trial's words", () => {
  const saas =
    "recommend 20-person SaaS team, python monolith, deploy weekly, postgres, moderate compliance, medium platform maturity";

  it("reads past a lead-in back to the team's case ('ok back to our case, why not kubernetes on VMs?' got the backup answer)", async () => {
    for (const q of [
      "ok back to our case, why not kubernetes on VMs?",
      "anyway, regarding our case, why not kubernetes on VMs?",
      "back to us - why not kubernetes on VMs?",
    ]) {
      const r = await replyAfter(saas, q);
      expect(contextTextOf(r), q).toMatch(/^Following up on the recommendation/);
      expect(texts(r).join(" "), q).toMatch(/^\*\*Why not Kubernetes on VMs\?\*\*/);
    }
    // The lead-in alone is no question of its own to strip down to nothing.
    const alone = await replyAfter(saas, "ok back to our case:");
    expect(texts(alone).join(" ")).not.toMatch(/^\*\*Why not/);
  });

  it("'what now?' and 'so what now?' ask for the recommendation as it stands", async () => {
    for (const q of ["what now?", "so what now?", "now what?"]) {
      const r = await replyAfter(saas, q);
      expect(contextTextOf(r), q).toMatch(/^Following up on the recommendation/);
      // (Its reasons, as "what do you recommend?" gives them; not its gist or its sources.)
      expect(texts(r)[0], q).toMatch(/^\*\*Why:\*\*/);
    }
  });

  it("'what now?' with nothing told and no recommendation says how to get one, not an entry its words match", async () => {
    const { nothingUnderstood } = knowledge.responses.situation;
    for (const q of ["what now?", "ok now what?"]) {
      // (Its words match "Are VMs obsolete now that containers exist?", a blind trial's reply.)
      const after = await replyAfter("can we run databases in containers?", q);
      expect(texts(after), q).toContain(nothingUnderstood);
      expect(plainText([after]), q).not.toMatch(/obsolete/i);
      const [first] = await conversation(q);
      expect(texts(first!), q).toContain(nothingUnderstood);
    }
    // After a question that described the team, it reads that description.
    const [, r] = await conversation(
      "we have 40 microservices and deploy daily, is docker a good fit?",
      "what now?",
    );
    expect(fieldsOf(r!)).toEqual(
      expect.arrayContaining([
        ["Deploy frequency", "Frequent"],
        ["Architecture", "Microservices"],
      ]),
    );
  });

  it("'is that right?', 'are you sure?' ask for its reasons, 'who says that?' for its sources, after a recommendation or an answer", async () => {
    for (const q of [
      "is that right?",
      "are you sure?",
      "really?",
      "who says that?",
      "says who?",
      // (With a doubt after it: a blind trial's was declined as not covered.)
      "are you sure? that seems wrong",
    ]) {
      const rec = await replyAfter(saas, q);
      expect(contextTextOf(rec), q).toMatch(/^Following up on the recommendation/);
      const answer = await replyAfter("how do containers handle security patching?", q);
      expect(contextTextOf(answer), q).toMatch(/^Following up on _How does security patching work/);
      const asked = q.includes("says") ? "sources" : "reasons";
      expect(texts(answer)[0], q).toMatch(
        asked === "sources" ? /comes from these sections/ : /^The reasons my answer above gives/,
      );
    }
    const sourced = await replyAfter(saas, "who says that?");
    expect(sourced.parts.some((p) => p.type === "sources")).toBe(true);
    const reasons = await replyAfter(saas, "are you sure?");
    expect(reasons.parts.some((p) => p.type === "sources")).toBe(false);
    // Not a question of its own that says "really" ("is kubernetes really needed?").
    const own = await replyAfter(saas, "is kubernetes really needed for a monolith?");
    expect(contextTextOf(own)).not.toMatch(/^Following up on the recommendation/);
  });

  it("'what if we dropped windows?' after several operating systems leaves one (a blind trial's got the several-OS answer)", async () => {
    const mixedOs =
      "recommend hospital, medical device integration software, windows and linux, strict compliance, releases twice a year";
    const r = await replyAfter(mixedOs, "what if we dropped windows?");
    expect(fieldsOf(r)).toEqual([["Several operating systems", "No"]]);
    // Not where one family was all there was, nor a name that is no OS family.
    const linuxOnly = await replyAfter(
      "recommend we run 40 microservices on linux, deploy daily",
      "what if we dropped windows?",
    );
    expect(fieldsOf(linuxOnly)).not.toContainEqual(["Several operating systems", "No"]);
    const other = await replyAfter(mixedOs, "what if we dropped jenkins?");
    expect(fieldsOf(other)).not.toContainEqual(["Several operating systems", "No"]);
  });

  it("'forget the windows servers', 'the windows part is being retired, ignore it' take that part away for good", async () => {
    const mixedOs =
      "recommend we run 20 linux microservices and a few windows servers, deploy weekly, no compliance";
    for (const q of [
      "forget the windows servers",
      "pls ignore the windows part",
      "the windows part is being retired next year, ignore it",
      "our windows boxes are getting decommissioned in march, so ignore them.",
      // With why, and what next, after it (a blind trial's were "not covered").
      "forget the windows part, we're retiring it. now what?",
      "forget the windows servers, they're going away",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: mixedOs, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(fieldsOf(r!), q).toEqual([["Several operating systems", "No"]]);
      // A correction, not a what-if: the team's answers from now on ("why?" gives a single OS family's reason).
      expect(r!.parts[0], q).toEqual({
        type: "heading",
        text: knowledge.responses.situation.correctedHeading,
      });
      const [why] = await bot.handle(turn({ text: "why?" }));
      expect(plainText([why!]), q).toMatch(/single OS family/);
    }
    // Any other part the reader read, as a what-if's removal reads it, quoting the person's words.
    const sandbox = await replyAfter(
      "recommend we run customer code in a sandbox, 20 microservices, deploy weekly, no compliance",
      "forget the customer code",
    );
    expect(fieldsOf(sandbox)).toEqual([["Isolation", "Standard"]]);
    expect(plainText([sandbox])).toContain("forget the customer code");
    // "what if we dropped the windows servers?" names the family with a part of the estate too.
    const whatIf = await replyAfter(mixedOs, "what if we dropped the windows servers?");
    expect(fieldsOf(whatIf)).toEqual([["Several operating systems", "No"]]);
    // Something no answer holds: said so, the recommendation standing.
    const latency = await replyAfter(mixedOs, "actually forget the latency part, it's not that critical");
    expect(texts(latency)).toEqual([knowledge.responses.situation.correctionNothing]);
    // Nothing named ("forget it"), or a question: not a correction.
    for (const q of ["forget it", "ignore that", "how do i drop a table in postgres"]) {
      const r = await replyAfter(mixedOs, q);
      expect(fieldsOf(r), q).toEqual([]);
    }
  });

  it("says what the team's answer meant for the pick beside an answer whose subject it bears on (faq bearsOn)", async () => {
    const shop =
      "recommend e-commerce site, mid-sized team, stateless web tier plus a big stateful oracle database, traffic spikes at black friday, deploy weekly";
    const { inYourCase } = knowledge.responses.followUp;
    const mixed = knowledge.decision.rules.rules.find((r) => r.id === "state-mixed")!;
    const r = await replyAfter(shop, "where does the database go?");
    expect(texts(r)).toContain(
      fill(inYourCase, { answer: "State: Mixed", title: "Mixed platform", reason: mixed.reason }),
    );
    // Right after the answer's own first text, before its points.
    expect(texts(r)[1]).toMatch(/^In your case \(State: Mixed; recommended: Mixed platform\): /);
    // An entry no answer of the team's bears on, no recommendation, or one short of answers: nothing added.
    const other = await replyAfter(shop, "should gpu workloads run in vms or containers?");
    const alone = await conversation("where does the database go?");
    const short = await replyAfter("recommend we have a stateful database", "where does the database go?");
    for (const x of [other, alone[0]!, short])
      expect(
        texts(x).some((t) => t.startsWith("In your case")),
        x.summary,
      ).toBe(false);
    // A what-if's answers are not the team's.
    const [, , whatIf] = await conversation(
      shop,
      "what if everything was stateless?",
      "where does the database go?",
    );
    expect(texts(whatIf!)).toContain(
      fill(inYourCase, { answer: "State: Mixed", title: "Mixed platform", reason: mixed.reason }),
    );
  });

  it("'what if it weren't legacy?' supposes the system itself different", async () => {
    const r = await replyAfter(
      "recommend bank back-office, monolith, stateful, strict compliance, releases quarterly, legacy",
      "and what if it weren't legacy?",
    );
    expect(fieldsOf(r)).toEqual([["Legacy software", "No"]]);
  });
});

describe("'what do you recommend for that?' right after a question that described the team", () => {
  const described =
    "students submit random code for class assignments, is it safe to run that in docker on our shared servers";

  it.each([
    "so what do you recommend for that",
    "wait so what should i use for the students then",
    "ok which one would you pick?",
    "so what should we do?",
    // (A second review's, cut by the first review's fix.)
    "what would you recommend in our case?",
    "what do you recommend we do?",
    "what would you recommend for a team like ours?",
  ])("reads what that question said as the description: %j (a blind trial's were declined)", async (q) => {
    const [answer, r] = await conversation(described, q);
    expect(answer!.kind).toBe("answer");
    expect(r!.kind).toBe("recommendation");
    expect(fieldsOf(r!)).toEqual([["Isolation", "Hard"]]);
  });

  it("leaves a question of its own, one after a question that said nothing of the team, and one where a recommendation was shown", async () => {
    const [, own] = await conversation(described, "what should we use for databases?");
    expect(own!.kind).toBe("answer");
    const [, plain] = await conversation(
      "can we run databases in containers?",
      "so what do you recommend for that",
    );
    expect(fieldsOf(plain!)).toEqual([]);
    // (That recommendation holds the team's answers, which one question's reading would drop.)
    const [shown, , after] = await conversation(
      CONTAINERS_TEAM,
      described,
      "so what do you recommend for that",
    );
    expect(shown!.kind).toBe("recommendation");
    expect(fieldsOf(after!)).not.toEqual([["Isolation", "Hard"]]);
  });

  it.each([
    // A review's: what to use for something else, what to do about something, a checklist asked for.
    "what should we use for secrets management?",
    "what should we do if a node dies?",
    "what do you recommend we name the cluster?",
    "start the checklist please, which one should we pick?",
  ])("leaves %j, which asks more than what to use", async (q) => {
    const [, r] = await conversation(described, q);
    expect(r!.kind).not.toBe("recommendation");
  });

  it("reads no other's case as the team's (a third review's took a friend's startup)", async () => {
    const friend =
      "my friend's startup runs 200 microservices on kubernetes and deploys daily, is that overkill?";
    const [, r] = await conversation(friend, "what would you recommend in our case?");
    expect(fieldsOf(r!)).toEqual([]);
    // The team's own beside it still counts.
    const [, ours] = await conversation(
      "a friend of ours runs 30 services and we deploy daily, is k8s overkill?",
      "what would you recommend in our case?",
    );
    expect(fieldsOf(ours!)).toEqual(expect.arrayContaining([["Deploy frequency", "Frequent"]]));
  });

  it.each([
    // A review's: the team beside the other, or the team's own named beside them.
    "my friends and I run 40 microservices and deploy daily, is k8s overkill?",
    "my colleague and I deploy daily, is k8s overkill?",
  ])("reads the team's case beside another's in %j", async (said) => {
    const [, r] = await conversation(said, "what would you recommend in our case?");
    expect(fieldsOf(r!)).toEqual(expect.arrayContaining([["Deploy frequency", "Frequent"]]));
  });

  it.each([
    // A second review's: the team named only beside the other's facts, or their subject carried on.
    "i have a friend whose startup runs 200 microservices with daily deploys, vms or containers?",
    "my friend's team deploys daily, much more often than ours. vms or containers for them?",
    "my buddy's company has 300 microservices and i built 2 of them, should they use k8s?",
    "my wife's company runs 200 microservices and deploys daily, is k8s overkill?",
    // A second review's: an outfit the speaker advises or worked for.
    "a startup i advise runs 200 microservices and deploys daily, is kubernetes right for them?",
    "at my previous job we ran 200 microservices with daily deploys, is k8s good?",
    "a client of ours runs 200 microservices and deploys daily, is k8s overkill?",
    "my old college friend runs 200 microservices and deploys daily, is k8s overkill?",
  ])("reads no case of the team's in %j (a review's)", async (said) => {
    const [, r] = await conversation(said, "what would you recommend in our case?");
    expect(fieldsOf(r!)).toEqual([]);
  });

  it("reads no client's need in a statement before 'so what's your recommendation?' (a blind trial's read Isolation: Hard)", async () => {
    const [, r] = await conversation(
      "our client Acme's security team says they need hard isolation between tenants but that's their infra, not ours",
      "so what's your recommendation?",
    );
    expect(fieldsOf(r!).map(([question]) => question)).not.toContain("Isolation");
    // A statement of the team's own is still read so.
    const [, ours] = await conversation(
      "we need hard isolation between our tenants",
      "so what's your recommendation?",
    );
    expect(fieldsOf(ours!)).toEqual([["Isolation", "Hard"]]);
  });

  it("reads the team's own words beside another's, not merged with them (a review's read Mixed; situations.yaml otherParties)", async () => {
    const [, r] = await conversation(
      "we have a monolith but my cousin's company runs microservices on kubernetes, which is better?",
      "what would you recommend in our case?",
    );
    expect(fieldsOf(r!)).toEqual([["Architecture", "Monolith"]]);
  });

  it("reads a description that was only offered the checklist, and none an answer came after (a session's own probe)", async () => {
    const described = "we run 40 microservices and deploy daily, is k8s overkill?";
    const [offered, r] = await conversation(described, "what would you recommend in our case?");
    expect(offered!.kind).toBe("decline");
    expect(offered!.summary).not.toBe("");
    expect(fieldsOf(r!)).toEqual(
      expect.arrayContaining([
        ["Deploy frequency", "Frequent"],
        ["Architecture", "Microservices"],
      ]),
    );
    // An answer after it does not lose it: what the team told is gathered (below).
    const [, , later] = await conversation(
      described,
      "what is a sidecar?",
      "what would you recommend in our case?",
    );
    expect(fieldsOf(later!)).toEqual(
      expect.arrayContaining([
        ["Deploy frequency", "Frequent"],
        ["Architecture", "Microservices"],
      ]),
    );
  });

  it("gathers what the team told of itself over several messages for a recommendation asked for later (the last message's alone was read)", async () => {
    const replies = await conversation(
      "we're a team of 4 running a django monolith",
      "traffic is spiky around black friday",
      "we are in PCI scope",
      "so what do you recommend?",
    );
    // Each statement the matcher answers surely is answered as before.
    expect(replies.slice(0, 3).map((r) => r.kind)).toEqual(["answer", "answer", "answer"]);
    const asked = replies[3]!;
    expect(asked.kind).toBe("recommendation");
    expect(fieldsOf(asked)).toEqual(
      expect.arrayContaining([
        ["Architecture", "Monolith"],
        ["Load pattern", "Spiky"],
        ["Compliance", "Strict"],
      ]),
    );
    expect(fieldsOf(asked)).toHaveLength(3);
    // A later message's answer to a question replaces an earlier one's.
    const [, changed] = await conversation(
      "we deploy about 20 times a day, is that a lot?",
      "we deploy weekly now",
    );
    expect(fieldsOf(changed!)).toEqual([["Deploy frequency", "Regular"]]);
  });

  it("after the speaker says who they are ('bank here'), gathers what the message says of a system with no other party, and 'recommendation?' decides from it (a blind trial's knew nothing, or started the checklist)", async () => {
    // A description of the team by itself (what was understood at once), which the next statement
    // adds to.
    const store = new MemoryStore();
    const bot = makeBot(store);
    const [bank] = await bot.handle(
      turn({ text: "hi, bank here. core banking is a big java monolith on RHEL VMs, PCI-DSS applies" }),
    );
    expect(fieldsOf(bank!)).toEqual([
      ["Compliance", "Strict"],
      ["Architecture", "Monolith"],
    ]);
    await bot.handle(turn({ text: "we ship quarterly" }));
    expect((await new FollowUpContexts(store).recallRecommendation(turn()))?.answers).toEqual({
      architecture: "monolith",
      compliance: "strict",
      deploys: "rare",
    });
    const [, ml] = await conversation(
      "ML team here. we train models on GPUs, jobs run for days",
      "recommendation?",
    );
    expect(ml!.kind).toBe("recommendation");
    expect(fieldsOf(ml!)).toEqual([["Special hardware", "GPU or other devices passed through"]]);
    // Another team's is not the speaker's.
    // (The statement of one answer gets a recommendation with what was told before it.)
    const [theirs, mobile] = await conversation(
      "bank here. the mobile team runs 40 microservices",
      "we ship quarterly",
    );
    expect(theirs!.kind).not.toBe("recommendation");
    expect(fieldsOf(mobile!)).toEqual([["Deploy frequency", "Rare"]]);
    // Not what only looks like an introduction, nor another's by name after one (an independent review's).
    for (const said of [
      "im new here. netflix runs thousands of microservices",
      "bank here. netflix runs thousands of microservices",
    ]) {
      const [first] = await conversation(said);
      expect(first!.kind, said).not.toBe("recommendation");
    }
    // With nothing told, "recommendation?" is still the checklist.
    const [checklist] = await conversation("recommendation?");
    expect(checklist!.kind).not.toBe("recommendation");
  });

  it("gathers nothing told of someone else, asked in general, supposed, of another time, planned, doubted, wished or heard, nor told before a recommendation", async () => {
    const { nothingUnderstood } = knowledge.responses.situation;
    for (const said of [
      "netflix deploys thousands of times a day and has spiky traffic.",
      "is kubernetes good for teams that deploy daily?",
      "my friend's startup runs 200 microservices and deploys daily",
      "what if we deployed daily?",
      "you assume we deploy daily, is that right?",
      // An independent review's: each was kept as the team's answer.
      "management wants us to deploy daily",
      "we're planning to go stateless",
      "we were in PCI scope until last year",
      "we deployed monthly back in 2019",
      "we're not sure if we're in PCI scope",
      "hypothetically, if we were in PCI scope, would vms be better for us?",
      "our old system deployed monthly",
      "Bob thinks we deploy daily",
    ]) {
      const [, , r] = await conversation(said, "what is a sidecar?", "what would you recommend?");
      expect(r!.kind, said).toBe("recommendation");
      expect(texts(r!), said).toContain(nothingUnderstood);
      expect(fieldsOf(r!), said).toEqual([]);
    }
    // Nor into another case's description (an independent review's took the team's PCI scope).
    for (const other of [
      "my friend's startup runs 200 microservices, deploys daily, spiky traffic. what should they use?",
      "different scenario: 12 stateless microservices, deploy daily, spiky traffic. what should we use?",
    ]) {
      const [, r] = await conversation("we are in PCI scope", other);
      expect(r!.kind, other).toBe("recommendation");
      expect(fieldsOf(r!).length, other).toBeGreaterThanOrEqual(3);
      expect(
        fieldsOf(r!).map(([question]) => question),
        other,
      ).not.toContain("Compliance");
    }
    // A description that took them in, answering compliance again, is the answer from then on.
    const [, , , taken] = await conversation(
      "we are in PCI scope",
      "we run 40 microservices, deploy weekly, steady traffic, no compliance regime. vms or containers?",
      "what is a pod?",
      "what should we use?",
    );
    expect(contextTextOf(taken!)).toBe(
      fill(knowledge.responses.followUp.recommendation, { title: "Containers" }),
    );
    // Nor once a recommendation was decided, also when it is forgotten since (a new checklist, a
    // recommendation of nothing): an independent review's came back as Compliance: Strict.
    for (const between of ["help me decide", "recommend hello there"]) {
      const [, , , , r] = await conversation(
        "we are in PCI scope",
        "recommend we run 40 microservices, steady traffic, a small ops team, no compliance",
        between,
        "what is a sidecar?",
        "what should we use?",
      );
      expect(
        fieldsOf(r!).map(([question]) => question),
        between,
      ).not.toContain("Compliance");
    }
    // Told before a recommendation: that one's answers hold it; a new description after it starts afresh.
    const [, , fresh] = await conversation(
      "we are in PCI scope",
      "recommend we run 12 stateless microservices, deploy daily, spiky traffic",
      "our other product is a java monolith, deployed monthly, steady traffic, no legacy. vms or containers for it?",
    );
    expect(fresh!.kind).toBe("recommendation");
    expect(fieldsOf(fresh!).map(([question]) => question)).not.toContain("Compliance");
    expect(fieldsOf(fresh!)).toHaveLength(4);
    // Nor another person's told, in the same channel (in a thread, as its recommendation, everyone's).
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "we are in PCI scope", thread: undefined }));
    const [other] = await bot.handle(
      turn({ text: "what would you recommend?", thread: undefined, user: { id: "U2", name: "Bo" } }),
    );
    expect(fieldsOf(other!)).toEqual([]);
    const [own] = await bot.handle(turn({ text: "what would you recommend?", thread: undefined }));
    expect(fieldsOf(own!)).toEqual([["Compliance", "Strict"]]);
    // Nor what was told outside a thread, in it (a thread's is everyone's, and "start over" there
    // forgot it: an independent review's got Strict back).
    const threaded = makeBot(await createStore("memory:"));
    await threaded.handle(turn({ text: "we are in PCI scope", thread: undefined }));
    await threaded.handle(turn({ text: "what is a sidecar?", thread: undefined }));
    const [inThread] = await threaded.handle(turn({ text: "so what do you recommend?", thread: "T9" }));
    expect(fieldsOf(inThread!)).toEqual([]);
  });

  it("asks for the team's pick from what it said, whatever the matcher makes of the words: 'given all that, vms or containers?', 'so containers then?' (a blind trial's got the both-VMs-and-containers answer, or was declined)", async () => {
    const [, , r] = await conversation(
      "our app is a monolith",
      "we are in PCI scope",
      "given all that, vms or containers?",
    );
    expect(fieldsOf(r!)).toEqual([
      ["Compliance", "Strict"],
      ["Architecture", "Monolith"],
    ]);
    for (const q of [
      "ok so given all that, what should we run on?",
      "based on what i told you, k8s or vms?",
      "with all this in mind, what do you suggest?",
      // A second blind trial's, declined or answered with "the documents don't judge one team's case".
      "given all that, what's best for our team?",
      "which option fits us best?",
      "what would you pick in our shoes",
      "is that enough info for a rec?",
      "so VMs or containers for us?",
    ]) {
      const [, after] = await conversation(
        "recommend 20 microservices, deploy daily, spiky, no compliance",
        q,
      );
      expect(after!.kind, q).toBe("recommendation");
      expect(contextTextOf(after!), q).toMatch(/^Following up on the recommendation/);
    }
    // "so vms then?" right after another answer is about that answer (an independent review's got
    // the recommendation's reasons).
    const [, , windows] = await conversation(
      CONTAINERS_TEAM,
      "can I run windows apps in containers?",
      "so vms then?",
    );
    expect(contextTextOf(windows!)).not.toMatch(/recommendation/);
    // A question of its own after the same words is that question.
    for (const q of [
      "given all that, is docker secure enough?",
      "with this in mind, how do backups differ?",
      "what is the best option for us to learn kubernetes?",
      "what would you do about image scanning?",
    ]) {
      const [, after] = await conversation(
        "recommend 20 microservices, deploy daily, spiky, no compliance",
        q,
      );
      expect(after!.kind, q).toBe("answer");
    }
  });

  it("says what the checklist weighs for a statement of the team that gives none of its answers, while it describes itself or says its size (a blind trial's 'we're a team of 4 devs' was outside what the bot knows)", async () => {
    const { toldNothing } = knowledge.responses.situation;
    const weighs = fill(toldNothing, {
      questions: knowledge.decision.checklist.map((q) => q.title).join(", "),
    });
    for (const said of [
      "we're a team of 4 devs",
      "we are 3 engineers",
      "hey so we're a team of 6 backend devs",
    ]) {
      const [r] = await conversation(said);
      expect(texts(r!)[0], said).toBe(weighs);
    }
    const [, during] = await conversation("we deploy about 20 times a day", "we love pizza fridays");
    expect(texts(during!)[0]).toBe(weighs);
    // Not otherwise, nor for another's team, nor asked.
    for (const said of [
      "we love pizza fridays",
      "my friend's team is 4 devs",
      "we're a team of 4 devs, is that enough?",
    ]) {
      const [r] = await conversation(said);
      expect(texts(r!)[0], said).not.toBe(weighs);
    }
  });

  it("starts over on 'ok forget all that, start over', forgetting what was told and recommended (a blind trial's got the start-up answer, then the old result)", async () => {
    const { startedOver, nothingUnderstood } = knowledge.responses.situation;
    for (const said of [
      "ok forget all that, start over",
      "start over",
      "reset",
      "ignore everything i said",
      "let's start again please",
    ]) {
      const [, , reset, asked] = await conversation(
        "we are in PCI scope",
        "recommend 20 microservices, deploy daily, spiky",
        said,
        "what do you recommend?",
      );
      expect(texts(reset!)[0], said).toBe(startedOver);
      expect(fieldsOf(asked!), said).toEqual([]);
      expect(texts(asked!), said).toContain(nothingUnderstood);
    }
    for (const q of [
      "how do i reset a kubernetes cluster?",
      "forget it",
      "should we start over with containers?",
    ]) {
      const [r] = await conversation(q);
      expect(texts(r!)[0], q).not.toBe(startedOver);
    }
    // Nor what only drops the last message, or a Dockerfile's FROM scratch (an independent review's
    // wiped the recommendation).
    for (const q of ["ok forget that", "scrap that", "ignore this", "clean slate?", "from scratch?"]) {
      const [, r, after] = await conversation(CONTAINERS_TEAM, q, "what do you recommend?");
      expect(texts(r!)[0], q).not.toBe(startedOver);
      expect(contextTextOf(after!), q).toMatch(/^Following up on the recommendation/);
    }
  });

  it("keeps what was told through a what-if, reads 'if that matters' and 'a new startup' as the team's, and takes no one else's demand (a second independent review's)", async () => {
    const { correctedHeading } = knowledge.responses.situation;
    const [, , , , decided] = await conversation(
      CONTAINERS_TEAM,
      "what is a hypervisor?",
      "we are in PCI scope",
      "what if we needed GPUs?",
      "what do you recommend?",
    );
    expect(decided!.parts[0]).toEqual({ type: "heading", text: correctedHeading });
    expect(fieldsOf(decided!)).toEqual([["Compliance", "Strict"]]);
    const [, matters] = await conversation("we're in PCI scope, if that matters", "what do you recommend?");
    expect(fieldsOf(matters!)).toEqual([["Compliance", "Strict"]]);
    const [, startup] = await conversation(
      "our app is a monolith",
      "we're a new startup in PCI scope that deploys daily",
    );
    expect(fieldsOf(startup!)).toEqual(expect.arrayContaining([["Architecture", "Monolith"]]));
    for (const said of ["deploys are daily at netflix", "traffic is spiky for most e-commerce sites"]) {
      const [r, , after] = await conversation(said, "what is a sidecar?", "what would you recommend?");
      expect(r!.kind, said).not.toBe("recommendation");
      expect(fieldsOf(after!), said).toEqual([]);
    }
    // Hedged or to come: not told.
    const [, later] = await conversation("we will be in PCI scope next year", "what would you recommend?");
    expect(fieldsOf(later!)).toEqual([]);
  });

  it("lets /vmvc recommend go on from what was told: alone, or 'also …'; a description of its own reads alone (a second blind trial's got 'describe your situation', or lost what it had said)", async () => {
    const [, bare] = await conversation("we are in PCI scope", "recommend");
    expect(fieldsOf(bare!)).toEqual([["Compliance", "Strict"]]);
    const [, also] = await conversation(
      "30 microservices, stateless, daily deploys",
      "recommend we also need GPUs for training",
    );
    expect(fieldsOf(also!)).toEqual(
      expect.arrayContaining([
        ["Architecture", "Microservices"],
        ["Special hardware", "GPU or other devices passed through"],
      ]),
    );
    const [, alone] = await conversation(
      "we are in PCI scope",
      "recommend we run 40 microservices, steady traffic, no legacy",
    );
    expect(fieldsOf(alone!).map(([question]) => question)).not.toContain("Compliance");
    // With nothing told since a recommendation: that one, and its reasons.
    const [, , again] = await conversation(
      CONTAINERS_TEAM,
      "what is a pod?",
      "recommend based on what I told you",
    );
    expect(contextTextOf(again!)).toBe(
      fill(knowledge.responses.followUp.recommendation, { title: "Containers" }),
    );
  });

  it("keeps a statement told after other answers for the recommendation, says so when it has no answer, and decides again with it on asking (a blind trial's were dropped)", async () => {
    const { toldNoted, correctedHeading } = knowledge.responses.situation;
    const bot = makeBot(await createStore("memory:"));
    const [first] = await bot.handle(turn({ text: "recommend 10 services, small team", via: "command" }));
    expect(fieldsOf(first!)).toEqual([["Architecture", "Microservices"]]);
    await bot.handle(turn({ text: "what is a sidecar?" }));
    const [noted] = await bot.handle(turn({ text: "traffic is steady" }));
    expect(noted!.summary).toBe(fill(toldNoted, { answers: "Load pattern: Steady" }));
    // One the matcher answers is answered, and kept too.
    await bot.handle(turn({ text: "what is a pod?" }));
    const [answered] = await bot.handle(turn({ text: "we're in a regulated industry, hipaa" }));
    expect(answered!.kind).toBe("answer");
    for (const ask of ["what do you recommend", "ok so what should we use?"]) {
      const [decided] = await bot.handle(turn({ text: ask }));
      if (ask === "what do you recommend") {
        expect(decided!.parts[0]).toEqual({ type: "heading", text: correctedHeading });
        expect(fieldsOf(decided!)).toEqual([
          ["Compliance", "Strict"],
          ["Load pattern", "Steady"],
        ]);
      } else {
        // Taken in: asked again, the recommendation's reasons (nothing new to take in).
        expect(contextTextOf(decided!), ask).toMatch(/^Following up on the recommendation/);
      }
    }
  });

  it("reads one answer told with no sure answer as the start of a description, which the next statements add to", async () => {
    const [first, second, third] = await conversation(
      "we deploy about 20 times a day",
      "traffic is steady",
      "no legacy stuff",
    );
    // (It was a best guess at why to judge by workflow.)
    expect(first!.kind).toBe("recommendation");
    expect(fieldsOf(first!)).toEqual([["Deploy frequency", "Frequent"]]);
    expect(fieldsOf(second!)).toEqual([["Load pattern", "Steady"]]);
    // The recommendation then holds all three.
    const store = new MemoryStore();
    const bot = makeBot(store);
    for (const said of ["we deploy about 20 times a day", "traffic is steady", "no legacy stuff"])
      await bot.handle(turn({ text: said }));
    expect((await new FollowUpContexts(store).recallRecommendation(turn()))?.answers).toEqual({
      deploys: "frequent",
      load: "steady",
      legacy: "no",
    });
    expect(fieldsOf(third!)).toEqual([["Legacy software", "No"]]);
    // Roughly is still told.
    const [roughly] = await conversation("we deploy roughly every 2 weeks");
    expect(fieldsOf(roughly!)).toEqual([["Deploy frequency", "Regular"]]);
    // Not a question, nor someone else's.
    const [asked] = await conversation("do teams that deploy 20 times a day use containers?");
    expect(asked!.kind).not.toBe("recommendation");
    const [theirs] = await conversation("our biggest customer deploys about 20 times a day");
    expect(theirs!.kind).not.toBe("recommendation");
  });

  it("decides another part of the team's systems on its own ('what about our patient portal, it's …', a blind trial's was 'not covered')", async () => {
    const ehr =
      "recommend hospital EHR integration engine, windows server 2016 only, vendor licensed per VM, strict HIPAA audits, deploy twice a year";
    const [, portal] = await conversation(
      ehr,
      "ok and what about our internal patient portal, it's a react + python api, we ship weekly",
    );
    expect(portal!.kind).toBe("recommendation");
    // Its own answers only: none of the EHR engine's.
    expect(fieldsOf(portal!)).toEqual([["Deploy frequency", "Regular"]]);
    // A question about a topic is still a question, also where it names something the reader
    // reads (an independent review's got "Here is what I understood").
    for (const q of [
      "what about the cost? is it cheaper?",
      "what about the database, is it stateful?",
      "how about the security side - is a VM enough for HIPAA?",
      "what about our portal, can it run weekly releases in containers?",
    ]) {
      const [, r] = await conversation(ehr, q);
      expect(r!.kind, q).not.toBe("recommendation");
    }
  });

  it("takes notes opening with the team's size as its description ('team of 4 devs, php monolith, …', a blind trial's were kept as no one's)", async () => {
    const notes = "team of 4 devs, php monolith, deploy once a month to 2 VMs, nobody knows k8s";
    const [r] = await conversation(notes);
    expect(r!.kind).toBe("recommendation");
    expect(fieldsOf(r!)).toEqual([
      ["Deploy frequency", "Regular"],
      ["Orchestration appetite", "Low"],
      ["Architecture", "Monolith"],
    ]);
    // Kept for later too, one fact at a time.
    const [, later] = await conversation("6 person startup, php monolith", "what do you recommend?");
    expect(fieldsOf(later!)).toEqual([["Architecture", "Monolith"]]);
    // Not another party named after it, nor a team of someone else's.
    const [, theirs] = await conversation(
      "team of 4 devs, netflix runs hundreds of microservices",
      "what do you recommend?",
    );
    expect(fieldsOf(theirs!)).toEqual([]);
    const [, other] = await conversation(
      "a team of 4 devs at netflix deploys daily",
      "what do you recommend?",
    );
    expect(fieldsOf(other!)).toEqual([]);
    // Nor what a client asks of its own app (an independent review's was read as the team's).
    const [client] = await conversation(
      "team of 4 devs, the client mandates pci compliance, their app is a monolith",
    );
    expect(fieldsOf(client!)).toEqual([]);
  });

  it("keeps a statement of 'the' system after the team told of itself, and a skill the team knows well (a blind trial's game studio lost both)", async () => {
    const recalled = async (...said: string[]) => {
      const store = new MemoryStore();
      const bot = makeBot(store);
      for (const text of said) await bot.handle(turn({ text }));
      const [r] = await bot.handle(turn({ text: "what do you recommend?" }));
      return fieldsOf(r!);
    };
    const studio =
      "we're a game studio, our matchmaking servers need to scale up massively at launch weekends";
    expect(await recalled(studio, "the game servers use GPUs for physics sim")).toEqual(
      expect.arrayContaining([
        ["Special hardware", "GPU or other devices passed through"],
        ["Load pattern", "Spiky"],
      ]),
    );
    // "we know docker pretty well" is a skill, not hearsay ("we know our competitor deploys daily").
    const [skill] = await conversation("we know docker pretty well but never ran kubernetes");
    expect(fieldsOf(skill!)).toEqual([["Orchestration appetite", "Low"]]);
    const [hearsay] = await conversation("we know our competitor deploys daily");
    expect(fieldsOf(hearsay!)).toEqual([]);
    // "whats the best setup?" asks for it too (a blind trial's followed the answer before up).
    const [, , best] = await conversation(
      studio,
      "the game servers use GPUs for physics sim",
      "whats the best setup?",
    );
    expect(fieldsOf(best!)).toEqual(
      expect.arrayContaining([["Special hardware", "GPU or other devices passed through"]]),
    );
    // Not before the team told of itself, nor of another party or a source.
    expect(await recalled("the game servers use GPUs for physics sim")).toEqual([]);
    for (const other of [
      "the mobile team deploys daily",
      "the docs say teams with GPUs use VMs",
      // What someone says or does elsewhere (an independent review's were kept).
      "the consultant says we should go microservices",
      "the big players all deploy daily",
      "the gartner report says GPUs need VMs",
      "the new cto says we should deploy daily",
      "the other studio deploys daily",
      // (Nor where the team speaks only in a clause about them: "… we talked to …".)
      "the other studio we talked to deploys daily",
    ])
      expect(await recalled(studio, other), other).toEqual([["Load pattern", "Spiky"]]);
  });

  it("takes a description that asks nothing for one, with two answers read, unless a recommendation came before (a blind trial's got an FAQ entry)", async () => {
    const [r] = await conversation(
      "we're four people with a drupal site and a nightly cron job. the traffic is steady and we release once a quarter.",
    );
    expect(r!.kind).toBe("recommendation");
    expect(fieldsOf(r!)).toEqual([
      ["Deploy frequency", "Rare"],
      ["Load pattern", "Steady"],
    ]);
    // One answer read is no description; nor is a question (it needs three answers and a choice).
    const [one] = await conversation("our app is a java monolith.");
    expect(one!.kind).not.toBe("recommendation");
    const [asked] = await conversation(
      "the traffic is steady and we release once a quarter, is that normal?",
    );
    expect(asked!.kind).not.toBe("recommendation");
    // Nor another's case, a general claim or hearsay (an independent review's got recommendations).
    for (const said of [
      "Kubernetes is great for teams that deploy daily with spiky load.",
      "netflix deploys thousands of times a day and has spiky traffic.",
      "at my last job we deployed daily and traffic was spiky.",
      "the docs say teams that deploy daily with spiky load should use containers.",
      "we heard teams that deploy daily and have spiky traffic use containers.",
    ]) {
      const [r] = await conversation(said);
      expect(r!.kind, said).not.toBe("recommendation");
    }
    // After a recommendation, a statement changes it only as an amendment does: a new one from its
    // answers alone would drop the recommendation's.
    const [, after] = await conversation(
      CONTAINERS_TEAM,
      "we release once a quarter and the traffic is spiky.",
    );
    expect(fieldsOf(after!)).toEqual([]);
  });

  it("reads only the question answered last, not one before it", async () => {
    const [, , r] = await conversation(described, "what is a sidecar?", "so what should i use?");
    expect(fieldsOf(r!)).not.toEqual([["Isolation", "Hard"]]);
  });
});

describe("a statement after a recommendation too short of answers to pick one", () => {
  const few =
    "recommend 6 engineers, one rails monolith + postgres on heroku, deploy like 10x a day, costs creeping up";

  it("adds the answers read in it, as the answers the recommendation listed as deciding (a blind trial's got the databases answer)", async () => {
    const [first, r] = await conversation(
      few,
      "we dont want to run kubernetes ourselves, and yes we have a postgres db, no legacy stuff",
    );
    expect(first!.summary).toContain(knowledge.decision.rules.labels.provisionalHeading);
    expect(r!.kind).toBe("recommendation");
    expect(fieldsOf(r!)).toEqual([
      ["Orchestration appetite", "Low"],
      ["Legacy software", "No"],
    ]);
    expect(r!.summary).not.toContain(knowledge.decision.rules.labels.provisionalHeading);
  });

  it("takes a reply to its questions that speaks to the bot in another clause (a second review's)", async () => {
    const [, r] = await conversation(
      "recommend we have a monolith",
      "to answer your questions, we deploy weekly and we have strict compliance",
    );
    expect(r!.kind).toBe("recommendation");
    expect(fieldsOf(r!)).toEqual(
      expect.arrayContaining([
        ["Deploy frequency", "Regular"],
        ["Compliance", "Strict"],
      ]),
    );
  });

  it("takes only the answers told of the team, not those of another in the same statement (a third review's)", async () => {
    const [, r] = await conversation(
      "recommend we have a monolith",
      "we deploy weekly, our biggest customer has strict compliance",
    );
    expect(r!.kind).toBe("recommendation");
    expect(fieldsOf(r!)).toEqual([["Deploy frequency", "Regular"]]);
  });

  it.each([
    // A review's, each of which the team said without "we" as the subject of its clause.
    [
      "we deploy daily; PCI applies to us",
      [
        ["Deploy frequency", "Frequent"],
        ["Compliance", "Strict"],
      ],
    ],
    ["our company is regulated", [["Compliance", "Strict"]]],
    ["the app handles card data", [["Compliance", "Strict"]]],
    ["i run everything on linux only", [["Several operating systems", "No"]]],
    ["clients require us to be HIPAA compliant", [["Compliance", "Strict"]]],
    // "it": the system the recommendation is about.
    ["it handles card data", [["Compliance", "Strict"]]],
    // A second review's: asked of the team by others, or "them" the team's own.
    ["our customers are banks, and they need strict compliance from us", [["Compliance", "Strict"]]],
    ["the app holds patient data so hipaa applies to them", [["Compliance", "Strict"]]],
  ])("takes %j, told of the team", async (said, fields) => {
    const [, r] = await conversation("recommend we have a monolith", said);
    expect(r!.kind).toBe("recommendation");
    expect(fieldsOf(r!)).toEqual(expect.arrayContaining(fields));
    expect(fieldsOf(r!)).toHaveLength(fields.length);
  });

  it("leaves a question, a statement of nothing new, and a statement after a recommendation with enough answers", async () => {
    const [, question] = await conversation(few, "can we run databases in containers?");
    expect(question!.kind).toBe("answer");
    const [, again] = await conversation(few, "we deploy 10x a day");
    expect(again!.kind).not.toBe("recommendation");
    const [full, after] = await conversation(
      CONTAINERS_TEAM,
      "we dont want to run kubernetes ourselves, no legacy stuff",
    );
    expect(full!.summary).not.toContain(knowledge.decision.rules.labels.provisionalHeading);
    expect(after!.kind).not.toBe("recommendation");
  });

  it.each([
    // A review's, each of which rewrote the team's answers: said to the bot, of others, or wished.
    "your answer assumes we deploy daily, we don't",
    "my friend's startup has 200 microservices on kubernetes",
    "our competitor runs everything on vms because of strict compliance",
    "netflix deploys hundreds of times a day",
    "we should deploy daily",
    "management wants us to deploy daily",
    // Another party as the subject of a short clause, or after "plus".
    "clients require HIPAA",
    "plus our competitor deploys daily",
    "my friend's team has strict compliance",
    // A second review's: another party beside "i" or "our", or a wish.
    "a startup i advise handles card data",
    "a company i know runs 200 microservices",
    "i know a bank that is PCI regulated",
    "i guess their app is stateless",
    "my dad's company is PCI regulated",
    "my roommate's app handles card data",
    "our teammate's side project needs gpus",
    "my boss wishes we deployed daily",
    "we could deploy weekly",
  ])("leaves %j, which is no answer of the team's", async (q) => {
    const [first, r] = await conversation("recommend we have a monolith", q);
    expect(first!.summary).toContain(knowledge.decision.rules.labels.provisionalHeading);
    expect(r!.kind).not.toBe("recommendation");
  });
});

describe("'what would you pick for us?' after a recommendation", () => {
  it("gives the pick again, in short when asked 'in one sentence', instead of starting the checklist (a blind trial's)", async () => {
    const [, r] = await conversation(CONTAINERS_TEAM, "ok so what would you pick for us in one sentence");
    expect(r!.kind).toBe("recommendation");
    expect(texts(r!)).toContain(knowledge.responses.followUp.simpler);
    const [, plain] = await conversation(CONTAINERS_TEAM, "what would you pick for us?");
    expect(plain!.kind).toBe("recommendation");
    expect(plain!.summary).toMatch(/Containers$/);
    // With no recommendation shown, it asks for one: the checklist.
    const [fresh] = await conversation("what would you pick for us?");
    expect(fresh!.kind).toBe("checklist");
  });
});

describe("'why not X?' after a recommendation short of answers", () => {
  it("says what counts against X so far and which questions would decide, not the leaders' reasons (a blind trial's)", async () => {
    const [first, r] = await conversation("recommend we have a monolith", "why not containers?");
    expect(first!.summary).toContain(knowledge.decision.rules.labels.provisionalHeading);
    const said = texts(r!);
    expect(said[0]).toMatch(/^\*\*Why not Containers\?\*\* /);
    expect(said.join("\n")).toContain(`**${knowledge.decision.rules.labels.decisive}:**`);
  });
});

describe("questions about the recommendation just shown", () => {
  const description =
    "recommend we are 3 engineers with one monolith, we deploy weekly, strict compliance rules and our load is steady";
  const contextOf = (r: Reply) => r.parts.find((p) => p.type === "context");

  it("answers 'why is X ruled out?' with the hard requirements that rule it out and the question that would lift them, not the reasons for the pick again (blind trial 26)", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(
      turn({
        text: "recommend a legacy .net monolith on windows vms plus a few linux microservices, spiky traffic, moderate compliance",
        via: "command",
      }),
    );
    expect(rec!.summary).toMatch(/Recommendation: Mixed platform$/);
    const [shaped] = await bot.handle(
      turn({ text: "Why is container-shaped development ruled out? I thought that was the low-risk option" }),
    );
    const said = texts(shaped!);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^\*\*Why not Container-shaped development\?\*\* .* rules it out whatever the score:/,
    );
    expect(said[0]).toContain(
      "containers for development only would leave the new services on production VMs too",
    );
    // Both requirements that rule it out hold through the architecture answer, and only its
    // Monolith lifts them both (Mixed would not: both name it; an independent review's).
    expect(said[0]).toMatch(
      /Answering Architecture with “Monolith” would no longer rule Container-shaped development out\.$/,
    );
    // Kubernetes on VMs is ruled out by requirements no one answer holds all of: no such line.
    const [k8s] = await bot.handle(turn({ text: "why was kubernetes on vms ruled out?" }));
    expect(texts(k8s!)).toHaveLength(1);
    expect(texts(k8s!)[0]).toMatch(/^\*\*Why not Kubernetes on VMs\?\*\*/);
    expect(texts(k8s!)[0]).not.toContain("would no longer rule");
    // After a lead-in, and in other words for leaving it out; not "out of" something.
    for (const q of [
      "one more on the recommendation: why was kubernetes on vms ruled out? we have a mix of stuff",
      "why is kubernetes on vms out?",
      "why is kubernetes on vms off the table?",
    ]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(texts(r!)[0], q).toMatch(/^\*\*Why not Kubernetes on VMs\?\*\*/);
    }
    const [memory] = await bot.handle(turn({ text: "why is kubernetes on vms out of memory?" }));
    expect(texts(memory!)[0] ?? "").not.toMatch(/^\*\*Why not/);
  });

  it("answers 'why?', 'why not …?' and 'what would change it?' from the recommendation; after an answer, only what names one of its options", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: description, via: "command" }));
    expect(rec!.kind).toBe("recommendation");
    const title = rec!.summary.replace(/^.*Recommendation: /, "");
    const shown = texts(rec!);
    const [why] = await bot.handle(turn({ text: "why?" }));
    expect(contextOf(why!)).toEqual({
      type: "context",
      text: `Following up on the recommendation: _${title}_`,
    });
    // The card's own parts, not a new answer.
    expect(texts(why!)).toEqual(shown.filter((t) => t.startsWith("**Why:**")));
    // "Why not" the runner-up, named or not: the card's answer to it.
    const runnerUp = shown.find((t) => t.startsWith("**Why not"))!;
    const named = runnerUp.replace(/^\*\*Why not (.*?)\?\*\*.*$/s, "$1");
    for (const q of [`why not ${named.toLowerCase()}?`, "why not?", "why not the runner up?"]) {
      const [whyNot] = await bot.handle(turn({ text: q }));
      expect(texts(whyNot!)[0], q).toBe(runnerUp);
    }
    // Another option (by a name of its own: Firecracker is a microVM): its own case, with its score.
    expect(named).not.toBe("MicroVMs");
    const [whyNotOther] = await bot.handle(turn({ text: "why not firecracker then?" }));
    expect(texts(whyNotOther!)[0]).toMatch(
      /^\*\*Why not MicroVMs\?\*\* MicroVMs scored -?[\d.]+ points? against [\d.]+ points? for /,
    );
    // Containers, not Container-shaped development, which also says "container".
    const [whyNotContainers] = await bot.handle(turn({ text: "why not containers?" }));
    expect(texts(whyNotContainers!)[0]).toMatch(/^\*\*Why not Containers\?\*\*/);
    // Likened to someone ("… like the parent company?"): still why not that option (a blind
    // trial's was "not covered").
    const [likened] = await bot.handle(turn({ text: "why not just vms like our parent company?" }));
    expect(texts(likened!)[0]).toMatch(/^\*\*Why not Virtual machines\?\*\*/);
    // The pick itself ("container-shaped" names it, though "container" is Containers' word too): the reasons.
    expect(title).toBe("Container-shaped development");
    const [whyNotShaped] = await bot.handle(turn({ text: "why not container-shaped?" }));
    expect(texts(whyNotShaped!)).toEqual(shown.filter((t) => t.startsWith("**Why:**")));
    // Something that is no option: the reasons.
    const [whyNotNomad] = await bot.handle(turn({ text: "why not nomad?" }));
    expect(texts(whyNotNomad!)).toEqual(shown.filter((t) => t.startsWith("**Why:**")));
    // "source?", "tl;dr" and "how so?" about it: the card's sources, the gist of the pick, the reasons.
    const [sources] = await bot.handle(turn({ text: "source?" }));
    expect(sources!.parts).toContainEqual(rec!.parts.find((p) => p.type === "sources"));
    const [short] = await bot.handle(turn({ text: "tl;dr" }));
    const summary = knowledge.decision.recommendations.find((r) => r.title === title)!.summary;
    // The gist, then the two strongest reasons in a sentence each and what would change it.
    expect(texts(short!).slice(0, 2)).toEqual([
      knowledge.responses.followUp.simpler,
      `${summary.split(". ")[0]}.`,
    ]);
    const strongest = shown
      .find((t) => t.startsWith("**Why:**"))!
      .split("\n")
      .slice(1, 3);
    expect(
      texts(short!)[2]!
        .split("\n")
        .map((l) => l.slice(0, 30)),
    ).toEqual(strongest.map((l) => l.slice(0, 30)));
    expect(texts(short!).slice(3)).toEqual(shown.filter((t) => t.startsWith("**What would change it:**")));
    const [howSo] = await bot.handle(turn({ text: "how so?" }));
    expect(texts(howSo!)).toEqual(shown.filter((t) => t.startsWith("**Why:**")));
    const [change] = await bot.handle(turn({ text: "what would change the recommendation?" }));
    expect(texts(change!)).toEqual(shown.filter((t) => t.startsWith("**What would change it:**")));
    // A question of its own that starts with "why" is answered as one.
    const [own] = await bot.handle(turn({ text: "why do containers start faster than vms?" }));
    expect(own!.kind).toBe("answer");
    expect(contextOf(own!)).toBeUndefined();
    // An answer shown after it: "why?" is about the answer from then on.
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [after] = await bot.handle(turn({ text: "why?" }));
    expect(contextOf(after!)?.type === "context" && contextOf(after!)!.text).toMatch(
      /^Following up on _Can we run/,
    );
    // "why not X?" naming one of its options is about the recommendation whatever came between
    // (three blind trials asked so after other answers and got the option's definition)…
    const [laterWhyNot] = await bot.handle(turn({ text: "why not kubernetes on vms?" }));
    expect(texts(laterWhyNot!)[0]).toMatch(/^\*\*Why not Kubernetes on VMs\?\*\*/);
    // …and brings it forward; an answer after it takes "why?" back again, and so "why not?" and
    // "why not X for <something>?", which name no option alone (an independent review's).
    for (const q of ["why?", "why not?", "why not vms for the db?"]) {
      await bot.handle(turn({ text: "can we run databases in containers?" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(texts(r!)[0] ?? "", q).not.toMatch(/^\*\*Why/);
      expect(JSON.stringify(r!.parts), q).not.toContain("Following up on the recommendation");
    }
    // What can only be about the recommendation still is (a blind trial was told there was none);
    // answered, the recommendation is the last thing shown again, so "why not X?" is about it.
    const [stillChange] = await bot.handle(turn({ text: "what would change it?" }));
    expect(texts(stillChange!)).toEqual(shown.filter((t) => t.startsWith("**What would change it:**")));
    const [whyNotAgain] = await bot.handle(turn({ text: "why not kubernetes on vms?" }));
    expect(texts(whyNotAgain!)[0]).toMatch(/^\*\*Why not Kubernetes on VMs\?\*\*/);
    // A comparison or a list ends the answer's context, not the recommendation's (trial 5): what
    // can only be about it still is; "why?" and "source?" would be about the comparison, so they
    // ask for the whole question.
    await bot.handle(turn({ text: "compare boot time", via: "command" }));
    for (const q of ["why?", "source?", "tl;dr"]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.summary, q).toBe(knowledge.responses.followUp.nothingBefore);
    }
    const [afterCompare] = await bot.handle(turn({ text: "what would change it?" }));
    expect(texts(afterCompare!)).toEqual(shown.filter((t) => t.startsWith("**What would change it:**")));
    const [whyNotAfterCompare] = await bot.handle(turn({ text: `why not ${named.toLowerCase()}?` }));
    expect(texts(whyNotAfterCompare!)[0]).toBe(runnerUp);
    // What names it reaches it too, and brings it forward: a bare "why?" is about it again.
    await bot.handle(turn({ text: "compare boot time", via: "command" }));
    for (const q of ["why did you recommend that?", "why?"]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(texts(r!), q).toEqual(shown.filter((t) => t.startsWith("**Why:**")));
    }
    // Nowhere else: another conversation has no recommendation to ask about.
    const [elsewhere] = await bot.handle(turn({ text: "why?", conversation: "other" }));
    expect(elsewhere!.kind).toBe("decline");
    // There, "what would change it?" says there is no recommendation yet (after an answer too,
    // which it would otherwise follow up on); a question of its own about change is matched.
    await bot.handle(turn({ text: "what is kubernetes?", conversation: "other" }));
    const [none] = await bot.handle(turn({ text: "what would change it?", conversation: "other" }));
    expect(none!.summary).toBe(knowledge.responses.followUp.noRecommendation);
    const [own2] = await bot.handle(turn({ text: "what changes with kubernetes?", conversation: "other" }));
    expect(own2!.summary).not.toBe(knowledge.responses.followUp.noRecommendation);
    // A new checklist is a new decision: the recommendation before it is ended.
    await bot.handle(turn({ text: "checklist", via: "command" }));
    const [afterChecklist] = await bot.handle(turn({ text: "what would change it?" }));
    expect(afterChecklist!.summary).toBe(knowledge.responses.followUp.noRecommendation);
  });
});

describe("a request about the recommendation that reads as a checklist request", () => {
  it("answers 'explain the recommendation' and 'sources for the recommendation?' from it, and keeps it", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(
      turn({
        text: "recommend we run untrusted customer code and deploy daily with a platform team",
        via: "command",
      }),
    );
    // Alone, the matcher takes this one for the checklist intent: it would start one and end the recommendation.
    expect(bot.qa.asker.ask("explain the recommendation").kind).toBe("intent");
    const [explain] = await bot.handle(turn({ text: "explain the recommendation" }));
    expect(explain!.kind).toBe("recommendation");
    expect(JSON.stringify(explain!.parts)).toContain("**Why:**");
    const [sources] = await bot.handle(turn({ text: "sources for the recommendation?" }));
    expect(sources!.parts.some((p) => p.type === "sources")).toBe(true);
    const [change] = await bot.handle(turn({ text: "what would change it?" }));
    expect(change!.summary).not.toBe(knowledge.responses.followUp.noRecommendation);
    // Asked for again, even after another answer (trial 16: "couldn't tell any of the answers").
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    // (Trial 17's "so what's the recommendation?" started a new checklist.)
    for (const q of [
      "what do you recommend again?",
      "so what was the recommendation?",
      "so what's the recommendation?",
      "ok what is your verdict then",
    ]) {
      const [again] = await bot.handle(turn({ text: q }));
      expect(again!.kind, q).toBe("recommendation");
      expect(JSON.stringify(again!.parts), q).toContain("**Why:**");
    }
    // Asking for a new one, or thanks for it, is not about this one.
    for (const q of [
      "give me a new recommendation",
      "help me choose between vms and containers",
      "redo the recommendation",
      "thanks for the recommendation!",
      "what's your recommendation for a bank?",
    ]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).not.toBe("recommendation");
    }
  });
});

describe("a correction whose team is the subject of a later clause", () => {
  it("is applied: 'actually the card data is handled by stripe, we're not in PCI scope' (a blind trial's got an FAQ best guess)", async () => {
    const [, r] = await conversation(
      "recommend 25 microservices, platform team runs k8s, payments handles card data (PCI), deploy many times a day",
      "actually the card data is handled by stripe, we're not in PCI scope",
    );
    expect(r!.parts[0]).toEqual({ type: "heading", text: knowledge.responses.situation.correctedHeading });
    expect(fieldsOf(r!)).toEqual([["Compliance", "None"]]);
    // Nobody of the team's in any clause, or another's system in one: no correction (the last
    // three an independent review's).
    for (const said of [
      "actually the card processor is stripe, the processor is in PCI scope",
      "actually netflix deploys weekly, the services there are bigger",
      "actually the vendor's product is a monolith, the api is theirs",
      "actually my friend's team deploys quarterly, the services are similar to ours",
    ]) {
      const [, other] = await conversation(
        "recommend 25 microservices, platform team runs k8s, payments handles card data (PCI), deploy many times a day",
        said,
      );
      expect(other!.parts[0], said).not.toEqual({
        type: "heading",
        text: knowledge.responses.situation.correctedHeading,
      });
    }
    // A statement of what has changed since, after a linking word (a blind trial's got the legacy
    // answer, and legacy stayed yes).
    const [, since] = await conversation(
      "recommend we're a bank, strict audits, legacy java on RHEL VMs, quarterly releases",
      "and we dont have legacy stuff anymore, all rewritten as microservices",
    );
    expect(since!.parts[0]).toEqual({
      type: "heading",
      text: knowledge.responses.situation.correctedHeading,
    });
    expect(fieldsOf(since!)).toEqual(expect.arrayContaining([["Legacy software", "No"]]));
    // Another's facts beside the team's: only the team's are taken.
    const [, both] = await conversation(
      "recommend 25 microservices, platform team runs k8s, payments handles card data (PCI), deploy many times a day",
      "actually netflix deploys weekly, we're not in PCI scope",
    );
    expect(fieldsOf(both!)).toEqual([["Compliance", "None"]]);
  });
});

describe("'change <question> to <option>' after a recommendation", () => {
  it("changes that answer whatever was shown after it (blind trial 18's got 'That takes me back to my answer above')", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(
      turn({
        text: "recommend we are 3 engineers with one monolith, we deploy weekly, strict compliance rules and no kubernetes experience",
        via: "command",
      }),
    );
    await bot.handle(turn({ text: "what is an orchestrator?" }));
    const [r] = await bot.handle(turn({ text: "change orchestration appetite to medium" }));
    expect(r!.parts[0]).toEqual({ type: "heading", text: knowledge.responses.situation.correctedHeading });
    const fields = r!.parts.find((p) => p.type === "fields");
    expect(fields?.type === "fields" && fields.fields.map((f) => [f.label, f.value.split(" — ")[0]])).toEqual(
      [["Orchestration appetite", "Medium"]],
    );
    // A statement naming an answer without the request still needs the recommendation last.
    const other = makeBot(await createStore("memory:"));
    await other.handle(
      turn({
        text: "recommend we are 3 devs, one node monolith, deploy daily, no compliance",
        via: "command",
      }),
    );
    await other.handle(turn({ text: "what is an orchestrator?" }));
    const [plain] = await other.handle(turn({ text: "orchestration appetite is medium" }));
    expect(plain!.parts[0]).not.toEqual({
      type: "heading",
      text: knowledge.responses.situation.correctedHeading,
    });
  });

  it("changes several answers in one request, a yes/no answer to 'no', and an option named by its description (blind trial 21's were answered as questions)", async () => {
    const fields = (r: Reply) => fieldsOf(r).map((f) => f.join("="));
    for (const [text, expected] of [
      [
        "Change: legacy software to no and several operating systems to no",
        ["Legacy software=No", "Several operating systems=No"],
      ],
      ["change legacy software to no", ["Legacy software=No"]],
      // Openings both request patterns take (a second review's "hey, …" did nothing).
      ["hey, change compliance to none", ["Compliance=None"]],
      ["so update legacy software to no", ["Legacy software=No"]],
      // "daily" and "weekly" are words of the options' descriptions ("Frequent — daily or more").
      ["change deploy frequency to daily", ["Deploy frequency=Frequent"]],
      ["set deploy frequency to weekly, compliance to none", ["Deploy frequency=Regular", "Compliance=None"]],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(
        turn({
          text: "recommend 14 engineers, a windows imaging package, legacy licensed software, strict compliance, quarterly releases",
          via: "command",
        }),
      );
      await bot.handle(turn({ text: "what is a hypervisor?" }));
      const [r] = await bot.handle(turn({ text }));
      expect(r!.parts[0], text).toEqual({
        type: "heading",
        text: knowledge.responses.situation.correctedHeading,
      });
      expect(new Set(fields(r!)), text).toEqual(new Set(expected));
    }
  });
});

describe("'so which one should we pick?' after a recommendation", () => {
  it("restates it while it is the last thing shown; after an answer comparing two things it is not about it", async () => {
    const start =
      "recommend we are a startup with 5 devs, a few small stateless services, deploy daily, no compliance";
    // Trial 17's "ugh so which one is right" was declined; "so which one should we pick?" started a checklist.
    for (const q of [
      "ugh so which one is right",
      "so which one should we pick?",
      "so which would you pick?",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: start, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(JSON.stringify(r!.parts), q).toContain("**Why:**");
    }
    // An independent review's: after "firecracker vs kata?" it restated the recommendation.
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: start, via: "command" }));
    const [compared] = await bot.handle(turn({ text: "firecracker vs kata containers?" }));
    expect(compared!.kind).toBe("answer");
    const [r] = await bot.handle(turn({ text: "ok which one is better?" }));
    expect(r!.kind).not.toBe("recommendation");
  });
});

describe("'what's the catch?' after a recommendation", () => {
  it("gives the recommendation's caveats, or its summary's price when the answers raise none (blind trial 17's, all declined)", async () => {
    const caveatsOf = (r: Reply) =>
      r.parts.filter((p) => p.type === "text" && p.text.startsWith("**Caveats:**"));
    const bot = makeBot(await createStore("memory:"));
    const [card] = await bot.handle(
      turn({
        text: "recommend we are 3 devs, one node monolith, deploy daily, no compliance",
        via: "command",
      }),
    );
    const onCard = caveatsOf(card!);
    expect(onCard).toHaveLength(1);
    for (const q of [
      "what's the catch?",
      "any downsides?",
      "what are the risks?",
      "cons?",
      "what should we watch out for?",
      "what could go wrong?",
      "whats the biggest risk with this pick",
      "any risks with this plan?",
      "what are the downsides of that approach?",
      // (A review's, declined.)
      "any limitations?",
    ]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(caveatsOf(r!), q).toEqual(onCard);
    }
    // Acknowledgements and complaints ask for none (an independent review's: each got the caveats).
    for (const q of [
      "gotcha",
      "ok gotcha",
      "no problem, thanks!",
      "not an issue for us",
      "no issues",
      "you got it wrong",
      "we have a problem",
      "the answer is wrong",
      "the drawbacks are ok",
      // "approach", "plan" and the like only beside a word that names a drawback (review 22's:
      // these got the caveats once any of them could point back).
      "but that approach is wrong",
      "so what's wrong with the plan",
      "is there an issue with my PATH?",
      "what's the problem with this setup?",
    ]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(caveatsOf(r!), q).toEqual([]);
    }
    // A question of its own, or a follow-up of the answer shown after it, is not about the card.
    const [own] = await bot.handle(turn({ text: "what are the risks of running databases in containers?" }));
    expect(own!.kind).toBe("answer");
    const [after] = await bot.handle(turn({ text: "any downsides?" }));
    expect(after!.kind).not.toBe("recommendation");

    // No caveat for these answers: the option's summary, which names its price.
    const vms = makeBot(await createStore("memory:"));
    const [vmCard] = await vms.handle(
      turn({
        text: "recommend we run a legacy monolith certified only on RHEL, quarterly releases, strict compliance",
        via: "command",
      }),
    );
    expect(vmCard!.summary).toContain("Recommendation: Virtual machines");
    expect(caveatsOf(vmCard!)).toHaveLength(0);
    const [price] = await vms.handle(turn({ text: "what's the catch?" }));
    const summary = knowledge.decision.recommendations.find((r) => r.id === "vms")!.summary;
    expect(price!.parts).toContainEqual({ type: "text", text: knowledge.responses.followUp.noCaveats });
    expect(price!.parts).toContainEqual({ type: "text", text: summary });
  });
});

describe("'what if …?' after a recommendation", () => {
  const description =
    "recommend we are 3 engineers with one monolith, we deploy weekly, strict compliance rules and our load is steady";
  /** A bot that has just recommended for `description`. */
  const recommended = async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: description, via: "command" }));
    return bot;
  };

  it("decides again with the change, says whether the pick moved, and answers 'why?' about the new one", async () => {
    const bot = makeBot(await createStore("memory:"));
    const t = knowledge.responses.situation;
    const [rec] = await bot.handle(turn({ text: description, via: "command" }));
    const before = rec!.summary.replace(/^.*Recommendation: /, "");
    const [moved] = await bot.handle(turn({ text: "what if we had 50 services?" }));
    expect(moved!.kind).toBe("recommendation");
    expect(moved!.parts[0]).toEqual({ type: "heading", text: t.whatIfHeading });
    // Only the change is listed; the rest of the answers still count.
    const fields = moved!.parts.find((p) => p.type === "fields");
    expect(fields?.type === "fields" && fields.fields.map((f) => f.label)).toEqual(["Architecture"]);
    const after = moved!.summary.replace(/^.*Recommendation: /, "");
    expect(after).not.toBe(before);
    expect(texts(moved!)).toContain(`With that change the recommendation moves from ${before} to ${after}.`);
    // The same as describing the changed situation at once.
    const [whole] = await makeBot(await createStore("memory:")).handle(
      turn({ text: description.replace("one monolith", "50 services"), via: "command" }),
    );
    expect(whole!.summary).toBe(`${t.heading}. Recommendation: ${after}`);
    // (A what-if's, beside the team's own.)
    const [why] = await bot.handle(turn({ text: "why?" }));
    expect(why!.parts[0]).toEqual({
      type: "context",
      text: fill(knowledge.responses.followUp.whatIf, { title: after, own: before }),
    });
    // A short question after the supposition asks for the new pick; a question of its own is one.
    const [then] = await bot.handle(turn({ text: "suppose we had 60 services, what then?" }));
    expect(then!.parts[0]).toEqual({ type: "heading", text: t.whatIfHeading });
    const [own] = await bot.handle(turn({ text: "if we share a kernel, is it safe to run untrusted code?" }));
    expect(own!.summary).not.toMatch(/^If that were so/);
    // Packaging a part as it is changes no answer: a question of its own (blind trial 18's moved
    // a mixed platform to VMs on "monolith"); splitting it into services is having services.
    const mixed = makeBot(await createStore("memory:"));
    await mixed.handle(
      turn({
        text: "recommend our core is a legacy java monolith on weblogic plus 6 newer python services, monthly releases, no compliance, small ops team",
        via: "command",
      }),
    );
    const [packaged] = await mixed.handle(
      turn({ text: "what if we containerize the monolith too, without rewriting it?" }),
    );
    expect(packaged!.kind).toBe("answer");
    const [split] = await mixed.handle(turn({ text: "what if we split the monolith into services?" }));
    expect(split!.parts[0]).toEqual({ type: "heading", text: t.whatIfHeading });
    expect(JSON.stringify(split!.parts)).toContain("Microservices");
    // Several words before a bare "if": a question of its own (an independent review's; only
    // "what if" and the like take several).
    const [bare] = await bot.handle(
      turn({ text: "ok so if we go with containers do we need a platform team" }),
    );
    expect(bare!.summary).not.toMatch(/^If that were so/);
    await bot.handle(turn({ text: "what if we had 50 services?" }));
    const [stays] = await bot.handle(turn({ text: "and if we deployed daily?" }));
    expect(texts(stays!)).toContain(`With that change the recommendation stays ${after}.`);
  });

  it("weighs each what-if against the team's own answers, not the one before, unless it adds to it (seventeenth blind trial)", async () => {
    const t = knowledge.responses.situation;
    const pick = (r: Reply) => r.summary.replace(/^.*Recommendation: /, "");
    /** The pick for the description with some of its words replaced, asked afresh. */
    const fresh = async (...changes: [string, string][]) => {
      const text = changes.reduce((d, [from, to]) => d.replace(from, to), description);
      const [r] = await makeBot(await createStore("memory:")).handle(turn({ text, via: "command" }));
      return pick(r!);
    };
    const services: [string, string] = ["one monolith", "50 services"];
    const spiky: [string, string] = ["our load is steady", "our load is spiky"];
    const daily: [string, string] = ["we deploy weekly", "we deploy daily"];
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: description, via: "command" }));
    const own = pick(rec!);
    const [moved] = await bot.handle(turn({ text: "what if we had 50 services?" }));
    expect(pick(moved!)).toBe(await fresh(services));
    expect(pick(moved!)).not.toBe(own);
    // A what-if of its own: the 50 services are gone again, and it says so.
    const [second] = await bot.handle(turn({ text: "what if our load was spiky?" }));
    expect(second!.parts[0]).toEqual({ type: "heading", text: t.whatIfHeading });
    expect(pick(second!)).toBe(await fresh(spiky));
    expect(second!.parts).toContainEqual({ type: "context", text: t.whatIfFromOwn });
    // "also" adds to the one before (as "and if …" does), and says nothing of the team's own.
    await bot.handle(turn({ text: "what if we had 50 services?" }));
    const [added] = await bot.handle(turn({ text: "what if we also deployed daily?" }));
    expect(pick(added!)).toBe(await fresh(services, daily));
    expect(added!.parts).not.toContainEqual({ type: "context", text: t.whatIfFromOwn });
    // Asked for after a what-if, the recommendation is the team's own.
    const [restated] = await bot.handle(turn({ text: "so what's the recommendation?" }));
    expect(restated!.parts.find((p) => p.type === "context")).toEqual({
      type: "context",
      text: `Following up on the recommendation: _${own}_`,
    });
    // A correction after a what-if changes the team's own answers, and the next what-if starts
    // from them.
    await bot.handle(turn({ text: "what if we had 50 services?" }));
    const [corrected] = await bot.handle(turn({ text: "actually we deploy daily" }));
    expect(corrected!.parts[0]).toEqual({ type: "heading", text: t.correctedHeading });
    expect(pick(corrected!)).toBe(await fresh(daily));
    const [after] = await bot.handle(turn({ text: "what if our load was spiky?" }));
    expect(pick(after!)).toBe(await fresh(daily, spiky));
  });

  it("takes 'and microvms?', 'what about plain vms?' right after the recommendation as why not that option (a blind trial's got a definition)", async () => {
    const description =
      "recommend 300 person fintech, java monolith on vmware plus some microservices, strict PCI compliance, we release every quarter";
    const [, , micro, vms, , later] = await conversation(
      description,
      "why not kubernetes?",
      "and microvms?",
      "what about plain vms?",
      "what is a hypervisor?",
      "and microvms?",
    );
    expect(plainText([micro!])).toContain("Why not MicroVMs?");
    expect(plainText([vms!])).toContain("Why not Virtual machines?");
    // After another answer it is a question of its own.
    expect(later!.kind).toBe("answer");
    // Nor a question naming more than the option.
    const [, more] = await conversation(description, "what about microvms for the database?");
    expect(plainText([more!])).not.toContain("Why not MicroVMs?");
  });

  it("offers an entry for a message of no subject word without calling it no question of ours, right after an answer or a recommendation (a blind trial's)", async () => {
    const d = knowledge.responses.decline;
    const [, step] = await conversation(
      "how do we migrate our php app from vms to containers?",
      "whats the first step concretely",
    );
    expect(step!.summary).toBe(d.noSubjectMatchInConversation);
    expect(buttons([step!], "suggestions").length).toBeGreaterThan(0);
    const [, cost] = await conversation(
      "recommend solo dev, one small saas app, postgres, deploy daily",
      "what would it cost me roughly",
    );
    expect(cost!.summary).toBe(d.noSubjectMatchInConversation);
    // Alone it is what it was.
    const [alone] = await conversation("whats the first step concretely");
    expect(alone!.summary).toBe(d.noSubjectMatch);
  });

  it("adds a requirement a what-if names to the team's own, never lowering it, unless it says so (a blind trial's SOC 2)", async () => {
    const description =
      "recommend 300 person fintech, java monolith on vmware plus some microservices, strict PCI compliance, we release every quarter";
    const [, added] = await conversation(description, "what if we had to pass SOC 2?");
    expect(added!.kind).toBe("notice");
    expect(added!.summary).toBe(
      fill(knowledge.responses.situation.whatIfCovered, { questions: "Compliance" }),
    );
    const [, lowered] = await conversation(description, "what if we only had SOC 2?");
    expect(fieldsOf(lowered!)).toEqual([["Compliance", "Moderate"]]);
    // (Said with "weren't": an independent review's was told compliance was already stricter.)
    for (const none of ["what if we weren't in PCI scope?", "what if we were never in PCI scope?"]) {
      const [, r] = await conversation(description, none);
      expect(fieldsOf(r!), none).toEqual([["Compliance", "None"]]);
    }
    // The rest of a what-if still counts.
    const [, both] = await conversation(description, "what if we had to pass SOC 2 and deployed daily?");
    expect(fieldsOf(both!)).toEqual([["Deploy frequency", "Frequent"]]);
    // A stricter one than theirs is taken.
    const [, raised] = await conversation(
      "recommend 20 devs, saas, soc 2 audits, we deploy daily, microservices",
      "what if we had to pass PCI DSS with strict separation?",
    );
    expect(fieldsOf(raised!)).toEqual(expect.arrayContaining([["Compliance", "Strict"]]));
  });

  it("takes a requirement away: 'what if we drop the untrusted code requirement?' is standard isolation", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(
      turn({
        text: "recommend customers upload their own scripts and we execute them, we deploy daily",
        via: "command",
      }),
    );
    const [dropped] = await bot.handle(turn({ text: "what if we drop the untrusted code requirement?" }));
    expect(dropped!.parts[0]).toEqual({ type: "heading", text: knowledge.responses.situation.whatIfHeading });
    const fields = dropped!.parts.find((p) => p.type === "fields");
    expect(fields?.type === "fields" && fields.fields.map((f) => [f.label, f.value.split(" — ")[0]])).toEqual(
      [["Isolation", "Standard"]],
    );
    // Quoted in the person's words, not the reader's "no untrusted code".
    expect(plainText([dropped!])).toContain("“drop the untrusted code”");
    // Not needing it any more is the same (blind trial 26).
    const [unneeded] = await bot.handle(turn({ text: "what if we did not need untrusted code support" }));
    const read = unneeded!.parts.find((p) => p.type === "fields");
    expect(read?.type === "fields" && read.fields.map((f) => [f.label, f.value.split(" — ")[0]])).toEqual([
      ["Isolation", "Standard"],
    ]);
    expect(plainText([unneeded!])).toContain("“did not need untrusted code”");
  });

  it("decides again with an amendment opened as 'no wait', 'actually' or 'btw', and with what-ifs about the state (thirteenth blind trial)", async () => {
    const t = knowledge.responses.situation;
    for (const [text, heading, expected] of [
      [
        "no wait, pci light = moderate, not strict. and we have no ops people so maturity is low",
        t.correctedHeading,
        [
          ["Platform maturity", "Low"],
          ["Compliance", "Moderate"],
        ],
      ],
      [
        "oh wait actually the oracle db is being moved to a managed cloud db next quarter, so our stuff is basically stateless",
        t.correctedHeading,
        [["State", "Stateless"]],
      ],
      [
        "oh btw we do have a platform team, 3 SREs who are pretty mature w/ k8s and observability",
        t.correctedHeading,
        [["Platform maturity", "High"]],
      ],
      // What is so for the team, with no "we" (blind trial 20's, answered as a question).
      [
        "no wait, a managed orchestrator is fine for us",
        t.correctedHeading,
        [["Orchestration appetite", "Medium"]],
      ],
      [
        "what if the services were fully stateless, since db is rds?",
        t.whatIfHeading,
        [["State", "Stateless"]],
      ],
      ["what if state was stateless", t.whatIfHeading, [["State", "Stateless"]]],
      ["what if everything was stateless?", t.whatIfHeading, [["State", "Stateless"]]],
      // "actually" after the subject, and what the team runs named with "the" or "our" (a blind
      // trial's "we actually deploy daily" got an FAQ entry, "wait the training jobs …" a decline).
      [
        "we actually deploy weekly now, forgot we moved to git deploys",
        t.correctedHeading,
        [["Deploy frequency", "Regular"]],
      ],
      ["the app is actually stateless", t.correctedHeading, [["State", "Stateless"]]],
      ["our services are actually stateless", t.correctedHeading, [["State", "Stateless"]]],
      [
        "wait the workers checkpoint to s3 so the services are basically stateless",
        t.correctedHeading,
        [["State", "Stateless"]],
      ],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(
        turn({
          text: "recommend small fintech, 8 devs, one django monolith + postgres, deploy every day or so, PCI DSS, linux only",
          via: "command",
        }),
      );
      const [r] = await bot.handle(turn({ text }));
      expect(r!.parts[0], text).toEqual({ type: "heading", text: heading });
      expect(fieldsOf(r!), text).toEqual(expected);
    }
    // Not another's, nor a question: "our competitor is actually on vms", "the docs really say that?".
    for (const text of [
      "our competitor is actually on vms",
      "the docs really say that?",
      "our ceo really likes kubernetes",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(
        turn({
          text: "recommend small fintech, 8 devs, one django monolith + postgres, deploy every day or so, PCI DSS, linux only",
          via: "command",
        }),
      );
      const [r] = await bot.handle(turn({ text }));
      expect(r!.parts[0], text).not.toEqual({ type: "heading", text: t.correctedHeading });
    }
    // Answers given by name, even after another answer came (trial 14): to the recommendation's answers.
    for (const [text, expected] of [
      ["correction - compliance: moderate", [["Compliance", "Moderate"]]],
      ["correction: architecture is mixed, not monolith", [["Architecture", "Mixed"]]],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(
        turn({
          text: "recommend we are 3 engineers with one monolith, we deploy weekly, no compliance",
          via: "command",
        }),
      );
      await bot.handle(turn({ text: "can we run databases in containers?" }));
      const [r] = await bot.handle(turn({ text }));
      expect(r!.parts[0], text).toEqual({ type: "heading", text: t.correctedHeading });
      expect(fieldsOf(r!), text).toEqual(expected);
    }
    // An opening like those before a question, or before what others do, is no amendment (an
    // independent review's: each of these re-decided).
    for (const text of [
      "btw how do backups work?",
      "actually, what does strict compliance mean?",
      "btw our competitor deploys daily",
      "actually our old team had a platform team",
      "also our customers run their own kubernetes clusters",
      "btw our ops lead hates manual deploys",
      "btw we were heavily regulated at my last job",
      // A second review's.
      "actually our competitors were heavily regulated",
      "btw our risk appetite is low",
      "btw compliance was strict at my last job",
      "also isolation is hard to get right with containers",
      "i dont think compliance is strict",
    ]) {
      const fresh = await recommended();
      const [r] = await fresh.handle(turn({ text }));
      expect(r!.parts[0], text).not.toEqual({ type: "heading", text: t.correctedHeading });
      expect(r!.summary, text).not.toBe(t.correctionNothing);
    }
    // A correction the reader cannot place on the checklist says so, rather than answering a
    // question about its words (blind trials 19 and 20: the capabilities a modernising team needs).
    for (const text of [
      "actually we have no platform team",
      "actually we have no platform team at all, does that change anything?",
      // "ok" is no thanks (a third review's).
      "ok, actually we have no platform team",
    ]) {
      const fresh = await recommended();
      const [r] = await fresh.handle(turn({ text }));
      expect(r!.kind, text).toBe("notice");
      expect(r!.summary, text).toBe(t.correctionNothing);
    }
    // Nor thanks or agreement said with an opening, nor a statement before a question, which is
    // answered (a second review's: each got the notice).
    for (const text of [
      "actually we love this, thanks",
      "btw thanks, that's useful for us",
      "actually that makes sense to us",
      "actually we're on aws, can we use EKS?",
    ]) {
      const fresh = await recommended();
      const [r] = await fresh.handle(turn({ text }));
      expect(r!.summary, text).not.toBe(t.correctionNothing);
    }
    const thanked = await recommended();
    const [thanks] = await thanked.handle(turn({ text: "actually we love this, thanks" }));
    expect(thanks!.kind).toBe("smalltalk");
    const asked = await recommended();
    const [eks] = await asked.handle(turn({ text: "actually we're on aws, can we use EKS?" }));
    expect(eks!.kind).toBe("answer");
    // Not once something else was shown after the recommendation: then it is no correction of it.
    const later = await recommended();
    await later.handle(turn({ text: "can we run databases in containers?" }));
    const [afterAnswer] = await later.handle(turn({ text: "actually we have no platform team" }));
    expect(afterAnswer!.summary).not.toBe(t.correctionNothing);
  });

  it("decides again with answers by name right after a recommendation, and with words said for an option or its description repeated after an opening (fifteenth blind trial)", async () => {
    const t = knowledge.responses.situation;
    const start = "recommend we are 3 devs, one node monolith, deploy daily, no compliance";
    for (const [text, heading, expected] of [
      [
        "we deploy quarterly and our platform maturity is low",
        t.correctedHeading,
        [
          ["Platform maturity", "Low"],
          ["Deploy frequency", "Rare"],
        ],
      ],
      [
        "no wait, we are fine with a managed orchestrator",
        t.correctedHeading,
        [["Orchestration appetite", "Medium"]],
      ],
      ["change compliance to moderate.", t.correctedHeading, [["Compliance", "Moderate"]]],
      [
        "wait, you missed stuff: one OS family only, and we run and tune our own clusters",
        t.correctedHeading,
        [
          ["Several operating systems", "No"],
          ["Orchestration appetite", "High"],
        ],
      ],
      [
        "actually platform maturity is high, its a dedicated platform team. and we would rather use EKS than run our own control plane",
        t.correctedHeading,
        [
          ["Platform maturity", "High"],
          ["Orchestration appetite", "Medium"],
        ],
      ],
      ["what if isolation was only standard?", t.whatIfHeading, [["Isolation", "Standard"]]],
      // "were" and "instead" (blind trial 21's got the isolation answer), and an option said to be
      // the only one after a denied one (its "only linux" was dropped).
      ["what if isolation were hard instead", t.whatIfHeading, [["Isolation", "Hard"]]],
      [
        "what if we had no legacy software and only linux?",
        t.whatIfHeading,
        [
          ["Legacy software", "No"],
          ["Several operating systems", "No"],
        ],
      ],
      ["deploy frequency is quarterly", t.correctedHeading, [["Deploy frequency", "Rare"]]],
      ["our team's deploy frequency is weekly", t.correctedHeading, [["Deploy frequency", "Regular"]]],
      ["can you change compliance to moderate", t.correctedHeading, [["Compliance", "Moderate"]]],
      ["the load is predictable", t.correctedHeading, [["Load pattern", "Steady"]]],
      // Several words before "what if" (blind trial 17's).
      ["ok and what if we had strict compliance", t.whatIfHeading, [["Compliance", "Strict"]]],
      ["ok so what if isolation was only standard?", t.whatIfHeading, [["Isolation", "Standard"]]],
      // What the team runs as the subject, with no opening (blind trial 17's).
      ["everything is stateless", t.correctedHeading, [["State", "Stateless"]]],
      ["everything's stateless", t.correctedHeading, [["State", "Stateless"]]],
      // With a word before it, and more after it (a second review's: none re-decided).
      [
        "it's a java monolith and we deploy quarterly",
        t.correctedHeading,
        [
          ["Deploy frequency", "Rare"],
          ["Architecture", "Monolith"],
        ],
      ],
      ["honestly it's stateless", t.correctedHeading, [["State", "Stateless"]]],
      ["pls set compliance to strict", t.correctedHeading, [["Compliance", "Strict"]]],
      ["and it's all stateless", t.correctedHeading, [["State", "Stateless"]]],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: start, via: "command" }));
      const [r] = await bot.handle(turn({ text }));
      expect(r!.parts[0], text).toEqual({ type: "heading", text: heading });
      expect(new Set(fieldsOf(r!).map((f) => f.join("="))), text).toEqual(
        new Set(expected.map((f) => f.join("="))),
      );
    }
    // Naming no question without an opening, a concession, a report, another time, a question, a
    // negation or a rejection beside what an option says, or after another answer: no new
    // recommendation (an independent review's, most of them).
    for (const [text, before] of [
      ["our competitor deploys daily", undefined],
      ["at my last job we deployed quarterly", undefined],
      ["do we need kubernetes for this?", undefined],
      ["we deploy quarterly and our platform maturity is low", "can we run databases in containers?"],
      ["we were told our competitor deploys quarterly", undefined],
      // Passed on after an opening (a second review of the seventeenth trial's change).
      ["actually we know netflix deploys quarterly", undefined],
      ["wait, we were told our competitor deploys quarterly", undefined],
      ["btw we think netflix deploys quarterly", undefined],
      ["we deployed quarterly back in 2019", undefined],
      ["we sell to banks that are heavily regulated", undefined],
      ["we read that GPUs need VMs", undefined],
      ["and we are fine with a managed orchestrator", undefined],
      ["compliance is strict, but only for the other product", undefined],
      ["isolation is hard, i get it, but we only run our own code", undefined],
      ["actually we have audit controls that are not flexible at all", undefined],
      ["actually we run but do not tune our own clusters", undefined],
      ["strong CI/CD and observability is what we are missing", undefined],
      ["actually we dont own it, the vendor controls the software stack", undefined],
      ["actually we find EKS too expensive", undefined],
      ["next year we switch the architecture to microservices", undefined],
      // Others' answers, and words of an option's description that name the opposite (an
      // independent review's, each re-decided for a while).
      ["also, google's deploys are daily", undefined],
      ["most teams' deploys are daily", undefined],
      ["before the freeze, deploys were daily", undefined],
      ["our operating systems are linux", undefined],
      ["operating systems: linux", undefined],
      ["compliance is formal", undefined],
      // With "is", "=" or a label too (a second review's): others', reported, wished for.
      ["netflix's deploy cadence is hourly", undefined],
      ["people say deploy frequency is hourly", undefined],
      ["spotify: deploy frequency = hourly", undefined],
      ["our target deploy frequency is daily", undefined],
      ["the bank's compliance is strict", undefined],
      ["the load is changing", undefined],
      ["we love it, thanks! the monolith bit is spot on", undefined],
      ["our competitors services are stateless", undefined],
      ["the services are stateless, right?", undefined],
      // A second review's: others' systems, plans and hedges, with no answer by name.
      ["deploys are quarterly at netflix", undefined],
      ["the services are going to be stateless next quarter", undefined],
      ["the services are kind of stateful", undefined],
      ["our platform maturity is low from next quarter", undefined],
      // What the team runs as the subject: not asked, not after another answer, not hedged.
      ["it's stateless?", undefined],
      ["it's stateless", "can we run databases in containers?"],
      ["it's kind of stateless", undefined],
      ["it's stateless but only the api", undefined],
      ["it's a great answer", undefined],
      // "it" as the recommended option, or hedged (an independent review's: each re-decided).
      ["it's a bad fit for strict compliance", undefined],
      ["it's a pain for stateful stuff", undefined],
      ["it's stateless-ish", undefined],
      ["it's stateless mostly", undefined],
      ["it's a bank we sell to that has strict compliance", undefined],
      // Others' words, and a request that is no change of an answer (a second review's).
      ["someone else mentioned compliance is strict", undefined],
      ["make a version where compliance is strict", "can we run databases in containers?"],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: start, via: "command" }));
      if (before) await bot.handle(turn({ text: before }));
      const [r] = await bot.handle(turn({ text }));
      expect(r!.parts[0], text).not.toEqual({ type: "heading", text: t.correctedHeading });
    }
  });

  it("decides again with a correction ('you missed that…') and reads what-ifs about the traffic; a guessed FAQ is no answer to one", async () => {
    const bot = makeBot(await createStore("memory:"));
    const t = knowledge.responses.situation;
    await bot.handle(turn({ text: description, via: "command" }));
    const [fixed] = await bot.handle(
      turn({
        text: "wait, you missed the main thing - we run CUSTOMER code (their plugins). doesn't that matter??",
      }),
    );
    expect(fixed!.parts[0]).toEqual({ type: "heading", text: t.correctedHeading });
    expect(fieldsOf(fixed!)).toEqual([["Isolation", "Hard"]]);
    const [regulated] = await bot.handle(
      turn({ text: "you forgot that we're regulated, strict compliance" }),
    );
    expect(regulated!.parts[0]).toEqual({ type: "heading", text: t.correctedHeading });
    expect(fieldsOf(regulated!)).toEqual([["Compliance", "Strict"]]);
    // No corrections (an independent review's): questions after an opening, a request to ask.
    for (const text of [
      "to add a GPU node to our kubernetes cluster, what do we need?",
      "one more thing: do containers support GPUs?",
      "you forgot to ask about GPUs",
      "you missed a word there, what are GPU workloads like in containers?",
      "oh you forgot about legacy software, does that matter?",
    ]) {
      const fresh = await recommended();
      const [r] = await fresh.handle(turn({ text }));
      expect(r!.parts[0], text).not.toEqual({ type: "heading", text: t.correctedHeading });
    }
    // A question in the same sentence after the statement (a second review).
    for (const [text, field] of [
      ["you forgot we run customer code, doesn't that change things?", ["Isolation", "Hard"]],
      ["you missed that we're HIPAA regulated - how does that change things", ["Compliance", "Strict"]],
    ] as const) {
      const fresh = await recommended();
      const [r] = await fresh.handle(turn({ text }));
      expect(r!.parts[0], text).toEqual({ type: "heading", text: t.correctedHeading });
      expect(fieldsOf(r!), text).toEqual([field]);
    }
    // A claim about a technology is no fact about the team.
    const claim = await recommended();
    const [tech] = await claim.handle(turn({ text: "you missed that kubernetes needs a platform team" }));
    expect(tech!.parts[0]).not.toEqual({ type: "heading", text: t.correctedHeading });
    // Also after another answer came: a correction that reads answers is to the last
    // recommendation shown (a blind trial's was declined after one question in between).
    const later = await recommended();
    await later.handle(turn({ text: "what is a hypervisor?" }));
    const [after] = await later.handle(turn({ text: "you forgot that we're regulated, strict compliance" }));
    expect(after!.parts[0]).toEqual({ type: "heading", text: t.correctedHeading });
    expect(fieldsOf(after!)).toEqual([["Compliance", "Strict"]]);
    // Not a plain statement there, which only follows the recommendation it is shown under.
    const plain = await recommended();
    await plain.handle(turn({ text: "what is a hypervisor?" }));
    const [statement] = await plain.handle(
      turn({ text: "we deploy weekly and our platform maturity is low" }),
    );
    expect(statement!.parts[0]).not.toEqual({ type: "heading", text: t.correctedHeading });
    // "the traffic" is the situation too, without "we".
    const [steady] = await bot.handle(turn({ text: "and if the traffic was actually steady?" }));
    expect(steady!.parts[0]).toEqual({ type: "heading", text: t.whatIfHeading });
    expect(fieldsOf(steady!)).toEqual([["Load pattern", "Steady"]]);
    // A part of the situation with a short tail, and a drop to a rate (a second review).
    const [tail] = await bot.handle(
      turn({ text: "and if the traffic was actually steady, would that change it?" }),
    );
    expect(tail!.parts[0]).toEqual({ type: "heading", text: t.whatIfHeading });
    const [drop] = await bot.handle(turn({ text: "what if we drop to weekly deploys?" }));
    expect(fieldsOf(drop!)).toEqual([["Deploy frequency", "Regular"]]);
    // A checklist question named with "was" (trial 12).
    const [maturity] = await bot.handle(turn({ text: "what if platform maturity was high" }));
    expect(fieldsOf(maturity!)).toEqual([["Platform maturity", "High"]]);
    expect(plainText([maturity!])).toContain("“platform maturity was high”");
    // A longer tail that asks about the pick still asks for it (trial 11).
    const [db] = await bot.handle(
      turn({ text: "what if i keep postgres on the same box, does the database change ur answer?" }),
    );
    expect(db!.parts[0]).toEqual({ type: "heading", text: t.whatIfHeading });
    expect(fieldsOf(db!)).toEqual([["State", "Stateful"]]);
    // A part of the situation with a question of its own, or a technology named: questions.
    for (const text of [
      "what if the load spikes during a deploy, does kubernetes autoscale?",
      "what if traffic spikes while a VM is booting?",
    ]) {
      const [r] = await bot.handle(turn({ text }));
      expect(r!.parts[0], text).not.toEqual({ type: "heading", text: t.whatIfHeading });
    }
    // A supposition the reader cannot place, which the matcher only guesses at.
    const [hired] = await bot.handle(
      turn({ text: "and what if we hired an experienced platform engineer?" }),
    );
    expect(hired!.summary).toBe(t.whatIfNothing);
  });

  it("says under the questions that would decide what each asks, its options and how to answer, and the examples it gives work (a blind trial's bare titles left the team guessing)", async () => {
    const { labels } = knowledge.decision.rules;
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: "recommend 10 services, small team", via: "command" }));
    const part = texts(rec!).find((t) => t.startsWith(`**${labels.decisive}:**`))!;
    // Asked for again, the reasons so far and the same questions (a second blind trial's got the reasons alone).
    const [again] = await bot.handle(turn({ text: "what do you recommend for us?" }));
    expect(texts(again!)).toContain(part);
    const isolation = knowledge.decision.checklist.find((q) => q.key === "isolation")!;
    expect(part).toContain(`- **Isolation:** ${isolation.prompt} (Standard / Strong / Hard)`);
    // The example answers the first question listed by name, which, said next, answers it (the
    // examples were fixed ones, of questions not listed, an independent review's).
    expect(part.endsWith(fill(labels.decisiveHow, { example: "isolation: standard" }))).toBe(true);
    const [r] = await bot.handle(turn({ text: "isolation: standard" }));
    expect(r!.parts[0]).toEqual({ type: "heading", text: knowledge.responses.situation.correctedHeading });
    expect(fieldsOf(r!)).toEqual([["Isolation", "Standard"]]);
    const next = texts(r!).find((t) => t.startsWith(`**${labels.decisive}:**`))!;
    expect(next).not.toContain("**Isolation:**");
    expect(next).not.toContain("“isolation: standard”");
  });

  it("answers 'what would change it?' about a recommendation with too few answers with the questions that would decide it", async () => {
    const bot = makeBot(await createStore("memory:"));
    const { labels } = knowledge.decision.rules;
    const [rec] = await bot.handle(
      turn({ text: "recommend we sell garden furniture online, one monolith", via: "command" }),
    );
    expect(plainText([rec!]).toLowerCase()).toContain(labels.provisionalHeading.toLowerCase());
    const decisive = plainText([rec!]).split(`${labels.decisive}:`)[1]!.trim().split("\n").slice(0, 2);
    expect(decisive.length).toBe(2);
    const [change] = await bot.handle(turn({ text: "what would change it?" }));
    const text = plainText([change!]);
    expect(text).toContain(`${labels.decisive}:`);
    for (const line of decisive) expect(text).toContain(line);
    expect(text).not.toContain("Why:");
  });

  it("answers 'why not X?' opening a longer message from the recommendation", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: description, via: "command" }));
    const [whyNot] = await bot.handle(
      turn({ text: "why not microVMs? firecracker sounded perfect for this" }),
    );
    expect(whyNot!.kind).toBe("recommendation");
    expect(plainText([whyNot!])).toContain("Why not MicroVMs?");
    // In more words, with the option named (trial 11).
    for (const text of [
      "why not just plain containers on a managed service?",
      "why is containers ruled out completely? we have no special hardware",
      // Before a comma, or in a later sentence (trial 13).
      "why not containers then, we said we dont want to run vms",
      "mgmt still wants containers tho. why not plain containers, with a managed service?",
      // A question about why not, after it (a second review's).
      "why not containers, is it because we are too small?",
      // "y" for "why", and staying on one option (trial 15).
      "y not containers tho",
      "ok y not containers",
      "ok and why not containers?",
      "but then why not containers",
      "why not just keep everything on containers? thats what the team knows",
    ]) {
      const [r] = await bot.handle(turn({ text }));
      expect(r!.kind, text).toBe("recommendation");
      expect(plainText([r!]), text).toContain("Why not Containers?");
    }
    // No option of ours, and a product the documents never mention: said, above the reasons (trial 13).
    const [gvisor] = await bot.handle(turn({ text: "why not gvisor instead?" }));
    expect(gvisor!.kind).toBe("recommendation");
    expect(plainText([gvisor!])).toContain("The five documents I answer from never mention gVisor.");
    // Not a question about something else that names an option's word (a second review), nor one
    // asked after the option's clause (an independent review's).
    for (const text of [
      "why not vms, and how would backups work?",
      "why not use containers for the database as well?",
      "why not just use docker compose on a VM?",
      "why is the platform team excluded from on-call?",
    ]) {
      const [r] = await bot.handle(turn({ text }));
      expect(r!.kind, text).not.toBe("recommendation");
    }
    // Not when the rest asks a question of its own.
    const [own] = await bot.handle(turn({ text: "why? what is a hypervisor anyway" }));
    expect(own!.kind).toBe("answer");
    expect(subtitleOf(own!)).toEqual({
      type: "subtitle",
      text: "Answering: What is the job of a hypervisor?",
    });
  });

  it("says a 'what if' that changes no answer leaves the recommendation as it is, and leaves one with none before it to the matcher", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: description, via: "command" }));
    // Nothing the reader can tell, and no question of ours: not "outside what I know" (trial 7).
    for (const q of ["what if our team doubled?", "what if we liked pizza?"]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.summary, q).toBe(knowledge.responses.situation.whatIfNothing);
    }
    // After an answer too, rather than taking that answer back.
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [afterAnswer] = await bot.handle(turn({ text: "what if our team doubled?" }));
    expect(afterAnswer!.summary).toBe(knowledge.responses.situation.whatIfNothing);
    // The recommendation is still there to ask about.
    const [change] = await bot.handle(turn({ text: "what would change it?" }));
    expect(change!.summary).not.toBe(knowledge.responses.followUp.noRecommendation);
    const [alone] = await bot.handle(turn({ text: "what if we had 50 services?", conversation: "other" }));
    expect(alone!.summary).not.toMatch(/^If that were so/);
    expect(alone!.summary).not.toBe(knowledge.responses.situation.whatIfNothing);
  });
});

describe("follow-ups in context", () => {
  const context = (r: Reply) =>
    r.parts.flatMap((p) => (p.type === "context" && p.text.startsWith("Following up") ? [p.text] : []))[0];
  const subtitle = (r: Reply) => {
    const s = subtitleOf(r);
    return s?.type === "subtitle" ? s.text : undefined;
  };

  it("answers 'what's the catch?' after a glossary term from the entry that speaks of it at length (review 33's got nothing)", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [term] = await bot.handle(turn({ text: "what are microvms?" }));
    expect(subtitleOf(term!)?.type === "subtitle" && subtitleOf(term!)!.text).toContain("What is a microVM?");
    const [r] = await bot.handle(turn({ text: "what's the catch?" }));
    const microvms = knowledge.faq.find((e) => e.id === "microvms")!;
    expect(JSON.stringify(r!.parts)).toContain(microvms.answer.slice(0, 60));
  });

  it("answers 'what's the catch?' right after an answer with what it says gets harder, or says it names none", async () => {
    const bot = makeBot(await createStore("memory:"));
    const { followUp } = knowledge.responses;
    // "catch" is no word of the knowledge's: these were declined as off topic (blind trial 18);
    // "w" is chat for "with" (blind trial 26's was declined).
    // (And after a remark that asks nothing: "nice, … but whats the catch?", blind trial 28's. The
    // entry on the downsides of containers, which the stand-in question matches, is not it.)
    for (const q of [
      "what's the catch?",
      "and the catch?",
      "any gotchas?",
      "whats the catch w that",
      "nice, this sounds like what i need. but whats the catch?",
      // (Blind trial 31's, declined: the remark in the same clause as "but".)
      "sounds nice but whats the catch?",
    ]) {
      await bot.handle(turn({ text: "can we run databases in containers?" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.summary, q).toBe(followUp.onThat);
      expect(JSON.stringify(r!.parts), q).toContain("**What gets harder:**");
    }
    // Exactly what a reply quotes, as one text part after "On that, my answer above says:".
    const quoted = (r: Reply) => {
      const at = r.parts.findIndex((p) => p.type === "text" && p.text === followUp.onThat);
      const next = r.parts[at + 1];
      return at >= 0 && next?.type === "text" ? next.text.split("\n") : [];
    };
    const point = (id: string, label: string) =>
      bot.qa.asker
        .entry(id)!
        .details.split("\n")
        .filter((l) => l.startsWith(`- **${label}:**`));
    // A point whose label names a drawback (lexicon caveatMarks), and only that point: the
    // hypervisor answer's other points speak of costs and overhead in their text, not their label.
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [price] = await bot.handle(turn({ text: "what's the catch?" }));
    expect(quoted(price!)).toEqual(point("hypervisor-role", "Its price"));
    expect(point("hypervisor-role", "Its price")).toHaveLength(1);
    // Not a point that only says "complexity" in its text ("**Why:** … operationally demanding").
    await bot.handle(turn({ text: "should we use a managed container service or a paas?" }));
    const [costs] = await bot.handle(turn({ text: "what's the catch?" }));
    expect(quoted(costs!)).toEqual(point("managed-container-services", "Costs to factor in"));
    // "of that approach" points back (blind trial 19's, declined).
    await bot.handle(turn({ text: "what does the container-shaped development pattern look like?" }));
    const [approach] = await bot.handle(turn({ text: "what are the downsides of that approach?" }));
    expect(quoted(approach!)).toEqual(point("container-shaped-development", "What stays the same"));
    // With no such point, the answer's sentence that names one.
    const scaling = bot.qa.asker.entry("scaling-and-autoscaling")!;
    const catchSentence = scaling.answer.split(/(?<=\.)\s+/).find((s) => s.startsWith("The catch is"));
    expect(catchSentence).toBeDefined();
    await bot.handle(turn({ text: "how does autoscaling differ for vms and containers?" }));
    const [sentence] = await bot.handle(turn({ text: "any gotchas?" }));
    expect(quoted(sentence!)).toEqual([`- ${catchSentence}`]);
    // A note about the source is no catch (review 22: the e-commerce scenario's), and neither is
    // the VMs' price in an answer about a shared kernel ("at the price of more OS instances").
    for (const [q, id] of [
      ["how did the e-commerce team handle holiday scaling?", "scenario-ecommerce-holiday-scaling"],
      ["what is a shared kernel?", "shared-vs-isolated-kernel"],
    ] as const) {
      const [answer] = await bot.handle(turn({ text: q }));
      expect(subtitle(answer!), q).toContain(bot.qa.asker.entry(id)!.question);
      const [r] = await bot.handle(turn({ text: "what's the catch?" }));
      expect(r!.parts, q).toContainEqual({ type: "text", text: followUp.noCatch });
    }
    // An answer that names no drawback: said so, not "That takes me back".
    await bot.handle(turn({ text: "how large are vm images compared with container images?" }));
    const [none] = await bot.handle(turn({ text: "what's the catch?" }));
    expect(none!.kind).toBe("answer");
    expect(none!.parts).toContainEqual({ type: "text", text: followUp.noCatch });
    expect(JSON.stringify(none!.parts)).not.toContain(followUp.sameAnswer);
    // With no answer before it, it is no follow-up.
    const fresh = makeBot(await createStore("memory:"));
    const [alone] = await fresh.handle(turn({ text: "what's the catch?" }));
    expect(JSON.stringify(alone!.parts)).not.toContain(followUp.noCatch);
  });

  it("quotes the points of the answer above a follow-up asks about, and says when figures are asked for that the documents lack", async () => {
    const bot = makeBot(await createStore("memory:"));
    const { followUp } = knowledge.responses;
    const entry = bot.qa.asker.entry("stateful-workloads-and-databases")!;
    const points = entry.details.split("\n").filter((l) => l.startsWith("- "));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [vms] = await bot.handle(turn({ text: "and for VMs?" }));
    expect(vms!.summary).toBe(followUp.onThat);
    const quoted = vms!.parts.find((p) => p.type === "text" && p.text.startsWith("- "));
    const lines = quoted?.type === "text" ? quoted.text.split("\n") : [];
    // Only points of that answer, each one that speaks of VMs, none that does not.
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(points).toContain(line);
    for (const line of lines) expect(line).toMatch(/\bVMs?\b/);
    expect(lines).not.toContain(points.find((p) => p.startsWith("- **Order of migration:**")));
    // After an answer whose question names both sides, the point labelled with the side asked
    // about (blind trial 19: "That takes me back to my answer above").
    await bot.handle(turn({ text: "which scales out faster, vms or containers?" }));
    const [scaling] = await bot.handle(turn({ text: "and for VMs?" }));
    expect(scaling!.summary).toBe(followUp.onThat);
    const said = JSON.stringify(scaling!.parts);
    expect(said).toContain("- **VMs:**");
    expect(said).not.toContain("- **Containers:**");
    // No point of the details, but a sentence of the answer itself: quoted, not the bare pointer
    // back (a blind trial's "is gpu passthrough better with VMs?").
    await bot.handle(turn({ text: "should gpu workloads run in vms or containers?" }));
    const [passthrough] = await bot.handle(turn({ text: "is gpu passthrough better with VMs?" }));
    expect(passthrough!.summary).toBe(followUp.onThat);
    const passages = passthrough!.parts
      .filter((p) => p.type === "text")
      .map((p) => (p.type === "text" ? p.text : ""));
    expect(passages.some((t) => t.startsWith("- ") && /passthrough/.test(t))).toBe(true);
    // So do "risks" (trial 14: the bare pointer back), and a request for it simpler with a reason after it.
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [risks] = await bot.handle(turn({ text: "what are the risks?" }));
    expect(JSON.stringify(risks!.parts)).toContain("**What gets harder:**");
    const [simpler] = await bot.handle(turn({ text: "simpler pls, im not an infra person" }));
    expect(simpler!.parts.some((p) => p.type === "text" && p.text === followUp.simpler)).toBe(true);
    // So is a complaint about the length (a blind trial's were declined as outside what the bot knows).
    for (const text of [
      "you keep giving me walls of text, can you be shorter?",
      "too long, didn't read",
      "can you keep it short?",
    ]) {
      const [shorter] = await bot.handle(turn({ text }));
      expect(
        shorter!.parts.some((p) => p.type === "text" && p.text === followUp.simpler),
        text,
      ).toBe(true);
    }
    // "downsides" reads as what gets harder.
    const [downsides] = await bot.handle(turn({ text: "what are the downsides of running the db on k8s" }));
    expect(JSON.stringify(downsides!.parts)).toContain("**What gets harder:**");
    // A bare "why?" still gets the reasons, and figures asked for are said to be missing.
    await bot.handle(turn({ text: "how fast do containers start compared to vms" }));
    const [figures] = await bot.handle(turn({ text: "exact numbers?" }));
    expect(figures!.summary).toBe(followUp.noFigures);
    expect(figures!.parts.some((p) => p.type === "text" && p.text === followUp.sameAnswer)).toBe(false);
    expect(figures!.parts.some((p) => p.type === "sources")).toBe(true);
    // In words of no subject right after the answer (trial 11): about it too.
    await bot.handle(turn({ text: "how fast do containers start compared to vms" }));
    const [seconds] = await bot.handle(
      turn({ text: "how much exactly? like in seconds for a match server" }),
    );
    expect(seconds!.summary).toBe(followUp.noFigures);
    // Nor "exact" beside anything but figures.
    const [difference] = await bot.handle(turn({ text: "what is the exact difference?" }));
    expect(difference!.summary).not.toBe(followUp.noFigures);
    // "example?" asks for one of the answer, which the documents do not give; the case studies it
    // gets alone stay one press away (a blind trial's got them under two headings).
    await bot.handle(turn({ text: "what is a dockerfile?" }));
    const [example] = await bot.handle(turn({ text: "example?" }));
    expect(example!.summary).toBe(followUp.noExample);
    expect(example!.parts[0]).toMatchObject({ type: "context", text: expect.stringContaining("Dockerfile") });
    expect(
      buttons([example!]).some((b) => b.action.type === "ask" && b.action.entryId === "scenario-examples"),
    ).toBe(true);
    // A weak word picks no point (blind trial 20: "what time is it?" quoted the scaling answer's
    // VM lead times); a side still does.
    await bot.handle(turn({ text: "how does autoscaling compare between vms and containers?" }));
    const [time] = await bot.handle(turn({ text: "what time is it?" }));
    expect(time!.summary).not.toBe(followUp.onThat);
    const [forVms] = await bot.handle(turn({ text: "and for VMs?" }));
    expect(forVms!.summary).toBe(followUp.onThat);
    // "is that secure?" pointing at the answer above asks it of that answer: its points on it
    // (blind trial 20 got the general container-security myth after networking and a mixed
    // platform); with none, the topic's own entry.
    await bot.handle(turn({ text: "how does networking differ between vms and containers?" }));
    const [secure] = await bot.handle(turn({ text: "is that secure?" }));
    expect(secure!.summary).toBe(followUp.onThat);
    expect(context(secure!)).toContain(bot.qa.asker.entry("networking")!.question);
    const [howSecure] = await bot.handle(turn({ text: "how secure is that?" }));
    expect(howSecure!.summary).toBe(followUp.onThat);
    // So is "and which is faster?" after an answer weighing both sides (a blind trial's got the
    // application-performance answer).
    await bot.handle(turn({ text: "how do rollbacks work w containers vs vms" }));
    const [faster] = await bot.handle(turn({ text: "and which is faster" }));
    expect(faster!.summary).toBe(followUp.onThat);
    expect(context(faster!)).toContain(bot.qa.asker.entry("rollback")!.question);
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [expensive] = await bot.handle(turn({ text: "is it expensive?" }));
    expect(expensive!.summary).toBe(followUp.onThat);
    expect(JSON.stringify(expensive!.parts)).toContain("**Its price:**");
    // What it got alone stays offered beside the points.
    expect(
      buttons([secure!], "suggestions").map((b) => b.action.type === "ask" && b.action.entryId),
    ).toContain("myth-containers-more-secure");
    await bot.handle(turn({ text: "what are microvms?" }));
    const [myth] = await bot.handle(turn({ text: "is that secure?" }));
    expect(myth!.summary).not.toBe(followUp.onThat);
    // Not a definition or a comparison, which the term's own entry answers (a second review's: each
    // quoted a point of the answer above).
    await bot.handle(turn({ text: "how does networking differ between vms and containers?" }));
    const [ingress] = await bot.handle(turn({ text: "what is this ingress?" }));
    expect(subtitle(ingress!)).toContain(bot.qa.asker.entry("ingress-controller")!.question);
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [same] = await bot.handle(turn({ text: "is that the same as helm?" }));
    expect(same!.summary).not.toBe(followUp.onThat);
    // A yes/no question that names a term: the term's entry, not the answer's point on pods.
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [pod] = await bot.handle(turn({ text: "is that a pod?" }));
    expect(pod!.summary).not.toBe(followUp.onThat);
    expect(subtitle(pod!)).toContain(bot.qa.asker.entry("pod")!.question);
    // A figure off our subject right after an answer is declined, not taken for it (a third review).
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [lottery] = await bot.handle(turn({ text: "what are the lottery numbers this week?" }));
    expect(lottery!.kind).toBe("decline");
    // "number" and "MS SQL" ask for no figures (an independent review).
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    for (const text of ["and for a large number of databases?", "and MS SQL?"]) {
      const [r] = await bot.handle(turn({ text }));
      expect(r!.summary, text).not.toBe(followUp.noFigures);
    }
  });

  it("resolves 'and for VMs?' against the start-up question, and does not print that answer twice", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "how fast do containers start compared to vms" }));
    const [r] = await bot.handle(turn({ text: "and for VMs?" }));
    expect(context(r!)).toBe("Following up on _How fast do VMs and containers start?_");
    // The start-up answer covers VMs too and is right above: said, not repeated.
    const { followUp } = knowledge.responses;
    expect(r!.parts[1]).toEqual({ type: "text", text: followUp.sameAnswer });
    expect(subtitle(r!)).toBeUndefined();
    const bootTime = bot.qa.asker.entry("boot-time")!;
    // Its gist only (a blind trial's reply of this kind said nothing of its own), not the rest.
    const gist = firstSentence(bootTime.answer);
    expect(r!.parts[2]).toEqual({ type: "text", text: gist });
    const rest = bootTime.answer.slice(gist.length).trim();
    expect(rest.length).toBeGreaterThan(60);
    expect(JSON.stringify(r!.parts)).not.toContain(rest.slice(0, 60));
    // What is left to offer: its sources, its related questions, the answer again, "Not what I asked".
    expect(r!.parts.some((p) => p.type === "sources")).toBe(true);
    expect(buttons([r!], "followups").map((b) => b.action.type === "ask" && b.action.entryId)).toEqual(
      bootTime.related.slice(0, 4),
    );
    const menu = buttons([r!], "menu");
    expect(menu.map((b) => b.label)).toEqual([followUp.showAgain, knowledge.responses.correction.button]);
    const [again] = await bot.handle(press(menu[0]!.action));
    expect(subtitle(again!)).toBe("Answering: How fast do VMs and containers start?");
    expect(JSON.stringify(again!.parts)).toContain(bootTime.answer.slice(0, 60));
    // "ok and what about …" asks about a topic of its own, as "and what about …" does (a second review's).
    await bot.handle(turn({ text: "how do backups differ between vms and containers?" }));
    const [people] = await bot.handle(turn({ text: "ok and what about the people side, like skills?" }));
    expect(people!.kind).toBe("answer");
    // After an acknowledgement too (blind trial 18's "ok and for VMs?" got the VM definition).
    await bot.handle(turn({ text: "how do backups differ between vms and containers?" }));
    for (const text of ["ok and for VMs?", "ok got it, and for containers?"]) {
      const [ok] = await bot.handle(turn({ text }));
      expect(context(ok!), text).toBe(
        `Following up on _${bot.qa.asker.entry("backup-and-disaster-recovery")!.question}_`,
      );
    }
    // Without the context it is a question about VMs.
    const [alone] = await bot.handle(turn({ text: "and for VMs?", thread: "other" }));
    expect(subtitle(alone!)).not.toBe("Answering: How fast do VMs and containers start?");
    expect(context(alone!)).toBeUndefined();
  });

  it.each(["why?", "what are the risks?", "how long does that take?"])(
    "answers %j after a question about databases, and declines it without one",
    async (followUp) => {
      const bot = makeBot(await createStore("memory:"));
      const [first] = await bot.handle(turn({ text: "can we run databases in containers?" }));
      expect(first!.kind).toBe("answer");
      const [r] = await bot.handle(turn({ text: followUp }));
      expect(r!.kind).toBe("answer");
      expect(context(r!)).toBe(
        "Following up on _Can we run databases and other stateful workloads in containers?_",
      );
      const [alone] = await bot.handle(turn({ text: followUp, conversation: "fresh" }));
      expect(alone!.kind).toBe("decline");
    },
  );

  it("asks 'and for containers?' of the related entry about containers when the matcher takes it back to the VMs one (thirteenth blind trial)", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "when should we choose vms?" }));
    const [r] = await bot.handle(turn({ text: "and for containers?" }));
    expect(subtitle(r!)).toBe("Answering: In which situations are containers the better choice?");
    expect(context(r!)).toBe("Following up on _When should we choose virtual machines?_");
    // Not after an answer about both sides, nor to an entry that asks something else of the other
    // side (an independent review's): the points of the answer above.
    await bot.handle(
      turn({ text: "What is a golden image pipeline, and what replaces it when we move to containers?" }),
    );
    const [golden] = await bot.handle(turn({ text: "and for vms?" }));
    expect(golden!.summary).toBe(knowledge.responses.followUp.onThat);
    // Its related entry naming VMs and containers both is no answer about containers alone.
    await bot.handle(turn({ text: "what is a vm?" }));
    const [container] = await bot.handle(turn({ text: "and a container?" }));
    expect(subtitle(container!)).toBe("Answering: What is a container?");
    // Hardening, both ways (seventeenth blind trial: "and for VMs?" quoted a bullet of the
    // containers answer): the swapped question is torn between the two, or comes back to the
    // answer before.
    await bot.handle(turn({ text: "which concrete controls should we enforce on every container in prod?" }));
    const [vms] = await bot.handle(turn({ text: "and for VMs?" }));
    expect(subtitle(vms!)).toBe("Answering: How are VMs hardened and secured?");
    await bot.handle(turn({ text: "how do we harden VMs?" }));
    const [containers] = await bot.handle(turn({ text: "and for containers?" }));
    expect(subtitle(containers!)).toBe(
      "Answering: Which controls make containers safe to run in production?",
    );
  });

  it("answers 'and the container equivalent of that?' after the hypervisor answer with the container runtime (blind trial 21 got monitoring)", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "what is a hypervisor anyway?" }));
    const [r] = await bot.handle(turn({ text: "and the container equivalent of that?" }));
    expect(subtitle(r!)).toBe("Answering: What does a container runtime or engine (containerd, Docker) do?");
  });

  it("answers 'and what about backups?' after the databases answer on backups, not with that answer again", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: "and what about backups?" }));
    expect(subtitle(r!)).toBe("Answering: How do backup and disaster recovery differ?");
    expect(context(r!)).toBeUndefined();
    // "and for VMs?" names no topic of its own: it still follows up on the one before.
    await bot.handle(turn({ text: "how fast do containers start compared to vms" }));
    const [sides] = await bot.handle(turn({ text: "and for VMs?" }));
    expect(context(sides!)).toBe("Following up on _How fast do VMs and containers start?_");
  });

  it.each([
    ["compare boot time", "a comparison"],
    ["topics", "a list"],
  ])("does not follow up on the answer before %j (%s) shown after it", async (between) => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "how do backups differ between vms and containers" }));
    expect(context((await bot.handle(turn({ text: "why?" })))[0]!)).toMatch(/^Following up on/);
    await bot.handle(turn({ text: between }));
    const [r] = await bot.handle(turn({ text: "why?" }));
    expect(context(r!)).toBeUndefined();
    expect(r!.kind).toBe("decline");
    // A button that shows a comparison does the same.
    await bot.handle(turn({ text: "how do backups differ between vms and containers" }));
    await bot.handle(press({ type: "compare", aspect: "boot" }));
    expect((await bot.handle(turn({ text: "why?" })))[0]!.kind).toBe("decline");
  });

  it("offers beside the answer above what the follow-up got on its own ('is that safe?': security)", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [answer] = await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: "is that safe?" }));
    expect(r!.parts[1]).toEqual({ type: "text", text: knowledge.responses.followUp.sameAnswer });
    const alone = bot.qa.asker.ask("is that safe?");
    const own = alone.kind === "no-match" ? alone.suggestions.map((e) => e.id) : [];
    const related = buttons([answer!], "followups").map((b) => b.action.type === "ask" && b.action.entryId);
    const expected = own.filter((id) => id !== "stateful-workloads-and-databases" && !related.includes(id));
    expect(expected.length).toBeGreaterThan(0);
    const offered = buttons([r!], "suggestions").map((b) => b.action.type === "ask" && b.action.entryId);
    expect(offered).toEqual(expected.slice(0, 2));
  });

  it.each([
    "source?",
    "which document says that?",
    "citations?",
    "prove it. which document says that?",
    "proof?",
    // (A blind trial's first was declined.)
    "where does the info come from?",
    "where's that from?",
    "where did you get that?",
    "where did you get that info?",
  ])("shows the sources of the answer before for %j, and nothing else", async (q) => {
    const bot = makeBot(await createStore("memory:"));
    const [answer] = await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: q }));
    expect(context(r!)).toBe(
      "Following up on _Can we run databases and other stateful workloads in containers?_",
    );
    expect(r!.parts[1]).toEqual({ type: "text", text: knowledge.responses.followUp.sources });
    expect(r!.parts.filter((p) => p.type === "sources")).toEqual(
      answer!.parts.filter((p) => p.type === "sources"),
    );
    expect(buttons([r!], "menu").map((b) => b.label)).toEqual([
      knowledge.responses.followUp.showAgain,
      knowledge.responses.correction.button,
    ]);
    // Without an answer before it, it is a question like any other (or about the documents).
    const [alone] = await bot.handle(turn({ text: q, conversation: "fresh" }));
    expect(context(alone!)).toBeUndefined();
    expect(alone!.parts[0]).not.toEqual({ type: "text", text: knowledge.responses.followUp.sources });
  });

  it("answers a bare 'why?' after an answer with the reasons it gives, not only a pointer back (trials 6-9)", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [answer] = await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: "why?" }));
    const entry = bot.qa.asker.entry("stateful-workloads-and-databases")!;
    expect(context(r!)).toBe(
      "Following up on _Can we run databases and other stateful workloads in containers?_",
    );
    expect(r!.parts.slice(1, 3)).toEqual([
      { type: "text", text: knowledge.responses.followUp.reasons },
      { type: "text", text: entry.details },
    ]);
    expect(r!.parts.filter((p) => p.type === "sources")).toEqual(
      answer!.parts.filter((p) => p.type === "sources"),
    );
    expect(r!.summary).not.toBe(knowledge.responses.followUp.sameAnswer);
  });

  it.each([
    "can you explain that simpler",
    "tl;dr?",
    "i not understand, can you say more simple please",
    "in plain english?",
    "i don't understand",
    "shorter",
    "give me the tl;dr for my board",
    "too long. tldr",
    "can you explain it in one sentence",
    // Trial 15.
    "ok thats a lot. can you explain it like im 5",
    // A blind trial's, declined.
    "explain that like im not technical, my dean wants a summary",
    "can you explain it for a non-technical person",
  ])("says the answer before in short for %j", async (q) => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: q }));
    expect(context(r!)).toBe(
      "Following up on _Can we run databases and other stateful workloads in containers?_",
    );
    const { answer, details } = bot.qa.asker.entry("stateful-workloads-and-databases")!;
    expect(r!.parts.slice(1, 3)).toEqual([
      { type: "text", text: knowledge.responses.followUp.simpler },
      { type: "text", text: `${answer.split(/(?<=[.?!])\s+/)[0]}` },
    ]);
    // Not the details, which are most of the answer.
    expect(JSON.stringify(r!.parts)).not.toContain(JSON.stringify(details.slice(0, 40)).slice(1, -1));
    // Without an answer before it, nothing to say in short.
    const [alone] = await bot.handle(turn({ text: q, conversation: "fresh" }));
    expect(JSON.stringify(alone!.parts)).not.toContain(knowledge.responses.followUp.simpler);
  });

  it.each([
    "is it simple?",
    "and in the short term?",
    "is there a simpler way?",
    "i don't understand kubernetes",
    "i understand",
    "in plain words, what is a hypervisor?",
    "is it a long process?",
    "are there non technical downsides",
    "what are the technical details?",
    "is it not technical to run databases in containers?",
  ])("takes %j after an answer as no request to say it in short", async (q) => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: q }));
    expect(JSON.stringify(r!.parts), q).not.toContain(knowledge.responses.followUp.simpler);
  });

  it("says in short only up to a sentence's end, never at an abbreviation", async () => {
    const { qa } = makeBot(await createStore("memory:"));
    const entry = {
      ...qa.entries[0]!,
      answer: "Use VMs, e.g. Firecracker for untrusted tenants. They also suit legacy apps.",
    };
    const r = simplerReply(entry, qa.context);
    expect(r.parts[1]).toEqual({ type: "text", text: "Use VMs, e.g. Firecracker for untrusted tenants." });
  });

  it.each([
    ["give me 2 bullets", 2],
    ["can you put that in 2 bullets for my vp", 2],
    ["as bullet points pls", 0],
  ] as const)(
    "gives the answer before's points, each in short, for %j (a blind trial's were declined)",
    async (q, count) => {
      const bot = makeBot(await createStore("memory:"));
      const [answer] = await bot.handle(turn({ text: "which is cheaper, vms or containers?" }));
      const [r] = await bot.handle(turn({ text: q }));
      const entry = bot.qa.asker.entry("cost-comparison")!;
      const points = entry.details!.split("\n").filter((l) => l.startsWith("- "));
      expect(points.length).toBeGreaterThan(2);
      expect(context(r!)).toBe(`Following up on _${entry.question}_`);
      const said = texts(r!);
      expect(said[0]).toBe(knowledge.responses.followUp.bullets);
      const shown = said[1]!.split("\n");
      expect(shown).toHaveLength(count || points.length);
      // Each point's label and first sentence, in the answer's order.
      for (const [i, line] of shown.entries())
        expect(points[i]!.startsWith(line.replace(/\.$/, ""))).toBe(true);
      expect(r!.parts.filter((p) => p.type === "sources")).toEqual(
        answer!.parts.filter((p) => p.type === "sources"),
      );
      // Not a question about bullet points, nor with no answer before it.
      const [what] = await bot.handle(turn({ text: "what are bullet points" }));
      expect(texts(what!)[0]).not.toBe(knowledge.responses.followUp.bullets);
      const [alone] = await bot.handle(turn({ text: q, conversation: "fresh" }));
      expect(texts(alone!)[0]).not.toBe(knowledge.responses.followUp.bullets);
    },
  );

  it.each(["one line please", "can you say that in one sentence"])(
    "says the first sentence alone for %j (a review's got two)",
    async (q) => {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: "how do we patch vms and containers" }));
      const [r] = await bot.handle(turn({ text: q }));
      const entry = bot.qa.asker.entry("patching-and-updates")!;
      expect(texts(r!)).toEqual([knowledge.responses.followUp.simpler, firstSentence(entry.answer)]);
      const [longer] = await bot.handle(turn({ text: "shorter please" }));
      expect(texts(longer!)[1]!.length).toBeGreaterThan(firstSentence(entry.answer).length);
    },
  );

  it("says in short both sides where the first sentence speaks of one and the next of the other (a blind trial's got the VMs' half)", async () => {
    const { qa } = makeBot(await createStore("memory:"));
    const entry = {
      ...qa.entries[0]!,
      answer: "VMs are patched one by one. Containers are rebuilt instead. Both need a pipeline.",
    };
    expect(simplerReply(entry, qa.context).parts[1]).toEqual({
      type: "text",
      text: "VMs are patched one by one. Containers are rebuilt instead.",
    });
    // Not where the first speaks of both already, or the next of the same side again.
    for (const answer of [
      "VMs and containers differ. Containers are lighter.",
      "VMs are patched one by one. VMs and containers both need care.",
      // Nor one naming the other side only in passing (a review's).
      "Containers cost less. Some apps are better off staying on VMs.",
    ])
      expect(simplerReply({ ...entry, answer }, qa.context).parts[1], answer).toEqual({
        type: "text",
        text: answer.split(". ")[0] + ".",
      });
    // The other side in its first words, not only first (a third review's lost the contrast).
    for (const answer of [
      "Containers roll back fast. Rolling back on VMs is slower.",
      "A container does one job. A VM, by contrast, runs many.",
    ])
      expect(simplerReply({ ...entry, answer }, qa.context).parts[1], answer).toEqual({
        type: "text",
        text: answer,
      });
  });

  it.each(["source code?", "say more?"])(
    "takes %j after an answer as no request for its sources",
    async (q) => {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: "can we run databases in containers?" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(JSON.stringify(r!.parts)).not.toContain(knowledge.responses.followUp.sources);
    },
  );

  it("still answers and recommends when the store cannot keep or read what the team told, and says so in the log", async () => {
    const { StoreUnavailableError } = await import("../../src/store/store.ts");
    const store = new MemoryStore();
    const toldDown =
      <T extends (key: string, ...rest: never[]) => unknown>(real: T) =>
      (key: string, ...rest: never[]) => {
        if (key.startsWith("followup-told:")) throw new StoreUnavailableError("down");
        return real.call(store, key, ...rest);
      };
    const down = Object.assign(Object.create(store), {
      get: toldDown(store.get),
      set: toldDown(store.set),
      delete: toldDown(store.delete),
    });
    const warnings: string[] = [];
    const bot = new Bot({
      knowledge,
      store: down,
      log: { warn: (_d, m) => warnings.push(m), error: () => {} },
    });
    const [told] = await bot.handle(turn({ text: "we deploy about 20 times a day" }));
    expect(fieldsOf(told!)).toEqual([["Deploy frequency", "Frequent"]]);
    // (An amendment of the recommendation the first made.)
    const [asked] = await bot.handle(turn({ text: "we are in PCI scope" }));
    expect(asked!.parts[0]).toEqual({
      type: "heading",
      text: knowledge.responses.situation.correctedHeading,
    });
    const [rec] = await bot.handle(turn({ text: "what do you recommend?" }));
    expect(rec!.kind).toBe("recommendation");
    expect(warnings).toEqual(
      expect.arrayContaining([
        "what the team told not kept",
        "what the team told not read: store unavailable",
      ]),
    );
  });

  it("still shows a comparison when the store cannot clear the context, and says so in the log", async () => {
    const { StoreUnavailableError } = await import("../../src/store/store.ts");
    const store = new MemoryStore();
    const unavailable = async () => {
      throw new StoreUnavailableError("down");
    };
    const down = Object.assign(Object.create(store), { get: unavailable, delete: unavailable });
    const warnings: string[] = [];
    const bot = new Bot({
      knowledge,
      store: down,
      log: { warn: (_d, m) => warnings.push(m), error: () => {} },
    });
    const [r] = await bot.handle(turn({ text: "compare boot time" }));
    expect(r!.kind).toBe("compare");
    expect(warnings).toEqual(["follow-up context not cleared: store unavailable"]);
  });

  it("asks for the whole question when 'why?', 'source?' or 'tl;dr?' has no answer before it, and keeps no context", async () => {
    const bot = makeBot(await createStore("memory:"));
    const nothingBefore = knowledge.responses.followUp.nothingBefore;
    // After nothing, and after a comparison (which ends the context): not "outside what I know".
    await bot.handle(turn({ text: "compare boot time", via: "command" }));
    for (const q of ["why?", "how so?", "and then?", "source?", "tl;dr?", "simpler pls", "what about it?"]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("decline");
      expect(r!.summary, q).toBe(nothingBefore);
    }
    // "source?" alone read as a best guess about source code: no context was kept from it.
    const [after] = await bot.handle(turn({ text: "why?" }));
    expect(context(after!)).toBeUndefined();
    // Questions of their own are untouched: an off-topic one is declined as before, "source code?" matched.
    const [weather] = await bot.handle(turn({ text: "what is the weather like today?" }));
    expect(weather!.summary).toBe(knowledge.responses.decline.outOfScope);
    const [code] = await bot.handle(turn({ text: "where does the source code live in a container?" }));
    expect(code!.summary).not.toBe(nothingBefore);
  });

  it("does not print the answer just given again for another question of its own that it surely answers", async () => {
    const bot = makeBot(await createStore("memory:"));
    const q = "can we run databases in containers?";
    const [first] = await bot.handle(turn({ text: q }));
    expect(subtitle(first!)).toMatch(/^Answering: Can we run databases/);
    // The same question again is answered again: it was wanted again.
    expect(subtitle((await bot.handle(turn({ text: "Can we run databases in containers" })))[0]!)).toMatch(
      /^Answering: Can we run databases/,
    );
    const [again] = await bot.handle(turn({ text: "should our database run in a container?" }));
    expect(again!.summary).toBe(knowledge.responses.followUp.sameAnswer);
    // No "Following up" note: it is no follow-up. The full answer is one press away, and a wrong
    // reading can be corrected.
    expect(context(again!)).toBeUndefined();
    const labels = again!.parts.flatMap((p) => (p.type === "buttons" ? p.buttons.map((b) => b.label) : []));
    expect(labels).toEqual(
      expect.arrayContaining([knowledge.responses.followUp.showAgain, knowledge.responses.correction.button]),
    );
    // After another answer, or for someone else, it is answered in full again.
    await bot.handle(turn({ text: "what is a container?" }));
    expect(subtitle((await bot.handle(turn({ text: q })))[0]!)).toMatch(/^Answering: Can we run databases/);
    const [other] = await bot.handle(
      turn({ text: "should our database run in a container?", user: { id: "u2", name: "Grace" } }),
    );
    expect(subtitle(other!)).toMatch(/^Answering: Can we run databases/);
  });

  it("lists the five documents for 'which documents do you use?' even right after an answer", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: "which documents do you use?" }));
    expect(r!.summary).toBe(knowledge.responses.documents.intro);
    expect(context(r!)).toBeUndefined();
  });

  it("takes 'which ones first?' after the migration answer as a follow-up, not off topic", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [first] = await bot.handle(
      turn({ text: "in what order should workloads move from vms to containers?" }),
    );
    expect(subtitle(first!)).toMatch(/^Answering: In what order/);
    const [r] = await bot.handle(turn({ text: "which ones first?" }));
    expect(r!.summary).not.toBe(knowledge.responses.decline.outOfScope);
    expect(context(r!)).toMatch(/^Following up on _In what order/);
  });

  it("says the documents never name a product a follow-up names, when it takes it back to the answer above", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: "and for redis?" }));
    expect(r!.summary).toBe(knowledge.responses.followUp.sameAnswer);
    expect(r!.parts[0]).toEqual({
      type: "context",
      text: knowledge.responses.decline.notInDocuments.replace("{names}", "Redis"),
    });
  });

  it("says there is no runner-up for 'why not the other one?' with nothing before it, and follows an answer up", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [none] = await bot.handle(turn({ text: "why not the other one?" }));
    expect(none!.summary).toBe(knowledge.responses.followUp.noRecommendation);
    // After a two-sided answer, "the other one" may be its other side: a follow-up on it.
    await bot.handle(turn({ text: "in which situations are containers the better choice?" }));
    const [other] = await bot.handle(turn({ text: "why not the other one?" }));
    expect(other!.summary).not.toBe(knowledge.responses.followUp.noRecommendation);
    expect(context(other!)).toMatch(/^Following up on/);
  });

  it("tells a question naming nothing of our subject, asked in a conversation on it, that the documents do not cover it", async () => {
    const bot = makeBot(await createStore("memory:"));
    const { decline } = knowledge.responses;
    const [alone] = await bot.handle(turn({ text: "and for the matchmaking service?", conversation: "c9" }));
    expect(alone!.summary).toBe(decline.outOfScope);
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [inConversation] = await bot.handle(turn({ text: "and for the matchmaking service?" }));
    expect(inConversation!.summary).toBe(decline.notCoveredGeneral);
    // Only what leans on the conversation: a plainly other subject is still outside what we know.
    const [bread] = await bot.handle(turn({ text: "how do i bake bread?" }));
    expect(bread!.summary).toBe(decline.outOfScope);
  });

  it("lets a question that stands on its own ignore the context", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    for (const [q, expected] of [
      ["what is a container?", /^Answering: What is a container\?$/i],
      ["what about cost?", /cheaper/],
      ["how do backups differ between VMs and containers", /difference|backup/i],
    ] as const) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(subtitle(r!)).toMatch(expected);
      expect(context(r!)).toBeUndefined();
    }
  });

  it("never crosses people, threads or conversations, and forgets after 30 minutes", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const bot = new Bot({ knowledge, store: new MemoryStore({ now: clock }), now: clock });
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    for (const other of [
      { user: { id: "u2", name: "Bob" } },
      { thread: "t2" },
      { conversation: "c2" },
      { platform: "cli" as const },
    ]) {
      const [r] = await bot.handle(turn({ text: "why?", ...other }));
      expect(r!.kind).toBe("decline");
    }
    now += 29 * 60 * 1000;
    expect((await bot.handle(turn({ text: "why?" })))[0]!.kind).toBe("answer");
    // The follow-up's answer is now the last answered entry; 31 minutes later it is gone.
    now += 31 * 60 * 1000;
    expect((await bot.handle(turn({ text: "why?" })))[0]!.kind).toBe("decline");
  });

  it("follows up on an entry reached by a button too, and records the follow-up in the insights", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(press({ type: "ask", entryId: "boot-time", via: "related" }));
    const [r] = await bot.handle(turn({ text: "and for VMs?" }));
    expect(context(r!)).toBe("Following up on _How fast do VMs and containers start?_");
    const events = await bot.insights.read();
    expect(events.at(-1)).toMatchObject({
      type: "question",
      question: "and for VMs?",
      followUpOf: "boot-time",
    });
    // "Not what I asked" re-ranks what was matched: the follow-up with its context.
    const wrong = buttons([r!], "menu").find((b) => b.action.type === "not-this")!;
    const [list] = await bot.handle(press(wrong.action));
    const ids = buttons([list!], "suggestions").map((b) => b.action.type === "ask" && b.action.entryId);
    const expected = bot.qa.asker
      .explain("How fast do VMs and containers start? and for VMs?")
      .result.ranked.map((x) => x.id)
      .filter((id) => id !== "boot-time")
      .slice(0, 3);
    expect(ids).toEqual(expected);
  });
});

describe("blind trial 22's recommendation follow-ups and small talk", () => {
  const hospital =
    "recommend regional hospital, IT team of 3. about 40 VMs on vSphere, mostly Windows Server running vendor apps that only support Windows and specific OS versions. strict patient data privacy rules, yearly audits. we deploy about once a quarter, load is steady.";
  const contextOf = (r: Reply) => r.parts.find((p) => p.type === "context");
  const recommended = async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: hospital, via: "command" }));
    expect(rec!.summary).toMatch(/Recommendation: Virtual machines$/);
    return { bot, rec: rec! };
  };

  it("asks the pick's reasons with 'why VMs?', another option's case with 'why microVMs?', while it is the last thing shown", async () => {
    const { bot, rec } = await recommended();
    const reasons = texts(rec).filter((t) => t.startsWith("**Why:**"));
    for (const q of ["why VMs?", "why VMs again?"]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(texts(r!), q).toEqual(reasons);
    }
    const [micro] = await bot.handle(turn({ text: "why microVMs?" }));
    expect(texts(micro!)[0]).toMatch(/^\*\*Why not MicroVMs\?\*\*/);
    // Set against another: that one's case, not the one named first; against the pick, the one
    // named first.
    const [rather] = await bot.handle(turn({ text: "Why VMs rather than the mixed platform?" }));
    expect(texts(rather!)[0]).toMatch(/^\*\*Why not Mixed platform\?\*\*/);
    const [over] = await bot.handle(turn({ text: "why containers over vms?" }));
    expect(texts(over!)[0]).toMatch(/^\*\*Why not Containers\?\*\*/);
    // Questions of their own: about VMs, with a verb, an option not named in full, and any of
    // them once another answer came after the recommendation (review 27's).
    for (const q of [
      "why are vms slower than containers?",
      "why use containers?",
      "why move to kubernetes?",
    ]) {
      const [own] = await bot.handle(turn({ text: q }));
      expect(own!.kind, q).toBe("answer");
    }
    const [after] = await bot.handle(turn({ text: "why microVMs?" }));
    expect(after!.kind).toBe("answer");
  });

  it("asks 'why containers?' of a Container-shaped development pick, whose name holds the word", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(
      turn({
        text: "recommend we are 3 engineers with one monolith, we deploy weekly, strict compliance rules and our load is steady",
        via: "command",
      }),
    );
    expect(rec!.summary).toMatch(/Container-shaped development$/);
    const [why] = await bot.handle(turn({ text: "why containers?" }));
    expect(texts(why!)).toEqual(texts(rec!).filter((t) => t.startsWith("**Why:**")));
  });

  it("leaves questions that use the word 'recommended' or describe a workload to themselves (review 27)", async () => {
    const { bot } = await recommended();
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    for (const q of [
      "why is it recommended to run one process per container?",
      "which docs recommend microvms?",
    ]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("answer");
    }
    const [fresh] = await bot.handle(
      turn({
        text: "Based on this, what do you recommend: 20 microservices, we deploy daily, spiky load, no compliance",
      }),
    );
    expect(fresh!.kind).toBe("recommendation");
    expect(fieldsOf(fresh!)).toContainEqual(["Deploy frequency", "Frequent"]);
    const [between] = await bot.handle(turn({ text: "what would be different between vms and containers?" }));
    expect(between!.kind).toBe("answer");
  });

  /** `q`, right after the recommendation, follows it up. */
  const followsUpTheRecommendation = async (q: string) => {
    const { bot } = await recommended();
    const [r] = await bot.handle(turn({ text: q }));
    expect(r!.kind, q).toBe("recommendation");
    expect(contextOf(r!), q).toEqual({
      type: "context",
      text: "Following up on the recommendation: _Virtual machines_",
    });
  };

  it("gives its reasons for 'tell me more' right after it (a blind trial's was declined as outside what the bot knows)", async () => {
    // And for "what do you recommend?" with nothing new in it, typos too (the same trial's got "I
    // couldn't tell any of the checklist's answers", or was declined).
    for (const q of [
      "tell me more",
      "more details please",
      "elaborate",
      "what do you recommend?",
      "wat do u recomend?",
      // (These started a new checklist.)
      "so what should we use?",
      "ok which one should we pick then",
    ]) {
      await followsUpTheRecommendation(q);
    }
    // After an answer in between, it is about that answer.
    const { bot } = await recommended();
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [r] = await bot.handle(turn({ text: "tell me more" }));
    expect(r!.kind).not.toBe("recommendation");
    // Another team's is a new case, not this one again (an independent review's).
    const { bot: other } = await recommended();
    const [theirs] = await other.handle(turn({ text: "what do you recommend for my other team?" }));
    expect(contextOf(theirs!)).toBeUndefined();
  });

  it("answers what would change it, in longer words, instead of starting a checklist or declining", async () => {
    for (const q of [
      "what would have to be different for the recommendation to change?",
      "what would make you recommend something else?",
      "what would it take for you to pick containers?",
    ]) {
      await followsUpTheRecommendation(q);
    }
    // Naming something else it would change is a question of its own.
    const { bot } = await recommended();
    const [perf] = await bot.handle(turn({ text: "what would change the performance of my vm?" }));
    expect(perf!.kind).toBe("answer");
  });

  it("gives its sources and its gist when asked by name, with an answer in between, in any words around the request", async () => {
    const { bot } = await recommended();
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [sources] = await bot.handle(turn({ text: "which documents is the recommendation based on?" }));
    expect(sources!.kind).toBe("recommendation");
    expect(texts(sources!)).toContain(knowledge.responses.followUp.sources);
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    for (const q of [
      "can u give me the short version of this rec, 2 sentences for my producer",
      "tl;dr of the rec?",
    ]) {
      const [short] = await bot.handle(turn({ text: q }));
      expect(short!.kind, q).toBe("recommendation");
      expect(texts(short!)[0], q).toBe(knowledge.responses.followUp.simpler);
    }
    // After an answer, the same of that answer.
    for (const q of [
      "give me a short version I can put in an architecture decision record",
      "simpler pls, 2 lines i can paste to my boss",
      "too long lol. tl;dr?",
    ]) {
      const fresh = makeBot(await createStore("memory:"));
      await fresh.handle(turn({ text: "how do containers isolate workloads?" }));
      const [short] = await fresh.handle(turn({ text: q }));
      expect(short!.kind, q).toBe("answer");
      expect(JSON.stringify(short!.parts), q).toContain(knowledge.responses.followUp.simpler);
    }
    // What to shorten named, or a question about short versions: no request about the answer.
    for (const q of [
      "summarize this email for me",
      "this email is too long",
      "what should go in the short version of an architecture decision record?",
    ]) {
      const fresh = makeBot(await createStore("memory:"));
      await fresh.handle(turn({ text: "how do containers isolate workloads?" }));
      const [other] = await fresh.handle(turn({ text: q }));
      expect(JSON.stringify(other!.parts), q).not.toContain(knowledge.responses.followUp.simpler);
    }
  });

  it("decides a what-if again without the answer it replaces, and takes a change opened by 'No.' after an answer", async () => {
    for (const [q, field] of [
      ["what if we started deploying every week instead of quarterly?", ["Deploy frequency", "Regular"]],
      ["what if isolation was strong instead of hard?", ["Isolation", "Strong"]],
      ["what if we deployed weekly, not quarterly?", ["Deploy frequency", "Regular"]],
    ] as const) {
      const { bot } = await recommended();
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(fieldsOf(r!), q).toEqual([[...field]]);
    }
    // What follows the replaced answer is still read (review 27's lost "no compliance rules").
    const { bot } = await recommended();
    const [both] = await bot.handle(
      turn({ text: "what if we deploy daily rather than quarterly and have no compliance rules?" }),
    );
    expect(fieldsOf(both!)).toEqual([
      ["Compliance", "None"],
      ["Deploy frequency", "Frequent"],
    ]);
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [changed] = await bot.handle(turn({ text: "No. Change platform maturity to medium." }));
    expect(changed!.kind).toBe("recommendation");
    expect(fieldsOf(changed!)).toEqual([["Platform maturity", "Medium"]]);
  });

  it("takes a change in a later sentence, 'audited' for moderate compliance, and 'and what would change it?' or 'back to the rec: …'", async () => {
    const { bot } = await recommended();
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [later] = await bot.handle(
      turn({
        text: "I was giving you answers for the recommendation. change state to stateless and architecture to microservices",
      }),
    );
    expect(later!.kind).toBe("recommendation");
    expect(fieldsOf(later!)).toEqual([
      ["Architecture", "Microservices"],
      ["State", "Stateless"],
    ]);
    const [audited] = await bot.handle(turn({ text: "change compliance to audited" }));
    expect(fieldsOf(audited!)).toEqual([["Compliance", "Moderate"]]);
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    await bot.handle(turn({ text: "why did you recommend that for us though" }));
    for (const q of [
      "and what would change it?",
      "back to the rec: what would have to be true for you to say go full containers in prod instead?",
    ]) {
      const [change] = await bot.handle(turn({ text: q }));
      expect(change!.kind, q).toBe("recommendation");
      expect(contextOf(change!), q).toEqual({
        type: "context",
        text: expect.stringMatching(/^Following up on the recommendation: /),
      });
    }
  });

  it("reads building outsiders' pull requests as hard isolation", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(
      turn({
        text: "recommend its our own code but we build PRs from external contributors too",
        via: "command",
      }),
    );
    expect(fieldsOf(r!)).toContainEqual(["Isolation", "Hard"]);
    // Only building or running them: not keeping them out.
    const [blocked] = await bot.handle(
      turn({ text: "recommend we block PRs from external contributors, we deploy weekly", via: "command" }),
    );
    expect(fieldsOf(blocked!).map(([label]) => label)).not.toContain("Isolation");
  });

  it("takes thanks and sign-offs with a remark as small talk, not a question or a checklist", async () => {
    const bot = makeBot(await createStore("memory:"));
    for (const q of [
      "ok whatever, thanks anyway 👍",
      "Appreciated. That's all for today.",
      "ok thanks, that was semi useful 🙃",
      "thank you very much my friend, you help me a lot 🙏",
    ]) {
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("smalltalk");
    }
    const [decide] = await bot.handle(turn({ text: "help me decide" }));
    expect(decide!.kind).toBe("checklist");
    // "my bad" after an answer is no question (at even odds it was offered the rollback entry);
    // "that is all?" asks for more, it signs nothing off (review 27's).
    await bot.handle(turn({ text: "how do containers isolate workloads?" }));
    const [bad] = await bot.handle(turn({ text: "my bad" }));
    expect(bad!.kind).toBe("smalltalk");
    const [all] = await bot.handle(turn({ text: "that is all?" }));
    expect(all!.kind).not.toBe("smalltalk");
  });
});

describe("blind trial 23's requests for the recommendation in short, and for the one before a what-if", () => {
  const team =
    "recommend 6 devs, one node monolith plus postgres on one cloud, we deploy weekly, no compliance, steady load";
  const titleOf = (r: Reply) =>
    r.parts.flatMap((p) => (p.type === "context" ? [p.text] : []))[0]?.replace(/^.*: _(.*)_$/, "$1");

  it("gives its gist, not its reasons, to a short version asked for in more words", async () => {
    for (const q of [
      "short version of the recommendation pls",
      "can u give me a 2 line version of the final rec for my cto",
      "ok whats the one line version i can put in an email to HQ",
      "thats not short lol. tldr?",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: team, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(texts(r!)[0], q).toBe(knowledge.responses.followUp.simpler);
    }
    // After another answer, named: the recommendation's (it read "back to our rec" as backups).
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: team, via: "command" }));
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [back] = await bot.handle(turn({ text: "back to our rec. tldr?" }));
    expect(back!.kind).toBe("recommendation");
    expect(texts(back!)[0]).toBe(knowledge.responses.followUp.simpler);
  });

  it("names the team's own recommendation, not a what-if's, when asked for it by name or without the what-if", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: team, via: "command" }));
    const own = rec!.summary.replace(/^.*Recommendation: /, "");
    const [whatIf] = await bot.handle(turn({ text: "what if we had strict compliance?" }));
    const supposed = whatIf!.summary.replace(/^.*Recommendation: /, "");
    expect(supposed).not.toBe(own);
    // "why?" right after the what-if is about it.
    // (Said to be a what-if's, beside the team's own.)
    const [why] = await bot.handle(turn({ text: "why?" }));
    expect(why!.parts.find((p) => p.type === "context")).toEqual({
      type: "context",
      text: fill(knowledge.responses.followUp.whatIf, { title: supposed, own }),
    });
    for (const q of ["short version of the recommendation pls", "whats the rec without that?"]) {
      await bot.handle(turn({ text: "what if we had strict compliance?" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(titleOf(r!), q).toBe(own);
    }
  });
});

describe("a reply in the thread of something shown outside any thread", () => {
  const channel = (text: string) => turn({ text, thread: undefined });
  const inThread = (text: string, thread = "m1") => turn({ text, thread });

  it("follows up the answer or recommendation shown there until the thread holds one of its own", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(channel("can we run databases in containers?"));
    const [sources] = await bot.handle(inThread("source?"));
    expect(sources!.kind).toBe("answer");
    expect(JSON.stringify(sources!.parts)).toContain(knowledge.responses.followUp.sources);
    await bot.handle(
      channel(
        "recommend online code runner executing untrusted user code, linux only, stateless runs, very spiky load, daily deploys, CI/CD in place, managed k8s ok, small independent services",
      ),
    );
    const [why] = await bot.handle(inThread("why were containers ruled out?", "m2"));
    expect(why!.kind).toBe("recommendation");
    expect(JSON.stringify(why!.parts)).toContain("Why not Containers?");
    const [changed] = await bot.handle(inThread("change isolation to strong", "m2"));
    expect(fieldsOf(changed!)).toEqual([["Isolation", "Strong"]]);
    // The thread's own now: its what-if, not the one outside.
    const [again] = await bot.handle(inThread("why?", "m2"));
    expect(again!.summary).not.toBe(why!.summary);
    expect(JSON.stringify(again!.parts)).not.toContain("MicroVMs_");
  });
});

describe("blind trial 23's what-ifs and change requests in other words", () => {
  const team = "recommend we are 6 devs, a django monolith and postgres, no compliance, steady traffic";

  it("decides again with a supposition opened by 'say', 'assume', 'with' or after a dash, and with SOC 2 typed as one word", async () => {
    for (const [q, field] of [
      ["say compliance is moderate - does the pick change?", ["Compliance", "Moderate"]],
      ["assume we deploy daily", ["Deploy frequency", "Frequent"]],
      ["let's say traffic is spiky", ["Load pattern", "Spiky"]],
      ["with strict compliance?", ["Compliance", "Strict"]],
      ["and with compliance moderate?", ["Compliance", "Moderate"]],
      ["what if soc2 becomes a hard requirement?", ["Compliance", "Moderate"]],
      ["what if the isolation need was hard", ["Isolation", "Hard"]],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: team, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(fieldsOf(r!), q).toEqual([field]);
    }
  });

  it("reads a supposition before a statement after its question mark, and no incident after 'and' as one (an independent review's)", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: team, via: "command" }));
    const [spiky] = await bot.handle(
      turn({ text: "what if our load was spiky? black friday triples our traffic every year" }),
    );
    expect(spiky!.kind).toBe("recommendation");
    expect(fieldsOf(spiky!)).toEqual([["Load pattern", "Spiky"]]);
    const [incident] = await bot.handle(turn({ text: "what if a node dies and the database is gone?" }));
    expect(incident!.kind).toBe("answer");
  });

  it("decides again with a supposition that negates a need, names one OS, opens with what brings it about, or asks after a question mark (blind trial 26)", async () => {
    for (const [q, field] of [
      ["What if we did not need several operating systems?", ["Several operating systems", "No"]],
      ["What if we only need one operating system family?", ["Several operating systems", "No"]],
      [
        "what if the big enterprise deal lands and load gets spiky, does the rec change",
        ["Load pattern", "Spiky"],
      ],
      [
        "what if we need strong isolation because of patient data? same recommendation?",
        ["Isolation", "Strong"],
      ],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: team, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(fieldsOf(r!), q).toEqual([field]);
    }
  });

  it("changes an answer on 'make X Y' and 'treat X as Y', and shows the question's options when the option named is none of them", async () => {
    for (const [q, field] of [
      ["make isolation hard", ["Isolation", "Hard"]],
      ["treat compliance as strict", ["Compliance", "Strict"]],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: team, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(fieldsOf(r!), q).toContainEqual(field);
    }
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: team, via: "command" }));
    const [r] = await bot.handle(turn({ text: "set isolation to strict please" }));
    expect(r!.kind).toBe("checklist");
    expect(r!.placement).toBe("new-thread");
    expect(r!.parts[0]).toEqual({
      type: "text",
      text: knowledge.responses.situation.changeUnread.replace("{question}", "Isolation"),
    });
    // The thread asks that one question, with the recommendation's other answers kept.
    const inThread = await bot.handle(turn({ via: "action", action: r!.inThread!, thread: "th1" }));
    const card = inThread.find((c) => c.kind === "checklist" && c.step);
    expect(JSON.stringify(card!.parts)).toContain("Question 1 of 1 · Isolation");
    const hard = buttons(inThread, "choices").find((b) => b.label.startsWith("Hard"))!;
    const after = await bot.handle(press(hard.action, { thread: "th1" }));
    const rec = after.find((x) => x.kind === "recommendation")!;
    expect(fieldsOf(rec)).toEqual(
      expect.arrayContaining([
        ["Isolation", "Hard"],
        ["Architecture", "Monolith"],
        ["Compliance", "None"],
      ]),
    );
    // Without a recommendation shown, the same words are a question like any other.
    const fresh = makeBot(await createStore("memory:"));
    const [plain] = await fresh.handle(turn({ text: "set isolation to strict please" }));
    expect(plain!.kind).not.toBe("checklist");
  });
});

describe("blind trial 24's follow-ups in other words", () => {
  const team =
    "recommend we are a 4 person saas startup, one rails monolith, postgres, spiky traffic, we deploy daily, no compliance, ci/cd in place";
  const afterRecommendation = (q: string) => replyAfter(team, q);

  it("gives the short version asked for in words that name nothing of the subject; 'tldr on database backups?' is a question", async () => {
    for (const q of [
      "gimme a tl;dr i can paste to my VP",
      "tldr for my cofounder, shes not technical",
      "Please give me short version for my manager, he don't read long text",
    ]) {
      const r = await afterRecommendation(q);
      expect(r.kind, q).toBe("recommendation");
      expect(texts(r)[0], q).toBe(knowledge.responses.followUp.simpler);
    }
    const r = await afterRecommendation("tldr on database backups?");
    expect(r.kind).toBe("answer");
  });

  it("quotes where a claim is said, with the sections those points cite: of the answer before, else of the answer the claim matches (blind trial 26)", async () => {
    const claimText = (question: string) =>
      knowledge.responses.followUp.claim.replace("{question}", question);
    const sectionsOf = (r: Reply) =>
      r.parts.flatMap((p) => (p.type === "sources" ? p.sources.map((s) => `${s.ref} ${s.section}`) : []));
    // In the answer before: its point that says it, under that point's document only.
    let r = await replyAfter(
      "which model keeps the blast radius smaller?",
      "Which document says that a single kernel compromise can reach many workloads? I need the exact section for a memo.",
    );
    expect(r.kind).toBe("answer");
    expect(texts(r)[0]).toBe(claimText("Which model keeps the blast radius of a failure or breach smaller?"));
    expect(texts(r)[1]).toMatch(/kernel vulnerability can hit several workloads/);
    expect(texts(r)[1]).not.toMatch(/Noisy neighbours/);
    expect(sectionsOf(r)).toContain("004 Container isolation");
    expect(r.parts.some((p) => p.type === "context")).toBe(false);
    // Not in the answer before (containers in VMs): in the one the claim matches alone.
    r = await replyAfter(
      "is it normal to run containers inside vms?",
      "which doc says containers are cheaper",
    );
    expect(texts(r)[0]).toBe(claimText("Which is cheaper, VMs or containers?"));
    expect(texts(r)[1]).toMatch(/^Containers typically cost less/);
    // With nothing before, the same.
    const bot = makeBot(await createStore("memory:"));
    const [alone] = await bot.handle(turn({ text: "which doc says containers are cheaper" }));
    expect(texts(alone!)).toEqual(texts(r));
    // Not in the answer before because both name containers and VMs: its own words decide (an
    // independent review's got the databases answer's performance point).
    r = await replyAfter(
      "can we run databases in containers?",
      "which doc says containers start faster than VMs?",
    );
    expect(texts(r)[0]).toBe(claimText("How fast do VMs and containers start?"));
    // A product the documents never mention is said to be, as in any answer.
    r = await replyAfter("what is a container", "does your source say podman is better than docker?");
    expect(plainText([r])).toMatch(/^The five documents I answer from never mention Podman/);
    // The answer before's opening, when it is the claim's very topic; two words shared with a
    // point of the answer before keep it on a tie (a second review's).
    r = await replyAfter("are vms obsolete?", "where do the docs say vms are obsolete?");
    expect(texts(r)[0]).toBe(claimText("Are VMs obsolete now that containers exist?"));
    expect(texts(r)[1]).toMatch(/^VMs are not obsolete/);
    r = await replyAfter(
      "how do we move workloads from vms to containers?",
      "what source recommends starting with stateless services?",
    );
    expect(texts(r)[1]).toMatch(/Start stateless/);
    // "that" is the answer before: its sources, as before.
    r = await replyAfter("what is a hypervisor", "which doc says that?");
    expect(texts(r)[0]).toBe(knowledge.responses.followUp.sources);
  });

  it("gives an answer's sources for a word for them beside words of no subject; 'which document covers ci pipelines?' is a question", async () => {
    for (const q of [
      "Which section is that from exactly? I'd like to cite it on the slide.",
      "Sorry, I meant: what's the source for that last answer?",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: "what is a hypervisor" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("answer");
      expect(r!.parts[0], q).toEqual({
        type: "context",
        text: knowledge.responses.followUp.following.replace(
          "{question}",
          "What is the job of a hypervisor?",
        ),
      });
      expect(r!.parts.some((p) => p.type === "sources")).toBe(true);
    }
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "what is a hypervisor" }));
    const [r] = await bot.handle(turn({ text: "which document covers ci pipelines?" }));
    expect(subtitleOf(r!)?.type === "subtitle" && subtitleOf(r!)!.text).toMatch(/^Answering: /);
    // A question about the answer's subject, or with more asked after it, is no request for its
    // sources (a review's).
    for (const [first, q] of [
      [
        "do vms have more overhead than containers?",
        "where does it come from, the hypervisor or the guest os?",
      ],
      ["what is a cgroup?", "where does that come from, the kernel?"],
      ["how fast do containers start?", "where's that from? also do windows containers start as fast?"],
    ]) {
      const [, r] = await conversation(first!, q!);
      expect(
        r!.parts.some((p) => p.type === "text" && p.text === knowledge.responses.followUp.sources),
        q,
      ).toBe(false);
    }
    // Where a thing of our subject comes from is a question of its own, not the sources'.
    const [history] = await bot.handle(turn({ text: "where do containers come from?" }));
    expect(subtitleOf(history!)).toEqual({
      type: "subtitle",
      text: `Answering: ${bot.qa.asker.entry("container-ecosystem-history")!.question}`,
    });
  });

  it("decides again with a supposition after a lead-in or an interjection, and about who sets the rules", async () => {
    for (const [q, value] of [
      ["ugh ok what if compliance was strict", "Strict"],
      ["Let me put it another way: what if compliance were moderate instead?", "Moderate"],
      [
        "Honestly our auditors have been flexible — if we treated compliance as moderate rather than strict, would the answer change?",
        "Moderate",
      ],
      ["What if the customer (automotive) make the audit very strict, with TISAX?", "Strict"],
    ] as const) {
      const r = await afterRecommendation(q);
      expect(r.kind, q).toBe("recommendation");
      expect(fieldsOf(r), q).toEqual([["Compliance", value]]);
    }
    // A lead-in that asks something is a question of its own.
    const r = await afterRecommendation(
      "how do audits work with containers? what if compliance were moderate?",
    );
    expect(fieldsOf(r)).toEqual([]);
  });

  it("answers 'why not <option>' said with words of the frame around it", async () => {
    for (const q of [
      "ok but why not vms for us specifically",
      "Why not plain VMs per tenant, then? That's the most conservative option.",
      "I had half expected you to say microVMs, given that you mentioned Firecracker earlier… so why not microVMs here?",
    ]) {
      const r = await afterRecommendation(q);
      expect(r.kind, q).toBe("recommendation");
      expect(
        texts(r).some((t) => /^\*\*Why not (?:Virtual machines|MicroVMs)\?\*\*/.test(t)),
        q,
      ).toBe(true);
    }
  });

  it("welcomes thanks beside a longer remark or inside one, and still answers what a clause asks", async () => {
    for (const q of [
      "Thanks very much for your help today — this will make the slide much easier.",
      "lol ok ty ur kinda helpful ngl 🤙",
      "Alright, I think I have enough to write up a proposal. Thanks for your patience with my long messages, have a good one.",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: "what is a hypervisor" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("smalltalk");
      expect(texts(r!)[0], q).toBe(knowledge.responses.thanks.reply);
    }
    for (const q of ["thanks. how do we patch them", "thanks but that was not what i asked"]) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: "what is a hypervisor" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).not.toBe("smalltalk");
    }
  });

  it("declines to write a policy ('can you write me an OPA Gatekeeper policy that blocks privileged pods?')", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(
      turn({ text: "can you write me an OPA Gatekeeper policy that blocks privileged pods?" }),
    );
    expect(r!.kind).toBe("decline");
    expect(plainText([r!])).toContain(knowledge.responses.decline.cannotWrite.split(":")[0]!);
  });
});

describe("blind trial 24's typed checklist answers", () => {
  /** The answer recorded for `typed` at question `step` (earlier ones skipped), or the reply's kinds. */
  const answerAt = async (step: number, typed: string) => {
    const after = await typedAtStep(step, typed);
    const answered = after.find((r) => r.placement === "replace");
    const line = answered && plainText([answered]).match(/✅ (\w+)/);
    return line ? line[1] : after.map((r) => r.kind).join(",");
  };

  it("reads an answer said with an estimate, beside others' doings or before an aside", async () => {
    for (const [step, typed, value] of [
      [
        0,
        "It's untrusted code from students, so I'd want the hypervisor kind of separation I suppose.",
        "Hard",
      ],
      [
        0,
        "Well, the students write arbitrary Python and some of them will absolutely try to escape whatever sandbox we give them… we need a proper wall",
        "Hard",
      ],
      [2, "nah nothing formal. one customer asked for soc2 someday maybe", "None"],
      [3, "We update the software stack on the cluster maybe once a semester, between terms.", "Rare"],
    ] as const)
      expect(await answerAt(step, typed), typed).toBe(value);
  });

  it("reads the options in plain words: separation, controls left to us, a rate 'in the year', a PCI card, always the same", async () => {
    for (const [step, typed, value] of [
      [0, "we need very strong separation, it is production of factory", "Strong"],
      [
        2,
        "We have the ISO audit one time per year, the auditor check our change process but they don't say how we must do it",
        "Moderate",
      ],
      [
        3,
        "The vendor send us new version maybe two times in the year, our .NET app we change almost never",
        "Rare",
      ],
      [9, "Yes, the SCADA PC have special PCI card for the machines on the line", "GPU"],
      [10, "It is always the same, 2 shifts every day, no big changes", "Steady"],
    ] as const)
      expect(await answerAt(step, typed), typed).toBe(value);
    // A plan is still no answer, however it is hedged.
    expect(await answerAt(3, "maybe we will deploy daily next year")).not.toBe("Frequent");
  });

  it("reads blind trial 25's answers in the words an option lists", async () => {
    for (const [step, typed, value] of [
      [0, "its all just my own code, nothing from randos. its fine sharing", "Standard"],
      [
        1,
        "8 SREs running OpenShift for 3 years, GitOps with Argo CD, Prometheus and Grafana everywhere",
        "High",
      ],
      [2, "no formal stuff i guess", "None"],
      [3, "basically i set stuff up once per semester and then pray lol", "Rare"],
      [6, "one django project, celery workers use the same codebase", "Monolith"],
      [9, "A couple of analysers hang off serial-to-USB converters attached to the lab engine VM", "GPU"],
      [10, "pretty chill tbh, 200 users, maybe a small bump at month end", "Steady"],
      [10, "Dead in July and August, then it goes crazy when school starts in September", "Spiky"],
    ] as const)
      expect(await answerAt(step, typed), typed).toBe(value);
  });
});

describe("blind trial 24's questions after a recommendation that are no follow-up of it", () => {
  const team = "recommend we are 6 devs, a django monolith and postgres, no compliance, steady traffic";
  const askAfter = (q: string) => replyAfter(team, q);

  it("answers 'how does monitoring change?' as a question, while 'what could change that' asks what would change the pick", async () => {
    const monitoring = await askAfter(
      "how does monitoring change? we have nagios-ish host checks per VM today",
    );
    expect(monitoring.kind).toBe("answer");
    expect(subtitleOf(monitoring)).toEqual({
      type: "subtitle",
      text: `Answering: ${knowledge.faq.find((e) => e.id === "monitoring-and-observability")!.question}`,
    });
    for (const q of ["what could change that", "and what would change it?"]) {
      const r = await askAfter(q);
      expect(r.kind, q).toBe("recommendation");
      expect(plainText([r]), q).toContain("What would change it:");
    }
  });

  it("takes a supposition followed by a question of its own for that question, and one asking after the pick for a what-if", async () => {
    const migrating = await askAfter(
      "If we did go down the VM route for the GPU nodes, I'm wondering how we'd migrate without disrupting a semester… Is there a sensible order to do it in?",
    );
    expect(fieldsOf(migrating)).toEqual([]);
    for (const [q, field] of [
      ["what if we had strict compliance, would you still say VMs?", ["Compliance", "Strict"]],
      ["what if we needed GPUs. what then?", ["Special hardware", "GPU or other devices passed through"]],
    ] as const) {
      const r = await askAfter(q);
      expect(r.kind, q).toBe("recommendation");
      expect(fieldsOf(r), q).toEqual([field]);
    }
  });
});

describe("blind trial 25's recommendation follow-ups", () => {
  const team =
    "recommend we are a 4 person saas startup, one rails monolith, postgres, spiky traffic, we deploy daily, no compliance, ci/cd in place";

  it("gives the short version as the pick, its two strongest reasons and what would change it, also for 'the original recommendation'", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: team, via: "command" }));
    const reasons = plainText([rec!])
      .split("\n")
      .filter((l) => l.startsWith("- "));
    const [short] = await bot.handle(turn({ text: "short version for my boss pls" }));
    const said = texts(short!);
    expect(said[0]).toBe(knowledge.responses.followUp.simpler);
    expect(said[2]!.split("\n")).toHaveLength(2);
    // Each a sentence of one of the card's first two reasons.
    for (const [i, line] of said[2]!.split("\n").entries())
      expect(reasons[i]!.startsWith(line.replace(/^- /, "- ").slice(0, 40))).toBe(true);
    expect(said[3]).toMatch(/^\*\*What would change it:\*\*/);
    await bot.handle(turn({ text: "what if we had strict compliance?" }));
    const [original] = await bot.handle(
      turn({ text: "Short version of the original recommendation for our CTO, three sentences max" }),
    );
    expect(texts(original!)[0]).toBe(knowledge.responses.followUp.simpler);
    expect(JSON.stringify(original!.parts)).not.toContain("**Why:**");
  });

  it("says what would change it toward an option named, in more ways of asking", async () => {
    const vms = "recommend we are 6 devs, a django monolith and postgres, no compliance, steady traffic";
    for (const [q, toward] of [
      ["What would have to change for a mixed platform to win instead?", "Mixed platform"],
      ["what would make it switch to containers? like what do i need to change", "Containers"],
      ["what would need to change in our answers that Kubernetes on VMs comes out?", undefined],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: vms, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      const change = texts(r!).find((t) => t.startsWith("**What would change it:**"));
      expect(change, q).toBeDefined();
      if (toward) expect(change, q).toMatch(new RegExp(`would recommend ${toward} instead\\.$`));
    }
    // Toward the pick itself: it already recommends it, and why (it gave the change toward
    // Containers, an independent review's).
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: vms, via: "command" }));
    expect(rec!.summary).toContain("Recommendation: Virtual machines");
    const [r] = await bot.handle(
      turn({ text: "What would have to change for you to recommend just VMs across the board?" }),
    );
    expect(texts(r!)[0]).toBe(knowledge.responses.followUp.alreadyPicked);
    expect(texts(r!).some((t) => t.startsWith("**What would change it:**"))).toBe(false);
    expect(texts(r!).some((t) => t.startsWith("**Why:**"))).toBe(true);
  });

  it("answers 'which one is right?' after an answer with where its documents disagree, ranking none", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "can we run databases in containers?" }));
    const [r] = await bot.handle(turn({ text: "wait so which one is right lol" }));
    expect(texts(r!)[0]).toBe(knowledge.responses.followUp.whichIsRight);
    expect(texts(r!)[1]).toMatch(/Where the sources disagree/);
    const other = makeBot(await createStore("memory:"));
    await other.handle(turn({ text: "what is a hypervisor" }));
    const [none] = await other.handle(turn({ text: "which source do you trust more?" }));
    expect(texts(none!)[0]).toBe(knowledge.responses.followUp.noDisagreement);
  });
});

describe("an answer asked for again a few questions later, in other words", () => {
  it("is not printed again: it names the answer it takes back to, with its sources; the words it was last asked in get it again", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "how do we run untrusted code safely?" }));
    await bot.handle(turn({ text: "what is a hypervisor" }));
    const [again] = await bot.handle(turn({ text: "how should we sandbox untrusted code from customers?" }));
    const entry = knowledge.faq.find((e) => e.id === "untrusted-multi-tenant")!;
    expect(again!.parts[0]).toEqual({ type: "subtitle", text: `Answering: ${entry.question}` });
    expect(again!.parts[1]).toEqual({ type: "text", text: knowledge.responses.followUp.sameAnswer });
    // Its gist, not the rest of it.
    const gist = firstSentence(entry.answer);
    expect(again!.parts[2]).toEqual({ type: "text", text: gist });
    const rest = entry.answer.slice(gist.length).trim();
    expect(rest.length).toBeGreaterThan(60);
    expect(plainText([again!])).not.toContain(rest.slice(0, 60));
    // The words it was last asked in, again: wanted again.
    await bot.handle(turn({ text: "what is a container" }));
    const [same] = await bot.handle(turn({ text: "how should we sandbox untrusted code from customers?" }));
    expect(plainText([same!])).toContain(rest.slice(0, 60));
  });

  it("is not printed again as a best guess either: the points asked about, with the guess's runner-ups offered (blind trials 26 and 27)", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "should postgres run in containers or stay on vms?" }));
    const q = "so for a team that's only ever run k8s in staging, postgres stays on vms for now? yes/no";
    // Alone, a best guess of the same entry, with runner-ups.
    const alone = bot.qa.asker.ask(q);
    expect(alone).toMatchObject({
      kind: "answer",
      unsure: true,
      entry: { id: "stateful-workloads-and-databases" },
    });
    const [r] = await bot.handle(turn({ text: q }));
    expect(r!.summary).toBe(knowledge.responses.followUp.onThat);
    const entry = knowledge.faq.find((e) => e.id === "stateful-workloads-and-databases")!;
    expect(plainText([r!])).not.toContain(entry.answer.slice(0, 60));
    const offered = r!.parts.find((p) => p.type === "buttons" && p.role === "suggestions");
    const alternatives = alone.kind === "answer" ? (alone.alternatives ?? []) : [];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(offered?.type === "buttons" && offered.buttons.map((b) => b.label)).toEqual(
      alternatives
        .filter((a) => ![entry.id, ...entry.related.slice(0, 4)].includes(a.id))
        .map((a) => a.question)
        .slice(0, 2), // MAX_ALONE_OFFERS
    );
    // One point picked by a shared word is no answer to a new question: only taken back, with the
    // offers (a second review's: "is docker swarm still a thing?" quoted the Dockerfile point).
    const other = makeBot(await createStore("memory:"));
    await other.handle(turn({ text: "what is a container?" }));
    const [swarm] = await other.handle(turn({ text: "is docker swarm still a thing?" }));
    expect(swarm!.summary).toBe(knowledge.responses.followUp.sameAnswer);
  });
});

describe("blind trial 27's questions about a recommendation", () => {
  const team =
    "recommend we are a logistics company, 30 java and go microservices on vmware vms, kafka and postgres, sre team of 5 running kubernetes in staging, spiky morning load, moderate compliance, we deploy daily";
  const afterTeam = async (text: string) => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: team, via: "command" }));
    const [r] = await bot.handle(turn({ text }));
    return { rec: rec!, r: r! };
  };
  const citations = (r: Reply) => r.parts.flatMap((p) => (p.type === "sources" ? p.sources : []));

  it("cites the sections behind its two strongest reasons for 'which two or three sources back it most?', all of them for 'source?'", async () => {
    const { rec, r } = await afterTeam(
      "Which two or three sources would you put in front of our compliance officer to support this recommendation?",
    );
    expect(r.kind).toBe("recommendation");
    expect(texts(r)[0]).toBe(knowledge.responses.followUp.strongestSources);
    const few = r.parts.find((p) => p.type === "sources");
    expect(few?.type === "sources" && few.limit).toBe(3);
    const all = (await afterTeam("which documents is the recommendation based on?")).r;
    expect(texts(all)[0]).toBe(knowledge.responses.followUp.sources);
    expect(citations(r).length).toBeLessThan(citations(all).length);
    // The strongest reasons' sections are the card's first citations.
    expect(citations(all).slice(0, citations(r).length)).toEqual(citations(r));
    expect(rec.kind).toBe("recommendation");
  });

  it("takes 'why did X score so low?' and 'why'd X get a negative score' as why not X, and a 3-line version as the short one", async () => {
    for (const [q, title] of [
      ["why did mixed platform score so low?", "Mixed platform"],
      ["why'd containers get a negative score lol", "Containers"],
      ["how come microvms scored so low", "MicroVMs"],
    ] as const) {
      const { r } = await afterTeam(q);
      expect(texts(r)[0], q).toMatch(new RegExp(`^\\*\\*Why not ${title}\\?\\*\\*`));
    }
    const { r } = await afterTeam("ok give me a 3-line version of this recommendation i can send my VP");
    expect(r.kind).toBe("recommendation");
    expect(texts(r)[0]).toBe(knowledge.responses.followUp.simpler);
  });

  it("cites the strongest reasons' sections for 'which docs back the VM pick the most?', not the rollback answer", async () => {
    const { r } = await afterTeam("which of the five docs actually back the VM pick the most?");
    expect(r.kind).toBe("recommendation");
    expect(texts(r)[0]).toBe(knowledge.responses.followUp.strongestSources);
    // A pick pointed at, not any "pick": a question of its own is still answered.
    const asked = (await afterTeam("how do i pick a base image, what do the docs say?")).r;
    expect(asked.kind).not.toBe("recommendation");
  });

  it("gives what counts against an option the pick is not for 'the biggest risk with the mixed plan?', the pick's caveats without one", async () => {
    const { rec, r } = await afterTeam("whats the biggest risk with the mixed plan?");
    expect(rec.summary).not.toContain("Mixed platform");
    expect(r.kind).toBe("recommendation");
    expect(texts(r)[0]).toMatch(/^\*\*Why not Mixed platform\?\*\*/);
    const own = (await afterTeam("whats the biggest risk with the plan?")).r;
    expect(texts(own).some((t) => t.startsWith("**Caveats:**"))).toBe(true);
    // An option named without pointing at it as a plan asks a question of its own.
    const asked = (await afterTeam("what are the risks of containers?")).r;
    expect(asked.kind).toBe("answer");
  });

  it("gives the short version for 'explain it for our CFO, no jargon'", async () => {
    const { r } = await afterTeam("explain it for our CFO, no jargon");
    expect(r.kind).toBe("recommendation");
    expect(texts(r)[0]).toBe(knowledge.responses.followUp.simpler);
    // A question asked without jargon is a question.
    const asked = (await afterTeam("what is a hypervisor, no jargon please")).r;
    expect(asked.kind).toBe("answer");
  });

  it("reads 'what has to be true before the app moves into containers?' as what would change the pick", async () => {
    const { r } = await afterTeam("what has to be true before the app moves into containers?");
    expect(r.kind).toBe("recommendation");
    const change = (await afterTeam("what would have to be true for you to recommend containers?")).r;
    expect(r.parts).toEqual(change.parts);
    const asked = (await afterTeam("what has to be true for a container to be secure?")).r;
    expect(asked.kind).toBe("answer");
  });

  it("gives the caveats for 'going back to the original recommendation — what's the catch?' after another answer", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: team, via: "command" }));
    const [other] = await bot.handle(turn({ text: "how do rollbacks work with containers?" }));
    expect(other!.kind).toBe("answer");
    const [r] = await bot.handle(
      turn({ text: "going back to the original recommendation — what's the catch?" }),
    );
    expect(r!.kind).toBe("recommendation");
    const caveats = (x: Reply) => texts(x).filter((t) => t.startsWith("**Caveats:**"));
    expect(caveats(r!)).toEqual(caveats(rec!));
    expect(caveats(r!)).toHaveLength(1);
  });

  it("reads a what-if whose later clause says how the load grows", async () => {
    const { r } = await afterTeam("what if in 2027, load triples?");
    expect(r.kind).toBe("recommendation");
  });

  it("reads a what-if that quotes the option and names its question after what it replaces", async () => {
    const { r } = await afterTeam(
      "what if I answered 'strong' instead of 'hard' for isolation, would it change?",
    );
    expect(r.kind).toBe("recommendation");
    expect(fieldsOf(r)).toEqual([["Isolation", "Strong"]]);
  });
});

describe("a question that takes an answer given before back to it (blind trial 28)", () => {
  it("offers the entries the new question comes next closest to, not only the answer's own related ones", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [first] = await bot.handle(
      turn({
        text: "customers upload their own parser plugins, arbitrary code, and right now those run as pods on shared eks nodes. is namespace + cgroup isolation actually enough for that?",
      }),
    );
    expect(first!.kind).toBe("answer");
    const [again] = await bot.handle(
      turn({
        text: "cfo wants node count down 30%. if we move plugin execution into separate vms per tenant doesnt that blow up cost? whats the density hit",
      }),
    );
    const offers = buttons([again!], "suggestions").map((b) => b.action);
    expect(offers).toContainEqual(expect.objectContaining({ type: "ask", entryId: "density-reality-check" }));
  });
});

describe("blind trial 28's questions about a recommendation, and review 32's counter-examples", () => {
  const team =
    "recommend we run customer-uploaded parser plugins, arbitrary untrusted code, on shared EKS nodes next to our 20 go microservices, deploy daily, spiky load, strong platform team";
  /** A bot that recommended for `team` (MicroVMs), then answered another question. */
  const afterAnother = async () => {
    const bot = makeBot(await createStore("memory:"));
    const [rec] = await bot.handle(turn({ text: team, via: "command" }));
    expect(rec!.summary).toContain("Recommendation: MicroVMs");
    const [other] = await bot.handle(turn({ text: "how do rollbacks work with containers?" }));
    expect(other!.kind).toBe("answer");
    return bot;
  };

  it("answers about the recommendation named by its option, whatever came after it", async () => {
    for (const [q, first] of [
      [
        "need a 3 line version of this recommendation for my director, she'll forward it to the cfo",
        "simpler",
      ],
      ["which docs actually back the microvm rec, is it just 004?", "sources"],
    ] as const) {
      const bot = await afterAnother();
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(texts(r!)[0], q).toBe(knowledge.responses.followUp[first]);
    }
  });

  it("takes 'why did X get ruled out if they scored 7?' as why not X", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: team, via: "command" }));
    const [r] = await bot.handle(
      turn({
        text: "why did plain containers get ruled out if they scored 7? seccomp + apparmor + no root is what we'd do anyway",
      }),
    );
    expect(r!.kind).toBe("recommendation");
    expect(texts(r!)[0]).toMatch(/^\*\*Why not Containers\?\*\*/);
  });

  it("reads a what-if swapping one option for another of a question, and one saying when it would hold", async () => {
    for (const [q, field] of [
      ["what if i'd said strong instead of hard on q1, what would it have picked", ["Isolation", "Strong"]],
      [
        "what if we bring in a partner and get our platform maturity up to medium in the next year, does the answer change?",
        ["Platform maturity", "Medium"],
      ],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: team, via: "command" }));
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("recommendation");
      expect(fieldsOf(r!), q).toEqual([field]);
    }
  });

  it("says what would change it for 'before a mixed platform became the better choice?', not for questions of their own", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: team, via: "command" }));
    const [r] = await bot.handle(
      turn({
        text: "what would have to change in our situation before a mixed platform became the better choice?",
      }),
    );
    expect(r!.kind).toBe("recommendation");
    // Review 32's: a change to the app, a step to production, the choice of something, the hybrid
    // patterns and drawbacks in plain words are questions of their own.
    for (const q of [
      "what has to change in the app before it moves to containers?",
      "what has to be true before we go to production?",
      "summary of the docs on the choice between vms and containers",
      "what do the docs say about the container choice for databases?",
      "what are the risks of a hybrid approach?",
    ]) {
      const fresh = makeBot(await createStore("memory:"));
      await fresh.handle(turn({ text: team, via: "command" }));
      const [own] = await fresh.handle(turn({ text: q }));
      expect(own!.kind, q).not.toBe("recommendation");
    }
    const fresh = makeBot(await createStore("memory:"));
    await fresh.handle(turn({ text: team, via: "command" }));
    const [downsides] = await fresh.handle(turn({ text: "any non technical downsides?" }));
    expect(texts(downsides!)[0]).not.toBe(knowledge.responses.followUp.simpler);
  });
});

describe("blind trial 25's questions leaning on a recommendation", () => {
  const team =
    "recommend we are an edtech startup, 10 devs, node microservices, gdpr, spiky back to school traffic, ci/cd in place, we deploy daily";

  it("asks one with no subject word of its own in the recommendation's subject; an off-topic one is still declined", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: team, via: "command" }));
    const [learn] = await bot.handle(
      turn({ text: "ok. and what would my team need to learn to actually do this?" }),
    );
    expect(learn!.kind).toBe("answer");
    expect(subtitleOf(learn!)?.type === "subtitle" && subtitleOf(learn!)!.text).toMatch(/^Answering: /);
    const other = makeBot(await createStore("memory:"));
    await other.handle(turn({ text: team, via: "command" }));
    const [weather] = await other.handle(turn({ text: "ok and what's the weather like?" }));
    expect(weather!.kind).toBe("decline");
    // Asked alone, with nothing before it, the same words name no subject.
    const fresh = makeBot(await createStore("memory:"));
    const [alone] = await fresh.handle(
      turn({ text: "ok. and what would my team need to learn to actually do this?" }),
    );
    expect(alone!.kind).not.toBe("answer");
  });

  it("says an answer more simply in blind trial 26's words, and answers a question asked beside such words", async () => {
    for (const q of [
      "sorry its too much for me 😅 can you explain more simple, like with analogy?",
      "Could you put that in two or three plain sentences for a non-technical member of our audit committee?",
      "explain it in laymans terms pls",
    ]) {
      const r = await replyAfter("can we run databases in containers?", q);
      expect(texts(r)[0], q).toBe(knowledge.responses.followUp.simpler);
    }
    // Nor with a question or a subject after a colon or a dash (an independent review's).
    for (const q of [
      "explain it in simple terms for our database team: can postgres run in containers?",
      "explain this in simple terms - containers for databases",
    ]) {
      const other = await replyAfter("are containers more secure than vms?", q);
      expect(subtitleOf(other), q).toEqual({
        type: "subtitle",
        text: "Answering: Can we run databases and other stateful workloads in containers?",
      });
    }
    const r = await replyAfter(
      "can we run databases in containers?",
      "explain it in simple terms: what is a hypervisor?",
    );
    expect(subtitleOf(r)).toEqual({ type: "subtitle", text: "Answering: What is the job of a hypervisor?" });
  });

  it("says it more simply on 'can you say it more simply, like an analogy …?', and reads a what-if in words an option lists", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: team, via: "command" }));
    const [simply] = await bot.handle(
      turn({
        text: "That's a lot of jargon 😅 can you say it more simply, like an analogy I could use with my CEO?",
      }),
    );
    expect(texts(simply!)[0]).toBe(knowledge.responses.followUp.simpler);
    const vms = makeBot(await createStore("memory:"));
    await vms.handle(
      turn({
        text: "recommend we are 6 devs, a django monolith and postgres, no compliance, steady traffic",
        via: "command",
      }),
    );
    const [ci] = await vms.handle(
      turn({ text: "what if i set up github actions to run tests + deploy automatically, so CI in place?" }),
    );
    expect(fieldsOf(ci!)).toEqual([["Platform maturity", "Medium"]]);
  });
});

describe("independent review 29's messages, which this session's readings must leave alone", () => {
  const edtech =
    "recommend we are an edtech startup, 10 devs, node microservices, gdpr, spiky back to school traffic, ci/cd in place, we deploy daily";
  const afterAnswer = (q: string) => replyAfter("can we run databases in containers?", q);
  const afterRecommendation = (q: string) => replyAfter(edtech, q);

  it("matches 'which is right for us, X or Y?' as a question, not as which document is right", async () => {
    for (const q of [
      "which is right for us, k8s or nomad?",
      "which one is right for us, vms or containers?",
    ]) {
      const r = await afterAnswer(q);
      expect(texts(r)[0], q).not.toBe(knowledge.responses.followUp.whichIsRight);
      expect(subtitleOf(r)?.type === "subtitle" && subtitleOf(r)!.text, q).toMatch(/^Answering: /);
    }
  });

  it("gives no sources for 'open source', 'document' as a verb or a request to write", async () => {
    for (const q of [
      "is there an open source alternative?",
      "how do I document our setup?",
      "can you write a short design doc section on this?",
    ]) {
      const r = await afterAnswer(q);
      expect(
        r.parts.some((p) => p.type === "sources"),
        q,
      ).toBe(false);
    }
  });

  it("takes no request beside thanks for thanks", async () => {
    for (const q of [
      "thanks. now I need the short version for my boss, he won't read all that",
      "thanks for the help. I still need to understand what happens to our cron jobs",
      "ok cool ty. please send the summary to my manager and cc me on it",
    ]) {
      const r = await afterAnswer(q);
      expect(r.kind, q).not.toBe("smalltalk");
    }
  });

  it("keeps a context sentence before a bare 'if' a question, and offers rather than answers a vague one after a recommendation", async () => {
    for (const q of [
      "our team is 5 people. if we use kubernetes, is it worth it?",
      "We're a small shop: if we adopt kubernetes would that be overkill?",
    ]) {
      const r = await afterRecommendation(q);
      expect(r.kind, q).toBe("answer");
    }
    for (const q of ["how long would that take?", "what would it take to roll this out?"]) {
      const r = await afterRecommendation(q);
      expect(r.kind, q).not.toBe("answer");
    }
  });

  it("reads a hedged plan or an outright doubt in a checklist's thread as no answer", async () => {
    for (const [step, typed] of [
      [2, "probably soc2 soon"],
      [2, "I think nothing formal, but probably soc2 at some point"],
      [0, "our own code, but probably customer plugins soon"],
      [0, "I think we need strong separation but I'm not sure"],
    ] as const) {
      const replies = await typedAtStep(step, typed);
      expect(
        replies.some((r) => r.placement === "replace"),
        typed,
      ).toBe(false);
    }
  });

  it("opens the question's options only for a question named by its title, and reads regimes by name", async () => {
    const blueGreen = await afterRecommendation("switch the deploys to blue green");
    expect(blueGreen.kind).toBe("answer");
    const hipaa = await afterRecommendation("change compliance to hipaa");
    expect(hipaa.kind).toBe("recommendation");
    expect(fieldsOf(hipaa)).toContainEqual(["Compliance", "Strict"]);
  });
});
