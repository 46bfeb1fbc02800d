import type { DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import type { DocumentInfo, Responses } from "../../knowledge/schema.ts";
import { RECOMMENDATION_IDS } from "../decision/contract.ts";
import type { Decision } from "../decision/index.ts";
import { fill } from "../fill.ts";
import { button, citeAll, reply } from "../replies/common.ts";
import type { Part, Reply } from "../reply.ts";
import type { WalkthroughState } from "./state.ts";

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
): Part[] {
  const title = (id: string) => knowledge.recommendations.find((r) => r.id === id)?.title ?? id;
  const summary = knowledge.recommendations.find((r) => r.id === decision.recommendation)?.summary;
  const answered = knowledge.checklist.map((q) => {
    const value = state.answers[q.key];
    const label =
      value === undefined || value === null
        ? "not sure / skipped"
        : (q.choices.find((c) => c.value === value)?.label ?? value);
    const by = [...state.history].reverse().find((h) => h.key === q.key)?.by;
    return { label: q.title, value: by ? `${label} (${by.name ?? by.id})` : label };
  });
  // Bars are drawn from zero up to the best score; a negative score shows an empty bar.
  const max = Math.max(1, ...Object.values(decision.scores));
  const parts: Part[] = [{ type: "heading", text: `Recommendation: ${decision.title}` }];
  if (summary) parts.push({ type: "text", text: summary });
  parts.push({
    type: "bars",
    bars: RECOMMENDATION_IDS.map((id) => ({
      label: title(id),
      score: decision.scores[id],
      max,
      highlight: id === decision.recommendation,
    })).sort((a, b) => b.score - a.score),
  });
  parts.push({ type: "text", text: `**Why:**\n${decision.reasons.map((r) => `- ${r.text}`).join("\n")}` });
  parts.push({
    type: "text",
    text: `**Why not ${title(decision.runnerUp)}?** ${decision.whyNotRunnerUp.text}`,
  });
  const pivot = decision.pivots[0];
  if (pivot) {
    const q = knowledge.checklist.find((c) => c.key === pivot.key);
    const to = q?.choices.find((c) => c.value === pivot.to)?.label ?? pivot.to;
    parts.push({
      type: "text",
      text: `**What would change it:** answering _${q?.title ?? pivot.key}_ with “${to}” would recommend ${title(pivot.recommendation)} instead.`,
    });
  }
  if (decision.caveats.length > 0)
    parts.push({ type: "text", text: `**Caveats:**\n${decision.caveats.map((c) => `- ${c}`).join("\n")}` });
  if (decision.unanswered.length > 0) {
    const names = decision.unanswered.map((k) => knowledge.checklist.find((q) => q.key === k)?.title ?? k);
    parts.push({
      type: "context",
      text: fill(t.notAnswered, { questions: names.join(", ") }),
    });
  }
  parts.push({ type: "text", text: "**Your answers:**" }, { type: "fields", fields: answered });
  const sources = [...decision.reasons, decision.whyNotRunnerUp, ...decision.caveatDetails].flatMap(
    (r) => r.sources,
  );
  parts.push({ type: "sources", sources: citeAll(sources, documents) });
  return parts;
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
  return reply("recommendation", parts, `Recommendation: ${decision.title}`);
}
