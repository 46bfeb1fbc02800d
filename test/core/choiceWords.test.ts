import { describe, expect, it } from "vitest";
import { echoedChoice } from "../../src/core/walkthrough/choiceWords.ts";
import { knowledge } from "../helpers/bot.ts";

const question = (key: string) => knowledge.decision.checklist.find((q) => q.key === key)!;
const stopwords = new Set(knowledge.lexicon.stopwords);

describe("echoedChoice: an option's description repeated", () => {
  it("reads three or more of its words in a row, said by the team, with the words as written", () => {
    expect(echoedChoice(question("orchestration"), "we run and tune our own clusters", stopwords)).toEqual({
      value: "high",
      words: "run and tune our own clusters",
    });
    expect(
      echoedChoice(question("maturity"), "we mostly do manual ops, little automation", stopwords)?.value,
    ).toBe("low");
    expect(
      echoedChoice(question("orchestration"), "we are fine with a managed orchestrator", stopwords)?.value,
    ).toBe("medium");
  });

  it.each([
    // A negation anywhere in its sentence (two independent reviews').
    ["maturity", "we have no platform team, strong CI/CD and observability"],
    ["compliance", "we have audit controls that are not flexible at all"],
    ["orchestration", "we run but do not tune our own clusters"],
    ["maturity", "strong CI/CD and observability is what we are missing"],
    // Said of someone else.
    ["legacy", "the vendor controls the software stack"],
    // Fewer than three of its words in a row.
    ["orchestration", "we tune clusters"],
  ])("reads nothing at %s from %j", (key, text) => {
    expect(echoedChoice(question(key), text, stopwords)).toBeUndefined();
  });
});
