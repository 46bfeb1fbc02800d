import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { ANSWER_KEYS, ANSWER_VALUES, type Answers } from "../../../src/core/decision/index.ts";
import { loadDecisionKnowledge } from "../../../src/knowledge/decision.ts";
import type { DecisionKnowledge } from "../../../src/knowledge/decisionSchema.ts";
import type { KnowledgeIssue } from "../../../src/knowledge/read.ts";

/** The real knowledge/ files; tests assert separately that they load without issues. */
export function loadForTest(): { knowledge: DecisionKnowledge | undefined; issues: KnowledgeIssue[] } {
  const issues: KnowledgeIssue[] = [];
  return { knowledge: loadDecisionKnowledge(resolve("knowledge"), issues), issues };
}

export function knowledgeOrThrow(): DecisionKnowledge {
  const { knowledge, issues } = loadForTest();
  if (!knowledge || issues.length) throw new Error(`knowledge invalid: ${JSON.stringify(issues)}`);
  return knowledge;
}

/** Any partly answered checklist: each key absent or one of its values. */
export const answersArb: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(ANSWER_KEYS.map((k) => [k, fc.constantFrom(...ANSWER_VALUES[k])])) as {
    [K in keyof Answers]-?: fc.Arbitrary<NonNullable<Answers[K]>>;
  },
  { requiredKeys: [] },
);

export interface Scenario {
  name: string;
  answers: Record<string, unknown>;
  accept: string[];
}

/** The public evaluation scenarios (../shared/eval from the repository root). */
export function publicScenarios(): Scenario[] {
  return readFileSync(resolve("../shared/eval/decisions.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Scenario);
}
