import type { DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import { caveatsFor } from "./caveats.ts";
import {
  ANSWER_KEYS,
  type AnswerKey,
  type Answers,
  RECOMMENDATION_IDS,
  type RecommendationId,
} from "./contract.ts";
import { type Reason, reasonsFor, whyNotRunnerUp } from "./explain.ts";
import { firedRules, modelOf, ranking, scoreAnswers } from "./model.ts";
import { type Pivot, pivotsFor } from "./pivots.ts";

/**
 * The `vmvc decide` contract of DESIGN.md (recommendation … unanswered), plus what chat
 * replies show: the runner-up and why it lost, the answers that would flip the outcome,
 * and the caveats with their sources.
 */
export interface Decision {
  recommendation: RecommendationId;
  title: string;
  scores: Record<RecommendationId, number>;
  reasons: Reason[];
  caveats: string[];
  unanswered: AnswerKey[];
  runnerUp: RecommendationId;
  whyNotRunnerUp: Reason;
  pivots: Pivot[];
  caveatDetails: Reason[];
}

/** Scores the answers against knowledge/rules.yaml. Pure and deterministic. */
export function decide(answers: Answers, knowledge: DecisionKnowledge): Decision {
  const model = modelOf(knowledge);
  const vector = scoreAnswers(model, answers);
  const scores = Object.fromEntries(RECOMMENDATION_IDS.map((id, i) => [id, vector[i]!])) as Record<
    RecommendationId,
    number
  >;
  const [recommendation, runnerUp] = ranking(model, vector) as [RecommendationId, RecommendationId];
  const unanswered = ANSWER_KEYS.filter((k) => answers[k] === undefined);
  const fired = firedRules(model, answers);
  const caveatDetails = caveatsFor(knowledge, answers, recommendation);
  return {
    recommendation,
    title: model.titles.get(recommendation) ?? recommendation,
    scores,
    reasons: reasonsFor(knowledge, fired, recommendation, runnerUp, ANSWER_KEYS.length - unanswered.length),
    caveats: caveatDetails.map((c) => c.text),
    unanswered,
    runnerUp,
    whyNotRunnerUp: whyNotRunnerUp(knowledge, model.titles, fired, scores, recommendation, runnerUp),
    pivots: pivotsFor(model, answers, vector),
    caveatDetails,
  };
}
