import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/core/action.ts";
import type { Bot } from "../../../src/core/bot.ts";
import { plainText } from "../../../src/core/render/plainText.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { walkthroughStateSchema } from "../../../src/core/walkthrough/state.ts";
import { createStore } from "../../../src/store/index.ts";
import { buttons, knowledge, makeBot, press, turn } from "../../helpers/bot.ts";

const SOLARIS =
  "We're three engineers with a legacy Solaris app, a couple of releases a year and a regulator breathing down our neck — VMs or containers?";
const text = (t: string, thread?: string) => turn({ text: t, via: "command", thread });

const fields = (replies: Reply[]) =>
  replies.flatMap((r) => r.parts.flatMap((p) => (p.type === "fields" ? p.fields : [])));

/** Runs a `checklist.start` press the way an adapter does: post the root, then `inThread` in its thread. */
async function startIn(bot: Bot, action: Action, thread: string) {
  const [root] = await bot.handle(press(action, { thread: undefined }));
  expect(root!.placement).toBe("new-thread");
  return { root: root!, card: await bot.handle(press(root!.inThread!, { thread })) };
}

describe("recommend: describe your situation, get a recommendation", () => {
  it("shows what it understood, with the words behind each answer, and recommends right away", async () => {
    const bot = makeBot(await createStore("memory:"));
    const replies = await bot.handle(text(`recommend ${SOLARIS}`));
    expect(replies).toHaveLength(1);
    const [r] = replies;
    expect(r!.kind).toBe("recommendation");
    expect(r!.parts[0]).toEqual({ type: "heading", text: "Here is what I understood" });
    expect(fields(replies)).toEqual([
      {
        label: "Compliance",
        value: "Strict — regulated, with prescribed separation and audit trails — from: “regulator”",
      },
      {
        label: "Deploy frequency",
        value: "Rare — quarterly or less often — from: “couple of releases a year”",
      },
      {
        label: "Several operating systems",
        value: "Yes — e.g. Windows and Linux, or pinned OS versions — from: “Solaris”",
      },
      {
        label: "Legacy software",
        value: "Yes — legacy or licensed software expecting full OS semantics — from: “legacy”",
      },
    ]);
    expect(plainText(replies)).toMatch(/Recommendation: Virtual machines/i);
    expect(r!.parts.some((p) => p.type === "sources")).toBe(true);
    // Refine: the 7 open questions; change: one button per understood answer.
    expect(buttons(replies, "menu").map((b) => b.label)).toEqual(["Refine: answer the 7 open questions"]);
    expect(buttons(replies, "controls").map((b) => b.label)).toEqual([
      "Change: Compliance",
      "Change: Deploy frequency",
      "Change: Several operating systems",
      "Change: Legacy software",
    ]);
  });

  it("a description in plain words gets the same reply, with the FAQ entry it matched one press away", async () => {
    const bot = makeBot(await createStore("memory:"));
    // The matcher declines this one (mostly words it does not know); the reader still reads it.
    const replies = await bot.handle(text(SOLARIS));
    expect(replies[0]!.kind).toBe("recommendation");
    expect(fields(replies)).toHaveLength(4);
    // This one matches a FAQ entry, which stays one press away. "with postgres" names a database
    // but does not say where state lives: no State answer.
    const monolith = "we run a legacy monolith with postgres and release quarterly, should we containerize?";
    expect(bot.qa.asker.ask(monolith).kind).toBe("answer");
    const described = await bot.handle(text(monolith));
    expect(fields(described).map((f) => f.label)).toEqual([
      "Deploy frequency",
      "Architecture",
      "Legacy software",
    ]);
    expect(buttons(described, "followups")).toHaveLength(1);
  });

  it("the recommend intent and 'help me decide' with a described workload get what was understood", async () => {
    const bot = makeBot(await createStore("memory:"));
    expect(bot.qa.asker.ask("what would you recommend in our case").kind).toBe("intent");
    const intent = await bot.handle(text("what would you recommend in our case"));
    expect(intent[0]!.parts[0]).toEqual({ type: "heading", text: "Here is what I understood" });
    // Nothing understood: no guess, the checklist offered instead.
    expect(buttons(intent, "menu").map((b) => b.action)).toEqual([{ type: "checklist.start" }]);
    expect(bot.qa.asker.ask("walk me through choosing, our load is spiky").kind).toBe("intent");
    const described = await bot.handle(text("walk me through choosing, our load is spiky"));
    expect(fields(described).map((f) => f.label)).toEqual(["Load pattern"]);
    // With nothing described, "help me decide" still starts the checklist.
    expect((await bot.handle(text("help me decide")))[0]!.kind).toBe("checklist");
    // An ordinary question stays an answer.
    expect((await bot.handle(text("can we run databases in containers?")))[0]!.kind).toBe("answer");
  });

  it("refine: the walkthrough starts filled in and asks only the open questions", async () => {
    const bot = makeBot(await createStore("memory:"));
    const described = await bot.handle(text(`recommend ${SOLARIS}`));
    const refine = buttons(described, "menu")[0]!.action;
    const { root, card } = await startIn(bot, refine, "t9");
    expect(plainText([root])).toMatch(/filled in from the description: 7 question\(s\) to go/);
    expect(plainText(card)).toMatch(/Question 1 of 7 · Isolation/);
    // The first asked question has no "back".
    expect(buttons(card, "controls").map((b) => b.label)).not.toContain("◀ Back");
    const asked: string[] = [];
    let replies = card;
    for (let i = 0; i < 7; i++) {
      asked.push(/Question \d+ of 7 · ([^\n]+)/.exec(plainText([replies.at(-1)!]))![1]!);
      replies = await bot.handle(press(buttons(replies, "choices")[0]!.action, { thread: "t9" }));
      expect(plainText([replies[0]!])).toMatch(new RegExp(`Question ${i + 1} of 7`));
    }
    expect(asked).toEqual([
      "Isolation",
      "Platform maturity",
      "Orchestration appetite",
      "Architecture",
      "State",
      "Special hardware",
      "Load pattern",
    ]);
    const final = replies[1]!;
    expect(final.kind).toBe("recommendation");
    const answers = fields([final]);
    expect(answers.find((f) => f.label === "Compliance")?.value).toMatch(/Strict .*\(from the description\)/);
    expect(answers.find((f) => f.label === "Isolation")?.value).toMatch(/\(<@u1\|Ada>\)/);
  });

  it("back goes to the previous asked question, never to one the description answered", async () => {
    const bot = makeBot(await createStore("memory:"));
    const described = await bot.handle(text(`recommend ${SOLARIS}`));
    const { card } = await startIn(bot, buttons(described, "menu")[0]!.action, "t3");
    let replies = await bot.handle(press(buttons(card, "choices")[0]!.action, { thread: "t3" })); // isolation
    replies = await bot.handle(press(buttons(replies, "choices")[0]!.action, { thread: "t3" })); // maturity
    expect(plainText([replies[1]!])).toMatch(/Question 3 of 7 · Orchestration appetite/);
    const back = buttons([replies[1]!], "controls").find((b) => b.label === "◀ Back")!;
    replies = await bot.handle(press(back.action, { thread: "t3" }));
    // Compliance (step 2) lies between maturity and orchestration but was described: skipped.
    expect(plainText([replies[1]!])).toMatch(/Question 2 of 7 · Platform maturity/);
  });

  it("change: a button per understood answer asks that question again, then recommends", async () => {
    const bot = makeBot(await createStore("memory:"));
    const described = await bot.handle(text(`recommend ${SOLARIS}`));
    const change = buttons(described, "controls").find((b) => b.label === "Change: Compliance")!;
    const { card } = await startIn(bot, change.action, "t4");
    expect(plainText(card)).toMatch(/Question 1 of 1 · Compliance/);
    const none = buttons(card, "choices").find((b) => /^None/.test(b.label))!;
    const replies = await bot.handle(press(none.action, { thread: "t4" }));
    expect(replies[1]!.kind).toBe("recommendation");
    const answers = fields([replies[1]!]);
    expect(answers.find((f) => f.label === "Compliance")?.value).toMatch(/^None .*\(<@u1\|Ada>\)/);
    expect(answers.find((f) => f.label === "Legacy software")?.value).toMatch(/\(from the description\)/);
    // Neither described nor asked by this walkthrough: not asked, not "skipped" (trial 7).
    expect(answers.find((f) => f.label === "Isolation")?.value).toBe(
      knowledge.responses.walkthrough.notAsked,
    );
  });

  it("a forged pre-filled answer is refused, not stored", async () => {
    const bot = makeBot(await createStore("memory:"));
    const replies = await bot.handle(
      press({ type: "checklist.start", answers: { compliance: "extreme" } }, { thread: undefined }),
    );
    expect(replies[0]!.kind).toBe("notice");
    expect(replies[0]!.visibility).toBe("private");
  });

  it("an empty `recommend` says how to describe a situation", async () => {
    const bot = makeBot(await createStore("memory:"));
    expect(plainText(await bot.handle(text("recommend")))).toMatch(/Describe your situation after recommend/);
  });

  it("walkthrough states stored before this feature still read (the new fields are optional)", () => {
    const old = {
      schema: 1,
      id: "w1",
      status: "active",
      step: 2,
      answers: { isolation: "hard", maturity: null },
      history: [],
      startedBy: { id: "u1" },
      startedAt: 1,
      updatedAt: 2,
      rev: 2,
    };
    expect(walkthroughStateSchema.safeParse(old).success).toBe(true);
  });
});
