import type { MatcherParams } from "./params.ts";
import type { TextPipeline } from "./text.ts";

/** A text as the model sees it: feature ids and values (L2-normalised per group). */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

/** Bounds the n-gram memory: users' typos and pasted logs bring words without end. */
const MAX_WORDS_REMEMBERED = 20_000;

/**
 * Turns text into named features: word stems ("w:contain"), neighbouring stem pairs
 * ("b:run contain") and character n-grams inside words ("c:<hyp"), so "hypervisr" and
 * "microvms" still share most of their features with what the knowledge says.
 */
export class Featurizer {
  private readonly gramsOf = new Map<string, readonly string[]>();

  constructor(
    private readonly text: TextPipeline,
    private readonly params: MatcherParams["features"],
  ) {}

  /**
   * Distinct feature names of a text, split into the word group and the character group.
   * `correct` may swap a misspelt stem for the known one it meant (character n-grams keep the
   * word as typed).
   */
  names(text: string, correct?: (stem: string) => string | undefined): { words: string[]; chars: string[] } {
    const canonical = this.text.canonicalWords(text).filter((w) => !this.text.isStopword(w));
    const stems = canonical.map((w) => {
      const stem = this.text.stem(w);
      return correct?.(stem) ?? stem;
    });
    const words = new Set<string>();
    for (const s of stems) words.add(`w:${s}`);
    if (this.params.bigrams)
      for (let i = 1; i < stems.length; i++) words.add(`b:${stems[i - 1]} ${stems[i]}`);
    const chars = new Set<string>();
    for (const word of canonical) for (const gram of this.charGrams(word)) chars.add(gram);
    return { words: [...words], chars: [...chars] };
  }

  /** A word's character n-gram features, made once per word (training reads the same words often). */
  private charGrams(word: string): readonly string[] {
    let grams = this.gramsOf.get(word);
    if (grams) return grams;
    const bounded = `<${word}>`;
    const { charMin, charMax } = this.params;
    const made: string[] = [];
    if (bounded.length <= charMin) made.push(`c:${bounded}`);
    else
      for (let n = charMin; n <= charMax; n++)
        for (let i = 0; i + n <= bounded.length; i++) made.push(`c:${bounded.slice(i, i + n)}`);
    grams = made;
    if (this.gramsOf.size >= MAX_WORDS_REMEMBERED) this.gramsOf.clear();
    this.gramsOf.set(word, grams);
    return grams;
  }

  /**
   * The vector of a text's feature names over a fixed vocabulary. Names the vocabulary lacks are
   * dropped after normalising (weighing `unknownWeight` each), so unknown words still dilute a
   * question's known ones.
   */
  toVector(
    { words, chars }: { words: string[]; chars: string[] },
    vocabulary: ReadonlyMap<string, number>,
    weights?: Float64Array,
    unknownWeight = 1,
  ): SparseVector {
    const ids: number[] = [];
    const values: number[] = [];
    const add = (names: string[], norm: number) => {
      const group: number[] = [];
      const raw: number[] = [];
      let squares = 0;
      for (const name of names) {
        const id = vocabulary.get(name);
        // A name the knowledge never uses weighs like its rarest feature: it still dilutes.
        const w = id === undefined ? unknownWeight : (weights?.[id] ?? 1);
        squares += w * w;
        if (id === undefined) continue;
        group.push(id);
        raw.push(w);
      }
      if (squares === 0) return;
      const scale = norm / Math.sqrt(squares);
      group.forEach((id, i) => {
        ids.push(id);
        values.push(raw[i]! * scale);
      });
    };
    add(words, this.params.wordNorm);
    add(chars, this.params.charNorm);
    return { ids: Int32Array.from(ids), values: Float64Array.from(values) };
  }
}
