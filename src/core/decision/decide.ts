import type { DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import type { Source } from "../../knowledge/schema.ts";
import { caveatsFor } from "./caveats.ts";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  type AnswerKey,
  type Answers,
  RECOMMENDATION_IDS,
  type RecommendationId,
} from "./contract.ts";
import {
  favouringReasons,
  fill,
  type Reason,
  reasonHolds,
  restated,
  uniqueSources,
  weight,
  whyNotRunnerUp,
} from "./explain.ts";
import {
  allowedMask,
  appliedConstraints,
  effectOf,
  firedRules,
  type Model,
  modelOf,
  ranking,
  scoreAnswers,
  separatingKey,
} from "./model.ts";
import { type Pivot, pivotsFor } from "./pivots.ts";

/** A hard requirement that applies to the answers, and what it ruled out. */
export interface AppliedConstraint {
  id: string;
  text: string;
  /** Where the documents leave room, when they do. */
  room: string | null;
  sources: Source[];
  excluded: RecommendationId[];
}

export interface Standing {
  id: RecommendationId;
  title: string;
  score: number;
}

/** The winner and the runner-up are within `closeMargin` of each other. */
export interface CloseCall {
  margin: number;
  options: [Standing, Standing];
  /** On an exact tie: the question whose answer decided it (null: none tells them apart). */
  decidedBy: AnswerKey | null;
  /** The questions that would settle it, most telling first. */
  settle: AnswerKey[];
  text: string;
  sources: Source[];
}

/**
 * The `vmvc decide` contract of DESIGN.md (recommendation … unanswered), plus what chat
 * replies show: whether it is provisional (too few answers for a headline), the leading
 * options, the hard requirements that applied, a close call, the runner-up and why it lost,
 * the answers that would flip the outcome, and the caveats with their sources.
 */
export interface Decision {
  recommendation: RecommendationId;
  title: string;
  scores: Record<RecommendationId, number>;
  reasons: Reason[];
  caveats: string[];
  unanswered: AnswerKey[];
  /** Fewer answers than rules.yaml `minAnswers`: `recommendation` is only the leading option. */
  provisional: boolean;
  /** The best options the constraints allow, best first (at most three). */
  leading: Standing[];
  constraints: AppliedConstraint[];
  excluded: RecommendationId[];
  close: CloseCall | null;
  /** The unanswered questions that would best tell the leading options apart. */
  decisive: AnswerKey[];
  runnerUp: RecommendationId;
  whyNotRunnerUp: Reason;
  /** Why not each option other than the recommendation (the runner-up's is whyNotRunnerUp). */
  whyNot: Partial<Record<RecommendationId, Reason>>;
  pivots: Pivot[];
  caveatDetails: Reason[];
}

const LEADING = 3;
const SETTLE = 3;
const index = (id: RecommendationId) => RECOMMENDATION_IDS.indexOf(id);

/**
 * Unanswered questions ranked by how far their answer could move the options apart: for
 * each pair, the range of (effect on one − effect on the other) over the question's values.
 */
