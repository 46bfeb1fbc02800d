import { performance } from "node:perf_hooks";
import { type Answerable, answerablesOf } from "../src/core/answerable.ts";
import type { MatcherCache } from "../src/core/matcher/cache.ts";
import { Matcher } from "../src/core/matcher/matcher.ts";
import { rawWords } from "../src/core/matcher/text.ts";
import { miniSearchOver } from "../src/eval/crossValidation.ts";
import type { Knowledge } from "../src/knowledge/load.ts";
import { percentile, time } from "./stats.ts";

/** A synthetic knowledge base of `n` entries built from the real one's words, so rarity looks real. */
export function syntheticEntries(real: Answerable[], n: number, seed = 42): Answerable[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const words = [
    ...new Set(real.flatMap((e) => rawWords(`${e.question} ${e.phrasings.join(" ")} ${e.answer}`))),
  ];
  const phrase = (len: number) =>
    Array.from({ length: len }, () => words[Math.floor(rand() * words.length)]).join(" ");
  return Array.from(
    { length: n },
    (_, i): Answerable => ({
      id: `synthetic-${i}`,
      kind: "faq",
      question: `${phrase(6)}?`,
      phrasings: Array.from({ length: 6 }, () => phrase(3 + Math.floor(rand() * 5))),
      answer: phrase(40),
      details: phrase(120),
      sources: [],
      related: [],
      keywords: [],
    }),
  );
}

export interface MatcherFigures {
  entries: number;
  /** Training the matcher (what start-up pays): the median of `trainRuns` runs, and SGD passes made. */
  train: { medianMs: number; runs: number; epochs: number };
  /** With a model cache (cache.ts): the first start trains and stores, the next one loads. */
  cached?: { storeMs: number; loadMs: number; status: string };
  vmvc: { medianMs: number; p99Ms: number };
  minisearch: { medianMs: number; p99Ms: number };
}

/** Time to answer one question in-process, for our matcher and MiniSearch on the same entries. */
export function benchMatcher(
  entries: Answerable[],
  knowledge: Knowledge,
  questions: string[],
  rounds: number,
  trainRuns = 1,
  cache?: MatcherCache,
): MatcherFigures {
  const trainMs: number[] = [];
  const train = () => {
    const started = performance.now();
    const trained = new Matcher(entries, knowledge.lexicon);
    trainMs.push(performance.now() - started);
    return trained;
  };
  let matcher = train();
  for (let i = 1; i < trainRuns; i++) matcher = train();
  let cached: MatcherFigures["cached"];
  if (cache) {
    const time = (f: () => Matcher) => {
      const started = performance.now();
      return { matcher: f(), ms: Math.round(performance.now() - started) };
    };
    const store = time(() => new Matcher(entries, knowledge.lexicon, { cache }));
    const load = time(() => new Matcher(entries, knowledge.lexicon, { cache }));
    cached = {
      storeMs: store.ms,
      loadMs: load.ms,
      status: `${store.matcher.cacheStatus}, then ${load.matcher.cacheStatus}`,
    };
  }
  const mini = miniSearchOver(entries);
  for (const q of questions) {
    matcher.match(q);
    mini.search(q);
  }
  // Each one timed in a block of its own: interleaved, each paid for the garbage the other left
  // (MiniSearch's fuzzy search allocates a lot), which added about 0.1 ms to the matcher's median.
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of questions) ours.push(time(() => matcher.match(q)));
  for (let r = 0; r < rounds; r++) for (const q of questions) theirs.push(time(() => mini.search(q)));
  return {
    entries: entries.length,
    train: { medianMs: percentile(trainMs, 50), runs: trainRuns, epochs: matcher.epochs },
    ...(cached ? { cached } : {}),
    vmvc: { medianMs: percentile(ours, 50), p99Ms: percentile(ours, 99) },
    minisearch: { medianMs: percentile(theirs, 50), p99Ms: percentile(theirs, 99) },
  };
}

export function realEntries(knowledge: Knowledge): Answerable[] {
  return answerablesOf(knowledge);
}
