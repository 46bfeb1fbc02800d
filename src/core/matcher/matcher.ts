import type { Lexicon } from "../../knowledge/schema.ts";
import type { Answerable } from "../answerable.ts";
import { editDistance, rawWords, TextPipeline } from "./text.ts";

export interface Ranked {
  id: string;
  score: number;
  /** The phrasing that matched best, for explaining a match. */
  phrasing?: string;
}

export interface MatchResult {
  /** The best entries (at most 10), best first, each with a score in 0..1. */
  ranked: Ranked[];
  /** Confidence of the best entry (0 when nothing matched). */
  confidence: number;
  /** Share of the question's meaning (by weight) that the knowledge base knows any word of. */
  known: number;
}

export interface MatcherOptions {
  /** At or above this confidence the best entry is given as the answer. */
  answerThreshold: number;
  /** Entries at or above this are offered as "did you mean" suggestions. */
  suggestThreshold: number;
}

export const defaultMatcherOptions: MatcherOptions = { answerThreshold: 0.42, suggestThreshold: 0.2 };

interface Phrasing {
  entry: number;
  text: string;
  stems: string[];
  weight: number;
}

/** How much a word that the knowledge base never uses weighs: as much as a very rare word. */
const UNKNOWN_DF = 1;
/**
 * How a score is made: the best phrasing's weighted Dice overlap (tightness), its coverage of
 * the question, and the share of the question found anywhere in the entry's text.
 */
const W_DICE = 0.4;
const W_COVERAGE = 0.3;
const W_TEXT = 0.3;
/** Credit for a word matched only through a typo correction. */
const FUZZY_CREDIT = 0.8;
/**
 * The least a topical word weighs. "VM" and "container" occur in most entries, so their rarity
 * is tiny, yet they are what tells "when to choose VMs" from "when to choose containers".
 */
const MIN_WEIGHT = 1;
/** Words like "use" or "good" weigh this share of their rarity. */
const WEAK_FACTOR = 0.25;
/**
 * A question must carry at least this much weight (about one distinctive word) for full
 * confidence: "containers" alone or "docker stuff" match many entries equally well, so they
 * get "did you mean" suggestions instead of a guess. Definition questions are exempt.
 */
const MIN_INFORMATION = 2.5;
/** A glossary term's score when the question does not ask for a definition. */
const TERM_FACTOR = 0.9;

/**
 * A weighted-overlap matcher tuned for short chat questions. Each entry is indexed by its
 * phrasings (question and alternates) and by its whole text. A question scores against an
 * entry by how much of its weight the best phrasing covers (and how tightly), plus how much
 * of it the entry's full text covers. Weights are inverse document frequencies, so rare,
 * topical words count most and unknown words pull confidence down (out-of-scope questions).
 */
export class Matcher {
  private readonly text: TextPipeline;
  private readonly phrasings: Phrasing[] = [];
  private readonly byStem = new Map<string, number[]>(); // stem -> phrasing indexes
  private readonly bags: Set<string>[];
  private readonly phrasingHits: Float64Array;
  private readonly phrasingEntry: Int32Array;
  private readonly phrasingWeight: Float64Array;
  private readonly bestDice: Float64Array;
  private readonly bestCoverage: Float64Array;
  private readonly bestPhrasing: Int32Array;
  private readonly df = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>(); // vocabulary by stem length, for typos
  private readonly fuzzyCache = new Map<string, string | null>();
  private readonly definitionCues: RegExp;
  private readonly domainTerms: string[][];

