import type { DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import type { DocumentInfo, Responses } from "../../knowledge/schema.ts";
import { RECOMMENDATION_IDS, type RecommendationId } from "../decision/contract.ts";
import { type Decision, scored } from "../decision/index.ts";
import { fill } from "../fill.ts";
import { mention } from "../render/inline.ts";
import { button, citeAll, reply } from "../replies/common.ts";
import type { Part, Reply } from "../reply.ts";
import type { WalkthroughState } from "./state.ts";

/**
 * Score bars, allowed options first: an option a hard requirement rules out is marked so, listed
 * below the pick and drawn with no bar (its score may be higher). Bars run from zero up to the
 * best allowed score.
 */
function bars(decision: Decision, title: (id: string) => string, ruledOut: string) {
  const out = (id: RecommendationId) => decision.excluded.includes(id);
  // The pick's bar is full whatever it scored above zero (0.5 too); at zero or below nothing is drawn.
  const best = Math.max(...RECOMMENDATION_IDS.filter((id) => !out(id)).map((id) => decision.scores[id]));
  const max = best > 0 ? best : 1;
  return [...RECOMMENDATION_IDS]
    .sort((a, b) => Number(out(a)) - Number(out(b)) || decision.scores[b] - decision.scores[a])
    .map((id) => ({
      label: out(id) ? `${title(id)} (${ruledOut})` : title(id),
      score: decision.scores[id],
      max,
      highlight: id === decision.recommendation,
      ...(out(id) ? { ruledOut: true } : {}),
    }));
}

/**
 * The end of a walkthrough: the answers, the recommendation with a score bar per option,
 * the reasons, why not the runner-up, what would change it, caveats and sources.
 */
export function recommendationParts(
  decision: Decision,
  state: WalkthroughState,
  knowledge: DecisionKnowledge,
  documents: DocumentInfo[],
  t: Responses["walkthrough"],
  /** Leave out "Your answers" (a `recommend` reply lists what it understood instead). */
  options: { answers?: boolean } = {},
): Part[] {
  const title = (id: string) => knowledge.recommendations.find((r) => r.id === id)?.title ?? id;
  const summary = knowledge.recommendations.find((r) => r.id === decision.recommendation)?.summary;
  const answered = knowledge.checklist.map((q) => {
    const value = state.answers[q.key];
    // A walkthrough that asked only some questions (a description's gaps, one to change) never
    // asked the others: they were not skipped.
    const asked = !state.ask || state.ask.includes(q.key) || state.prefilled?.includes(q.key);
    const label =
      value === undefined || value === null
        ? asked
          ? t.skipped
          : t.notAsked
        : (q.choices.find((c) => c.value === value)?.label ?? value);
    const by = [...state.history].reverse().find((h) => h.key === q.key)?.by;
    if (by) return { label: q.title, value: `${label} (${mention(by)})` };
    const described = state.prefilled?.includes(q.key) && typeof value === "string";
    return { label: q.title, value: described ? `${label} (${t.fromDescription})` : label };
  });
  const { labels } = knowledge.rules;
  const question = (key: string) => knowledge.checklist.find((q) => q.key === key)?.title ?? key;
  const bullets = (lines: string[]) => lines.map((l) => `- ${l}`).join("\n");
  const parts: Part[] = [];
  if (decision.provisional) {
    // Too few answers: no headline, only what is known, who leads, and what would decide.
    parts.push({ type: "heading", text: labels.provisionalHeading });
    parts.push({ type: "text", text: knowledge.rules.texts.provisional.text });
    parts.push({
      type: "text",
      text: `**${labels.leading}:**\n${bullets(decision.leading.map((l) => `${l.title} (${scored(l.score, labels)})`))}`,
    });
    const known = decision.reasons.map((r) => r.text);
    if (known.length) parts.push({ type: "text", text: bullets(known) });
    // (After the reasons, so the options leading are read with theirs; a review's found it between.)
    parts.push({ type: "context", text: labels.pointsNoteProvisional });
    const decisive = decisivePart(decision, knowledge);
    if (decisive) parts.push(decisive);
  } else {
    parts.push({ type: "heading", text: `Recommendation: ${decision.title}` });
    if (summary) parts.push({ type: "text", text: summary });
    if (decision.close) parts.push({ type: "text", text: `**${labels.closeCall}:** ${decision.close.text}` });
    parts.push({ type: "bars", bars: bars(decision, title, labels.ruledOut) });
    parts.push({ type: "context", text: labels.pointsNote });
    parts.push(whyPart(decision), whyNotPart(decision, knowledge, decision.runnerUp, true));
    const change = changePart(decision, knowledge);
    if (change) parts.push(change);
    const caveats = caveatsPart(decision);
    if (caveats) parts.push(caveats);
    if (decision.unanswered.length > 0) {
      parts.push({
        type: "context",
        text: fill(t.notAnswered, { questions: decision.unanswered.map(question).join(", ") }),
      });
    }
  }
  if (options.answers !== false)
    parts.push({ type: "text", text: "**Your answers:**" }, { type: "fields", fields: answered });
  parts.push(recommendationSources(decision, documents, t));
  return parts;
}

/** The sources of everything a recommendation card says. */
export function recommendationSources(
  decision: Decision,
  documents: DocumentInfo[],
  t: Responses["walkthrough"],
): Part {
  const shown = decision.provisional
    ? decision.reasons
    : [
        ...decision.reasons,
        ...(decision.close ? [decision.close] : []),
        decision.whyNotRunnerUp,
        ...decision.caveatDetails,
      ];
  const sources = shown.flatMap((r) => r.sources);
  return { type: "sources", sources: citeAll(sources, documents), more: t.moreSources };
}

/** How many of its reasons, strongest first, "which sources back it most?" cites. */
const STRONGEST_REASONS = 2;

/** The sections behind a recommendation's strongest reasons, at most three shown. */
export function strongestSources(
  decision: Decision,
  documents: DocumentInfo[],
  t: Responses["walkthrough"],
): Part {
  const sources = decision.reasons.slice(0, STRONGEST_REASONS).flatMap((r) => r.sources);
  return { type: "sources", sources: citeAll(sources, documents), more: t.moreSources, limit: 3 };
}

/** An option's short name: its label up to the dash ("Standard" of "Standard — our own services …"). */
export function shortLabel(label: string): string {
  return label.split(" — ")[0] ?? label;
}

/**
 * "Questions that would decide:", each with what it asks and its options' short names, and how to
 * answer them in a message, by name with the first of them as the example, for a recommendation
 * with too few answers (a blind trial's bare titles, "Isolation", "Compliance", left the team
 * guessing what to say).
 */
function decisivePart(decision: Decision, knowledge: DecisionKnowledge): Part | undefined {
  const questions = decision.decisive.flatMap((key) => knowledge.checklist.filter((q) => q.key === key));
  const first = questions[0];
  if (!first) return undefined;
  const line = (q: (typeof questions)[number]) =>
    `- **${q.title}:** ${q.prompt} (${q.choices.map((c) => shortLabel(c.label)).join(" / ")})`;
  const { decisive, decisiveHow } = knowledge.rules.labels;
  const example = `${first.names[0] ?? first.key}: ${shortLabel(first.choices[0]!.label).toLowerCase()}`;
  return {
    type: "text",
    text: `**${decisive}:**\n${questions.map(line).join("\n")}\n${fill(decisiveHow, { example })}`,
  };
}

/** "Caveats:" of a recommendation, if it has any. */
export function caveatsPart(decision: Decision): Part | undefined {
  if (decision.caveats.length === 0) return undefined;
  return { type: "text", text: `**Caveats:**\n${decision.caveats.map((c) => `- ${c}`).join("\n")}` };
}

/** "Why:" and the reasons of a recommendation. */
function whyPart(decision: Decision): Part {
  return { type: "text", text: `**Why:**\n${decision.reasons.map((r) => `- ${r.text}`).join("\n")}` };
}

/** "Why not <runner-up>?" (or another option other than the pick) and the answer. */
function whyNotPart(
  decision: Decision,
  knowledge: DecisionKnowledge,
  option: RecommendationId = decision.runnerUp,
  /** Right under "Why": reasons it gives are pointed to, not said twice (a blind trial's card repeated them). */
  underWhy = false,
): Part {
  const title = knowledge.recommendations.find((r) => r.id === option)?.title ?? option;
  const reason = decision.whyNot[option] ?? decision.whyNotRunnerUp;
  const repeated = underWhy ? decision.reasons.filter((r) => reason.text.includes(` ${r.text}`)) : [];
  let text = reason.text;
  for (const r of repeated) text = text.replace(` ${r.text}`, "");
  // Only where what is left is the opening alone: otherwise the reasons read on as they were.
  const opening = text.trim().endsWith(":");
  const said =
    repeated.length > 0 && opening ? `${text} ${knowledge.rules.labels.againstAsWhy}` : reason.text;
  return { type: "text", text: `**Why not ${title}?** ${said}` };
}

/** "What would change it": the one answer that would recommend something else, if there is one. */
function changePart(
  decision: Decision,
  knowledge: DecisionKnowledge,
  /** The option asked about ("what would have to change for a mixed platform to win?"), if any. */
  toward?: RecommendationId,
): Part | undefined {
  // On a close call, one of the answers it names as settling it, where one flips it: "the answers
  // that would settle it: State, …" then "answering Special hardware …" read as a contradiction
  // to a blind trial.
  const settling = decision.close
    ? decision.pivots.find((p) => decision.close!.settle.includes(p.key))
    : undefined;
  const pivot = decision.pivots.find((p) => p.recommendation === toward) ?? settling ?? decision.pivots[0];
  if (!pivot) return undefined;
  const title =
    knowledge.recommendations.find((r) => r.id === pivot.recommendation)?.title ?? pivot.recommendation;
  const q = knowledge.checklist.find((c) => c.key === pivot.key);
  const to = q?.choices.find((c) => c.value === pivot.to)?.label ?? pivot.to;
  return {
    type: "text",
    text: `**What would change it:** answering _${q?.title ?? pivot.key}_ with “${to}” would recommend ${title} instead.`,
  };
}

/**
 * A question typed about the recommendation just shown ("why?", "why not Kubernetes?", "what would
 * change it?"): the part of it that answers, with the reasons it rests on when nothing else does.
 */
export function recommendationFollowUpParts(
  decision: Decision,
  about: "why" | "why-not" | "change",
  knowledge: DecisionKnowledge,
  /** For "why not …?": the option asked about (the runner-up when none is named). */
  option: RecommendationId = decision.runnerUp,
  /** For "what would change it": the option it should change to, where the question names one. */
  toward?: RecommendationId,
): Part[] {
  // Too few answers for a pick: what would change it is what would decide it.
  const decisive = decisivePart(decision, knowledge);
  if (decision.provisional && about === "change" && decisive) return [decisive];
  // "why not microVMs?" on too few answers: what counts against it so far, and what would decide
  // (a blind trial's got the reasons of the options leading).
  if (decision.provisional && about === "why-not" && option !== decision.recommendation)
    return [whyNotPart(decision, knowledge, option), ...(decisive ? [decisive] : [])];
  // Its reasons so far, and what to answer next (a blind trial's "what do you recommend for us?"
  // got the reasons alone, and no way on).
  if (decision.provisional) return [whyPart(decision), ...(decisive ? [decisive] : [])];
  if (about === "why" || option === decision.recommendation) return [whyPart(decision)];
  // A ruled-out option's answer is the requirement that rules it out: the reasons for the pick
  // again read as a stock reply (blind trial 26).
  if (about === "why-not")
    return decision.excluded.includes(option)
      ? [whyNotPart(decision, knowledge, option)]
      : [whyNotPart(decision, knowledge, option), whyPart(decision)];
  // "what has to be true before we migrate to vms?" with VMs picked: it already is; its reasons.
  if (toward === decision.recommendation) return [whyPart(decision)];
  const change = changePart(decision, knowledge, toward);
  return change ? [change] : [whyPart(decision)];
}

export function recommendationReply(
  decision: Decision,
  state: WalkthroughState,
  knowledge: DecisionKnowledge,
  documents: DocumentInfo[],
  t: Responses["walkthrough"],
): Reply {
  const parts = recommendationParts(decision, state, knowledge, documents, t);
  parts.push({
    type: "buttons",
    role: "share",
    buttons: [
      button(t.shareSummary, { type: "share", walkthroughId: state.id }, "primary"),
      button(t.startNew, { type: "checklist.start" }),
    ],
  });
  const summary = decision.provisional
    ? knowledge.rules.labels.provisionalHeading
    : `Recommendation: ${decision.title}`;
  return reply("recommendation", parts, summary);
}
