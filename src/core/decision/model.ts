import type { DecisionKnowledge, Rule } from "../../knowledge/decisionSchema.ts";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  type AnswerKey,
  type Answers,
  RECOMMENDATION_IDS,
  type RecommendationId,
} from "./contract.ts";

/** Scores indexed like RECOMMENDATION_IDS: plain arrays keep the hot loop (pivots) cheap. */
export type ScoreVector = number[];

/** What answering one key with one value does: summed weights and the rules that fired. */
export interface Effect {
  weights: ScoreVector;
  rules: Rule[];
}

/**
 * rules.yaml compiled for lookups. The model is additive: a score is the base plus the
 * weights of every rule whose condition an answer meets, so each answer's effect is fixed
 * and independent of the others (which is what makes the monotonicity properties hold).
 */
export interface Model {
  base: ScoreVector;
  effects: ReadonlyMap<AnswerKey, ReadonlyMap<string, Effect>>;
  /** Position in rules.yaml `tieBreak`; the lower one wins equal scores. */
  tieRank: number[];
  titles: ReadonlyMap<RecommendationId, string>;
}

const NONE: Effect = { weights: RECOMMENDATION_IDS.map(() => 0), rules: [] };
const cache = new WeakMap<DecisionKnowledge, Model>();

export const vectorOf = (weights: Readonly<Record<string, number>>): ScoreVector =>
  RECOMMENDATION_IDS.map((id) => weights[id] ?? 0);

export function modelOf(knowledge: DecisionKnowledge): Model {
  const cached = cache.get(knowledge);
  if (cached) return cached;
  const effects = new Map<AnswerKey, Map<string, Effect>>();
  for (const key of ANSWER_KEYS) {
    const byValue = new Map<string, Effect>();
    for (const value of ANSWER_VALUES[key]) {
      const rules = knowledge.rules.rules.filter((r) => r.when.key === key && r.when.values.includes(value));
      const weights = RECOMMENDATION_IDS.map((id) => rules.reduce((sum, r) => sum + (r.weights[id] ?? 0), 0));
      byValue.set(value, { weights, rules });
    }
    effects.set(key, byValue);
  }
  const tieBreak = knowledge.rules.tieBreak;
  const tieRank = RECOMMENDATION_IDS.map((id) => tieBreak.indexOf(id));
  const titles = new Map(
    RECOMMENDATION_IDS.map((id) => [id, knowledge.recommendations.find((r) => r.id === id)?.title ?? id]),
  );
  const model: Model = { base: vectorOf(knowledge.rules.base), effects, tieRank, titles };
  cache.set(knowledge, model);
  return model;
}

export function effectOf(model: Model, key: AnswerKey, value: string | undefined): Effect {
  return (value !== undefined && model.effects.get(key)?.get(value)) || NONE;
}

/** Rules whose condition the answers meet, in checklist order (rules.yaml is grouped the same way). */
export function firedRules(model: Model, answers: Answers): Rule[] {
  const fired: Rule[] = [];
  // A plain loop: flatMap is markedly slower and this runs for every combination in tests.
  for (const key of ANSWER_KEYS) fired.push(...effectOf(model, key, answers[key]).rules);
  return fired;
}

export function scoreAnswers(model: Model, answers: Answers): ScoreVector {
  const scores = [...model.base];
  for (const key of ANSWER_KEYS) {
    const { weights } = effectOf(model, key, answers[key]);
    for (let i = 0; i < scores.length; i++) scores[i]! += weights[i]!;
  }
  return scores;
}

/** Does recommendation `a` beat `b`? Higher score first, then the fixed tie-break order. */
export function beats(model: Model, scores: ScoreVector, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && model.tieRank[a]! < model.tieRank[b]!);
}

/** Index of the winner. */
export function winnerOf(model: Model, scores: ScoreVector): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (beats(model, scores, i, best)) best = i;
  return best;
}

/** Every recommendation, best first. */
export function ranking(model: Model, scores: ScoreVector): RecommendationId[] {
  const order = RECOMMENDATION_IDS.map((_, i) => i).sort((a, b) => (beats(model, scores, a, b) ? -1 : 1));
  return order.map((i) => RECOMMENDATION_IDS[i]!);
}