  constructor(
    private readonly entries: Answerable[],
    lexicon: Lexicon,
    readonly options: MatcherOptions = defaultMatcherOptions,
  ) {
    this.text = new TextPipeline(lexicon);
    // Terms are taken literally (no synonyms), so "observability" does not make "monitor" a
    // subject word through its synonym; the question is checked both literally and canonically.
    this.domainTerms = lexicon.domainTerms.map((t) => this.text.literalStems(t)).filter((t) => t.length > 0);
    const cues = lexicon.definitionCues.map((c) => c.trim().split(/\s+/).join("\\s+"));
    this.definitionCues = new RegExp(`\\b(${cues.join("|") || "(?!)"})\\b`);
    const bags: Set<string>[] = entries.map((e, i) => {
      const bag = new Set<string>();
      for (const p of [...e.phrasings, ...e.keywords]) {
        const stems = [...new Set(this.text.stems(p))];
        if (stems.length === 0) continue;
        const index = this.phrasings.push({ entry: i, text: p, stems, weight: 0 }) - 1;
        for (const s of stems) {
          push(this.byStem, s, index);
          bag.add(s);
        }
      }
      for (const s of this.text.stems(`${e.answer} ${e.details}`)) bag.add(s);
      return bag;
    });
    // Rarity is counted over the ways entries are asked, not their long answers: almost
    // every answer mentions both VMs and containers, which would make those words weightless.
    const asked: Set<string>[] = entries.map(() => new Set());
    for (const p of this.phrasings) for (const s of p.stems) asked[p.entry]!.add(s);
    bags.forEach((bag, i) => {
      for (const s of bag) {
        if (asked[i]!.has(s) || !this.df.has(s))
          this.df.set(s, (this.df.get(s) ?? 0) + (asked[i]!.has(s) ? 1 : 0));
      }
    });
    this.bags = bags;
    this.phrasingHits = new Float64Array(this.phrasings.length);
    this.bestDice = new Float64Array(entries.length);
    this.bestCoverage = new Float64Array(entries.length);
    this.bestPhrasing = new Int32Array(entries.length).fill(-1);
    for (const [s, n] of this.df) if (n === 0) this.df.set(s, UNKNOWN_DF);
    for (const s of this.df.keys()) push(this.byLength, s.length, s);
    for (const p of this.phrasings) p.weight = sum(p.stems.map((s) => this.weight(s)));
    this.phrasingEntry = Int32Array.from(this.phrasings, (p) => p.entry);
    this.phrasingWeight = Float64Array.from(this.phrasings, (p) => p.weight);
  }

  /** Inverse document frequency (BM25's, always positive), reduced for weak words. */
  private weight(stem: string): number {
    const n = this.entries.length;
    const df = this.df.get(stem) ?? UNKNOWN_DF;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return this.text.weakStems.has(stem) ? idf * WEAK_FACTOR : Math.max(idf, MIN_WEIGHT);
  }

