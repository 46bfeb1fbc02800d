import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, makeBot, press, turn, vagueQuestion } from "../helpers/bot.ts";

const subtitleOf = (r: Reply) => r.parts.find((p) => p.type === "subtitle");

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
    const [term] = await bot.handle(turn({ text: "what is a hypervisor" }));
    expect(subtitleOf(term!)).toEqual({ type: "subtitle", text: "Answering: What is a Hypervisor?" });
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
