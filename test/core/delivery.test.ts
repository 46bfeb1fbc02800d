import { describe, expect, it } from "vitest";
import type { Action } from "../../src/core/action.ts";
import { Bot } from "../../src/core/bot.ts";
import { Delivery, MAX_FOLLOW_UPS } from "../../src/core/delivery/deliver.ts";
import { DEFAULT_RETRY } from "../../src/core/delivery/retry.ts";
import { plainText } from "../../src/core/render/plainText.ts";
import { reply } from "../../src/core/replies/common.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { knowledge, press, turn } from "../helpers/bot.ts";
import { FakePort } from "../helpers/fakePort.ts";

const note = (text: string, extra: Partial<Reply> = {}) =>
  reply("notice", [{ type: "text", text }], text, extra);

async function setup(options: { retries?: number } = {}) {
  const store = await createStore("memory:");
  const delays: number[] = [];
  let n = 0;
  const bot = new Bot({
    knowledge,
    store,
    newId: () => `id${++n}`,
    retry: { retries: options.retries ?? 2, baseDelayMs: 10, maxDelayMs: 1000 },
    sleep: async (ms) => void delays.push(ms),
  });
  return { bot, store, delays };
}

/** `checklist` through the loop: the root, then question 1 in the root's thread. */
async function startChecklist(bot: Bot, port: FakePort) {
  await bot.converse(turn({ text: "checklist", via: "command", thread: undefined }), port);
  const root = port.delivered.find((c) => c.method === "root");
  if (!root?.ref) throw new Error("no root posted");
  return root.ref;
}

const choice = (port: FakePort, n = 0): Action => port.lastButtons("choices")[n]!.action;