  /** The known stem a misspelt one most likely meant, if any is close enough. */
  private correct(stem: string): string | undefined {
    if (stem.length < 4 || /\d/.test(stem)) return undefined;
    const cached = this.fuzzyCache.get(stem);
    if (cached !== undefined) return cached ?? undefined;
    const max = stem.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (let len = stem.length - max; len <= stem.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const d = editDistance(stem, candidate, max);
        if (
          d < bestDistance ||
          (d === bestDistance && best && (this.df.get(candidate) ?? 0) > (this.df.get(best) ?? 0))
        ) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(stem, best ?? null);
    return best;
  }

  /** Content stems of a text, as the matcher sees them (for grouping similar questions). */
  stems(text: string): string[] {
    return this.text.stems(text);
  }

  /** Does the question use any word of the bot's subject (after synonyms, stems and typo fixes)? */
  isOnTopic(question: string): boolean {
    const stems = new Set<string>();
    for (const s of [...this.text.stems(question), ...this.text.literalStems(question)]) {
      stems.add(s);
      if (!this.df.has(s)) stems.add(this.correct(s) ?? s);
    }
    return this.domainTerms.some((term) => term.every((s) => stems.has(s)));
  }

  match(question: string): MatchResult {
    // Each distinct query stem, with the stem it matches in the index and the credit for it.
    const query = new Map<string, { stem: string; weight: number; credit: number }>();
    for (const s of this.text.stems(question)) {
      if (query.has(s)) continue;
      if (this.df.has(s)) query.set(s, { stem: s, weight: this.weight(s), credit: 1 });
      else {
        const fixed = this.correct(s);
        query.set(
          s,
          fixed
            ? { stem: fixed, weight: this.weight(fixed), credit: FUZZY_CREDIT }
            : { stem: s, weight: this.weight(s), credit: 0 },
        );
      }
    }
    const total = sum([...query.values()].map((q) => q.weight));
    if (total === 0) return { ranked: [], confidence: 0, known: 0 };
    const known = sum([...query.values()].map((q) => q.weight * q.credit)) / total;

    // Accumulate matched weight per phrasing in a reusable typed array (no per-query maps).
    const hits = this.phrasingHits;
    const touched: number[] = [];
    for (const q of query.values()) {
      if (q.credit === 0) continue;
      const gain = q.weight * q.credit;
      for (const p of this.byStem.get(q.stem) ?? []) {
        if (hits[p] === 0) touched.push(p);
        hits[p]! += gain;
      }
    }

    // Per entry: the best dice and coverage over its phrasings, in reusable typed arrays.
    const { bestDice, bestCoverage, bestPhrasing } = this;
    const candidates: number[] = [];
    const { phrasingEntry, phrasingWeight } = this;
    for (const p of touched) {
      const matched = hits[p]!;
      hits[p] = 0;
      const entry = phrasingEntry[p]!;
      const coverage = matched / total;
      const dice = (2 * matched) / (total + phrasingWeight[p]!);
      if (bestPhrasing[entry] === -1) candidates.push(entry);
      if (coverage > bestCoverage[entry]!) bestCoverage[entry] = coverage;
      if (dice > bestDice[entry]!) {
        bestDice[entry] = dice;
        bestPhrasing[entry] = p;
      }
    }
    // Only entries asked about in a similar way can reach the suggestion threshold, so the
    // whole-text share is computed for those candidates alone, and only the best few are kept.
    const top: { entry: number; score: number }[] = [];
    const definitional = this.definitionCues.test(rawWords(question).join(" "));
    const terms = [...query.values()].filter((q) => q.credit > 0);
    for (const entry of candidates) {
      const factor = this.entries[entry]!.kind === "term" && !definitional ? TERM_FACTOR : 1;
      // Skip the whole-text check when even a full match there could not reach the top.
      const bound = factor * (W_DICE * bestDice[entry]! + W_COVERAGE * bestCoverage[entry]! + W_TEXT);
      if (top.length === TOP_K && bound < top[TOP_K - 1]!.score) continue;
      const bag = this.bags[entry]!;
      let bagMatched = 0;
      for (const q of terms) if (bag.has(q.stem)) bagMatched += q.weight * q.credit;
      const score = Math.min(
        1,
        round(
          factor *
            (W_DICE * bestDice[entry]! + W_COVERAGE * bestCoverage[entry]! + W_TEXT * (bagMatched / total)),
        ),
      );
      keepTop(
        top,
        { entry, score },
        TOP_K,
        (a, b) => b.score - a.score || this.entries[a.entry]!.id.localeCompare(this.entries[b.entry]!.id),
      );
    }
    const ranked: Ranked[] = top.map(({ entry, score }) => ({
      id: this.entries[entry]!.id,
      score,
      phrasing: this.phrasings[bestPhrasing[entry]!]!.text,
    }));
    for (const entry of candidates) {
      bestDice[entry] = 0;
      bestCoverage[entry] = 0;
      bestPhrasing[entry] = -1;
    }
    // Ranks stay as they are (they order the suggestions); only the confidence to answer drops.
    const information = definitional ? 1 : Math.min(1, total / MIN_INFORMATION);
    return { ranked, confidence: round((ranked[0]?.score ?? 0) * information), known: round(known) };
  }
}

/** How many ranked entries a match returns: enough for an answer and its suggestions. */
const TOP_K = 10;

/** Inserts `item` into the sorted list `top`, keeping at most `k` items. */
function keepTop<T>(top: T[], item: T, k: number, compare: (a: T, b: T) => number): void {
  if (top.length === k && compare(item, top[k - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && compare(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > k) top.pop();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
