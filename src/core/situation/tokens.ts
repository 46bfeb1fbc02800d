/** One word of a description, where it is in the text, and the clause and contrast segment it is in. */
export interface Token {
  /** Lowercased, apostrophes removed ("don't" -> "dont"). */
  word: string;
  start: number;
  end: number;
  /** Punctuation and contrast words start a new clause. */
  clause: number;
  /** Contrast words ("but", "however") start a new segment: what follows is said instead. */
  segment: number;
  /** A full stop, question or exclamation mark or line break starts a new sentence. */
  sentence: number;
}

// A number with thousands separators ("1,200") is one word.
const WORD = /\d{1,3}(?:,\d{3})+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*(?:[-/.+][\p{L}\p{N}]+)*/gu;
/** Between two words: punctuation that ends a clause (a hyphen only with spaces around it). */
const CLAUSE_BREAK = /[,;:!?()[\]{}—–\n]|\s-\s|\.\s/;
/** Between two words: punctuation that ends a sentence. */
const SENTENCE_BREAK = /[!?\n]|\.\s/;

/**
 * Splits a text into words with their offsets, so what was understood can quote the text.
 * A contrast word belongs to the clause before it (so a cue may end in "except"); the clause
 * and segment after it are new.
 */
export function tokenize(text: string, contrast: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let segment = 0;
  let sentence = 0;
  let afterContrast = false;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    // A full stop ends a clause only before a space (".NET" and "4.8" do not).
    if (afterContrast || (out.length > 0 && CLAUSE_BREAK.test(text.slice(last, start)))) clause++;
    if (afterContrast) segment++;
    if (out.length > 0 && SENTENCE_BREAK.test(text.slice(last, start))) sentence++;
    const word = m[0].normalize("NFKC").toLowerCase().replace(/['’]/g, "");
    out.push({ word, start, end: start + m[0].length, clause, segment, sentence });
    afterContrast = contrast.has(word);
    last = start + m[0].length;
  }
  return out;
}
