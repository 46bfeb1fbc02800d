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
  return labelled.map(({ label, text }) => ({
    vector: featurizer.toVector(featurizer.names(text), v.vocabulary, v.weights, v.unknownWeight),
    label,
    key: textKey(text),
  }));
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
  const featured = labelled.map(({ label, text }) => ({
    label,
    names: featurizer.names(text),
    key: textKey(text),
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
