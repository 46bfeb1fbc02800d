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
function fieldsOf(e: Answerable): string[] {
  return [e.phrasings[0] ?? e.question, e.phrasings.slice(1).join("\n"), e.answer, e.details];
}

/** The entries (by number, ascending) whose text has a word, and the word's weight in each. */
interface Posting {
  entries: Int32Array;
  weights: Float64Array;
}

/**
 * BM25+ over every entry's words as written (question, alternates, answer and details, each a
 * field), times the number of the question's words an entry has: MiniSearch's scoring without its
 * prefix and fuzzy search. The model learns stems and character n-grams of the phrasings only; this
 * sees the exact words and the answer's text, and breaks the model's near ties with them.
 * Each word's weight in each entry is worked out once, so a question costs a few lookups a word.
 */
export class LexicalIndex {
  private readonly postings = new Map<string, Posting>();
  /** Scratch space for one question: score and matched words per entry. */
  private readonly sums: Float64Array;
  private readonly hits: Uint16Array;

  /** Words that frame a question (lexicon.yaml framingWords), left out on both sides. */
  private readonly ignored: ReadonlySet<string>;

  constructor(entries: Answerable[], params: LexicalParams, framingWords: string[] = []) {
    const { k1, b, d } = params;
    const n = entries.length;
    this.ignored = new Set(framingWords);
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
        const words = wordsOf(text, this.ignored);
        const numbered = new Int32Array(words.length);
        for (let k = 0; k < words.length; k++) numbered[k] = number(words[k]!);
        return numbered;
      }),
    );
    const vocabulary = numbers.size;
    const fieldCount = texts[0]?.length ?? 0;
    // BM25's document frequency and average length are per field, as in MiniSearch.
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
    // Entry by entry, so each posting list comes out in ascending entry order: a word's weight in
    // an entry is the sum of its BM25+ scores over the fields.
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
    for (const [w, id] of numbers)
      this.postings.set(w, {
        entries: Int32Array.from(lists[id]!.entries),
        weights: Float64Array.from(lists[id]!.weights),
      });
    this.sums = new Float64Array(n);
    this.hits = new Uint16Array(n);
  }

  /**
   * Each candidate's score as a share of the best score any entry gets (0..1), so the figure does
   * not depend on how long the question is. 0 for all when no entry shares a word with it.
   */
  relative(question: string, candidates: number[]): number[] {
    const touched: number[] = [];
    for (const w of new Set(wordsOf(question, this.ignored))) {
      const p = this.postings.get(w);
      if (!p) continue;
      for (let k = 0; k < p.entries.length; k++) {
        const i = p.entries[k]!;
        if (this.hits[i] === 0) touched.push(i);
        this.sums[i]! += p.weights[k]!;
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
    const found: { word: string; weight: number }[] = [];
    for (const word of new Set(wordsOf(question, this.ignored))) {
      const p = this.postings.get(word);
      const k = p ? binarySearch(p.entries, entry) : -1;
      if (p && k >= 0) found.push({ word, weight: p.weights[k]! });
    }
    return found.sort((x, y) => y.weight - x.weight || x.word.localeCompare(y.word));
  }
}

function binarySearch(sorted: Int32Array, value: number): number {
  let [lo, hi] = [0, sorted.length - 1];
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
