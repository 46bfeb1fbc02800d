import type { Part, Reply } from "../reply.ts";
import { plainInline } from "./inline.ts";
import { sourceList } from "./sources.ts";

/** Strips the markdown subset to plain text: markers dropped, escapes undone, mentions as names. */
export function stripMarkdown(text: string): string {
  return plainInline(text);
}

/** A text bar that renders in any font: filled and empty blocks out of `width`. */
export function textBar(score: number, max: number, width = 12): string {
  const filled = max > 0 ? Math.max(0, Math.min(width, Math.round((score / max) * width))) : 0;
  return "█".repeat(filled) + "░".repeat(width - filled);
}

/** A bars part's bar: empty for a ruled-out option, whatever it scored. */
export function scoreBar(b: { score: number; max: number; ruledOut?: boolean }): string {
  return textBar(b.ruledOut ? 0 : b.score, b.max);
}

function part(p: Part): string | undefined {
  switch (p.type) {
    case "heading":
      return stripMarkdown(p.text).toUpperCase();
    case "text":
    case "subtitle":
    case "context":
      return stripMarkdown(p.text);
    case "fields":
      return p.fields.map((f) => `${stripMarkdown(f.label)}: ${stripMarkdown(f.value)}`).join("\n");
    case "bars": {
      const width = Math.max(...p.bars.map((b) => b.label.length));
      return p.bars
        .map((b) => `${b.highlight ? "▶" : " "} ${b.label.padEnd(width)}  ${scoreBar(b)}  ${b.score}`)
        .join("\n");
    }
    case "sources":
      return `Sources: ${sourceList(p.sources, Number.POSITIVE_INFINITY, p.more, undefined, p.limit)}`;
    case "table":
      return p.rows
        .map((r) =>
          r.map((c, i) => (i === 0 ? stripMarkdown(c) : `${p.columns[i]}: ${stripMarkdown(c)}`)).join(" · "),
        )
        .join("\n");
    case "picker":
      return `${heading(p.label)}\n${p.options.map((b) => `- ${b.label}`).join("\n")}`;
    case "buttons":
      // Only buttons that name something to read are worth printing; the rest are controls.
      if (p.role === "followups" || p.role === "suggestions" || p.role === "choices")
        return `${p.label ? `${heading(p.label)}\n` : ""}${p.buttons.map((b) => `- ${b.label}`).join("\n")}`;
      return undefined;
    case "divider":
      return "—".repeat(20);
  }
}

export function plainText(replies: Reply[]): string {
  return replies
    .map((r) =>
      r.parts
        .map(part)
        .filter((s): s is string => Boolean(s))
        .join("\n\n"),
    )
    .join("\n\n");
}

/** A list's label as a heading: with a colon, unless it already ends a sentence ("Or did you mean one of these?"). */
function heading(label: string): string {
  return /[?!.:]$/.test(label) ? label : `${label}:`;
}
