import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { z } from "zod";
import type { LexicalPostings } from "./lexical.ts";
import type { ModelWeights } from "./model.ts";

/**
 * A trained matcher on disk, so a large knowledge base (10,000 entries train for seconds) loads
 * without training again. Keyed by a hash of everything training reads (phrasings, labels,
 * texts, lexicon, params) and of the matcher's own source, so any change trains afresh.
 */
export interface MatcherCache {
  dir: string;
  /** Knowledge with fewer training phrasings than this trains in well under a second: no cache. */
  minExamples?: number;
}

/** Today's knowledge (about 2,000 phrasings) trains in 0.4 s; a cache only pays off far above it. */
export const CACHE_FROM_EXAMPLES = 20_000;

/**
 * What the cache holds: the vocabulary, its weights, the model, the speller's word counts and the
 * exact-word index (lexical.ts; 1 s to build for 10,000 entries), under a key of its own.
 */
export interface TrainedState {
  names: string[];
  weights: Float64Array | null;
  unknownWeight: number;
  model: ModelWeights;
  counts: [string, number][];
  lexical: { key: string; postings: LexicalPostings } | null;
}

const storedSchema = z.object({
  key: z.string(),
  names: z.array(z.string()),
  weights: z.instanceof(Float64Array).nullable(),
  unknownWeight: z.number(),
  model: z.object({
    numClasses: z.number().int().positive(),
    rowStart: z.instanceof(Int32Array),
    classOf: z.instanceof(Int32Array),
    weight: z.instanceof(Float64Array),
    epochs: z.number().int().positive(),
  }),
  counts: z.array(z.tuple([z.string(), z.number()])),
  lexical: z
    .object({
      key: z.string(),
      postings: z.object({
        count: z.number().int().nonnegative(),
        words: z.array(z.string()),
        offsets: z.instanceof(Int32Array),
        entries: z.instanceof(Int32Array),
        weights: z.instanceof(Float64Array),
      }),
    })
    .nullable()
    .default(null),
});

/**
 * The matcher's source files and the stemmer it uses, read once: a change to how it trains
 * changes every key.
 */
let sourceHash: string | undefined;
function matcherSourceHash(): string {
  if (sourceHash) return sourceHash;
  const dir = dirname(fileURLToPath(import.meta.url));
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).sort())
    if (/\.[jt]s$/.test(file)) hash.update(readFileSync(join(dir, file)));
  hash.update(readFileSync(createRequire(import.meta.url).resolve("stemmer")));
  sourceHash = hash.digest("hex");
  return sourceHash;
}

/** The key of one training run's inputs. */
export function cacheKey(inputs: unknown): string {
  return createHash("sha256").update(matcherSourceHash()).update(JSON.stringify(inputs)).digest("hex");
}

const fileOf = (dir: string, key: string) => join(dir, `matcher-${key.slice(0, 32)}.v8`);

/** The stored state for `key`, or undefined when there is none or it is unreadable (train again). */
export function readTrained(cache: MatcherCache, key: string): TrainedState | undefined {
  try {
    const parsed = storedSchema.safeParse(deserialize(readFileSync(fileOf(cache.dir, key))));
    if (!parsed.success || parsed.data.key !== key) return undefined;
    const { key: _, ...state } = parsed.data;
    return state;
  } catch {
    return undefined;
  }
}

/** Stores the state; written to a temporary file and renamed, so a reader never sees half of it. */
export function writeTrained(cache: MatcherCache, key: string, state: TrainedState): boolean {
  try {
    mkdirSync(cache.dir, { recursive: true });
    const file = fileOf(cache.dir, key);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ key, ...state }));
    renameSync(temporary, file);
    // One model per knowledge base: those of earlier versions would only fill the disk.
    for (const old of readdirSync(cache.dir))
      if (/^matcher-[0-9a-f]+\.v8$/.test(old) && join(cache.dir, old) !== file)
        rmSync(join(cache.dir, old), { force: true });
    return true;
  } catch {
    return false;
  }
}