describe("the delivery loop places replies through the port", () => {
  it("posts here in the turn's thread, privately where asked and possible, publicly where not", async () => {
    const { bot } = await setup();
    const port = new FakePort();
    await bot.deliver(turn(), port, [note("public"), note("secret", { visibility: "private" })]);
    expect(port.calls.map((c) => [c.method, c.thread])).toEqual([
      ["post", "t1"],
      ["private", "t1"],
    ]);
    // A slash command's "here" is private; Teams has no private messages, so it is posted.
    const command = new FakePort({ privateHere: true });
    await bot.deliver(turn(), command, [note("answer")]);
    expect(command.calls.map((c) => c.method)).toEqual(["private"]);
    const teams = new FakePort({ canWhisper: false });
    await bot.deliver(turn(), teams, [note("secret", { visibility: "private" })]);
    expect(teams.calls.map((c) => c.method)).toEqual(["post"]);
  });

  it("replaces the pressed message, or posts the reply when there is none or replacing fails", async () => {
    const { bot } = await setup();
    const pressed = new FakePort({ pressed: "m-pressed" });
    await bot.deliver(turn(), pressed, [note("done", { placement: "replace" })]);
    expect(pressed.calls.map((c) => [c.method, c.thread])).toEqual([["replace", "m-pressed"]]);
    const none = new FakePort();
    await bot.deliver(turn(), none, [note("done", { placement: "replace" })]);
    expect(none.calls.map((c) => c.method)).toEqual(["post"]);
    const gone = new FakePort({ pressed: "m-gone" }).fail("replace", "message_not_found", {
      transient: false,
    });
    await bot.deliver(turn(), gone, [note("done", { placement: "replace" })]);
    expect(gone.delivered.map((c) => c.method)).toEqual(["post"]);
  });

  it("closes the newest copy of a question's card when its answer is typed, after Continue posted it again", async () => {
    const { bot } = await setup();
    const port = new FakePort();
    const thread = await startChecklist(bot, port);
    const first = port.delivered.find((c) => c.method === "post")!;
    const inThread = (text: string) => turn({ text, thread, via: "direct" });
    // Something it cannot read: the note with Continue, which posts question 1 again.
    await bot.converse(inThread("blah blah"), port);
    const resume = port.lastButtons("controls")[0]!;
    await bot.converse(press(resume.action, { thread }), port);
    const again = port.delivered.filter((c) => c.method === "post" && c.thread === thread).at(-1)!;
    expect(again.ref).not.toBe(first.ref);
    expect(plainText([again.reply])).toMatch(/Question 1 of 11/);
    // The typed answer replaces the copy posted last, not the first one up the thread.
    const from = port.calls.length;
    await bot.converse(inThread("standard"), port);
    const replaced = port.calls.slice(from).filter((c) => c.method === "replace");
    expect(replaced.map((c) => c.thread)).toEqual([again.ref]);
    expect(plainText([replaced[0]!.reply])).toMatch(/Standard/);
  });

  it("keeps a walkthrough readable when the platform's reference to a card is too long to keep", async () => {
    const { bot } = await setup();
    class LongRefs extends FakePort {
      override async post(reply: Reply, thread: string | undefined) {
        await super.post(reply, thread);
        return { ref: "x".repeat(600) };
      }
    }
    const port = new LongRefs();
    const thread = await startChecklist(bot, port);
    const from = port.calls.length;
    await bot.converse(turn({ text: "standard", thread, via: "direct" }), port);
    // Answered (the reference was dropped, not the state), and nothing to replace: posted.
    const answered = port.calls.slice(from);
    expect(answered.map((c) => c.method)).toEqual(["post", "post"]);
    expect(plainText([answered[1]!.reply])).toMatch(/Question 2 of 11/);
  });

  it("starts a thread, then runs the follow-up in it: root, then question 1 in the root's thread", async () => {
    const { bot } = await setup();
    const port = new FakePort({ privateHere: true });
    const thread = await startChecklist(bot, port);
    expect(port.delivered.map((c) => c.method)).toEqual(["root", "post"]);
    const question = port.delivered[1]!;
    expect(question.thread).toBe(thread);
    expect(question.reply.placement).toBe("thread");
    expect(plainText([question.reply])).toMatch(/Question 1 of 11/);
  });

  it("follows 'start a thread and continue in it' at most MAX_FOLLOW_UPS deep", async () => {
    let followUps = 0;
    const opener = note("root", { placement: "new-thread", inThread: { type: "help" } });
    const delivery = new Delivery(
      {
        followUp: async () => {
          followUps++;
          return [opener];
        },
        shown: async () => {},
        continueReply: () => note("continue"),
        cannotPost: () => note("cannot"),
      },
      { retry: DEFAULT_RETRY, sleep: async () => {}, log: { warn: () => {}, error: () => {} } },
    );
    const port = new FakePort();
    await delivery.deliver(turn(), port, [opener]);
    expect(followUps).toBe(MAX_FOLLOW_UPS);
    expect(port.calls.filter((c) => c.method === "root")).toHaveLength(MAX_FOLLOW_UPS + 1);
  });

  it("retries a transient failure with exponential backoff, and honours Retry-After", async () => {
    const { bot, delays } = await setup({ retries: 3 });
    const port = new FakePort().fail("post", "internal_error", { times: 2 });
    await bot.deliver(turn(), port, [note("hello")]);
    expect(port.delivered).toHaveLength(1);
    expect(delays).toEqual([10, 20]);
    const limited = new FakePort().fail("post", "ratelimited", { retryAfterMs: 7000 });
    await bot.deliver(turn(), limited, [note("hello")]);
    expect(delays.slice(2)).toEqual([7000]);
    // A permanent failure is not retried and reaches the adapter's error hook.
    const broken = new FakePort().fail("post", "invalid_blocks", { transient: false });
    await expect(bot.deliver(turn(), broken, [note("hello")])).rejects.toMatchObject({
      code: "invalid_blocks",
    });
    expect(broken.calls).toHaveLength(1);
  });

  it("tells the person why it cannot post in a channel instead of failing silently, and starts nothing", async () => {
    const { bot } = await setup();
    const port = new FakePort({ privateHere: true }).fail("root", "not_in_channel", { transient: false });
    await bot.converse(turn({ text: "checklist", via: "command", thread: undefined }), port);
    expect(port.delivered.map((c) => c.method)).toEqual(["private"]);
    expect(port.delivered[0]!.reply.summary).toBe(knowledge.responses.errors.notInChannel);
  });
});