function separatingQuestions(model: Model, answers: Answers, ids: RecommendationId[]): AnswerKey[] {
  const spread = (key: AnswerKey) => {
    let total = 0;
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const diffs = ANSWER_VALUES[key].map((v) => {
          const w = effectOf(model, key, v).weights;
          return w[index(ids[a]!)]! - w[index(ids[b]!)]!;
        });
        total += Math.max(...diffs) - Math.min(...diffs);
      }
    }
    return total;
  };
  return ANSWER_KEYS.filter((k) => answers[k] === undefined)
    .map((key) => ({ key, s: spread(key) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, SETTLE)
    .map((x) => x.key);
}

/** Scores the answers against knowledge/rules.yaml. Pure and deterministic. */
export function decide(answers: Answers, knowledge: DecisionKnowledge): Decision {
  const model = modelOf(knowledge);
  const { texts } = knowledge.rules;
  const vector = scoreAnswers(model, answers);
  const scores = Object.fromEntries(RECOMMENDATION_IDS.map((id, i) => [id, vector[i]!])) as Record<
    RecommendationId,
    number
  >;
  const applied = appliedConstraints(model, answers);
  const allowed = allowedMask(model, applied);
  const order = ranking(model, answers, vector, allowed);
  const recommendation = order[0]!;
  const runnerUp = order[1]!;
  const runnerUpAllowed = allowed[index(runnerUp)]!;
  const unanswered = ANSWER_KEYS.filter((k) => answers[k] === undefined);
  const answered = ANSWER_KEYS.length - unanswered.length;
  const title = (id: RecommendationId) => model.titles.get(id) ?? id;
  const question = (key: AnswerKey) => knowledge.checklist.find((q) => q.key === key)?.title ?? key;
  const standing = (id: RecommendationId): Standing => ({ id, title: title(id), score: scores[id] });

  const constraints: AppliedConstraint[] = applied.map((i) => {
    const c = model.constraints[i]!;
    return {
      id: c.id,
      text: c.text,
      room: c.room ?? null,
      sources: c.sources,
      excluded: RECOMMENDATION_IDS.filter((_, id) => !model.allowMasks[i]![id]),
    };
  });
  const excluded = RECOMMENDATION_IDS.filter((_, i) => !allowed[i]);
  const leadingIds = order.filter((id) => allowed[index(id)]).slice(0, LEADING);

  const requirements = new Set(constraints.map((c) => c.id));
  const fired = firedRules(model, answers);
  const constraintReasons = constraints.map((c) => ({
    text: c.room ? `${c.text} ${c.room}` : c.text,
    sources: c.sources,
  }));
  const ruleReasons = favouringReasons(
    fired.filter((r) => !restated(r, requirements)),
    answers,
    recommendation,
    runnerUp,
  );
  let reasons: Reason[] = [...constraintReasons, ...ruleReasons];
  if (answered === 0) reasons = [texts.unanswered];
  else if (reasons.length === 0) reasons = [texts.noFavouringRule];

  const values = {
    winner: title(recommendation),
    runnerUp: title(runnerUp),
    winnerScore: scored(scores[recommendation], knowledge.rules.labels),
    runnerUpScore: scored(scores[runnerUp], knowledge.rules.labels),
  };
  const tied = runnerUpAllowed && scores[recommendation] === scores[runnerUp];
  const decidedBy = tied
    ? (separatingKey(model, answers, index(recommendation), index(runnerUp)) ?? null)
    : null;
  const tieText = tied
    ? decidedBy
      ? {
          text: fill(texts.tieDecided, { ...values, question: question(decidedBy) }),
          sources: texts.tieDecided.sources,
        }
      : { text: fill(texts.tieUnresolved, values), sources: texts.tieUnresolved.sources }
    : null;

  let close: CloseCall | null = null;
  const margin = scores[recommendation] - scores[runnerUp];
  if (runnerUpAllowed && margin <= knowledge.rules.closeMargin) {
    const settle = separatingQuestions(model, answers, [recommendation, runnerUp]);
    const parts: Reason[] = [{ text: fill(texts.closeCall, values), sources: texts.closeCall.sources }];
    if (tieText) parts.push(tieText);
    if (settle.length)
      parts.push({
        text: fill(texts.settle, { ...values, questions: settle.map(question).join(", ") }),
        sources: texts.settle.sources,
      });
    close = {
      margin,
      options: [standing(recommendation), standing(runnerUp)],
      decidedBy,
      settle,
      text: parts.map((p) => p.text).join(" "),
      sources: uniqueSources(parts.flatMap((p) => p.sources)),
    };
  }

  // Why not each other option: the runner-up's "came second" (or the tie), one ruled out by a
  // hard requirement, or one further down ("why not microVMs?" typed after the recommendation).
  const whyNotOf = (id: RecommendationId): Reason => {
    const these = {
      ...values,
      runnerUp: title(id),
      runnerUpScore: scored(scores[id], knowledge.rules.labels),
    };
    if (!allowed[index(id)]) {
      const against = constraints.filter((c) => c.excluded.includes(id));
      // The answers that would lift every one of those requirements: another value of a question
      // each of them rests on, which none of them names ("why is container-shaped development
      // ruled out?": Architecture as Monolith; not as Mixed, which an independent review found
      // still rules it out).
      const whens = against.map((c) => knowledge.rules.constraints.find((k) => k.id === c.id)?.when ?? []);
      const lifting = knowledge.checklist.flatMap((q) => {
        if (!whens.every((when) => when.some((w) => w.key === q.key))) return [];
        const held = new Set(
          whens.flatMap((when) => when.filter((w) => w.key === q.key).flatMap((w) => w.values)),
        );
        const values = q.choices.filter((c) => !held.has(c.value)).map((c) => `“${c.label.split(" — ")[0]}”`);
        return values.length > 0 ? [`${q.title} with ${values.join(" or ")}`] : [];
      });
      const lift =
        lifting.length > 0
          ? [
              {
                text: fill(texts.whyNotLiftedBy, { ...these, questions: lifting.join(", or ") }),
                sources: texts.whyNotLiftedBy.sources,
              },
            ]
          : [];
      return {
        text: [
          fill(texts.whyNotRunnerUpExcluded, these),
          ...against.map((c) => c.text),
          ...lift.map((l) => l.text),
        ].join(" "),
        sources: uniqueSources([
          ...texts.whyNotRunnerUpExcluded.sources,
          ...against.flatMap((c) => c.sources),
          ...lift.flatMap((l) => l.sources),
        ]),
      };
    }
    if (id === runnerUp)
      return (
        tieText ??
        whyNotRunnerUp(knowledge, these, fired, answers, recommendation, runnerUp, undefined, requirements)
      );
    // Level with the pick: which answer broke the tie, as for the runner-up, never "has more in its favour".
    if (scores[id] === scores[recommendation]) {
      const by = separatingKey(model, answers, index(recommendation), index(id));
      return by
        ? {
            text: fill(texts.tieDecided, { ...these, question: question(by) }),
            sources: texts.tieDecided.sources,
          }
        : { text: fill(texts.tieUnresolved, these), sources: texts.tieUnresolved.sources };
    }
    return whyNotRunnerUp(
      knowledge,
      these,
      fired,
      answers,
      recommendation,
      id,
      { against: texts.whyNotOption, nothingAgainst: texts.whyNotOptionNothingAgainst },
      requirements,
    );
  };
  const whyNot = Object.fromEntries(
    RECOMMENDATION_IDS.filter((id) => id !== recommendation).map((id) => [id, whyNotOf(id)]),
  ) as Partial<Record<RecommendationId, Reason>>;
  const why = whyNot[runnerUp]!;

  const provisional = answered < knowledge.rules.minAnswers;
  const caveatDetails = caveatsFor(knowledge, answers, recommendation);
  return {
    recommendation,
    title: title(recommendation),
    scores,
    reasons,
    caveats: caveatDetails.map((c) => c.text),
    unanswered,
    provisional,
    leading: leadingIds.map(standing),
    constraints,
    excluded,
    close,
    decisive: provisional ? separatingQuestions(model, answers, leadingIds) : [],
    runnerUp,
    whyNotRunnerUp: why,
    whyNot,
    pivots: pivotsFor(model, answers, vector, index(recommendation)),
    caveatDetails,
  };
}

/** A score with its unit, as the texts show it: "1 point", "2.5 points", "-1 point". */
export function scored(score: number, labels: { point: string; points: string }): string {
  return `${score} ${Math.abs(score) === 1 ? labels.point : labels.points}`;
}

/**
 * What one answer did for a recommendation: the reason of the rule that answer fires which counts
 * most for `recommendation`, unless the other answers contradict what its text takes for granted.
 * Undefined when the answer fires none in its favour (a reason against the pick, or for another
 * option, would read as arguing with it: an independent review's).
 */
export function reasonOfAnswer(
  answers: Answers,
  knowledge: DecisionKnowledge,
  key: AnswerKey,
  recommendation: RecommendationId,
): Reason | undefined {
  const model = modelOf(knowledge);
  const best = effectOf(model, key, answers[key])
    .rules.filter((r) => reasonHolds(r, answers) && weight(r, recommendation) > 0)
    .sort((a, b) => weight(b, recommendation) - weight(a, recommendation))[0];
  return best && { text: best.reason, sources: best.sources };
}
