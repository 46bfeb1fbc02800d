import type { Featurizer } from "./features.ts";
import { type Example, textKey } from "./model.ts";
import type { MatcherParams } from "./params.ts";

/** The phrasings a model learns from, each with its class number. */
export interface Labelled {
  text: string;
  label: number;
}

/** The numbered, weighed features: what turns a text into the model's input. */
export interface Vocabulary {
  vocabulary: Map<string, number>;
  /** Feature names by number, for explanations. */
  names: string[];
  /** Each feature's rarity weight (params.idf), or none. */
  weights?: Float64Array;
  /** The weight of a name the vocabulary lacks, when features are weighed by rarity. */
  unknownWeight: number;
}

/** What training needs from the labelled phrasings: features numbered, weighed and vectorised. */
export interface TrainingSet extends Vocabulary {
  examples: Example[];
}

/** The labelled phrasings as vectors over a vocabulary. */
export function examplesOf(labelled: Labelled[], featurizer: Featurizer, v: Vocabulary): Example[] {
  const keys = keysOf(labelled);
  return labelled.map(({ label, text }, i) => ({
    vector: featurizer.toVector(featurizer.names(text), v.vocabulary, v.weights, v.unknownWeight),
    label,
    key: keys[i]!,
  }));
}

/**
 * Each phrasing's key for the training order (model.ts): its text's, and for the same text again
 * (one phrasing in two entries) the text with how often it came before, so that copies are spread
 * through each pass like any phrasing. Keyed by text alone, they were trained back to back and
 * the later entry always won them (an independent review's).
 */
export function keysOf(labelled: Labelled[]): number[] {
  const seen = new Map<string, number>();
  return labelled.map(({ text }) => {
    const before = seen.get(text) ?? 0;
    seen.set(text, before + 1);
    return textKey(before === 0 ? text : `${text}\u0000${before}`);
  });
}

/**
 * Numbers every feature seen with at most `maxSupport` classes (in first-seen order, so the same
 * phrasings always give the same numbers), weighs each by its rarity across classes, and turns
 * every phrasing into a vector over that vocabulary.
 */
export function trainingSet(
  labelled: Labelled[],
  classes: number,
  featurizer: Featurizer,
  params: MatcherParams["features"],
): TrainingSet {
  const keys = keysOf(labelled);
  const featured = labelled.map(({ label, text }, i) => ({
    label,
    names: featurizer.names(text),
    key: keys[i]!,
  }));
  const support = new Map<string, Set<number>>();
  for (const { label, names } of featured)
    for (const name of [...names.words, ...names.chars]) {
      const seen = support.get(name);
      if (seen) seen.add(label);
      else support.set(name, new Set([label]));
    }
  const vocabulary = new Map<string, number>();
  const names: string[] = [];
  const rarity: number[] = [];
  for (const [name, seen] of support) {
    if (seen.size > params.maxSupport) continue;
    vocabulary.set(name, names.push(name) - 1);
    rarity.push(1 + Math.log(classes / seen.size));
  }
  const weights = params.idf ? Float64Array.from(rarity) : undefined;
  const unknownWeight = params.idf ? params.unknownShare * (1 + Math.log(classes)) : 1;
  const examples = featured.map(({ label, names: n, key }) => ({
    vector: featurizer.toVector(n, vocabulary, weights, unknownWeight),
    label,
    key,
  }));
  return { vocabulary, names, ...(weights ? { weights } : {}), unknownWeight, examples };
}
