import { stemmer } from "stemmer";
import type { Lexicon } from "../../knowledge/schema.ts";

/**
 * The words of the texts read last (a message is read by many rules, each from its own text):
 * first in, first out, and only texts up to MAX_REMEMBERED_TEXT characters.
 */
const rememberedWords = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 256;
const MAX_REMEMBERED_TEXT = 1_000;

/** Lowercases, folds look-alike characters and drops everything that is not a word character. */
export function rawWords(text: string): string[] {
  const known = rememberedWords.get(text);
  // A copy: callers may change what they get.
  if (known) return [...known];
  const words = wordsOf(text);
  if (text.length <= MAX_REMEMBERED_TEXT) {
    if (rememberedWords.size >= MAX_REMEMBERED) rememberedWords.delete(rememberedWords.keys().next().value!);
    rememberedWords.set(text, words);
  }
  return [...words];
}

function wordsOf(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      // Chat shorthand: "containers w/o kubernetes", "w/ a managed db", read as the words they stand
      // for (lexicon stopwords has "w", "with" and "without").
      .replace(/(?<![\p{L}\p{N}])w\/o(?![\p{L}\p{N}])/gu, "without")
      .replace(/(?<![\p{L}\p{N}])w\/(?=\s|\p{L})/gu, "with ")
      .replace(/[’‘`´]/g, "'")
      // "what's" -> "whats", "don't" -> "dont": apostrophes join, they never split.
      .replace(/'/g, "")
      // "c++" and "c#" are words of their own, not the letter "c" ("pattern c" is one of ours).
      .replace(/(\p{L})(\+\+|#)(?![\p{L}])/gu, (_, letter: string, mark: string) =>
        mark === "#" ? `${letter}sharp` : `${letter}pp`,
      )
      .match(/[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*/gu) ?? []
  );
}

const MAX_STEMS_REMEMBERED = 50_000;

const ARTICLES = new Set(["a", "an", "the"]);
/**
 * Porter stems the verb "contain" as it stems "container", our subject word: "what does it
 * contain?" read as a question about containers, and "my JSON contains a null" as on our subject.
 * The verb's forms get a stem of their own.
 */
const OWN_STEMS = new Map(["contain", "contains", "contained", "containing"].map((w) => [w, "contain~verb"]));
/** Words that make the next noun a common one: "this pattern a", unlike the name in "is pattern a". */
const DETERMINERS = new Set([
  ...ARTICLES,
  ...["this", "that", "these", "those", "which", "what", "whose", "our", "your", "my", "their", "its"],
  ...["each", "every", "any", "some", "one", "no", "another", "such"],
]);

/** The language pipeline shared by the index and the queries: synonyms, stopwords, stems. */
export class TextPipeline {
  private readonly synonyms: Map<string, string[]>;
  private readonly maxPhrase: number;
  /** First words of the listed phrases: only there is a phrase looked up (most words open none). */
  private readonly phraseStarts: Set<string>;
  private readonly stopwords: Set<string>;
  readonly weakStems: Set<string>;
  private readonly stemCache = new Map<string, string>();

  constructor(lexicon: Lexicon) {
    this.synonyms = new Map(Object.entries(lexicon.synonyms).map(([k, v]) => [k, v.split(/\s+/)]));
    this.maxPhrase = Math.max(1, ...[...this.synonyms.keys()].map((k) => k.split(/\s+/).length));
    this.phraseStarts = new Set(
      [...this.synonyms.keys()].filter((k) => /\s/.test(k)).map((k) => k.split(/\s+/)[0]!),
    );
    this.stopwords = new Set(lexicon.stopwords);
    this.weakStems = new Set(lexicon.weakwords.map((w) => this.stem(w)));
  }

  stem(word: string): string {
    let s = this.stemCache.get(word);
    if (s === undefined) {
      s = OWN_STEMS.get(word) ?? (/^\d+$/.test(word) || word.length < 3 ? word : stemmer(word));
      // Bounded: a long-running server reads words without end (typos, pasted logs).
      if (this.stemCache.size >= MAX_STEMS_REMEMBERED) this.stemCache.clear();
      this.stemCache.set(word, s);
    }
    return s;
  }

  /**
   * Replaces known phrases and words with their canonical words (once, not recursively),
   * splitting hyphenated or slashed words that have no entry of their own.
   */
  canonicalWords(text: string): string[] {
    const words = rawWords(text);
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = false;
      const longest = this.phraseStarts.has(words[i]!) ? Math.min(this.maxPhrase, words.length - i) : 1;
      for (let n = longest; n >= 1 && !matched; n--) {
        const phrase = words.slice(i, i + n).join(" ");
        const replacement = this.synonyms.get(phrase);
        if (replacement && !(n > 1 && this.opensNounPhrase(words, i, i + n - 1))) {
          out.push(...replacement);
          i += n;
          matched = true;
        }
      }
      if (matched) continue;
      const word = words[i++]!;
      if (/[-/]/.test(word)) {
        for (const part of word.split(/[-/]/)) out.push(...(this.synonymOf(part) ?? [part]));
      } else out.push(...(this.synonymOf(word) ?? [word]));
    }
    return out;
  }

  /**
   * Is words[at], the last word of the phrase that starts at `start`, an article that opens the
   * phrase after it? A listed phrase ending in one ("pattern a") is a name unless a determiner
   * (just before it, or before a word of its own such as "sidecar") makes its noun a common one and a content word follows: "pattern a
   * drawbacks", "should we adopt pattern a now?" and "what is pattern a?" name it; "is this pattern
   * a good fit", "is the sidecar pattern a good fit" and "which pattern a startup should use" do not.
   */
  private opensNounPhrase(words: string[], start: number, at: number): boolean {
    const next = words[at + 1];
    if (!ARTICLES.has(words[at]!) || next === undefined || this.stopwords.has(next)) return false;
    // "this pattern a", "the sidecar pattern a": a determiner one or two words before.
    const [one, two] = [words[start - 1], words[start - 2]];
    return (
      (one !== undefined && DETERMINERS.has(one)) ||
      (two !== undefined && DETERMINERS.has(two) && one !== undefined && !this.stopwords.has(one))
    );
  }

  /** A word's replacement, also for another form of a listed word ("rollbacks" as "rollback"). */
  private synonymOf(word: string): string[] | undefined {
    return this.synonyms.get(word) ?? this.synonyms.get(this.stem(word));
  }

  /** Content stems of a text, in order, stopwords removed. */
  stems(text: string): string[] {
    return this.canonicalWords(text)
      .filter((w) => !this.stopwords.has(w))
      .map((w) => this.stem(w));
  }

  /** Content stems without synonym replacement: a word as the user wrote it. */
  literalStems(text: string): string[] {
    return rawWords(text)
      .flatMap((w) => w.split(/[-/]/))
      .filter((w) => w && !this.stopwords.has(w))
      .map((w) => this.stem(w));
  }

  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }
}

/**
 * Any of `words` as written (a phrase's words apart by spaces or hyphens), as a whole word of a
 * text, in any case: for words that must not be read by stem ("contain" is no "container").
 */
export function writtenPattern(words: readonly string[], flags = "iu"): RegExp {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[\s-]+/g, "[\\s-]+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
}

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
