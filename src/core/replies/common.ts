import type { DocumentInfo, Source as KnowledgeSource } from "../../knowledge/schema.ts";
import type { Action } from "../action.ts";
import type { Button, Part, Reply, ReplyKind, Source } from "../reply.ts";

/** Buttons on Slack hold at most 75 characters; every surface shares the limit. */
export const MAX_BUTTON_LABEL = 75;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function button(label: string, action: Action, style?: Button["style"]): Button {
  return style
    ? { label: clip(label, MAX_BUTTON_LABEL), action, style }
    : { label: clip(label, MAX_BUTTON_LABEL), action };
}

/** Citations with the document's short title for display. */
export function citeAll(sources: KnowledgeSource[], documents: DocumentInfo[]): Source[] {
  const titles = new Map(documents.map((d) => [d.doc, d.short]));
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of sources) {
    const key = `${s.doc}\u0000${s.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const title = titles.get(s.doc);
    out.push(title ? { ...s, title } : { ...s });
  }
  return out;
}

export function reply(kind: ReplyKind, parts: Part[], summary: string, extra: Partial<Reply> = {}): Reply {
  return { kind, parts, summary: clip(summary, 300), placement: "here", visibility: "public", ...extra };
}
