import type { AnswerCondition, Constraint, DecisionKnowledge, Rule } from "../../knowledge/decisionSchema.ts";
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
 * rules.yaml compiled for lookups. Scoring is additive: a score is the base plus the
 * weights of every rule whose condition an answer meets, so each answer's effect is fixed
 * and independent of the others. Constraints (hard requirements) are applied on top: they
 * decide which options may win at all, before the scores are compared.
 */
export interface Model {
  base: ScoreVector;
  effects: ReadonlyMap<AnswerKey, ReadonlyMap<string, Effect>>;
  constraints: readonly Constraint[];
  /** Constraint allow-masks, indexed like `constraints`. */
  allowMasks: readonly boolean[][];
  /** The keys some constraint looks at: only changing one of them can change what is allowed. */
  constraintKeys: ReadonlySet<string>;
  /** The questions that settle a tie, most telling first. */
  tieKeys: readonly AnswerKey[];
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
  const constraints = knowledge.rules.constraints;
  const allowMasks = constraints.map((c) =>
    RECOMMENDATION_IDS.map((id) => (c.allow ? c.allow.includes(id) : !c.exclude?.includes(id))),
  );
  const titles = new Map(
    RECOMMENDATION_IDS.map((id) => [id, knowledge.recommendations.find((r) => r.id === id)?.title ?? id]),
  );
  const model: Model = {
    base: vectorOf(knowledge.rules.base),
    effects,
    constraints,
    allowMasks,
    constraintKeys: new Set(constraints.flatMap((c) => c.when.map((w) => w.key))),
    tieKeys: knowledge.rules.tieQuestions as AnswerKey[],
    titles,
  };
  cache.set(knowledge, model);
  return model;
}

export function effectOf(model: Model, key: AnswerKey, value: string | undefined): Effect {
  return (value !== undefined && model.effects.get(key)?.get(value)) || NONE;
}

/** An answer condition holds only for an answered key with one of its values. */
export function conditionHolds(cond: AnswerCondition, answers: Answers): boolean {
  const value = answers[cond.key as AnswerKey];
  return value !== undefined && cond.values.includes(value);
}

/** An answer contradicts a condition only when the key is answered with another value. */
export function conditionContradicted(cond: AnswerCondition, answers: Answers): boolean {
  const value = answers[cond.key as AnswerKey];
  return value !== undefined && !cond.values.includes(value);
}

/** Indexes (into model.constraints) of the constraints whose every condition holds. */
export function appliedConstraints(model: Model, answers: Answers): number[] {
  const out: number[] = [];
  model.constraints.forEach((c, i) => {
    if (c.when.every((cond) => conditionHolds(cond, answers))) out.push(i);
  });
  return out;
}

/** Which options the applied constraints leave; load-time checks guarantee at least one. */
export function allowedMask(model: Model, applied: readonly number[]): boolean[] {
  return RECOMMENDATION_IDS.map((_, id) => applied.every((c) => model.allowMasks[c]![id]));
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

/**
 * The first question (in tieQuestions order) whose answer pulls `a` and `b` apart, or
 * undefined when no answer tells them apart.
 */
export function separatingKey(model: Model, answers: Answers, a: number, b: number): AnswerKey | undefined {
  for (const key of model.tieKeys) {
    const { weights } = effectOf(model, key, answers[key]);
    if (weights[a] !== weights[b]) return key;
  }
  return undefined;
}

/**
 * Negative when `a` ranks before `b`: the higher score; on equal scores, the option favoured
 * by the answer to the first question that tells them apart. Only options no answer can tell
 * apart fall back to contract order, and the decision then says the tie is unresolved.
 */
export function compare(model: Model, answers: Answers, scores: ScoreVector, a: number, b: number): number {
  if (scores[a] !== scores[b]) return scores[b]! - scores[a]!;
  const key = separatingKey(model, answers, a, b);
  if (key) {
    const { weights } = effectOf(model, key, answers[key]);
    return weights[b]! - weights[a]!;
  }
  return a - b;
}

/** Index of the best option the constraints allow. */
export function winnerOf(model: Model, answers: Answers, scores: ScoreVector, allowed: boolean[]): number {
  let best = -1;
  for (let i = 0; i < scores.length; i++) {
    if (!allowed[i]) continue;
    if (best < 0 || compare(model, answers, scores, i, best) < 0) best = i;
  }
  return best;
}

/** Every option, best first: the allowed ones, then the ruled-out ones. */
export function ranking(
  model: Model,
  answers: Answers,
  scores: ScoreVector,
  allowed: boolean[],
): RecommendationId[] {
  const order = RECOMMENDATION_IDS.map((_, i) => i).sort(
    (a, b) => Number(!allowed[a]) - Number(!allowed[b]) || compare(model, answers, scores, a, b),
  );
  return order.map((i) => RECOMMENDATION_IDS[i]!);
}

/** The full outcome for answers: what the engine recommends (constraints, scores, ties). */
export function outcomeOf(model: Model, answers: Answers): number {
  const scores = scoreAnswers(model, answers);
  return winnerOf(model, answers, scores, allowedMask(model, appliedConstraints(model, answers)));
}
