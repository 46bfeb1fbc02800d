import { describe, expect, it } from "vitest";
import type { Action } from "../../src/core/action.ts";
import { Bot } from "../../src/core/bot.ts";
import { fill } from "../../src/core/fill.ts";
import { plainText } from "../../src/core/render/plainText.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, knowledge, makeBot, pickerOptions, press, turn, vagueQuestion } from "../helpers/bot.ts";

const text = (t: string) => turn({ text: t, via: "command" });

describe("Bot.handle: commands", () => {
  it("answers help, compare, topics, myths and questions, with or without /vmvc", async () => {
    const bot = makeBot(await createStore("memory:"));
    expect((await bot.handle(text("help")))[0]!.kind).toBe("help");
    expect(plainText(await bot.handle(text("/vmvc help")))).toMatch(/checklist/);
    const compare = await bot.handle(text("compare boot time"));
    expect(compare[0]!.kind).toBe("compare");
    expect(plainText(compare)).toMatch(/minute/i);
    expect(pickerOptions(await bot.handle(text("compare"))).length).toBeGreaterThan(5);
    expect((await bot.handle(text("compare flux capacitor")))[0]!.kind).toBe("notice");
    // A bare aspect the matcher would decline is its comparison (blind trial 18's "failover").
    expect(bot.qa.asker.ask("failover").kind).not.toBe("answer");
    for (const q of ["failover", "ok what about failover?", "fault tolerance", "OK so, Failover please!"]) {
      const [r] = await bot.handle(text(q));
      expect(r!.kind, q).toBe("compare");
      expect(r!.parts[0], q).toEqual({ type: "heading", text: "Self-healing: VMs vs containers" });
    }
    expect((await bot.handle(text("failover for my pizza oven")))[0]!.kind).not.toBe("compare");
    // Asked what it means (blind trial 20's "what does portability mean here", declined).
    for (const q of ["what does portability mean here", "what is portability?", "define portability"]) {
      const [r] = await bot.handle(text(q));
      expect(r!.kind, q).toBe("compare");
      expect(r!.parts[0], q).toEqual({ type: "heading", text: "Portability: VMs vs containers" });
    }
    // Only by the aspect's own name: its aliases include everyday words (a second review's).
    for (const q of ["what does it mean", "what does dns mean", "what does weight mean", "what is design?"])
      expect((await bot.handle(text(q)))[0]!.kind, q).not.toBe("compare");
    expect(buttons(await bot.handle(text("topics"))).length).toBeGreaterThanOrEqual(10);
    expect(buttons(await bot.handle(text("topics security")), "followups").length).toBeGreaterThan(3);
    expect(plainText(await bot.handle(text("myths")))).toMatch(/Kubernetes/);
    const answer = await bot.handle(text("/vmvc can we run databases in containers?"));
    expect(answer[0]!.kind).toBe("answer");
    expect(answer[0]!.parts.some((p) => p.type === "sources")).toBe(true);
    expect(buttons(answer, "feedback").map((b) => b.label)).toEqual([
      "👍 Helpful",
      "👎 Not helpful",
      "Not what I asked",
    ]);
    expect(buttons(answer, "followups").length).toBeGreaterThan(0);
    expect((await bot.handle(text("ask what's a good pizza place nearby")))[0]!.kind).toBe("decline");
  });

  it("starts the checklist for a casual request, recognised by the matcher, not a word list", async () => {
    const bot = makeBot(await createStore("memory:"));
    const started = await bot.handle(text("can you walk me through the decision?"));
    const command = await bot.handle(turn({ text: "checklist", via: "command", thread: "t2" }));
    expect(started[0]!.kind).toBe(command[0]!.kind);
    expect(started[0]!.kind).toBe("checklist");
    expect((await bot.handle(text("when should we pick vms")))[0]!.kind).toBe("answer");
  });

  it("follow-ups, 'did you mean' picks and feedback are recorded once each", async () => {
    const store = await createStore("memory:");
    const bot = makeBot(store);
    const vague = await bot.handle(text(vagueQuestion(bot)));
    const pick = buttons(vague, "suggestions")[0]!;
    expect(pick.action).toMatchObject({ type: "ask", via: "suggestion" });
    const picked = await bot.handle(press(pick.action));
    expect(picked[0]!.kind).toBe("answer");
    const up = buttons(picked, "feedback")[0]!.action;
    expect(plainText(await bot.handle(press(up)))).toMatch(/Thanks/);
    expect(plainText(await bot.handle(press(up)))).toMatch(/already rated/);
    // The one-vote key holds a hash of the person's id, never the id itself.
    if (up.type !== "feedback") throw new Error("expected a feedback action");
    expect(await store.claim(`feedback:playground:u1:${up.entryId}:${up.askedId ?? "-"}`, 1000)).toBe(true);
    const events = await bot.insights.read();
    expect(events.filter((e) => e.type === "feedback")).toHaveLength(1);
    expect(events.filter((e) => e.type === "pick")).toHaveLength(1);
    expect(
      events.filter((e) => e.type === "question").map((e) => e.type === "question" && e.outcome),
    ).toEqual(["suggested"]);
  });
});

