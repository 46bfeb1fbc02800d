import type { Answerable } from "../answerable.ts";
import type { MatcherParams } from "./params.ts";

type LexicalParams = MatcherParams["lexical"];

/**
 * Words as written, lower-cased, split at white space, punctuation and symbols (MiniSearch splits
 * at spaces and punctuation only, so a tab or an emoji would glue two words together).
 */
function wordsOf(text: string, ignored: ReadonlySet<string>): string[] {
  return text
    .toLowerCase()
    .split(/[\s\p{Z}\p{P}\p{S}]+/u)
    .filter((w) => w.length > 0 && !ignored.has(w));
}

/** The texts of an entry that are scored, each as a field of its own. */
export function fieldsOf(e: Answerable): string[] {
  return [e.phrasings[0] ?? e.question, e.phrasings.slice(1).join("\n"), e.answer, e.details];
}

/**
 * The exact-word index as flat arrays (what the model cache stores beside the model): word `i`
 * of `words` occurs in `entries[offsets[i] .. offsets[i + 1]]` (ascending) with the weights at
 * the same places in `weights`.
 */
export interface LexicalPostings {
  /** How many entries were indexed. */
  count: number;
  words: string[];
  offsets: Int32Array;
  entries: Int32Array;
  weights: Float64Array;
}

/**
 * BM25+ weights of every word as written in every entry's question, alternates, answer and
 * details (each a field, with its own document frequency and average length, as in MiniSearch),
 * summed over the fields. Framing words (lexicon.yaml framingWords) are left out.
 */
export function lexicalPostings(
  entries: Answerable[],
  params: LexicalParams,
  framingWords: string[] = [],
): LexicalPostings {
  const { k1, b, d } = params;
  const n = entries.length;
  const ignored = new Set(framingWords);
  // Words are numbered once, so the counting below runs over typed arrays, not string maps
  // (a 10,000-entry knowledge base has millions of words).
  const numbers = new Map<string, number>();
  const number = (w: string) => {
    const known = numbers.get(w);
    if (known !== undefined) return known;
    numbers.set(w, numbers.size);
    return numbers.size - 1;
  };
  const texts = entries.map((e) =>
    fieldsOf(e).map((text) => {
      const words = wordsOf(text, ignored);
      const numbered = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) numbered[k] = number(words[k]!);
      return numbered;
    }),
  );
  const vocabulary = numbers.size;
  const fieldCount = texts[0]?.length ?? 0;
  const df = Array.from({ length: fieldCount }, () => new Int32Array(vocabulary));
  const average = new Array<number>(fieldCount).fill(0);
  const seen = new Int32Array(vocabulary).fill(-1);
  for (const [i, fields] of texts.entries())
    for (const [f, words] of fields.entries()) {
      average[f]! += words.length / Math.max(1, n);
      for (const w of words) {
        const key = i * fieldCount + f;
        if (seen[w] === key) continue;
        seen[w] = key;
        df[f]![w]! += 1;
      }
    }
  // Entry by entry, so each word's entries come out in ascending order.
  const tf = new Int32Array(vocabulary);
  const weight = new Float64Array(vocabulary);
  const lists = Array.from({ length: vocabulary }, () => ({
    entries: [] as number[],
    weights: [] as number[],
  }));
  for (const [i, fields] of texts.entries()) {
    const inEntry: number[] = [];
    for (const [f, words] of fields.entries()) {
      const inField: number[] = [];
      for (const w of words) if (tf[w]!++ === 0) inField.push(w);
      const norm = 1 - b + (b * words.length) / Math.max(1e-9, average[f]!);
      for (const w of inField) {
        const m = df[f]![w]!;
        const idf = Math.log(1 + (n - m + 0.5) / (m + 0.5));
        const count = tf[w]!;
        if (weight[w] === 0) inEntry.push(w);
        weight[w]! += idf * (d + (count * (k1 + 1)) / (count + k1 * norm));
        tf[w] = 0;
      }
    }
    for (const w of inEntry) {
      lists[w]!.entries.push(i);
      lists[w]!.weights.push(weight[w]!);
      weight[w] = 0;
    }
  }
  const offsets = new Int32Array(vocabulary + 1);
  for (let w = 0; w < vocabulary; w++) offsets[w + 1] = offsets[w]! + lists[w]!.entries.length;
  const flatEntries = new Int32Array(offsets[vocabulary]!);
  const flatWeights = new Float64Array(offsets[vocabulary]!);
  for (let w = 0; w < vocabulary; w++) {
    flatEntries.set(lists[w]!.entries, offsets[w]!);
    flatWeights.set(lists[w]!.weights, offsets[w]!);
  }
  return { count: n, words: [...numbers.keys()], offsets, entries: flatEntries, weights: flatWeights };
}

