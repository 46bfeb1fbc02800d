import { describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import { INSIGHT_LOG, type InsightEvent } from "../../src/core/insights.ts";
import { computeStats } from "../../src/core/stats.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { buttons, knowledge, press, turn, unsureQuestion, vagueQuestion } from "../helpers/bot.ts";

const DAY = 24 * 60 * 60 * 1000;
/** Identities that must never reach the usage history. */
const who = {
  platform: "slack" as const,
  user: { id: "U0SECRETID", name: "Zelda Quartermain" },
  conversation: "C0PRIVATECHANNEL",
  thread: "1700000123.000999",
};

describe("usage insights recorded by the Bot", () => {
  it("stores each question's outcome, picks and feedback, without who asked, for 90 days", async () => {
    let now = Date.UTC(2025, 0, 1);
    const store = new MemoryStore({ now: () => now });
    let ids = 0;
    const bot = new Bot({ knowledge, store, now: () => now, newId: () => `asked${++ids}` });
    const ask = (text: string) => bot.handle(turn({ ...who, via: "command", text }));

    const answered = await ask("can we run databases in containers?");
    await bot.handle(press(buttons(answered, "feedback")[1]!.action, who)); // 👎
    const vagueText = vagueQuestion(bot);
    const vague = await ask(vagueText);
    const suggestion = buttons(vague, "suggestions")[0]!;
    await bot.handle(press(suggestion.action, who));
    await ask("what's a good pizza place nearby");

    const events = await store.readLog<InsightEvent>(INSIGHT_LOG);
    const questions = events.filter((e) => e.type === "question");
    expect(questions.map((q) => [q.question, q.outcome])).toEqual([
      ["can we run databases in containers?", "answered"],
      [vagueText, "suggested"],
      ["what's a good pizza place nearby", "declined"],
    ]);
    const [yes, maybe, no] = questions;
    expect(yes).toMatchObject({ entryId: "stateful-workloads-and-databases", platform: "slack" });
    for (const q of questions) expect(q.confidence).toBeGreaterThanOrEqual(0);
    expect(yes!.confidence).toBeGreaterThan(maybe!.confidence);
    expect(maybe!.suggestions?.length).toBeGreaterThan(0);
    expect(maybe!.entryId).toBeUndefined();
    expect(no!.entryId).toBeUndefined();
    const pickedId = (suggestion.action as { entryId: string }).entryId;
    expect(maybe!.suggestions).toContain(pickedId);
    expect(events.filter((e) => e.type === "pick")).toEqual([
      { type: "pick", askedId: maybe!.askedId, at: now, entryId: pickedId },
    ]);
    expect(events.filter((e) => e.type === "feedback")).toEqual([
      {
        type: "feedback",
        at: now,
        entryId: "stateful-workloads-and-databases",
        vote: "down",
        askedId: yes!.askedId,
      },
    ]);

    // No user identity (nor where they asked) in anything stored in the usage history.
    const stored = JSON.stringify(events);
    for (const secret of [who.user.id, who.user.name, "Zelda", who.conversation, who.thread])
      expect(stored).not.toContain(secret);
    for (const e of events) expect(Object.keys(e)).not.toEqual(expect.arrayContaining(["user"]));

    // Kept 90 days, then gone.
    now += 89 * DAY;
    expect(await bot.insights.read()).toHaveLength(events.length);
    now += 2 * DAY;
    expect(await bot.insights.read()).toHaveLength(0);
    expect(await store.readLog(INSIGHT_LOG)).toHaveLength(0);
  });

  it("records a question taken back to the answer just given as repeated, which stats do not count as answered", async () => {
    const store = new MemoryStore();
    const bot = new Bot({ knowledge, store });
    const ask = (text: string) => bot.handle(turn({ ...who, text }));
    await ask("can we run databases in containers?");
    const [back] = await ask("and for redis?");
    expect(back!.summary).toBe(knowledge.responses.followUp.sameAnswer);
    await ask("source?"); // asked for and given: answered
    // A question of its own, surely matched to the answer just given: answered (no gap).
    const [same] = await ask("should our database run in a container?");
    expect(same!.summary).toBe(knowledge.responses.followUp.sameAnswer);
    const questions = (await store.readLog<InsightEvent>(INSIGHT_LOG)).filter((e) => e.type === "question");
    expect(questions.map((q) => q.outcome)).toEqual(["answered", "repeated", "answered", "answered"]);
    const stats = computeStats(await store.readLog<InsightEvent>(INSIGHT_LOG), (t) => bot.qa.stems(t));
    expect(stats).toMatchObject({ questions: 4, answered: 3, repeated: 1 });
    expect(stats.unanswered.map((u) => u.example)).toEqual(["and for redis?"]);
  });

  it("records a best guess's offers, and a pressed offer as a correction of the guess", async () => {
    const store = new MemoryStore();
    let ids = 0;
    const bot = new Bot({ knowledge, store, newId: () => `asked${++ids}` });
    const question = unsureQuestion(bot);
    const guessed = await bot.handle(turn({ ...who, via: "command", text: question }));
    const offer = buttons(guessed, "suggestions")[0]!;
    await bot.handle(press(offer.action, who));
    const events = await store.readLog<InsightEvent>(INSIGHT_LOG);
    const [asked] = events.filter((e) => e.type === "question");
    expect(asked).toMatchObject({ outcome: "answered", suggestions: expect.any(Array) });
    const offered = (offer.action as { entryId: string }).entryId;
    expect(asked!.suggestions).toContain(offered);
    expect(events.filter((e) => e.type === "correction")).toEqual([
      expect.objectContaining({ askedId: asked!.askedId, entryId: offered, wrongEntryId: asked!.entryId }),
    ]);
    expect(events.filter((e) => e.type === "pick")).toEqual([]);
  });
});
