import { scored } from "../../core/decision/decide.ts";
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

  const { labels, texts } = knowledge.rules;
  const out = (id: string) => d.excluded.includes(id as (typeof d.excluded)[number]);
  const entries = Object.entries(d.scores).sort(([a, x], [b, y]) => Number(out(a)) - Number(out(b)) || y - x);
  // Up to the best allowed score: a ruled-out option keeps its number but draws no bar, as on the
  // cards. From at least a point below it, so the pick always draws (also when it scored lowest).
  const max = Math.max(...entries.filter(([id]) => !out(id)).map(([, s]) => s));
  const min = Math.min(max - 1, ...entries.map(([, s]) => s));
  const width = Math.max(...entries.map(([id]) => id.length));
  // Bars start at the lowest score so negative scores still draw; the number is the real score.
  const bars = entries.map(
    ([id, s]) =>
      `${id === d.recommendation && !d.provisional ? "▶" : " "} ${id.padEnd(width)}  ${textBar(out(id) ? 0 : s - min, max - min, BAR_WIDTH)}  ${s}${out(id) ? ` (${labels.ruledOut})` : ""}`,
  );

  if (d.provisional) {
    // Too few answers for a headline: what is known, who leads, which questions would decide.
    const lines = [labels.provisionalHeading.toUpperCase(), texts.provisional.text, ""];
    lines.push(
      labels.leading.toUpperCase(),
      ...d.leading.map((l) => `  - ${l.title} (${l.id}): ${scored(l.score, labels)}`),
    );
    lines.push("", "SCORES", ...bars, "", "WHY", ...d.reasons.flatMap(reasonLines));
    if (d.decisive.length)
      lines.push("", labels.decisive.toUpperCase(), ...d.decisive.map((k) => `  - ${question(k)} (${k})`));
    lines.push("", `UNANSWERED: ${d.unanswered.map((k) => `${question(k)} (${k})`).join(", ")}`);
    return `${lines.join("\n")}\n`;
  }

  const report = [`RECOMMENDATION: ${d.title} (${d.recommendation})`];
  if (summary) report.push(summary);
  if (d.close) report.push("", `${labels.closeCall.toUpperCase()}: ${d.close.text}`);
  report.push("", "SCORES", ...bars, "", "WHY", ...d.reasons.flatMap(reasonLines));
  report.push("", `WHY NOT ${title(d.runnerUp).toUpperCase()}`, ...reasonLines(d.whyNotRunnerUp));
  if (d.pivots.length) {
    report.push("", "WHAT WOULD CHANGE IT");
    for (const p of d.pivots.slice(0, PIVOTS_SHOWN)) {
      const from = p.from ?? "unanswered";
      report.push(
        `  - ${question(p.key)} (${p.key}): ${from} → ${p.to} would make it ${title(p.recommendation)}`,
      );
    }
  }
  if (d.caveatDetails.length) report.push("", "CAVEATS", ...d.caveatDetails.flatMap(reasonLines));
  if (d.unanswered.length) {
    report.push("", `UNANSWERED: ${d.unanswered.map((k) => `${question(k)} (${k})`).join(", ")}`);
  }
  return `${report.join("\n")}\n`;
}