/**
 * Whether stored postings are whole and fit a knowledge base of `count` entries: a damaged or
 * stale cache file must be rebuilt, never read as scores (NaN shares or another entry's words).
 */
export function consistentPostings(p: LexicalPostings, count: number): boolean {
  const { words, offsets, entries, weights } = p;
  if (p.count !== count || offsets.length !== words.length + 1 || offsets[0] !== 0) return false;
  if (offsets[words.length] !== entries.length || weights.length !== entries.length) return false;
  if (new Set(words).size !== words.length) return false;
  for (let w = 0; w < words.length; w++) {
    const [from, to] = [offsets[w]!, offsets[w + 1]!];
    if (to < from) return false;
    for (let k = from; k < to; k++) {
      const e = entries[k]!;
      if (e < 0 || e >= count || (k > from && e <= entries[k - 1]!)) return false;
    }
  }
  // BM25+ weights are positive and finite.
  for (const x of weights) if (!(x > 0 && Number.isFinite(x))) return false;
  return true;
}

/**
 * Scores a question against every entry's exact words (lexicalPostings): the sum of its words'
 * weights times the number of its words an entry has, MiniSearch's scoring without its prefix and
 * fuzzy search. The model learns stems and character n-grams of the phrasings only; this sees the
 * exact words and the answer's text, and breaks the model's near ties with them (tilt, below).
 * A question costs a few array reads a word.
 */
export class LexicalIndex {
  private readonly slot: Map<string, number>;
  /** Scratch space for one question: score and matched words per entry. */
  private readonly sums: Float64Array;
  private readonly hits: Uint16Array;
  /** Words that frame a question (lexicon.yaml framingWords), left out of questions too. */
  private readonly ignored: ReadonlySet<string>;

  constructor(
    readonly postings: LexicalPostings,
    framingWords: string[] = [],
  ) {
    this.slot = new Map(postings.words.map((w, i) => [w, i]));
    this.ignored = new Set(framingWords);
    this.sums = new Float64Array(postings.count);
    this.hits = new Uint16Array(postings.count);
  }

  /**
   * Each candidate's score as a share of the best score any entry gets (0..1), so the figure does
   * not depend on how long the question is. 0 for all when no entry shares a word with it.
   */
  relative(question: string, candidates: number[]): number[] {
    const { offsets, entries, weights } = this.postings;
    const touched: number[] = [];
    for (const w of new Set(wordsOf(question, this.ignored))) {
      const slot = this.slot.get(w);
      if (slot === undefined) continue;
      for (let k = offsets[slot]!; k < offsets[slot + 1]!; k++) {
        const i = entries[k]!;
        if (this.hits[i] === 0) touched.push(i);
        this.sums[i]! += weights[k]!;
        this.hits[i]! += 1;
      }
    }
    let best = 0;
    for (const i of touched) best = Math.max(best, this.sums[i]! * this.hits[i]!);
    const shares = candidates.map((i) => (best > 0 ? (this.sums[i]! * this.hits[i]!) / best : 0));
    for (const i of touched) {
      this.sums[i] = 0;
      this.hits[i] = 0;
    }
    return shares;
  }

  /** The question's words an entry's text has, with their weight in it, heaviest first (for --explain). */
  words(question: string, entry: number): { word: string; weight: number }[] {
    const { offsets, entries, weights } = this.postings;
    const found: { word: string; weight: number }[] = [];
    for (const word of new Set(wordsOf(question, this.ignored))) {
      const slot = this.slot.get(word);
      if (slot === undefined) continue;
      const k = binarySearch(entries, entry, offsets[slot]!, offsets[slot + 1]! - 1);
      if (k >= 0) found.push({ word, weight: weights[k]! });
    }
    return found.sort((x, y) => y.weight - x.weight || x.word.localeCompare(y.word));
  }
}

/** Where `value` is in `sorted[lo..hi]` (ascending), or -1. */
function binarySearch(sorted: Int32Array, value: number, lo: number, hi: number): number {
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The model's ranking tilted by the lexical scores: each candidate's probability times
 * exp(weight × its lexical share), renormalised to the probability the candidates held together.
 * Only the order among the model's own candidates changes; no entry is added.
 */
export function tilt(probabilities: number[], shares: number[], weight: number): number[] {
  const mass = probabilities.reduce((sum, p) => sum + p, 0);
  const logs = probabilities.map((p, i) => Math.log(Math.max(p, 1e-12)) + weight * (shares[i] ?? 0));
  const top = Math.max(...logs);
  const exp = logs.map((l) => Math.exp(l - top));
  const z = exp.reduce((sum, e) => sum + e, 0);
  return exp.map((e) => (mass * e) / z);
}
