import { defaultMatcherParams, type MatcherParams } from "../core/matcher/params.ts";
import { buildQuestionAnswering } from "../core/questions.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { judgedAnswer } from "./questionSet.ts";
import { readSet, scoreSet } from "./sets.ts";

/** The count under each seed tried, in order (the default seed first), and the lowest and highest. */
export interface Range {
  values: number[];
  min: number;
  max: number;
}

/** One question set's counts under every seed: answered right, off-topic and near-domain declined. */
export interface SetSpread {
  name: string;
  inScope: Range;
  outOfScope: Range;
  nearDomain: Range;
}

/**
 * How far a set's figures move when only the order of training changes. The model trains with
 * SGD over a seeded shuffle of the phrasings, so another seed gives another model from the same
 * knowledge; a change whose effect stays inside this range has not been shown to help. The
 * default seed is always one of the `seeds` models; the others follow it.
 */
export function seedSpread(
  knowledge: Knowledge,
  sets: { name: string; file: string }[],
  seeds: number,
  params: MatcherParams = defaultMatcherParams,
): SetSpread[] {
  const lines = sets.map((s) => readSet(s.file));
  const counts = lines.map(() => ({
    inScope: [] as number[],
    outOfScope: [] as number[],
    nearDomain: [] as number[],
  }));
  for (let i = 0; i < seeds; i++) {
    const seeded = { ...params, training: { ...params.training, seed: params.training.seed + i } };
    const qa = buildQuestionAnswering(knowledge, seeded);
    lines.forEach((set, s) => {
      const scored = scoreSet(set, (q) => judgedAnswer(q, qa));
      for (const key of ["inScope", "outOfScope", "nearDomain"] as const)
        counts[s]![key].push(scored[key].pass);
    });
  }
  return sets.map(({ name }, s) => {
    const { inScope, outOfScope, nearDomain } = counts[s]!;
    return {
      name,
      inScope: rangeOf(inScope),
      outOfScope: rangeOf(outOfScope),
      nearDomain: rangeOf(nearDomain),
    };
  });
}

function rangeOf(values: number[]): Range {
  return { values, min: Math.min(...values), max: Math.max(...values) };
}
