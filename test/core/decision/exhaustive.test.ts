import { beforeAll, describe, expect, it } from "vitest";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  type AnswerKey,
  type Answers,
  type Decision,
  decide,
  RECOMMENDATION_IDS,
} from "../../../src/core/decision/index.ts";
import { knowledgeOrThrow } from "./fixtures.ts";

/*
 * Every fully answered checklist (3^8 · 2^3 = 52,488), decided once. Combinations are
 * numbered in mixed radix (isolation is the most significant digit), so "the same answers
 * but one changed" is index arithmetic and the property checks need no second decide().
 */
const knowledge = knowledgeOrThrow();
const RADIX = ANSWER_KEYS.map((k) => ANSWER_VALUES[k].length);
const STRIDE = RADIX.map((_, i) => RADIX.slice(i + 1).reduce((a, b) => a * b, 1));
const TOTAL = RADIX.reduce((a, b) => a * b, 1);
const N = RECOMMENDATION_IDS.length;
const keyIndex = (key: AnswerKey) => ANSWER_KEYS.indexOf(key);
const digit = (index: number, key: AnswerKey) =>
  Math.floor(index / STRIDE[keyIndex(key)]!) % RADIX[keyIndex(key)]!;

function answersAt(index: number): Answers {
  const out: Record<string, string> = {};
  ANSWER_KEYS.forEach((key, i) => {
    out[key] = ANSWER_VALUES[key][Math.floor(index / STRIDE[i]!) % RADIX[i]!]!;
  });
  return out as Answers;
}

const scores = new Float64Array(TOTAL * N);
const winners = new Uint8Array(TOTAL);
const problems: string[] = [];

function check(index: number, d: Decision): void {
  const where = () => JSON.stringify(answersAt(index));
  const values = RECOMMENDATION_IDS.map((id) => d.scores[id]);
  if (
    Object.keys(d.scores).length !== N ||
    values.some((s) => typeof s !== "number" || !Number.isFinite(s))
  ) {
    problems.push(`scores ${where()}`);
  }
  const max = Math.max(...values);
  const best = knowledge.rules.tieBreak.find((id) => d.scores[id as keyof typeof d.scores] === max);
  if (d.recommendation !== best) problems.push(`not the argmax ${where()}`);
  if (d.reasons.length === 0 || d.reasons.some((r) => !r.text || r.sources.length === 0))
    problems.push(`reasons ${where()}`);
  if (d.unanswered.length !== 0) problems.push(`unanswered ${where()}`);
  if (!d.title || d.runnerUp === d.recommendation || !d.whyNotRunnerUp.text)
    problems.push(`extras ${where()}`);
  values.forEach((s, i) => {
    scores[index * N + i] = s;
  });
  winners[index] = RECOMMENDATION_IDS.indexOf(d.recommendation);
}

describe("every fully answered checklist", () => {
  // Decided once, before any test, so each test also runs on its own (`vitest -t`).
  beforeAll(() => {
    for (let index = 0; index < TOTAL; index++) check(index, decide(answersAt(index), knowledge));
  });

  it("gives a valid result: six scores, the argmax, sourced reasons, nothing unanswered", () => {
    expect(TOTAL).toBe(52_488);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("can end in each of the six recommendations", () => {
    expect(new Set(winners)).toEqual(new Set(RECOMMENDATION_IDS.map((_, i) => i)));
  });

  /** For every combination with `key` below its top value: `gap` may not shrink when it is raised. */
  function neverShrinks(key: AnswerKey, gap: (at: number) => number): string[] {
    const bad: string[] = [];
    const stride = STRIDE[keyIndex(key)]!;
    const top = RADIX[keyIndex(key)]! - 1;
    for (let index = 0; index < TOTAL; index++) {
      if (digit(index, key) < top && gap(index + stride) < gap(index))
        bad.push(JSON.stringify(answersAt(index)));
    }
    return bad;
  }
  const at = (id: (typeof RECOMMENDATION_IDS)[number]) => {
    const i = RECOMMENDATION_IDS.indexOf(id);
    return (index: number) => scores[index * N + i]!;
  };
  const minus = (a: (i: number) => number, b: (i: number) => number) => (i: number) => a(i) - b(i);

  it("raising isolation never lowers vms or microvms relative to containers", () => {
    expect(neverShrinks("isolation", minus(at("vms"), at("containers")))).toEqual([]);
    expect(neverShrinks("isolation", minus(at("microvms"), at("containers")))).toEqual([]);
  });

  it("raising maturity or orchestration never lowers containers or kubernetes-on-vms relative to vms", () => {
    for (const key of ["maturity", "orchestration"] as const) {
      expect(neverShrinks(key, minus(at("containers"), at("vms")))).toEqual([]);
      expect(neverShrinks(key, minus(at("kubernetes-on-vms"), at("vms")))).toEqual([]);
    }
  });

  it("multiOs=yes never lowers vms, nor costs it the recommendation (vs no, all else equal)", () => {
    const stride = STRIDE[keyIndex("multiOs")]!;
    const vms = RECOMMENDATION_IDS.indexOf("vms");
    const bad: number[] = [];
    for (let index = 0; index < TOTAL; index++) {
      if (digit(index, "multiOs") !== 0) continue; // values are [yes, no]
      const no = index + stride;
      if (at("vms")(index) < at("vms")(no) || (winners[no] === vms && winners[index] !== vms))
        bad.push(index);
    }
    expect(bad).toEqual([]);
  });

  it("lists as pivots exactly the single answer changes that change the winner", () => {
    for (let index = 0; index < TOTAL; index += 499) {
      const d = decide(answersAt(index), knowledge);
      const expected: string[] = [];
      ANSWER_KEYS.forEach((key, i) => {
        const current = digit(index, key);
        for (let v = 0; v < RADIX[i]!; v++) {
          const other = index + (v - current) * STRIDE[i]!;
          if (v !== current && winners[other] !== winners[index]) {
            expected.push(`${key}=${ANSWER_VALUES[key][v]}->${RECOMMENDATION_IDS[winners[other]!]}`);
          }
        }
      });
      expect(d.pivots.map((p) => `${p.key}=${p.to}->${p.recommendation}`).sort()).toEqual(expected.sort());
    }
  });
});
