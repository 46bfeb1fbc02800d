import { describe, expect, it } from "vitest";
import { briefRequest } from "../../src/core/brief.ts";
import { firstSentence } from "../../src/core/replies/answers.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, knowledge, makeBot, press, turn } from "../helpers/bot.ts";

describe("a question asked for in short", () => {
  it.each([
    ["One line please: VMs or containers?", "VMs or containers?"],
    ["what's a hypervisor, in one sentence?", "what's a hypervisor?"],
    ["tl;dr: do we need kubernetes", "do we need kubernetes"],
    ["briefly, why do containers start faster?", "why do containers start faster?"],
    ["can we run databases in containers (short answer please)", "can we run databases in containers"],
  ])("reads %j as %j", (text, rest) => {
    expect(briefRequest(text)).toBe(rest);
  });

  it.each([
    "tl;dr?",
    "in short?",
    "explain briefly",
    "is this a one line change",
    "a one-line summary of pattern a",
    "is there a short answer?",
    "can you explain it in one sentence",
  ])("leaves %j alone", (text) => {
    expect(briefRequest(text)).toBeUndefined();
  });

  it("takes the first sentence to end before one that opens with a quote or a bracket (a review's)", () => {
    expect(firstSentence("Build it once. “Build once, deploy anywhere” is the rule.")).toBe("Build it once.");
    expect(firstSentence("Build it once. (See the pipeline.) Then ship.")).toBe("Build it once.");
    expect(firstSentence("Use VMs, e.g. for legacy apps. Containers suit the rest.")).toBe(
      "Use VMs, e.g. for legacy apps.",
    );
  });

  it("answers with the first sentence, its sources and the whole answer one press away", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "one line please: can we run databases in containers?" }));
    const entry = bot.qa.asker.entry("stateful-workloads-and-databases")!;
    expect(r!.parts[0]).toEqual({ type: "subtitle", text: `Answering: ${entry.question}` });
    expect(r!.parts).toContainEqual({
      type: "text",
      text: `${knowledge.responses.answer.inShort} ${firstSentence(entry.answer)}`,
    });
    expect(r!.parts.some((p) => p.type === "sources")).toBe(true);
    // Not the details, which are most of an answer.
    const detail = JSON.stringify(entry.details.slice(0, 60)).slice(1, -1);
    expect(JSON.stringify(r!.parts)).not.toContain(detail);
    const [whole] = buttons([r!], "menu");
    expect(whole!.label).toBe(knowledge.responses.answer.wholeAnswer);
    const [full] = await bot.handle(press(whole!.action));
    expect(JSON.stringify(full!.parts)).toContain(detail);
  });
});
