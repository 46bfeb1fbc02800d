import type { Knowledge } from "../knowledge/load.ts";
import type { Source } from "../knowledge/schema.ts";
import type { AnswerKey } from "./decision/contract.ts";

/** Anything the bot can answer a question with: a FAQ entry or a glossary term. */
export interface Answerable {
  id: string;
  kind: "faq" | "term";
  question: string;
  /** The canonical question first, then every way of asking it. */
  phrasings: string[];
  answer: string;
  details: string;
  sources: Source[];
  related: string[];
  keywords: string[];
  /** A glossary term's names (its term and aliases, as written); none for a FAQ entry. */
  names?: string[];
  /** A glossary term people name in passing (glossary.yaml inPassing). */
  inPassing?: boolean;
  /** The side a FAQ entry says when to choose (faq `favours`). */
  favours?: string;
  /** The checklist questions a FAQ entry's subject bears on (faq `bearsOn`). */
  bearsOn?: readonly AnswerKey[];
}

export function answerablesOf(k: Pick<Knowledge, "faq" | "glossary">): Answerable[] {
  const faq = k.faq.map(
    (e): Answerable => ({
      id: e.id,
      kind: "faq",
      question: e.question,
      phrasings: [e.question, ...e.alternates],
      answer: e.answer,
      details: e.details,
      sources: e.sources,
      related: e.related,
      keywords: e.keywords,
      ...(e.favours ? { favours: e.favours } : {}),
      ...(e.bearsOn.length > 0 ? { bearsOn: e.bearsOn } : {}),
    }),
  );
  const terms = k.glossary.map(
    (g): Answerable => ({
      id: g.id,
      kind: "term",
      question: g.question ?? `What is ${g.term}?`,
      // A term is asked about as "what is X", "X meaning" or just "X".
      phrasings: [g.term, ...g.aliases].flatMap((t) => [`what is ${t}`, `${t} meaning`, t]),
      answer: g.definition,
      details: "",
      sources: g.sources,
      related: g.related,
      keywords: [],
      names: [g.term, ...g.aliases],
      inPassing: g.inPassing,
    }),
  );
  return [...faq, ...terms];
}