describe("walkthroughs never end in a dead end", () => {
  it("offers a working Continue button when the next question cannot be posted, and records the answer once", async () => {
    const { bot, store } = await setup();
    const port = new FakePort();
    const thread = await startChecklist(bot, port);
    const pressing = new FakePort({ pressed: port.delivered.at(-1)!.ref! }).fail("post", "internal_error", {
      times: 3,
    });
    await bot.converse(press(choice(port), { thread }), pressing);
    // The answer is saved and the pressed card confirmed; the question failed 3 times (1 + 2 retries).
    expect(pressing.calls.map((c) => [c.method, c.failed ?? "ok"])).toEqual([
      ["replace", "ok"],
      ["post", "internal_error"],
      ["post", "internal_error"],
      ["post", "internal_error"],
      ["private", "ok"],
    ]);
    const offer = pressing.delivered.at(-1)!.reply;
    expect(offer.summary).toBe(knowledge.responses.walkthrough.deliveryFailed);
    const [cont] = pressing.lastButtons("controls");
    expect(cont!.label).toBe(knowledge.responses.walkthrough.continue);
    expect(cont!.action).toMatchObject({ type: "checklist.resume", thread });

    // Continue pressed on the private message (no thread of its own): question 2 in the thread.
    const after = new FakePort({ privateHere: true });
    await bot.converse(press(cont!.action, { thread: undefined }), after);
    expect(after.delivered.map((c) => [c.method, c.thread])).toEqual([["post", thread]]);
    expect(plainText([after.delivered[0]!.reply])).toMatch(/Question 2 of 11/);
    const state = await store.get<{ history: unknown[]; shown: number; rev: number }>(
      `wt:playground:c1:${thread}`,
    );
    expect(state!.value.history).toHaveLength(1);
    expect(state!.value.shown).toBe(state!.value.rev);
  });

  it("re-shows the current question in the thread when a stale press finds it was never shown", async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now });
    let n = 0;
    const bot = new Bot({ knowledge, store, now: () => now, newId: () => `id${++n}`, showLeaseMs: 1000 });
    const port = new FakePort();
    const thread = await startChecklist(bot, port);
    const q1 = choice(port);
    // The press is saved, then the process "dies": its replies are never delivered.
    expect(await bot.handle(press(q1, { thread }))).toHaveLength(2);
    // Right away (another process may still be posting it): the notice, with a Continue button.
    const soon = new FakePort();
    await bot.converse(press(q1, { thread }), soon);
    expect(soon.delivered.map((c) => c.method)).toEqual(["private"]);
    expect(soon.delivered[0]!.reply.summary).toBe(knowledge.responses.errors.staleAction);
    expect(soon.lastButtons("controls")[0]!.action).toMatchObject({ type: "checklist.resume" });
    // Once the lease of the process that died has run out, the old button re-shows question 2.
    now += 60_000;
    const later = new FakePort();
    await bot.converse(press(q1, { thread }), later);
    expect(later.delivered.map((c) => [c.method, c.thread])).toEqual([["post", thread]]);
    expect(plainText([later.delivered[0]!.reply])).toMatch(/Question 2 of 11/);
    // Now it is shown: a further old press only gets the private notice.
    const again = new FakePort();
    await bot.converse(press(q1, { thread }), again);
    expect(again.delivered.map((c) => [c.method, c.reply.summary])).toEqual([
      ["private", knowledge.responses.errors.staleAction],
    ]);
  });

  it("posts no root while the store is down: one private apology, nothing public", async () => {
    const { bot, store } = await setup();
    const { StoreUnavailableError } = await import("../../src/store/store.ts");
    const fail = async () => {
      throw new StoreUnavailableError("down");
    };
    const down = Object.assign(Object.create(store), { set: fail, delete: fail });
    const outage = new Bot({ knowledge, store: down });
    const port = new FakePort({ privateHere: true });
    const ask = turn({ text: "checklist", via: "command", thread: undefined });
    const error = await outage.converse(ask, port).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(port.calls).toHaveLength(0);
    // The adapter's error hook answers with the core's apology, privately.
    const apology = outage.errorReply(error);
    expect(apology.summary).toBe(knowledge.responses.errors.storeUnavailable);
    expect(apology.visibility).toBe("private");
    // With the store back, the same command works.
    const ok = new FakePort({ privateHere: true });
    await startChecklist(bot, ok);
    expect(ok.delivered.map((c) => c.method)).toEqual(["root", "post"]);
  });
});