describe("Bot.handle: walkthroughs", () => {
  /** Starts a walkthrough in a thread the way an adapter does: post the root, then run `then` in it. */
  async function start(bot: ReturnType<typeof makeBot>, thread: string, user = { id: "u1", name: "Ada" }) {
    const [root] = await bot.handle(turn({ text: "checklist", via: "command", thread: undefined, user }));
    expect(root!.placement).toBe("new-thread");
    return bot.handle(press(root!.inThread!, { thread, user }));
  }
  const choice = (replies: Awaited<ReturnType<ReturnType<typeof makeBot>["handle"]>>, n = 0): Action =>
    buttons(replies, "choices")[n]!.action;
  /** The label of a checklist question's choice. */
  const label = (key: string, value: string) =>
    knowledge.decision.checklist.find((q) => q.key === key)!.choices.find((c) => c.value === value)!.label;
  /** The reply to `text` typed at question `step` of a new checklist, the questions before it skipped. */
  const at = async (step: number, text: string) => {
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    for (let i = 0; i < step; i++) await bot.handle(turn({ text: "skip", thread: "t1" }));
    const [r] = await bot.handle(turn({ text, thread: "t1" }));
    return r!;
  };

  it("asks one question at a time with progress and ends in an explained recommendation", async () => {
    const bot = makeBot(await createStore("memory:"));
    let replies = await start(bot, "t1");
    expect(plainText(replies)).toMatch(/Question 1 of 11/);
    for (let i = 0; i < 11; i++) {
      const by = i % 2 === 0 ? { id: "u1", name: "Ada" } : { id: "u2", name: "Grace" };
      replies = await bot.handle(press(choice(replies, i === 4 ? 1 : 0), { user: by }));
      expect(replies[0]!.placement).toBe("replace");
      expect(plainText([replies[0]!])).toContain(by.name);
      if (i < 10) expect(plainText([replies[1]!])).toContain(`Question ${i + 2} of 11`);
    }
    const final = replies[1]!;
    expect(final.kind).toBe("recommendation");
    const all = plainText([final]);
    expect(all).toMatch(/RECOMMENDATION: /);
    expect(all).toMatch(/Why not /);
    expect(all).toMatch(/█/);
    expect(final.parts.filter((p) => p.type === "bars")[0]).toMatchObject({ type: "bars" });
    expect(all).toMatch(/Grace/);
    expect(buttons([final], "share")[0]!.action).toMatchObject({ type: "share" });
    const shared = await bot.handle(press(buttons([final], "share")[0]!.action));
    expect(shared[0]!.placement).toBe("channel");
  });

  it("supports skip, back, restart and cancel, and refuses stale presses without changing anything", async () => {
    const bot = makeBot(await createStore("memory:"));
    const q1 = await start(bot, "t1");
    const q2 = await bot.handle(press(buttons(q1, "controls").find((b) => b.label.includes("skip"))!.action));
    expect(plainText(q2)).toMatch(/skipped/);
    expect(plainText(q2)).toMatch(/Question 2 of 11/);
    // A second press on question 1 is stale.
    const stale = await bot.handle(press(choice(q1)));
    expect(stale[0]!.visibility).toBe("private");
    expect(plainText(stale)).toMatch(/earlier step/);
    const back = await bot.handle(
      press(buttons(q2, "controls").find((b) => b.label.includes("Back"))!.action),
    );
    expect(plainText(back)).toMatch(/Question 1 of 11/);
    const restarted = await bot.handle(
      press(buttons(back, "controls").find((b) => b.label.includes("Restart"))!.action),
    );
    expect(plainText(restarted)).toMatch(/restarted/);
    // Buttons from before the restart belong to the old run.
    expect(plainText(await bot.handle(press(choice(back))))).toMatch(/earlier step/);
    const cancelled = await bot.handle(
      press(buttons(restarted, "controls").find((b) => b.label.includes("Cancel"))!.action),
    );
    expect(plainText(cancelled)).toMatch(/cancelled/);
    expect(plainText(await bot.handle(press(choice(restarted))))).toMatch(/cancelled/);
  });

  it("takes a choice typed in a running checklist's thread as its answer, and notes what it cannot answer there", async () => {
    const bot = makeBot(await createStore("memory:"));
    const q1 = await start(bot, "t1");
    const note = knowledge.responses.walkthrough.typedInThread;
    const typedIn = async (text: string, user = { id: "u1", name: "Ada" }) =>
      bot.handle(turn({ text, thread: "t1", user }));
    // The head of a choice's label, typed by anyone in the thread: answered as the button would.
    const head = buttons(q1, "choices")[1]!.label.split("—")[0]!.trim();
    const q2 = await typedIn(head.toLowerCase(), { id: "u2", name: "Grace" });
    expect(plainText(q2)).toContain(head);
    expect(plainText(q2)).toMatch(/Question 2 of 11/);
    // "skip" as the Skip control, and "not sure" (its label reads "Not sure / skip").
    expect(plainText(await typedIn("skip"))).toMatch(/Question 3 of 11/);
    expect(plainText(await typedIn("Not sure"))).toMatch(/Question 4 of 11/);
    // What it cannot answer there: a private note and Continue, which shows the current question.
    const [typed] = await typedIn("the weather is lovely today");
    expect(typed!.visibility).toBe("private");
    expect(typed!.summary).toBe(note);
    const [resume] = buttons([typed!], "controls");
    expect(resume?.action).toMatchObject({ type: "checklist.resume", thread: "t1" });
    expect(plainText(await bot.handle(press(resume!.action, { thread: "t1" })))).toMatch(/Question 4 of 11/);
    // A question it can answer is answered there as anywhere; other threads are untouched.
    expect((await typedIn("can we run databases in containers?"))[0]!.kind).toBe("answer");
    const [other] = await bot.handle(turn({ text: "we ship several times a day", thread: "t2" }));
    expect(other!.summary).not.toBe(note);
    // A question about the current one is asked, not read as its answer.
    expect((await typedIn("do we really ship several times a day?"))[0]!.kind).not.toBe("checklist");
    // A sentence that answers question 4 (how often we deploy), read as `recommend` reads one:
    // answered, with the words it was read from and how to undo it.
    const sentence = await typedIn("we ship several times a day");
    const deploys = knowledge.decision.checklist[3]!;
    const frequent = deploys.choices.find((c) => c.value === "frequent")!.label;
    expect(deploys.key).toBe("deploys");
    expect(sentence[0]!.placement).toBe("replace");
    expect(plainText([sentence[0]!])).toContain(frequent);
    expect(plainText([sentence[0]!])).toContain(
      fill(knowledge.responses.walkthrough.readFromWords, {
        words: "several times a day",
        back: knowledge.responses.walkthrough.back,
      }),
    );
    expect(plainText(sentence)).toMatch(/Question 5 of 11/);
    // Words that answer another question than the current one are not taken for it.
    expect(plainText(await typedIn("restart"))).toMatch(/Question 1 of 11/);
    expect((await typedIn("we ship several times a day"))[0]!.summary).toBe(note);
    // "restart" restarts it, and its Continue then shows the restarted run; once cancelled, no note.
    const [again] = buttons(await typedIn("we ship several times a day"), "controls");
    expect(plainText(await bot.handle(press(again!.action, { thread: "t1" })))).toMatch(/Question 1 of 11/);
    await typedIn("cancel");
    expect((await typedIn("we ship several times a day"))[0]!.summary).not.toBe(note);
  });

  it("asks to pick with the buttons when a typed sentence reads as two answers to the current question", async () => {
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    const typedIn = async (text: string) => bot.handle(turn({ text, thread: "t1" }));
    // A question without a question mark, whose words read as isolation, is asked, not taken.
    const [asked] = await typedIn("isnt customer code untrusted");
    expect(asked!.kind).not.toBe("checklist");
    expect(plainText(await typedIn("standard"))).toMatch(/Question 2 of 11/);
    const maturity = knowledge.decision.checklist[1]!;
    expect(maturity.key).toBe("maturity");
    // "platform team" reads as a high maturity, "some terraform" as a medium one.
    const [both] = await typedIn("we have a platform team and some terraform");
    expect(both!.visibility).toBe("private");
    expect(both!.summary).toBe(
      fill(knowledge.responses.walkthrough.readBothInThread, { question: maturity.title }),
    );
    const [resume] = buttons([both!], "controls");
    expect(plainText(await bot.handle(press(resume!.action, { thread: "t1" })))).toMatch(/Question 2 of 11/);
    // One of them alone answers it.
    const medium = maturity.choices.find((c) => c.value === "medium")!.label;
    const answered = await typedIn("jenkins pipelines and some terraform");
    expect(plainText([answered[0]!])).toContain(medium);
    expect(plainText(answered)).toMatch(/Question 3 of 11/);
  });

  it("takes an option named outright or by a word of its label, and the label's words between two readings", async () => {
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    const typedIn = async (text: string) => bot.handle(turn({ text, thread: "t1" }));
    const label = (step: number, value: string) =>
      knowledge.decision.checklist[step]!.choices.find((c) => c.value === value)!.label;
    // The option first, then why: the option, whatever the rest implies.
    const [isolation] = await typedIn("standard, it's all our own services");
    expect(plainText([isolation!])).toContain(label(0, "standard"));
    // Read as a high and a medium maturity, but it follows the High label's words.
    const [maturity] = await typedIn("we have a platform team of 6 with solid CI/CD and observability");
    expect(plainText([maturity!])).toContain(label(1, "high"));
    await typedIn("skip");
    // A word only one option's label has.
    const [deploys] = await typedIn("daily");
    expect(plainText([deploys!])).toContain(label(3, "frequent"));
    // Not in a question.
    const [asked] = await typedIn("why no?");
    expect(asked!.kind).not.toBe("checklist");
    // "yes" and "no" first only with more of the option's words: chatter is not an answer.
    expect(knowledge.decision.checklist[4]!.key).toBe("multiOs");
    const [chatter] = await typedIn("no, sorry, wrong thread");
    expect(chatter!.kind).not.toBe("checklist");
    const [multiOs] = await typedIn("no, one OS family is fine");
    expect(plainText([multiOs!])).toContain(label(4, "no"));
  });

  it("reads a blind trial's answers in words, each as the option it means", async () => {
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    const typedIn = async (text: string) => (await bot.handle(turn({ text, thread: "t1" })))[0]!;
    const skipped = knowledge.responses.walkthrough.skipped;
    const steps: [string, string][] = [
      // The option said outright wins over what the rest reads as ("no untrusted code" is Standard).
      ["I'd say strong, it's sensitive health data but no untrusted code", label("isolation", "strong")],
      ["not sure, skip this one", skipped],
      ["skip", skipped],
      // With the question's own context ("we deploy").
      ["every day", label("deploys", "frequent")],
      ["skip", skipped],
      // "would be fine" is no wish of ours.
      ["a managed cluster like GKE would be fine", label("orchestration", "medium")],
      ["skip", skipped],
      ["skip", skipped],
      // A negation is not the label that has the word ("legacy" is in Yes's).
      ["no legacy stuff", label("legacy", "no")],
      ["skip", skipped],
    ];
    for (const [text, expected] of steps) expect(plainText([await typedIn(text)]), text).toContain(expected);
    // The last, read with "our load is", quoting only the words typed.
    const last = plainText([await typedIn("pretty flat, clinics use it during office hours")]);
    expect(last).toContain(label("load", "steady"));
    expect(last).toContain(fill(knowledge.responses.walkthrough.readFromWordsLast, { words: "pretty flat" }));
  });

  it("takes an option said to fit in a later clause, or the option whose label the words follow", async () => {
    for (const [text, expected] of [
      ["Chloe here: standard is fine for us", label("isolation", "standard")],
      ["it's only our own services", label("isolation", "standard")],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(plainText([r!]), text).toContain(expected);
    }
    // Not an option's word used of something else, nor a label's words under a negation.
    for (const [skips, text] of [
      [5, "low latency matters a lot to us"],
      [0, "it's not only our own services"],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      for (let i = 0; i < skips; i++) await bot.handle(turn({ text: "skip", thread: "t1" }));
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.kind, text).not.toBe("checklist");
    }
  });

  it("does not take chatter, wishes or a lone word of a label as an answer (fourth review)", async () => {
    // Not answers: what another does, a negation read with the question's context, a colleague
    // agreeing, a counterfactual, a wish, and a word that is only in a label.
    for (const [step, text] of [
      [3, "I check slack every day"],
      [3, "not every day"],
      [10, "same here"],
      [5, "running our own clusters would be a nightmare"],
      [1, "we really want a platform team"],
      [4, "linux"],
    ] as const)
      expect((await at(step, text)).kind, text).not.toBe("checklist");
    // Answers: an option after a lead-in, a confirmation, an answer after a doubt about others.
    for (const [step, text, expected] of [
      [1, "probably medium", label("maturity", "medium")],
      [4, "yes, we do", label("multiOs", "yes")],
      [3, "not sure about the others but we deploy daily", label("deploys", "frequent")],
    ] as const)
      expect(plainText([await at(step, text)]), text).toContain(expected);
  });

  it("reads a bare no, a degree word first and a choice's said words (tenth blind trial)", async () => {
    for (const [step, text, expected] of [
      // A bare "nope" is None where there is one, and No.
      [9, "nope", label("hardware", "none")],
      [9, "nope, nothing special", label("hardware", "none")],
      [8, "yeah", label("legacy", "yes")],
      [2, "nah", label("compliance", "none")],
      // A degree word before what it says.
      [10, "pretty steady, a bit more on mondays", label("load", "steady")],
      // A choice's `said` words, also after a "no" to someone else; not negated.
      [0, "nothing special, just regular cloud instances, it's our own code", label("isolation", "standard")],
      [0, "no those are just API calls, all code is ours", label("isolation", "standard")],
      [1, "about 6 people, decent CI but nobody knows kubernetes", label("maturity", "medium")],
      [3, "every two weeks-ish, after the sprint review", label("deploys", "regular")],
      [0, "no, it's just our code", label("isolation", "standard")],
      // A "no" that answers, then a statement (blind trials 19 and 20, both unread), and words
      // said for an option in other forms.
      [8, "no we wrote it ourselves", label("legacy", "no")],
      [4, "no just ubuntu everywhere", label("multiOs", "no")],
      [4, "we only use windows", label("multiOs", "no")],
      [2, "nothing formal", label("compliance", "none")],
      [0, "just our own stuff, nothing special", label("isolation", "standard")],
      // "None" names the None option, whatever follows (an independent review).
      [9, "none, just regular x86 boxes", label("hardware", "none")],
      [2, "none, we're a small startup selling shoes", label("compliance", "none")],
      [9, "nothing special, just normal x86 servers", label("hardware", "none")],
      // Openers before a yes (trial 11); a wish states a requirement (checklist `wishes`).
      [4, "ok then yes, we have to keep both rhel versions for a while", label("multiOs", "yes")],
      // An exception after "none" is read, not the "none" (a second review).
      [9, "none, except the GPU inference boxes", label("hardware", "gpu")],
      [2, "none, apart from the annual HIPAA audit", label("compliance", "strict")],
      // Customers' scripts beside our own code.
      [0, "mostly our own code but some customer scripts", label("isolation", "hard")],
      // Trial 12's: an option named first whatever the rest says of the future; a choice's said words.
      [5, "low, they will never run a k8s cluster", label("orchestration", "low")],
      [4, "just linux", label("multiOs", "no")],
      [
        1,
        "we got gitlab ci and terraform for most stuff, no dedicated platform team tho",
        label("maturity", "medium"),
      ],
      [1, "a platform team with github actions and terraform", label("maturity", "high")],
      [
        0,
        "our own internal services only, but it's customer insurance data so we want defence in depth",
        label("isolation", "strong"),
      ],
      // Trial 18's, each not understood.
      [5, "we'd want someone else to run it tbh", label("orchestration", "medium")],
      [4, "no, ubuntu everywhere", label("multiOs", "no")],
      // A negation in a later clause denies nothing of the said words (a second review's).
      [5, "eks since we cant run clusters ourselves", label("orchestration", "medium")],
      [0, "just our code and we dont run anything from customers", label("isolation", "standard")],
      // Trial 22's, each not read (or, the second, read as the option it turned down).
      [0, "ok. normal, only our own app on the servers", label("isolation", "standard")],
      [0, "no wait, isolation should be strong not standard, I said go strong", label("isolation", "strong")],
      [6, "one big war file", label("architecture", "monolith")],
      [8, "ok yes then", label("legacy", "yes")],
      [8, "ok no then", label("legacy", "no")],
      [10, "end of month is very busy, other time quiet", label("load", "spiky")],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // A "no" before an option's own words still turns them down: only one before a statement
    // answers the question (a second review's: without that guard these read as Medium).
    for (const [step, text, value] of [
      [1, "no decent ci", "medium"],
      [1, "no jenkins", "medium"],
      [5, "no eks", "medium"],
    ] as const)
      expect(plainText([await at(step, text)]), text).not.toContain(
        `✅ ${label(step === 1 ? "maturity" : "orchestration", value)}`,
      );
    // Said words denied right after them are no answer; nor is someone else's mention (a second review's).
    // Someone else's word still: only the asker's own "I said" is theirs.
    expect(plainText([await at(0, "the vendor said isolation should be strict")])).not.toContain("✅");
    for (const text of ["gke autopilot is not an option", "someone else mentioned eks"])
      expect(plainText([await at(5, text)]), text).not.toContain(`✅ ${label("orchestration", "medium")}`);
    // Turned down, with what it is instead: "no ci" is Low.
    expect(plainText([await at(1, "it cant be high, we have no ci")])).toContain(
      `✅ ${label("maturity", "low")}`,
    );
    // What would be is no answer (the matcher answers it as a question about isolation).
    expect(plainText([await at(0, "hard isolation would be overkill for us")])).not.toContain("✅");
    // Turned down later in its clause, or doubted: the reader's answer, or a skip (an independent review's).
    expect(plainText([await at(2, "strict compliance doesnt apply to us")])).toContain(
      `✅ ${label("compliance", "none")}`,
    );
    expect(
      plainText([await at(1, "low maturity is not our problem, we have a platform team")]),
    ).not.toContain(label("maturity", "low"));
    for (const text of ["not sure, its hard", "skip it, this one is hard"])
      expect(plainText([await at(0, text)]), text).toContain(`✅ ${knowledge.responses.walkthrough.skipped}`);
    // A control ending a message that names the checklist, and "go back one" (trial 14).
    expect(plainText([await at(3, "actually forget it, stop the checklist")])).toContain(
      "cancelled this checklist",
    );
    expect(plainText([await at(3, "go back one")])).toContain("went back to the previous question");
    // A control opening a longer message (trial 12).
    const back = await at(3, "back - the card data means we need more than standard i think");
    expect(back.kind).toBe("checklist");
    expect(plainText([back])).toContain("went back to the previous question");
    const cancelled = await at(3, "cancel, we'll redo it with the client on thursday");
    expect(plainText([cancelled])).toContain("cancelled this checklist");
    // Between two options: the note to pick one, with the question named.
    const between = await at(3, "several times a week");
    expect(between.summary).toBe(
      fill(knowledge.responses.walkthrough.readBothInThread, { question: "Deploy frequency" }),
    );
    // Not answers: chatter opening with "no", a negated `said`, and a bare "nope" where no option
    // says no (isolation): the note to answer, never a matched FAQ entry.
    for (const [step, text] of [
      [9, "no, sorry, wrong thread"],
      [0, "it's not all our own code"],
      [0, "nope"],
      // Said words under a negation or a hedge (an independent review): no answer, nor a guessed FAQ.
      [1, "we don't really have what you'd call decent ci"],
      [1, "we might set up some ci next quarter"],
      // An option named first, then asked about, supposed or taken back (a third review).
      [1, "medium, if we hire a platform team next year"],
      [1, "high, says our CTO, but honestly it's low"],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("notice");
      expect(plainText([r]), text).not.toContain("✅");
    }
  });

  it("reads an option's word among other words, and a choice's said words, typed in the thread (thirteenth blind trial)", async () => {
    for (const [step, text, expected] of [
      // The option's head word opening a clause, before a hedge or a word of the question's title.
      [5, "low appetite", label("orchestration", "low")],
      [1, "medium i guess - ci yes, k8s no", label("maturity", "medium")],
      [6, "mixed i suppose", label("architecture", "mixed")],
      [1, "medium-ish", label("maturity", "medium")],
      // Ending a clause after "I'd say" or "more like", whatever another clause denies.
      [
        0,
        "patient health records so i'd say strong, but we don't host anyone elses code",
        label("isolation", "strong"),
      ],
      [2, "not strict, more like moderate", label("compliance", "moderate")],
      // A choice's said words.
      [5, "as little as possible tbh, we're data scientists not ops people", label("orchestration", "low")],
      [8, "nope, all open source", label("legacy", "no")],
      [9, "standard compute only", label("hardware", "none")],
      [9, "nah nothing fancy, plain x86", label("hardware", "none")],
      [9, "theres a usb license dongle on the erp server actually", label("hardware", "gpu")],
      [
        2,
        "iso 9001 audit once a year but nothing about how servers are set up",
        label("compliance", "moderate"),
      ],
      // Trial 14's.
      [4, "build farm is all ubuntu", label("multiOs", "no")],
      [4, "only rhel", label("multiOs", "no")],
      [6, "one big java ear on weblogic", label("architecture", "monolith")],
      [8, "nah its all our own stuff", label("legacy", "no")],
      [
        7,
        "artifacts go to s3 and perforce, the jobs themselves dont keep anything",
        label("state", "stateless"),
      ],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // An option's word that answers nothing: turned down, an adjective of something else, supposed,
    // doubted, asked about, or said of something else (an independent review's).
    for (const [step, text] of [
      [0, "standard isn't enough for us"],
      [1, "high availability matters more than anything"],
      [5, "low latency is key for us"],
      [1, "if we hire people, high"],
      [1, "i wouldnt call it high"],
      [5, "the learning curve is high"],
      [1, "the bar is high"],
      [1, "what is high"],
      [2, "why so strict"],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("notice");
      expect(plainText([r]), text).not.toContain("✅");
    }
  });

  it("reads typed answers from the fifteenth blind trial: degree words, typos, yes/no before the option, said phrases, a leading article", async () => {
    for (const [step, text, expected] of [
      [
        0,
        "we hold cardholder data so pretty strong, but it's all our own code",
        label("isolation", "strong"),
      ],
      [0, "idk, standrd i guess", label("isolation", "standard")],
      [0, "nothing sensitive, it's all our own build tooling", label("isolation", "standard")],
      [0, "low, trusted internal stuff only", label("isolation", "standard")],
      [2, "nah none", label("compliance", "none")],
      [3, "a few times a year, change board has to approve everything", label("deploys", "rare")],
      [5, "we'd use EKS, not keen on running our own control plane", label("orchestration", "medium")],
      [6, "big vendor apps, each one is basically one giant install", label("architecture", "monolith")],
      [
        6,
        "a bunch of small services: matchmaking, leaderboards, auth, plus the game servers",
        label("architecture", "microservices"),
      ],
      [8, "not really, no licensing weirdness, we wrote all of it ourselves", label("legacy", "no")],
      [8, "nah, it's all our own code", label("legacy", "no")],
      [9, "not sure tbh, the PACS vendor might use some capture cards", knowledge.responses.walkthrough.skip],
      // Trial 17's; and a "yes" before what says no is No (a fourth review's).
      [8, "the vendor package is certified only on RHEL 7", label("legacy", "yes")],
      [8, "yes, it is all in-house", label("legacy", "no")],
      [8, "no vendor software, all our own code", label("legacy", "no")],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // Said of something else after a copula, a yes that disagrees with the option, or a typo of a
    // short word: no answer; a managed service turned down is no Medium.
    for (const [step, text] of [
      [5, "the learning curve is pretty high"],
      [1, "our bar is so high"],
      [2, "yeah none"],
      [0, "a string of outages"],
      // An independent review's: a description of something else after words of degree, a said
      // phrase beside a rejection or on top of licensed software, a skip that asks, a plan.
      [5, "the learning curve feels pretty high"],
      [5, "the learning curve is really pretty high"],
      [1, "costs so high"],
      [1, "we have turnover thats very high"],
      [5, "tried eks, hated it"],
      [8, "our own code on top of SAP"],
      [6, "next year we switch the architecture to microservices"],
      // A second review's: plans said with "we'll" and "moving to".
      [6, "we'll switch the architecture to microservices"],
      [6, "we are moving to microservices"],
      // A third review's: a "yes" with what is gone, a "no" with what was replaced.
      [8, "yes, the vendor engine is gone now"],
      [8, "no, we replaced the vendor app last year"],
      [8, "yes, let me check"],
    ] as const) {
      const r = await at(step, text);
      expect(plainText([r]), text).not.toContain("✅");
    }
    expect(plainText([await at(5, "we dont use eks")])).not.toContain(
      `✅ ${label("orchestration", "medium")}`,
    );
    // A control between softening words, or after a short reason (trial 17).
    for (const text of [
      "nvm cancel this",
      "nvm cancel this please",
      "ok cancel it then",
      "stop this",
      "ugh actually i have a meeting, stop this",
    ])
      expect(plainText([await at(0, text)]), text).toContain("cancelled this checklist");
    // Not "stop" with something else to say, nor a control asked about.
    for (const text of ["stop, let me check with security", "i have a question, stop this?"])
      expect(plainText([await at(0, text)]), text).not.toContain("cancelled this checklist");
    // After a reason only "stop …": "restart it" and "cancel it" there speak of pods and jobs (a
    // third and a fourth review's).
    expect(plainText([await at(7, "stateless - if a pod dies, restart it")])).not.toContain(
      "restarted the checklist",
    );
    for (const text of ["stateless - if a job hangs, cancel it", "stateless; if a pod misbehaves, stop it"])
      expect(plainText([await at(7, text)]), text).not.toContain("cancelled this checklist");
    // "not sure" before a request for help is no skip.
    for (const text of [
      "not sure, what do most teams pick",
      "dont know. could you tell me what strong means",
    ])
      expect(plainText([await at(0, text)]), text).not.toContain("✅");
  });

  it("reads typed answers from blind trial 30: a bare no explained after it, a closing hedge, an option named before why", async () => {
    for (const [step, text, expected] of [
      [4, "No, everything we run is Linux.", label("multiOs", "no")],
      [
        8,
        "not really, everything is ours. well theres vmware itself lol but thats the question",
        label("legacy", "no"),
      ],
      [8, "mostly no, we control the stack", label("legacy", "no")],
      [9, "nope just a basic droplet, 1 cpu 1gb ram lol", label("hardware", "none")],
      [3, "like weekly-ish i guess", label("deploys", "regular")],
      [
        0,
        "pretty strong i'd say, auditors want things locked down after the ransomware thing but its all our own stuff, no outside customers",
        label("isolation", "strong"),
      ],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // A rest that turns it ("steady-ish, although … 10x") reads as the whole does (review 35's).
    const turned = await at(10, "steady-ish, although black friday traffic is like 10x");
    expect(plainText([turned])).toContain(`✅ ${label("load", "spiky")}`);
    // Chatter after a no, a rest that turns it, reads another answer or says nothing that agrees
    // with it (review 35's: people talking in the thread, doubt, a contradiction in other words):
    // no "No" read.
    for (const [step, text] of [
      [4, "no, sorry, wrong thread"],
      [9, "no, but one service pins a kernel version"],
      [4, "no, we run windows and linux side by side"],
      [4, "nope, he's out today"],
      [9, "no, still waiting on finance for the quote"],
      [9, "no clue tbh"],
      [8, "not really, it's an old java 6 app on weblogic"],
      [9, "no, unless we do the ML inference thing"],
    ] as const) {
      const r = await at(step, text);
      expect(plainText([r]), text).not.toMatch(/✅ (?:No|None) /);
    }
  });

  it("reads typed answers from blind trial 31: how often it holds first, 'nothing special', a no before the team's own system", async () => {
    for (const [step, text, expected] of [
      [
        3,
        "Usually every two weeks at the end of a sprint, sometimes a hotfix in between.",
        label("deploys", "regular"),
      ],
      [
        9,
        "Nothing special that I am aware of. Our encryption keys are held in a separate hardware security module that is reached over the network.",
        label("hardware", "none"),
      ],
      // Review 36's: a bare no before a description of the team's own system.
      [8, "no, everything runs on ubuntu", label("legacy", "no")],
      [4, "no, we're a linux shop", label("multiOs", "no")],
      [9, "no, standard ec2 instances", label("hardware", "none")],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // A condition makes the opening conditional, in the same sentence or a later one ("if a big
    // customer onboards we get hammered" may describe real peaks: review 36's); a "none of" is no
    // None, and a rest that names what the no would deny takes it back.
    for (const [step, text, value] of [
      [1, "medium, if we hire the platform engineer we interviewed", label("maturity", "medium")],
      [
        10,
        "pretty steady, b2b. if a big customer onboards we get hammered for a day or two",
        label("load", "steady"),
      ],
      [8, "none of the software is ours, the vendor controls the stack", label("legacy", "no")],
      [8, "no, it's all SAP", label("legacy", "no")],
    ] as const) {
      const r = await at(step, text);
      expect(plainText([r]), text).not.toContain(`✅ ${value}`);
    }
  });

  it("reads typed answers from blind trial 26: judged at the end, a mix, an emphatic yes, 'that's a yes', a lead-in saying where it holds", async () => {
    for (const [step, text, expected] of [
      [
        2,
        "mixed bag. most labs nothing formal, but the two with patient data have a DUA and our infosec office audits them once a year. I'd say moderate overall",
        label("compliance", "moderate"),
      ],
      [3, "For this platform, fortnightly.", label("deploys", "regular")],
      [
        6,
        "more like a mix. big core thing plus some small services around it",
        label("architecture", "mixed"),
      ],
      [
        6,
        "no not microservices, its mostly one big laravel app i think thats monolith",
        label("architecture", "monolith"),
      ],
      [
        6,
        "it's not really one application, it's a shared cluster with lots of little things, a mix i guess",
        label("architecture", "mixed"),
      ],
      [
        7,
        "both - the lab databases are very stateful, the jupyter and web bits not so much",
        label("state", "mixed"),
      ],
      [
        8,
        "oh very much yes, the chemistry suite and the FEA code, both locked to rhel 7",
        label("legacy", "yes"),
      ],
      [8, "i meant thats a yes for the checklist q", label("legacy", "yes")],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // Not a degree word before an option's name at the end, nor a negated judgement; not a yes
    // or no in doubt, both of them, or "a no brainer"; not an emphatic word before putting the
    // answer off (an independent review's).
    for (const [step, text] of [
      [1, "our bar is so high"],
      [6, "it's a shared cluster, i dont think its monolith"],
      [8, "i guess its a no for the web side but a yes for the payroll system"],
      [8, "it's a no brainer, the ERP needs windows server 2012"],
      [8, "of course, let me check with the team first"],
      [8, "absolutely, good question - let me ask our IT guy"],
      [3, "on the old stack, monthly, but the new platform ships hourly"],
    ] as const)
      expect(plainText([await at(step, text)]), text).not.toContain("✅");
    expect(plainText([await at(8, "not sure if its a yes or a no for us")])).not.toContain(
      `✅ ${label("legacy", "yes")}`,
    );
    // A lead-in is only where the answer holds, not a degree or a place said with the answer; a
    // firm no before a plan is a no, and a yes with a condition a yes (a second review's).
    for (const [step, text, expected] of [
      [3, "in prod daily, in staging hourly", label("deploys", "frequent")],
      [3, "on average monthly, sometimes weekly", label("deploys", "regular")],
      [3, "for us, weekly", label("deploys", "regular")],
      [3, "in our case, monthly", label("deploys", "regular")],
      [4, "absolutely not, we'll stay on linux", label("multiOs", "no")],
      [8, "answer is a yes if we keep the windows reporting box", label("legacy", "yes")],
    ] as const)
      expect(plainText([await at(step, text)]), text).toContain(`✅ ${expected}`);
  });

  it("reads typed answers the fifth session of 2026-12-02 found misread: two options said, a refusal after a cue, a relative clause under a negation, a contrast after label words", async () => {
    for (const [step, text, expected] of [
      [6, "one big thing + a couple small services", label("architecture", "mixed")],
      [6, "one big thing", label("architecture", "monolith")],
      [
        5,
        "i'd tolerate a managed thing. running my own control plane at 3am, no thanks",
        label("orchestration", "medium"),
      ],
      [8, "nope. well, we have a few old scripts but nothing that needs a full OS", label("legacy", "no")],
      [0, "it's only our own services", label("isolation", "standard")],
      // A contrast that backs the label words with a negation does not turn them (a review's).
      [0, "our own services, but nothing sensitive", label("isolation", "standard")],
      [9, "no question that we need gpus for training", label("hardware", "gpu")],
    ] as const)
      expect(plainText([await at(step, text)]), text).toContain(`✅ ${expected}`);
    // Label words a contrast turns are not read; the person is asked again (it was Standard).
    const turned = await at(
      0,
      "mostly our own services, but payments go through it so pci applies and it has to be locked down",
    );
    expect(plainText([turned])).not.toContain("✅");
    expect(plainText([turned])).toContain(knowledge.responses.walkthrough.typedInThread.slice(0, 40));
  });

  it("reads a blind trial's plain typed answers by the words their choices list as said", async () => {
    for (const [step, text, expected] of [
      [6, "its one node app really", label("architecture", "monolith")],
      [7, "we use a managed postgres, the app itself keeps nothing", label("state", "stateless")],
      [4, "everything is ubuntu 22.04", label("multiOs", "no")],
      [1, "one half-time sysadmin and no real CI, mostly ssh and bash scripts", label("maturity", "low")],
      // Where they were: the bash scripts are gone (an independent review's was read as Low).
      [1, "used to be bash scripts, now full gitops", label("maturity", "high")],
    ] as const)
      expect(plainText([await at(step, text)]), text).toContain(`✅ ${expected}`);
    // Not a database by name, which someone else may keep, nor one app of many, nor demand before
    // a change (an independent review's were read as Stateful, Monolith and Spiky).
    for (const [step, text] of [
      [7, "the database is hosted by aws"],
      [7, "aurora postgres, fully managed"],
      [7, "mysql is managed by the cloud"],
      [7, "no database"],
      [6, "one service per container, about 20 of them"],
      [6, "just one app per team, 30 teams"],
      [10, "it was crazy before we moved to the cdn, steady now"],
    ] as const)
      expect(plainText([await at(step, text)]), text).not.toContain(
        step === 10 ? `✅ ${label("load", "spiky")}` : "✅",
      );
  });

  it("reads a bare yes or no a typed answer concludes with ('…, so not really'), not an earlier word for an option (blind trial 27's)", async () => {
    for (const [step, text, expected] of [
      [2, "PCI is handled by our payment provider, so not really", label("compliance", "none")],
      [2, "we looked at SOC2 last year, so no", label("compliance", "none")],
      [8, "the ERP only runs on windows server 2012, so yes", label("legacy", "yes")],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // Only a bare yes or no: not a doubt that opens with one.
    expect(plainText([await at(8, "there is some old stuff around, so not really sure")])).not.toContain(
      "✅",
    );
    // A "so yeah" agrees with what came before it, and a yes after a negation in the clause it
    // concludes is no answer; after a "but", the clause is the one after it (review 32's).
    for (const [step, text, expected] of [
      [4, "only ubuntu 22.04 everywhere, so yeah", label("multiOs", "no")],
      [8, "it's all in-house code now, so yeah", label("legacy", "no")],
      [8, "no licensed stuff but the old payroll thing needs windows xp, so yes", label("legacy", "yes")],
    ] as const)
      expect(plainText([await at(step, text)]), text).toContain(`✅ ${expected}`);
    expect(plainText([await at(8, "honestly nothing like that, it's all django, so yeah")])).not.toContain(
      `✅ ${label("legacy", "yes")}`,
    );
  });

  it("reads typed answers from blind trial 28: the answer a message opens with, a judgement after the option, 'rather than', said words", async () => {
    for (const [step, text, expected] of [
      [
        0,
        "Quite strong I would say. The SCADA systems control the production lines and a compromise would be serious. No untrusted tenants or outside code though.",
        label("isolation", "strong"),
      ],
      [
        2,
        "There are audits, yes, so I would call it moderate rather than none.",
        label("compliance", "moderate"),
      ],
      [3, "regular i'd say, weekly-ish", label("deploys", "regular")],
      [
        3,
        "multiple times a day for the serving code, new model versions maybe 2-3x a week",
        label("deploys", "frequent"),
      ],
      [5, "managed only", label("orchestration", "medium")],
      [9, "no, nothing special. regular business apps", label("hardware", "none")],
      [
        10,
        "very bursty. 10x peaks during US business hours when customers run batch jobs, then close to zero at night",
        label("load", "spiky"),
      ],
      [
        10,
        "mostly calm, only a bit busy in december when people donate for christmas campaign",
        label("load", "steady"),
      ],
    ] as const) {
      const r = await at(step, text);
      expect(r.kind, text).toBe("checklist");
      expect(plainText([r]), text).toContain(`✅ ${expected}`);
    }
    // Review 33's: no opening the rest qualifies with "mostly", gives another option for a part,
    // or asks about; nor a wish said with "would go".
    for (const [step, text] of [
      [10, "slightly spiky, mostly steady"],
      [0, "standard I guess. hard for the plugin sandbox"],
      [2, "moderate. strict for the eu subsidiary"],
      [0, "strong. but what about the customer plugins, do those need hard?"],
      [2, "strict. and pci, is that covered by strict?"],
      [10, "spiky. so that means containers?"],
      [0, "I would go with hard isolation but we only run our own code"],
    ] as const)
      expect(plainText([await at(step, text)]), text).not.toContain("✅");
    // A "so yeah" agrees with what came before it: its answer where it names one, else yes.
    for (const [step, text, expected] of [
      [4, "the accounting team runs a windows-only tool, so yeah", label("multiOs", "yes")],
      [8, "there's an old as400 thing in the corner, so yeah", label("legacy", "yes")],
    ] as const)
      expect(plainText([await at(step, text)]), text).toContain(`✅ ${expected}`);
    // An opening turned down is no answer of its own: what follows says what they would take.
    expect(
      plainText([
        await at(5, "we definitely can't run our own clusters. if it's managed by azure or aws maybe"),
      ]),
    ).not.toContain(`✅ ${label("orchestration", "low")}`);
  });

  it("changes an answer given before when a correction states a new one in words (seventeenth blind trial)", async () => {
    const bot = makeBot(await createStore("memory:"));
    let replies = await start(bot, "t1");
    for (const text of ["standard", "medium", "none", "a few times a year"])
      replies = await bot.handle(turn({ text, thread: "t1" }));
    expect(plainText(replies)).toContain("Question 5 of 11");
    replies = await bot.handle(
      turn({ text: "sorry correction - we release monthly, not quarterly", thread: "t1" }),
    );
    expect(plainText(replies)).toContain("from Rare to Regular");
    // The current question is asked again.
    expect(plainText(replies)).toContain("Question 5 of 11");
    // Without an opening, about someone else, hearsay or under a condition, it is no correction
    // (an independent review's; each a band other than the answer's).
    for (const text of [
      "we release daily",
      "btw our competitor deploys daily",
      "wait, our competitor deploys daily and we hate it",
      "wait we heard netflix deploys daily",
      "btw we read that google deploys daily",
      "actually we deploy daily, if the pipeline works",
      // A fourth review's.
      "wait we were told netflix deploys daily",
      "actually we think netflix deploys daily",
      "actually we know netflix deploys daily",
      "wait, we should deploy daily",
    ]) {
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(plainText([r!]), text).not.toContain("changed the answer");
    }
    // The current question still waits for its own answer.
    replies = await bot.handle(turn({ text: "skip", thread: "t1" }));
    expect(plainText(replies)).toContain("Question 6 of 11");
  });

  it("changes the answer before the current question when a correction names another of its options", async () => {
    const bot = makeBot(await createStore("memory:"));
    let replies = await start(bot, "t1");
    replies = await bot.handle(turn({ text: "standard", thread: "t1" }));
    expect(plainText(replies)).toContain("Question 2 of 11");
    replies = await bot.handle(turn({ text: "no thats wrong, should be strong not standard", thread: "t1" }));
    const [note, card] = replies;
    expect(plainText([note!])).toBe(
      fill(knowledge.responses.walkthrough.correctedPrevious, {
        name: "Ada",
        question: "Isolation",
        before: "Standard",
        after: "Strong",
        words: "no thats wrong, should be strong not standard",
      }).replace(/\*\*/g, ""),
    );
    // The current question is asked again, and still waits for its answer.
    expect(plainText([card!])).toContain("Question 2 of 11");
    await bot.handle(press(choice([card!], 0)));
    replies = await bot.handle(turn({ text: "strict", thread: "t1" }));
    replies = await bot.handle(turn({ text: "hmm no, go back, i meant moderate", thread: "t1" }));
    expect(plainText(replies)).toContain("from Strict to Moderate");
    expect(plainText(replies)).toContain("Question 4 of 11");
    // The answers a recommendation is built on are the corrected ones.
    for (let i = 3; i < 11; i++) replies = await bot.handle(press(choice(replies, 0)));
    const answers = await bot.walkthroughs.finishedAnswers(turn({ thread: "t1" }));
    expect(answers).toMatchObject({ isolation: "strong", compliance: "moderate" });
    // "no" or "actually" opening an answer to the current question is no correction of the one
    // before (an independent review's): maturity stays Medium, compliance is None.
    const opened = makeBot(await createStore("memory:"));
    await start(opened, "t1");
    for (const text of ["skip", "medium"]) await opened.handle(turn({ text, thread: "t1" }));
    const [none] = await opened.handle(turn({ text: "no formal audits, risk is low", thread: "t1" }));
    expect(plainText([none!])).toContain(`✅ ${label("compliance", "none")}`);
    // A correction that names an option both questions have is the one before's ("mixed").
    const shared = makeBot(await createStore("memory:"));
    await start(shared, "t1");
    for (let i = 0; i < 6; i++) await shared.handle(turn({ text: "skip", thread: "t1" }));
    await shared.handle(turn({ text: "monolith", thread: "t1" }));
    const mixed = await shared.handle(turn({ text: "no wait, should be mixed", thread: "t1" }));
    expect(plainText(mixed)).toContain("changed the answer to Architecture from Monolith to Mixed");
    // A correction read against a walkthrough that moved on meanwhile changes nothing: the note.
    const raced = makeBot(await createStore("memory:"));
    await start(raced, "t1");
    await raced.handle(turn({ text: "standard", thread: "t1" }));
    const before = (await raced.walkthroughs.running(turn({ thread: "t1" })))!;
    await raced.handle(turn({ text: "medium", thread: "t1" }));
    const [stale] = await raced.walkthroughs.correct(
      turn({ thread: "t1" }),
      before,
      { step: 0, value: "hard" },
      "x",
    );
    expect(stale!.summary).toBe(knowledge.responses.walkthrough.typedInThread);
    const now = (await raced.walkthroughs.running(turn({ thread: "t1" })))!;
    expect(now.answers).toMatchObject({ isolation: "standard", maturity: "medium" });
    // No correction: the option given already, or no word of correction.
    const again = makeBot(await createStore("memory:"));
    await start(again, "t1");
    await again.handle(turn({ text: "standard", thread: "t1" }));
    for (const text of ["no wait, standard", "strong"]) {
      const [r] = await again.handle(turn({ text, thread: "t1" }));
      expect(r!.kind, text).toBe("notice");
      expect(plainText([r!]), text).not.toContain("changed the answer");
    }
  });

  it("changes the last answers after the walkthrough ended when a correction names an option of one question only", async () => {
    const finished = async () => {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      const given = new Map([
        ["state", "stateless"],
        ["deploys", "frequent"],
        ["load", "steady"],
      ]);
      let replies: Reply[] = [];
      for (const q of knowledge.decision.checklist)
        replies = await bot.handle(turn({ text: given.get(q.key) ?? "skip", thread: "t1" }));
      expect(replies.at(-1)!.kind).toBe("recommendation");
      return bot;
    };
    const heading = knowledge.responses.situation.correctedHeading;
    const fieldsOf = (r: Reply) => {
      const f = r.parts.find((p) => p.type === "fields");
      return f?.type === "fields" ? f.fields.map((x) => [x.label, x.value.split(" — ")[0]]) : [];
    };
    for (const [text, expected] of [
      ["no wait, should be spiky", [["Load pattern", "Spiky"]]],
      ["oops i meant strict", [["Compliance", "Strict"]]],
    ] as const) {
      const bot = await finished();
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.kind, text).toBe("recommendation");
      expect(r!.parts[0], text).toEqual({ type: "heading", text: heading });
      expect(fieldsOf(r!), text).toEqual(expected);
    }
    // An option two questions have ("mixed": Architecture and State), no word of correction, or
    // no recommendation shown: no change.
    for (const text of ["no wait, should be mixed", "spiky"]) {
      const bot = await finished();
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.parts[0], text).not.toEqual({ type: "heading", text: heading });
    }
    const fresh = makeBot(await createStore("memory:"));
    const [r] = await fresh.handle(turn({ text: "no wait, should be spiky" }));
    expect(r!.parts[0]).not.toEqual({ type: "heading", text: heading });
  });

  it("changes an answer given before by 'change X to Y' and by 'for X, …, so Y' (fifteenth blind trial)", async () => {
    for (const text of [
      "change compliance to moderate",
      "oh actually for compliance, we do get payment audits for the store, so moderate",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      for (const answer of ["skip", "low", "none", "skip", "skip"])
        await bot.handle(turn({ text: answer, thread: "t1" }));
      const replies = await bot.handle(turn({ text, thread: "t1" }));
      expect(plainText(replies), text).toContain("changed the answer to Compliance from None to Moderate");
      expect(plainText(replies), text).toContain("Question 6 of 11");
    }
    // A question about the option is no change.
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    for (const answer of ["skip", "low", "none"]) await bot.handle(turn({ text: answer, thread: "t1" }));
    const replies = await bot.handle(
      turn({ text: "for compliance, is moderate the one with audits?", thread: "t1" }),
    );
    expect(plainText(replies)).not.toContain("changed the answer");
  });

  it("changes an answer given before when a message names its question or number, never the current question's (fourteenth blind trial)", async () => {
    const walk = async () => {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      // Isolation skipped; maturity Low; compliance None; then on to Architecture: Monolith.
      for (const text of ["skip", "low", "none", "skip", "skip", "skip", "monolith"])
        await bot.handle(turn({ text, thread: "t1" }));
      return bot;
    };
    // At State, whose options include "Mixed" too: Architecture changes, State is still asked.
    const bot = await walk();
    let replies = await bot.handle(
      turn({ text: "no wait, the architecture answer should be mixed", thread: "t1" }),
    );
    expect(plainText(replies)).toContain("changed the answer to Architecture from Monolith to Mixed");
    expect(plainText(replies)).toContain("Question 8 of 11 · State");
    expect(plainText(replies)).not.toContain("✅");
    // By its number on the cards, and by name with "is actually".
    replies = await bot.handle(turn({ text: "no wait q3 should be moderate", thread: "t1" }));
    expect(plainText(replies)).toContain("changed the answer to Compliance from None to Moderate");
    replies = await bot.handle(turn({ text: "hold on, platform maturity is actually medium", thread: "t1" }));
    expect(plainText(replies)).toContain("changed the answer to Platform maturity from Low to Medium");
    // By the current question's name: its answer.
    replies = await bot.handle(turn({ text: "state is stateless", thread: "t1" }));
    expect(plainText(replies)).toContain(`✅ ${label("state", "stateless")}`);
    for (let i = 8; i < 11; i++) replies = await bot.handle(turn({ text: "skip", thread: "t1" }));
    expect(await bot.walkthroughs.finishedAnswers(turn({ thread: "t1" }))).toMatchObject({
      maturity: "medium",
      compliance: "moderate",
      architecture: "mixed",
      state: "stateless",
    });
    // Not by name: doubted, of the past, or the option's word used otherwise (a second review's).
    const doubted = await walk();
    for (const text of [
      "i dont think compliance is strict",
      "maturity was low two years ago",
      "we are moving the architecture to microservices next year",
    ]) {
      const replies = await doubted.handle(turn({ text, thread: "t1" }));
      expect(plainText(replies), text).not.toContain("changed the answer");
    }
    // "make it mixed" answers the current question when it has that option; several questions
    // named: the current question's answer, and no change that changes nothing.
    const current = await walk();
    const [made] = await current.handle(turn({ text: "make it mixed", thread: "t1" }));
    expect(plainText([made!])).toContain(`✅ ${label("state", "mixed")}`);
    const [both] = await current.handle(turn({ text: "architecture: monolith, legacy: yes", thread: "t1" }));
    expect(plainText([both!])).toContain(`✅ ${label("legacy", "yes")}`);
    // A question still to come is not answered by name, nor the current one misread: "we deploy
    // daily" still answers Deploy frequency.
    const early = makeBot(await createStore("memory:"));
    await start(early, "t1");
    for (let i = 0; i < 3; i++) await early.handle(turn({ text: "skip", thread: "t1" }));
    const [deploys] = await early.handle(
      turn({ text: "we deploy daily, architecture is microservices", thread: "t1" }),
    );
    expect(plainText([deploys!])).toContain(`✅ ${label("deploys", "frequent")}`);
  });

  it("answers no FAQ entry to a sentence typed in the thread that it cannot read as an answer, and follows up on none", async () => {
    for (const [step, text] of [
      [3, "backups run every night to s3"],
      [6, "the hypervisor is vmware"],
    ] as const) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      for (let i = 0; i < step; i++) await bot.handle(turn({ text: "skip", thread: "t1" }));
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.kind, text).toBe("notice");
      expect(r!.summary, text).toBe(knowledge.responses.walkthrough.typedInThread);
      // Nor is it the topic a short question after it follows up on.
      const [next] = await bot.handle(turn({ text: "and for vms?", thread: "t1" }));
      expect(plainText([next!]), text).not.toContain("Following up on");
    }
    // A statement with "which" in it is still a statement (a second review's).
    const which = makeBot(await createStore("memory:"));
    await start(which, "t1");
    for (let i = 0; i < 3; i++) await which.handle(turn({ text: "skip", thread: "t1" }));
    const [fine] = await which.handle(
      turn({ text: "backups run every night to s3 which is fine", thread: "t1" }),
    );
    expect(fine!.summary).toBe(knowledge.responses.walkthrough.typedInThread);
    // Questions put as statements are questions (an independent review's).
    for (const text of ["i dont understand what a container image is", "my question is about hypervisors"]) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      for (let i = 0; i < 3; i++) await bot.handle(turn({ text: "skip", thread: "t1" }));
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.kind, text).toBe("answer");
    }
    // A topic named in the thread is still a question.
    const [topic] = await (async () => {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      return bot.handle(turn({ text: "databases in containers", thread: "t1" }));
    })();
    expect(topic!.kind).toBe("answer");
  });

  it("explains the current question and its options when asked what it means in the thread, instead of skipping it", async () => {
    const compliance = knowledge.decision.checklist.find((q) => q.key === "compliance")!;
    for (const text of [
      "no idea what that means",
      "what's the difference between moderate and strict compliance here?",
      "what does strict mean?",
      // Trial 11's.
      "we do SOC 2, does that count as moderate or strict?",
      "so can you explain strict?",
      // Trial 16's.
      "idk what counts as strict, what do you mean by compliance?",
      // Trial 17's.
      "what counts as moderate here?",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      for (let i = 0; i < 2; i++) await bot.handle(turn({ text: "skip", thread: "t1" }));
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.kind, text).toBe("notice");
      const said = plainText([r!]);
      expect(said, text).toContain(compliance.help);
      for (const c of compliance.choices) expect(said, text).toContain(c.label);
      // Not skipped: Continue shows the same question again.
      const [again] = await bot.handle(press(buttons([r!], "controls")[0]!.action, { thread: "t1" }));
      expect(plainText([again!]).toLowerCase(), text).toContain(compliance.prompt.toLowerCase());
      expect(plainText([again!]), text).not.toContain("✅");
    }
    // Words of one of its options (trial 12).
    const words = makeBot(await createStore("memory:"));
    await start(words, "t1");
    const [depth] = await words.handle(turn({ text: "what does defence in depth mean here?", thread: "t1" }));
    expect(plainText([depth!])).toContain(knowledge.decision.checklist[0]!.help);
    // A question of its own is still one (a second review's: "mean by <something else>").
    for (const text of [
      "what is the difference between vms and containers",
      "what do you mean by blast radius?",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      const [own] = await bot.handle(turn({ text, thread: "t1" }));
      expect(own!.kind, text).toBe("answer");
    }
    // An option named, then asked about, is no answer (a third review).
    const asked = makeBot(await createStore("memory:"));
    await start(asked, "t1");
    for (let i = 0; i < 2; i++) await asked.handle(turn({ text: "skip", thread: "t1" }));
    const [hipaa] = await asked.handle(turn({ text: "Strict: is that the one for HIPAA?", thread: "t1" }));
    expect(plainText([hipaa!])).not.toContain("✅");
    // Wanting to avoid something states no need: not answered as Strict.
    const avoid = makeBot(await createStore("memory:"));
    await start(avoid, "t1");
    for (let i = 0; i < 2; i++) await avoid.handle(turn({ text: "skip", thread: "t1" }));
    const [avoided] = await avoid.handle(turn({ text: "we want to avoid anything regulated", thread: "t1" }));
    expect(plainText([avoided!])).not.toContain("✅");
  });

  it("takes 'restart' typed in a finished checklist's thread as a new checklist, and says 'cancel' there has nothing to undo", async () => {
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    for (let i = 0; i < 11; i++) await bot.handle(turn({ text: "skip", thread: "t1" }));
    for (const text of ["cancel", "back"]) {
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.summary, text).toBe(knowledge.responses.errors.typedInFinished);
    }
    const [again] = await bot.handle(turn({ text: "restart", thread: "t1" }));
    expect(again!.kind).toBe("checklist");
    expect(again!.inThread?.type).toBe("checklist.begin");
    // The same in a cancelled checklist's thread, and in other words.
    const cancelled = makeBot(await createStore("memory:"));
    await start(cancelled, "t2");
    await cancelled.handle(turn({ text: "cancel", thread: "t2" }));
    const [goBack] = await cancelled.handle(turn({ text: "go back", thread: "t2" }));
    expect(goBack!.summary).toBe(knowledge.responses.errors.typedInFinished);
    const [over] = await cancelled.handle(turn({ text: "start over", thread: "t2" }));
    expect(over!.kind).toBe("checklist");
    // "actually" is no one's name.
    const actually = makeBot(await createStore("memory:"));
    await start(actually, "t3");
    const [options] = await actually.handle(
      turn({ text: "actually, could you explain the options?", thread: "t3" }),
    );
    expect(plainText([options!])).toContain(knowledge.decision.checklist[0]!.help);
    // Outside a checklist's thread, "cancel" is no control.
    const [alone] = await bot.handle(turn({ text: "cancel", thread: "elsewhere" }));
    expect(alone!.summary).not.toBe(knowledge.responses.errors.typedInFinished);
  });

  it("answers what is said to someone else in a checklist's thread with the quiet note, not a public answer", async () => {
    for (const text of [
      "tom can you check with security what they said about the pen test before we answer this one",
      "@chloe do we have GPUs in prod?",
      "anna, could you confirm we are regulated?",
    ]) {
      const bot = makeBot(await createStore("memory:"));
      await start(bot, "t1");
      const [r] = await bot.handle(turn({ text, thread: "t1" }));
      expect(r!.kind, text).toBe("notice");
      expect(r!.visibility, text).toBe("private");
    }
    // "managed is fine" there is Medium orchestration (checklist said).
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    for (let i = 0; i < 5; i++) await bot.handle(turn({ text: "skip", thread: "t1" }));
    const [managed] = await bot.handle(
      turn({ text: "anna wants EKS... let's say managed is fine", thread: "t1" }),
    );
    expect(plainText([managed!])).toContain("✅ Medium — fine with a managed orchestrator");
  });

  it("points to a new checklist, not Back, when a typed sentence answered the last question", async () => {
    const bot = makeBot(await createStore("memory:"));
    await start(bot, "t1");
    const typedIn = async (text: string) => bot.handle(turn({ text, thread: "t1" }));
    for (const skip of Array.from({ length: 10 }, () => "skip")) await typedIn(skip);
    const [answered, recommendation] = await typedIn("our traffic is very spiky around sales events");
    expect(recommendation!.kind).toBe("recommendation");
    const note = plainText([answered!]);
    expect(note).toContain(fill(knowledge.responses.walkthrough.readFromWordsLast, { words: "spiky" }));
    expect(note).not.toContain(knowledge.responses.walkthrough.back);
  });

  it("answers 'why?' typed in the thread of a finished checklist from its recommendation", async () => {
    const bot = makeBot(await createStore("memory:"));
    // A third person asks a question in the thread first.
    await bot.handle(
      turn({ text: "can we run databases in containers?", thread: "t1", user: { id: "u3", name: "Lin" } }),
    );
    let replies = await start(bot, "t1");
    // The last press by someone else: the recommendation is the thread's, anyone there may ask.
    for (let i = 0; i < 11; i++) {
      const by = i === 10 ? { id: "u2", name: "Grace" } : { id: "u1", name: "Ada" };
      replies = await bot.handle(press(choice(replies, 0), { thread: "t1", user: by }));
    }
    const card = replies.find((r) => r.kind === "recommendation")!;
    expect(card).toBeDefined();
    const [why] = await bot.handle(turn({ text: "why did you recommend that?", thread: "t1" }));
    expect(why!.kind).toBe("recommendation");
    const whyText = card.parts.find((p) => p.type === "text" && p.text.startsWith("**Why:**"));
    expect(why!.parts).toContainEqual(whyText);
    // Whoever finished it may also ask outside the thread, in the channel; nobody else there.
    const channel = { thread: undefined };
    const outside = await bot.handle(turn({ text: "why?", user: { id: "u2", name: "Grace" }, ...channel }));
    expect(outside[0]!.parts).toContainEqual(whyText);
    const [other] = await bot.handle(turn({ text: "why?", user: { id: "u1", name: "Ada" }, ...channel }));
    expect(other!.kind).toBe("decline");
    // Someone who asked a question in the thread before the recommendation: their "why?" is about
    // the recommendation, which came last.
    const [why3] = await bot.handle(turn({ text: "why?", thread: "t1", user: { id: "u3", name: "Lin" } }));
    expect(why3!.parts).toContainEqual(whyText);
    // "what if …" there decides again with that change.
    const [whatIf] = await bot.handle(
      turn({ text: "what if we had to run untrusted customer code?", thread: "t1" }),
    );
    expect(whatIf!.summary).toMatch(/^If that were so\. Recommendation: /);
  });

  it("keeps walkthroughs in different threads apart, and refuses a press from another thread", async () => {
    const bot = makeBot(await createStore("memory:"));
    const a = await start(bot, "thread-a");
    const b = await start(bot, "thread-b");
    await bot.handle(press(choice(a, 2), { thread: "thread-a" }));
    expect(plainText(await bot.handle(press(choice(a, 0), { thread: "thread-b" })))).toMatch(/earlier step/);
    const bNext = await bot.handle(press(choice(b, 0), { thread: "thread-b" }));
    expect(plainText(bNext)).toMatch(/Question 2 of 11/);
    const again = await bot.handle(press({ type: "checklist.begin" }, { thread: "thread-a" }));
    expect(plainText(again)).toMatch(/already running/);
    expect(plainText(again)).toMatch(/Question 2 of 11/);
  });
});

describe("Bot.handle: stats permission", () => {
  const access = {
    slack: { users: ["UMAINT"], channels: ["CMAINT"] },
    teams: { users: ["aad-maint"], channels: ["19:team-maint"] },
  };
  const stats = (over: Partial<Parameters<typeof turn>[0]>) =>
    turn({ text: "stats", via: "command", ...over });

  it("denies stats by default on Slack and Teams, and allows the CLI and the local playground", async () => {
    const bot = new Bot({ knowledge, store: await createStore("memory:") });
    for (const platform of ["slack", "teams"] as const) {
      const [r] = await bot.handle(stats({ platform, user: { id: "anyone" } }));
      expect(r!.summary).toBe(knowledge.responses.errors.statsRefused);
      expect(r!.visibility).toBe("private");
    }
    expect((await bot.handle(stats({ platform: "playground" })))[0]!.kind).toBe("stats");
    expect((await bot.handle(stats({ platform: "cli" })))[0]!.kind).toBe("stats");
  });

  it("allows exactly the listed people and places, each platform with its own list", async () => {
    const bot = new Bot({ knowledge, store: await createStore("memory:"), statsAccess: access });
    const kind = async (over: Partial<Parameters<typeof turn>[0]>) =>
      (await bot.handle(stats(over)))[0]!.kind;
    expect(await kind({ platform: "slack", user: { id: "UMAINT" } })).toBe("stats");
    expect(await kind({ platform: "slack", user: { id: "U1" }, conversation: "CMAINT" })).toBe("stats");
    expect(await kind({ platform: "slack", user: { id: "U1" }, conversation: "C2" })).toBe("notice");
    expect(await kind({ platform: "teams", user: { id: "29:x", directoryId: "aad-maint" } })).toBe("stats");
    expect(await kind({ platform: "teams", user: { id: "29:x" }, space: "19:team-maint" })).toBe("stats");
    expect(await kind({ platform: "teams", user: { id: "29:x" }, conversation: "19:team-maint" })).toBe(
      "stats",
    );
    // A Slack id on the Teams list does nothing, and the other way round.
    expect(await kind({ platform: "teams", user: { id: "UMAINT" } })).toBe("notice");
    expect(await kind({ platform: "slack", user: { id: "aad-maint" } })).toBe("notice");
  });
});
