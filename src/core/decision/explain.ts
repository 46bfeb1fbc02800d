import type { DecisionKnowledge, EngineText, Rule } from "../../knowledge/decisionSchema.ts";
import type { Source } from "../../knowledge/schema.ts";
import type { RecommendationId } from "./contract.ts";

/** A sentence shown to the user with the sources it rests on. */
export interface Reason {
  text: string;
  sources: Source[];
}

/** How many rule reasons "why not the runner-up" quotes: enough to explain, short enough to read. */
const WHY_NOT_LIMIT = 3;

const weight = (rule: Rule, id: RecommendationId) => rule.weights[id] ?? 0;
const reasonOf = (rule: Rule): Reason => ({ text: rule.reason, sources: rule.sources });

/**
 * The fired rules that favour the winner (positive weight for it), strongest first; ties go
 * to the rule that most separates it from the runner-up. Data texts cover the empty cases.
 */
export function reasonsFor(
  knowledge: DecisionKnowledge,
  fired: Rule[],
  winner: RecommendationId,
  runnerUp: RecommendationId,
  answered: number,
): Reason[] {
  if (answered === 0) return [knowledge.rules.texts.unanswered];
  const favouring = fired
    .filter((r) => weight(r, winner) > 0)
    .sort(
      (a, b) =>
        weight(b, winner) - weight(a, winner) ||
        weight(b, winner) - weight(b, runnerUp) - (weight(a, winner) - weight(a, runnerUp)),
    );
  return favouring.length ? favouring.map(reasonOf) : [knowledge.rules.texts.noFavouringRule];
}

function fill(template: EngineText, values: Record<string, string>): string {
  return template.text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const id = `${s.doc}\u0000${s.section}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Why the runner-up lost: the fired rules that gave the winner more than the runner-up. */
export function whyNotRunnerUp(
  knowledge: DecisionKnowledge,
  titles: ReadonlyMap<RecommendationId, string>,
  fired: Rule[],
  scores: Record<RecommendationId, number>,
  winner: RecommendationId,
  runnerUp: RecommendationId,
): Reason {
  const values = {
    winner: titles.get(winner) ?? winner,
    runnerUp: titles.get(runnerUp) ?? runnerUp,
    winnerScore: String(scores[winner]),
    runnerUpScore: String(scores[runnerUp]),
  };
  const { texts } = knowledge.rules;
  if (scores[winner] === scores[runnerUp]) {
    return { text: fill(texts.whyNotRunnerUpTied, values), sources: texts.whyNotRunnerUpTied.sources };
  }
  const margin = (r: Rule) => weight(r, winner) - weight(r, runnerUp);
  const decisive = fired
    .filter((r) => margin(r) > 0)
    .sort((a, b) => margin(b) - margin(a))
    .slice(0, WHY_NOT_LIMIT);
  const head = fill(texts.whyNotRunnerUp, values);
  if (decisive.length === 0) return { text: head, sources: texts.whyNotRunnerUp.sources };
  return {
    text: [head, ...decisive.map((r) => r.reason)].join(" "),
    sources: uniqueSources(decisive.flatMap((r) => r.sources)),
  };
}
