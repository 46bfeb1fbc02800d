import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  type AnswerKey,
  type Answers,
  RECOMMENDATION_IDS,
  type RecommendationId,
} from "./contract.ts";
import {
  allowedMask,
  appliedConstraints,
  effectOf,
  type Model,
  type ScoreVector,
  winnerOf,
} from "./model.ts";

/** One answer change that would change the recommendation. */
export interface Pivot {
  key: AnswerKey;
  /** The current answer; null when the key is unanswered. */
  from: string | null;
  to: string;
  /** What would be recommended instead. */
  recommendation: RecommendationId;
  /** Total change across the six scores (sum of absolute differences): smaller = a lighter nudge. */
  scoreChange: number;
}

/**
 * Tries every single-answer change (answering an unanswered key counts) and keeps those
 * that change the winner, smallest score change first, then in checklist order. Each
 * candidate goes through the same constraints and tie rule as the decision itself.
 */
export function pivotsFor(model: Model, answers: Answers, scores: ScoreVector, winner: number): Pivot[] {
  const pivots: Pivot[] = [];
  const next = new Array<number>(scores.length);
  // One working copy, changed and restored key by key: this runs 21 times per decision.
  const changed: Record<string, string | undefined> = { ...answers };
  const allowedNow = allowedMask(model, appliedConstraints(model, answers));
  for (const key of ANSWER_KEYS) {
    const from = answers[key];
    const old = effectOf(model, key, from).weights;
    for (const to of ANSWER_VALUES[key]) {
      if (to === from) continue;
      const neu = effectOf(model, key, to).weights;
      let change = 0;
      for (let i = 0; i < scores.length; i++) {
        const delta = neu[i]! - old[i]!;
        next[i] = scores[i]! + delta;
        change += Math.abs(delta);
      }
      changed[key] = to;
      const view = changed as Answers;
      const allowed = model.constraintKeys.has(key)
        ? allowedMask(model, appliedConstraints(model, view))
        : allowedNow;
      const other = winnerOf(model, view, next, allowed);
      if (other !== winner) {
        pivots.push({
          key,
          from: from ?? null,
          to,
          recommendation: RECOMMENDATION_IDS[other]!,
          scoreChange: change,
        });
      }
    }
    changed[key] = from;
  }
  // Array.prototype.sort is stable, so equal changes keep checklist and value order.
  return pivots.sort((a, b) => a.scoreChange - b.scoreChange);
}
