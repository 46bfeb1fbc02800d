import { describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import { RateLimiter } from "../../src/core/rateLimit.ts";
import { walkthroughKey } from "../../src/core/walkthrough/state.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, knowledge, press, turn } from "../helpers/bot.ts";
import { FakePort } from "../helpers/fakePort.ts";

describe("per-user rate limit", () => {
  it("allows a burst of the per-minute limit, then refills over the minute", () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
    expect(limiter.take("b")).toBe(true);
    now += 9_000; // 6 a minute = one every 10 s
    expect(limiter.take("a")).toBe(false);
    now += 1_000;
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
  });

  it("forgets idle users once many are tracked", () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now, 3);
    for (const k of ["a", "b", "c", "d"]) expect(limiter.take(k)).toBe(true);
    now += 60_000;
    expect(limiter.take("e")).toBe(true);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(3);
  });

  it("answers a limited turn with the friendly reply, per user and platform", async () => {
    let now = 1_000_000;
    let n = 0;
    const bot = new Bot({
      knowledge,
      store: await createStore("memory:"),
      now: () => now,
      newId: () => `id${++n}`,
      rateLimitPerMinute: 3,
    });
    for (let i = 0; i < 3; i++) expect((await bot.handle(turn({ text: "help" })))[0]!.kind).toBe("help");
    const [limited] = await bot.handle(turn({ text: "help" }));
    expect(limited!.summary).toBe(knowledge.responses.errors.rateLimited);
    expect(limited!.visibility).toBe("private");
    expect((await bot.handle(turn({ text: "help", user: { id: "u2" } })))[0]!.kind).toBe("help");
    expect((await bot.handle(turn({ text: "help", platform: "slack" })))[0]!.kind).toBe("help");
    now += 20_000;
    expect((await bot.handle(turn({ text: "help" })))[0]!.kind).toBe("help");
  });

  it("a limited press changes nothing, and the same press works once the user may go on", async () => {
    let now = 1_000_000;
    let n = 0;
    const store = await createStore("memory:");
    const bot = new Bot({ knowledge, store, now: () => now, newId: () => `id${++n}`, rateLimitPerMinute: 2 });
    // The delivery loop runs the in-thread half of "checklist" as part of the same turn: one count.
    const port = new FakePort();
    await bot.converse(turn({ text: "checklist", thread: undefined }), port);
    const thread = port.delivered.find((c) => c.method === "root")!.ref!;
    const first = press(port.lastButtons("choices")[0]!.action, { thread });
    const replies = await bot.handle(first);
    expect(replies).toHaveLength(2);
    const second = press(buttons(replies, "choices")[0]!.action, { thread });
    const before = await store.get(walkthroughKey(second));
    const limited = await bot.handle(second);
    expect(limited.map((r) => r.summary)).toEqual([knowledge.responses.errors.rateLimited]);
    expect(await store.get(walkthroughKey(second))).toEqual(before);
    now += 30_000;
    const done = await bot.handle(second);
    expect(done.map((r) => r.kind)).not.toContain("notice");
    expect((await store.get(walkthroughKey(second)))!.version).toBe(before!.version + 1);
  });
});
