import type { Knowledge } from "./load.ts";

/**
 * First words that only make sense as a reply to the entry's own question ("Yes: …" read after
 * "do I need Kubernetes?" says the opposite of the answer). An answer may open with one only when
 * its opening clause names the subject: "Usually containers start faster", not "Usually, …".
 */
export const BARE_OPENERS = ["yes", "no", "often", "probably", "usually", "sometimes", "generally"] as const;

/** The opening clause: up to the first punctuation that ends a clause. */
const CLAUSE_END = /[,:;.!?()—–]/;

const words = (text: string) => text.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? [];
/** Word forms meet at their first five letters ("containers" / "container", "isolation" / "isolate"). */
const stemOf = (w: string) => w.slice(0, 5);

/**
 * Does the first sentence of `answer` stand on its own? It fails when it opens with a bare
 * opener and its opening clause names no subject word of `question` (a word of at least four
 * letters that is not a lexicon stopword).
 */
export function openingProblem(answer: string, question: string, stopwords: Set<string>): string | undefined {
  const text = answer.trim();
  const first = words(text)[0];
  if (!first || !(BARE_OPENERS as readonly string[]).includes(first)) return undefined;
  const clause = words(text.split(CLAUSE_END)[0] ?? "").slice(1);
  const subject = new Set(
    words(question)
      .filter((w) => w.length >= 4 && !stopwords.has(w))
      .map(stemOf),
  );
  if (clause.some((w) => subject.has(stemOf(w)))) return undefined;
  const opening = text.slice(0, 50).replace(/\s+/g, " ");
  return `answer opens with "${first}" without naming its subject ("${opening}…"); restate the subject so the first sentence stands on its own`;
}

/** Every FAQ answer and myth verdict whose first sentence leans on its own question. */
export function checkOpenings(k: Pick<Knowledge, "faq" | "lexicon">): string[] {
  const stopwords = new Set(k.lexicon.stopwords.map((w) => w.toLowerCase()));
  const errors: string[] = [];
  for (const e of k.faq) {
    const problem = openingProblem(e.answer, e.question, stopwords);
    if (problem) errors.push(`faq ${e.id}: ${problem}`);
  }
  return errors;
}
