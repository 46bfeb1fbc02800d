import type { Decision, Reason } from "../../core/decision/index.ts";
import { textBar } from "../../core/render/plainText.ts";
import type { DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import type { Source } from "../../knowledge/schema.ts";

/** How many "what would change it" lines to print: the lightest nudges are the useful ones. */
const PIVOTS_SHOWN = 5;
const BAR_WIDTH = 20;

const sourcesLine = (sources: Source[]) =>
  `    sources: ${sources.map((s) => `${s.doc} “${s.section}”`).join("; ")}`;
const reasonLines = (r: Reason) => [`  - ${r.text}`, sourcesLine(r.sources)];

/** The plain-text `vmvc decide` report: every word of guidance comes from the decision and knowledge/. */
export function decisionText(d: Decision, knowledge: DecisionKnowledge): string {
  const title = (id: string) => knowledge.recommendations.find((r) => r.id === id)?.title ?? id;
  const question = (key: string) => knowledge.checklist.find((q) => q.key === key)?.title ?? key;
  const summary = knowledge.recommendations.find((r) => r.id === d.recommendation)?.summary;

  const entries = Object.entries(d.scores).sort(([, a], [, b]) => b - a);
  const min = Math.min(...entries.map(([, s]) => s));
  const max = Math.max(...entries.map(([, s]) => s));
  const width = Math.max(...entries.map(([id]) => id.length));
  // Bars start at the lowest score so negative scores still draw; the number is the real score.
  const bars = entries.map(
    ([id, s]) =>
      `${id === d.recommendation ? "▶" : " "} ${id.padEnd(width)}  ${textBar(s - min, max - min, BAR_WIDTH)}  ${s}`,
  );

  const out = [`RECOMMENDATION: ${d.title} (${d.recommendation})`];
  if (summary) out.push(summary);
  out.push("", "SCORES", ...bars, "", "WHY", ...d.reasons.flatMap(reasonLines));
  out.push("", `WHY NOT ${title(d.runnerUp).toUpperCase()}`, ...reasonLines(d.whyNotRunnerUp));
  if (d.pivots.length) {
    out.push("", "WHAT WOULD CHANGE IT");
    for (const p of d.pivots.slice(0, PIVOTS_SHOWN)) {
      const from = p.from ?? "unanswered";
      out.push(
        `  - ${question(p.key)} (${p.key}): ${from} → ${p.to} would make it ${title(p.recommendation)}`,
      );
    }
  }
  if (d.caveatDetails.length) out.push("", "CAVEATS", ...d.caveatDetails.flatMap(reasonLines));
  if (d.unanswered.length) {
    out.push("", `UNANSWERED: ${d.unanswered.map((k) => `${question(k)} (${k})`).join(", ")}`);
  }
  return `${out.join("\n")}\n`;
}
