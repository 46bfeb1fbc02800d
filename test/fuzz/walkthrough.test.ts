import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/core/action.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { Turn } from "../../src/core/turn.ts";
import { walkthroughKey, walkthroughStateSchema } from "../../src/core/walkthrough/state.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, knowledge, makeBot, press } from "../helpers/bot.ts";
import { replySchemaCheck } from "./replyShape.ts";

const checklist = knowledge.decision.checklist;
const THREADS = ["t1", "t2", "t3"];
const USERS = [{ id: "u1", name: "Ada" }, { id: "u2" }];

/** One step of a random session. Indexes pick from what the bot has shown so far. */
type Op =
  | { kind: "begin"; thread: number }
  | { kind: "button"; pick: number; otherThread: number | null; user: number }
  | { kind: "latest"; pick: number }
  | { kind: "replay"; pick: number; user: number }
  | { kind: "random"; action: Action; thread: number; user: number };

const known = fc.constantFrom("id1", "id2", "id3", "id4", "id5", "nope", "");
const anyAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant("checklist.answer" as const),
    walkthroughId: known.map((s) => s || "x"),
    step: fc.integer({ min: 0, max: 14 }),
    value: fc.oneof(
      fc.constant(null),
      fc.constantFrom(...checklist.flatMap((q) => q.choices.map((c) => c.value))),
      fc.string({ maxLength: 40 }),
    ),
  }),
  fc.record({
    type: fc.constant("checklist.control" as const),
    walkthroughId: known.map((s) => s || "x"),
    step: fc.integer({ min: 0, max: 14 }),
    op: fc.constantFrom("back" as const, "restart" as const, "cancel" as const),
  }),
  fc.constantFrom<Action>(
    { type: "checklist.begin" },
    { type: "checklist.start" },
    { type: "share", walkthroughId: "id1" },
    { type: "share" },
    { type: "help" },
  ),
);

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("begin" as const), thread: fc.nat(2) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("button" as const),
      pick: fc.nat(),
      otherThread: fc.option(fc.nat(2), { freq: 5 }),
      user: fc.nat(1),
    }),
  },
  // Mostly a button of the latest card, so walkthroughs get far, go back and finish.
  { weight: 12, arbitrary: fc.record({ kind: fc.constant("latest" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("replay" as const), pick: fc.nat(), user: fc.nat(1) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("random" as const),
      action: anyAction,
      thread: fc.nat(2),
      user: fc.nat(1),
    }),
  },
);

describe("walkthrough presses: random, stale, replayed and from another thread", () => {
  it("never throw, keep every stored state valid and record each step once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 80 }), async (ops) => {
        const store = await createStore("memory:");
        const bot = makeBot(store);
        // Buttons the bot has shown, with the thread they were shown in; and presses made.
        const shown: { action: Action; thread: string }[] = [];
        const pressed: Turn[] = [];
        let latest: { action: Action; thread: string }[] = [];
        const run = async (t: Turn) => {
          const replies: Reply[] = await bot.handle(t);
          const fresh = buttons(replies).map((b) => ({ action: b.action, thread: t.thread ?? "-" }));
          if (fresh.length > 0) latest = fresh;
          for (const r of replies) expect(replySchemaCheck(r)).toEqual([]);
          for (const b of buttons(replies)) shown.push({ action: b.action, thread: t.thread ?? "-" });
        };
        for (const o of ops) {
          if (o.kind === "begin") {
            await run(press({ type: "checklist.begin" }, { thread: THREADS[o.thread]! }));
          } else if (o.kind === "button" && shown.length > 0) {
            const b = shown[o.pick % shown.length]!;
            const thread = o.otherThread === null ? b.thread : THREADS[o.otherThread]!;
            const t = press(b.action, { thread, user: USERS[o.user]! });
            pressed.push(t);
            await run(t);
          } else if (o.kind === "latest" && latest.length > 0) {
            const b = latest[o.pick % latest.length]!;
            const t = press(b.action, { thread: b.thread });
            pressed.push(t);
            await run(t);
          } else if (o.kind === "replay" && pressed.length > 0) {
            await run({ ...pressed[o.pick % pressed.length]!, user: USERS[o.user]! });
          } else if (o.kind === "random") {
            await run(press(o.action, { thread: THREADS[o.thread]!, user: USERS[o.user]! }));
          }
          for (const thread of THREADS) await expectValid(thread);
        }

        async function expectValid(thread: string) {
          const stored = await store.get(
            walkthroughKey({ platform: "playground", conversation: "c1", thread }),
          );
          if (!stored) return;
          const state = walkthroughStateSchema.parse(stored.value);
          const steps = state.history.map((h) => h.step);
          // The history is exactly the path to the current question: no step twice, none missing.
          expect(steps).toEqual(Array.from({ length: state.step }, (_, i) => i));
          expect(state.step).toBeLessThanOrEqual(checklist.length);
          expect(state.status === "finished").toBe(state.step === checklist.length);
          for (const h of state.history) expect(state.answers[h.key]).toBe(h.value);
          expect(Object.keys(state.answers).length).toBe(state.step);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a replayed final press records one recommendation, once", async () => {
    const store = await createStore("memory:");
    const bot = makeBot(store);
    let replies = await bot.handle(press({ type: "checklist.begin" }));
    let last: Turn | undefined;
    for (let i = 0; i < checklist.length; i++) {
      const choice = buttons(replies, "choices")[0]!;
      last = press(choice.action);
      replies = await bot.handle(last);
    }
    expect(replies.map((r) => r.kind)).toContain("recommendation");
    const replay = await Promise.all([bot.handle(last!), bot.handle(last!)]);
    for (const r of replay) expect(r.map((x) => x.kind)).toEqual(["notice"]);
    const recent = await bot.walkthroughs.recent("playground", "u1");
    expect(recent.filter((w) => w.status === "finished")).toHaveLength(1);
  });
});
