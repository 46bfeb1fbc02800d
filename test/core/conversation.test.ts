import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { makeBot, turn } from "../helpers/bot.ts";

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
