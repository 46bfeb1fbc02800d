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
  /** Part of a name, not a statement: a short quoted term ("our 'Legacy' team") or a word after `naming`. */
  named?: true;
  /** In a sentence that ends with a question mark. */
  asks?: true;
}

// A number with thousands separators ("1,200") is one word.
const WORD = /\d{1,3}(?:,\d{3})+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*(?:[-/.+][\p{L}\p{N}]+)*/gu;
/** Between two words: punctuation that ends a clause (a hyphen only with spaces around it). */
const CLAUSE_BREAK = /[,;:!?()[\]{}—–\n]|\s-\s|\.\s/;
/** Between two words: punctuation that ends a sentence (a full stop also before a closing bracket or quote: "(… for something else.) Usage"). */
const SENTENCE_BREAK = /[!?\n]|\.[)\]"”’]*\s/;
/** A quote mark opening a term: right before a word, after a space, bracket or the start. */
const OPENS = /(?:^|[\s([{])["'“‘]$/;
/** A quote mark closing a term: right after a word. */
const CLOSES = /^["'”’]/;
/**
 * A quoted term of a word or two is a name or a word held at a distance ("our 'Legacy' team",
 * "the only 'audit' we had was a cost review"): it states nothing. A longer quote is someone's
 * words ("the auditor said 'PCI applies here'") and is read.
 */
const MAX_QUOTED_TERM = 2;

/**
 * Splits a text into words with their offsets, so what was understood can quote the text.
 * A contrast word belongs to the clause before it (so a cue may end in "except"); the clause
 * and segment after it are new.
 */
export function tokenize(
  text: string,
  contrast: ReadonlySet<string>,
  naming: ReadonlySet<string> = new Set(),
): Token[] {
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
    // "weeks-ish" is "weeks", said loosely.
    const word = m[0].normalize("NFKC").toLowerCase().replace(/['’]/g, "").replace(/-ish$/, "");
    out.push({ word, start, end: start + m[0].length, clause, segment, sentence });
    // "anything but regulated" denies, it sets nothing against anything (situations.yaml negatorPhrases).
    afterContrast = contrast.has(word) && !(word === "but" && out[out.length - 2]?.word === "anything");
    last = start + m[0].length;
  }
  markNames(text, out, naming);
  markQuestions(text, out);
  return out;
}

/** Marks the words of each sentence that ends with a question mark. */
function markQuestions(text: string, tokens: Token[]): void {
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i + 1]?.sentence === tokens[i]!.sentence) continue;
    if (/\?\s*$/.test(text.slice(tokens[i]!.end, tokens[i + 1]?.start ?? text.length)))
      for (let k = first; k <= i; k++) tokens[k]!.asks = true;
    first = i + 1;
  }
}

/** Articles, which some readings skip or refuse as a word before a noun. */
export const ARTICLES: ReadonlySet<string> = new Set(["a", "an", "the"]);

/** The first token after `at` that is no article. */
export function afterArticles(tokens: readonly Token[], at: number): number {
  let k = at + 1;
  while (ARTICLES.has(tokens[k]?.word ?? "")) k++;
  return k;
}

/**
 * Marks as names the words of a short quoted term ("our 'Legacy' team") and the word right after
 * a naming word in the same clause ("a product called Legacy").
 */
function markNames(text: string, tokens: Token[], naming: ReadonlySet<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const previous = tokens[i - 1];
    if (previous && naming.has(previous.word) && previous.clause === tokens[i]!.clause)
      tokens[i]!.named = true;
    if (!OPENS.test(text.slice(previous ? previous.end : 0, tokens[i]!.start))) continue;
    for (let j = i; j < tokens.length && j < i + MAX_QUOTED_TERM; j++) {
      if (tokens[j]!.sentence !== tokens[i]!.sentence) break;
      if (CLOSES.test(text.slice(tokens[j]!.end, tokens[j + 1]?.start ?? text.length))) {
        for (let k = i; k <= j; k++) tokens[k]!.named = true;
        break;
      }
    }
  }
}
