import type { DecisionKnowledge, EngineText, Rule } from "../../knowledge/decisionSchema.ts";
import type { Source } from "../../knowledge/schema.ts";
import type { Answers, RecommendationId } from "./contract.ts";
import { conditionContradicted } from "./model.ts";

/** A sentence shown to the user with the sources it rests on. */
export interface Reason {
  text: string;
  sources: Source[];
}

/** How many rule reasons "why not the runner-up" quotes: enough to explain, short enough to read. */
const WHY_NOT_LIMIT = 3;

export const weight = (rule: Rule, id: RecommendationId) => rule.weights[id] ?? 0;

/**
 * The rules' reasons as shown when they are about `about`: a rule's aside for it is added once,
 * after the first reason that carries it (five reasons need not each say how microVMs fit).
 */
function reasonsAbout(rules: Rule[], about: RecommendationId): Reason[] {
  const said = new Set<string>();
  return rules.map((r) => {
    const aside = r.aside?.for.includes(about) && !said.has(r.aside.text) ? r.aside : undefined;
    if (!aside) return { text: r.reason, sources: r.sources };
    said.add(aside.text);
    return { text: `${r.reason} ${aside.text}`, sources: uniqueSources([...r.sources, ...aside.sources]) };
  });
}

/** A rule's reason may be shown only when no answer contradicts what its text takes for granted. */
export const reasonHolds = (rule: Rule, answers: Answers) =>
  !rule.assumes.some((cond) => conditionContradicted(cond, answers));

/** Does a rule restate a hard requirement that applies (and is listed already)? */
export const restated = (rule: Rule, applied: ReadonlySet<string>) =>
  rule.restates !== undefined && applied.has(rule.restates);

/**
 * The fired rules that favour the winner (positive weight for it) and whose text the other
 * answers do not contradict, strongest first; ties go to the rule that most separates it
 * from the runner-up. Asides for the winner are said here, once.
 */
export function favouringReasons(
  fired: Rule[],
  answers: Answers,
  winner: RecommendationId,
  runnerUp: RecommendationId,
): Reason[] {
  const sorted = fired
    .filter((r) => weight(r, winner) > 0 && reasonHolds(r, answers))
    .sort(
      (a, b) =>
        weight(b, winner) - weight(a, winner) ||
        weight(b, winner) - weight(b, runnerUp) - (weight(a, winner) - weight(a, runnerUp)),
    );
  return reasonsAbout(sorted, winner);
}

export function fill(template: EngineText, values: Record<string, string>): string {
  return template.text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const id = `${s.doc}\u0000${s.section}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Why the runner-up lost, when both are allowed and did not tie: the fired rules that count
 * against the runner-up (negative weight for it, and more so than for the winner). When no
 * answer counts against it, the rules that favour the winner and leave the runner-up alone.
 * Never a rule that favours the runner-up.
 */
export function whyNotRunnerUp(
  knowledge: DecisionKnowledge,
  values: Record<string, string>,
  fired: Rule[],
  answers: Answers,
  winner: RecommendationId,
  runnerUp: RecommendationId,
  /** The opening sentences: the runner-up's ("came second"), or those of an option further down. */
  heads: { against: EngineText; nothingAgainst: EngineText } = {
    against: knowledge.rules.texts.whyNotRunnerUp,
    nothingAgainst: knowledge.rules.texts.whyNotRunnerUpNothingAgainst,
  },
  /** The hard requirements that apply: a rule restating one is quoted only when nothing else counts. */
  applied: ReadonlySet<string> = new Set(),
): Reason {
  const margin = (r: Rule) => weight(r, winner) - weight(r, runnerUp);
  const shown = fired.filter((r) => reasonHolds(r, answers) && margin(r) > 0);
  const against = shown.filter((r) => weight(r, runnerUp) < 0);
  const pick = against.length ? against : shown.filter((r) => weight(r, runnerUp) === 0);
  // Whether anything counts against it is told by every rule; what is quoted leaves out one that
  // says what the requirement above says, unless nothing else would be.
  const head = against.length ? heads.against : heads.nothingAgainst;
  const fresh = pick.filter((r) => !restated(r, applied));
  // The reasons alone: the winner's asides are said once, under "Why".
  const decisive = (fresh.length ? fresh : pick)
    .sort((a, b) => margin(b) - margin(a))
    .slice(0, WHY_NOT_LIMIT);
  return {
    text: [fill(head, values), ...decisive.map((r) => r.reason)].join(" "),
    sources: uniqueSources([...head.sources, ...decisive.flatMap((r) => r.sources)]),
  };
}
