import { describe, expect, it } from "vitest";
import {
  ANSWER_KEYS,
  DecisionInputError,
  parseAnswerArgs,
  parseAnswers,
} from "../../../src/core/decision/index.ts";

function errorOf(fn: () => unknown): DecisionInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DecisionInputError) return error;
    throw error;
  }
  throw new Error("expected a DecisionInputError");
}

describe("parseAnswers", () => {
  it("accepts every contract key and value", () => {
    expect(parseAnswers({ isolation: "hard", multiOs: "yes", load: "spiky" })).toEqual({
      isolation: "hard",
      multiOs: "yes",
      load: "spiky",
    });
    expect(parseAnswers({})).toEqual({});
  });

  it("matches keys and values case-insensitively and trims them", () => {
    expect(parseAnswers({ MULTIOS: " Yes ", Isolation: "HARD" })).toEqual({
      multiOs: "yes",
      isolation: "hard",
    });
  });

  it("treats null as not answered", () => {
    expect(parseAnswers({ isolation: null, maturity: "low" })).toEqual({ maturity: "low" });
  });

  it("rejects an unknown key and lists the valid keys", () => {
    const error = errorOf(() => parseAnswers({ isolaton: "hard" }));
    expect(error.code).toBe("DECISION_INPUT_INVALID");
    expect(error.message).toContain('"isolaton"');
    for (const key of ANSWER_KEYS) expect(error.message).toContain(key);
    expect(error.valid).toEqual(ANSWER_KEYS);
  });

  it("rejects an unknown value and lists the valid values", () => {
    const error = errorOf(() => parseAnswers({ isolation: "extreme" }));
    expect(error.message).toBe('unknown value "extreme" for isolation; valid values: standard, strong, hard');
    expect(error.valid).toEqual(["standard", "strong", "hard"]);
  });

  it("rejects values that are not strings", () => {
    expect(errorOf(() => parseAnswers({ multiOs: true })).message).toContain("valid values: yes, no");
    expect(errorOf(() => parseAnswers({ maturity: 3 })).message).toContain("maturity");
  });

  it("rejects the same key given twice in different case", () => {
    expect(errorOf(() => parseAnswers({ multiOs: "yes", multios: null })).message).toContain("twice");
  });
});

describe("parseAnswerArgs", () => {
  it("parses key=value arguments", () => {
    expect(parseAnswerArgs(["isolation=hard", "state=stateless"])).toEqual({
      isolation: "hard",
      state: "stateless",
    });
  });

  it("rejects an argument without = and names the valid keys", () => {
    const error = errorOf(() => parseAnswerArgs(["hard"]));
    expect(error.message).toContain('expected key=value, got "hard"');
    expect(error.message).toContain("isolation, maturity");
  });

  it("rejects unknown keys, unknown values and repeats", () => {
    expect(errorOf(() => parseAnswerArgs(["colour=red"])).message).toContain('unknown key "colour"');
    expect(errorOf(() => parseAnswerArgs(["load=bursty"])).message).toContain("valid values: steady, spiky");
    expect(errorOf(() => parseAnswerArgs(["load=steady", "load=spiky"])).message).toContain("twice");
    expect(errorOf(() => parseAnswerArgs(["=x"])).message).toContain("expected key=value");
  });
});
