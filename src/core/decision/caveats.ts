import type { Caveat, CaveatCondition, DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import type { Answers, RecommendationId } from "./contract.ts";
import type { Reason } from "./explain.ts";
import { conditionHolds } from "./model.ts";

function holds(cond: CaveatCondition, answers: Answers, recommendation: RecommendationId): boolean {
  if ("recommendation" in cond) return cond.recommendation.includes(recommendation);
  // An unanswered key meets no condition: caveats warn about what we know, not what we guess.
  return conditionHolds(cond, answers);
}

/**
 * Caveats whose every condition holds, in rules.yaml order; never one that warns against
 * the recommendation itself.
 */
export function caveatsFor(
  knowledge: DecisionKnowledge,
  answers: Answers,
  recommendation: RecommendationId,
): Reason[] {
  return knowledge.rules.caveats
    .filter(
      (c: Caveat) =>
        !c.discourages.includes(recommendation) &&
        c.when.every((cond) => holds(cond, answers, recommendation)),
    )
    .map((c) => ({ text: c.text, sources: c.sources }));
}
