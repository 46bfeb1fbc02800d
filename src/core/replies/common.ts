import type { DocumentInfo, Source as KnowledgeSource } from "../../knowledge/schema.ts";
import type { Action } from "../action.ts";
import { PairMemo } from "../memo.ts";
import type { Button, Part, Reply, ReplyKind, Source } from "../reply.ts";

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A button with its whole label: each surface fits it to its own limits (Slack clips at 75
 * characters; Teams shows long labels as wrapping rows or choices; the playground wraps).
 */
export function button(label: string, action: Action, style?: Button["style"]): Button {
  return style ? { label, action, style } : { label, action };
}

/** The short reference texts use for a document: "003" for "003_4995cd5061691873.txt". */
export function docRef(doc: string): string {
  return /^(\d{3})_/.exec(doc)?.[1] ?? doc;
}

/** `003 · Making an informed decision, “Pros and Cons Deep Dive”`: the same "003" the text uses. */
export function sourceLabel(ref: string, title: string | undefined, section: string): string {
  const quoted = /^["“']/.test(section) ? section : `“${section}”`;
  return `${ref} · ${title ?? ref}, ${quoted}`;
}

/** Citations for display: the short reference, the document's short title and the section. */
export function citeAll(sources: KnowledgeSource[], documents: DocumentInfo[]): Source[] {
  // An entry's sources are cited the same way every time it is shown: worked out once per
  // loaded knowledge (the arrays are the knowledge's own), shared and frozen.
  return cited.get(
    sources,
    documents,
    () => Object.freeze(citeAllOnce(sources, documents).map((s) => Object.freeze(s))) as Source[],
  );
}

const cited = new PairMemo<KnowledgeSource[], DocumentInfo[], Source[]>();

function citeAllOnce(sources: KnowledgeSource[], documents: DocumentInfo[]): Source[] {
  const titles = new Map(documents.map((d) => [d.doc, d.short]));
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of sources) {
    const key = `${s.doc}\u0000${s.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const title = titles.get(s.doc);
    const ref = docRef(s.doc);
    const label = sourceLabel(ref, title, s.section);
    out.push(title ? { ...s, title, ref, label } : { ...s, ref, label });
  }
  return out;
}

export function reply(kind: ReplyKind, parts: Part[], summary: string, extra: Partial<Reply> = {}): Reply {
  return { kind, parts, summary: clip(summary, 300), placement: "here", visibility: "public", ...extra };
}
