import { beforeAll, describe, expect, it } from "vitest";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  type AnswerKey,
  type Answers,
  decide,
  RECOMMENDATION_IDS,
} from "../../../src/core/decision/index.ts";
import { knowledgeOrThrow } from "./fixtures.ts";
import { SHARED_KERNEL, VM_FAMILY, violations } from "./invariants.ts";

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
let ties = 0;
let unresolvedTies = 0;

describe("every fully answered checklist", () => {
  // Decided once, before any test, so each test also runs on its own (`vitest -t`).
  beforeAll(() => {
    for (let index = 0; index < TOTAL; index++) {
      const answers = answersAt(index);
      const d = decide(answers, knowledge);
      for (const v of violations(knowledge, answers, d)) problems.push(`${v} ${JSON.stringify(answers)}`);
      if (d.provisional || d.unanswered.length !== 0) problems.push(`not final ${JSON.stringify(answers)}`);
      if (d.close?.margin === 0) {
        ties++;
        if (d.close.decidedBy === null) unresolvedTies++;
      }
      RECOMMENDATION_IDS.forEach((id, i) => {
        scores[index * N + i] = d.scores[id];
      });
      winners[index] = RECOMMENDATION_IDS.indexOf(d.recommendation);
    }
  });

  it("hold every invariant: constraints, coherent reasons, why-not and caveats (0 violations)", () => {
    expect(TOTAL).toBe(52_488);
    expect(problems.slice(0, 8)).toEqual([]);
    expect(problems.length).toBe(0);
  });

  it("settle every tie by an answer, never by a fixed order", () => {
    expect(ties).toBeGreaterThan(0);
    expect(unresolvedTies).toBe(0);
  });

  it("can end in each of the six recommendations", () => {
    expect(new Set(winners)).toEqual(new Set(RECOMMENDATION_IDS.map((_, i) => i)));
  });

  /** Index pairs (lower, raised) for `key`: raising means a later value, or no → yes. */
  function raised(key: AnswerKey): [number, number][] {
    const values = ANSWER_VALUES[key] as readonly string[];
    const order = values.includes("yes") ? ["no", "yes"] : [...values];
    const pairs: [number, number][] = [];
    const stride = STRIDE[keyIndex(key)]!;
    for (let index = 0; index < TOTAL; index++) {
      const at = values[digit(index, key)]!;
      const pos = order.indexOf(at);
      for (let up = pos + 1; up < order.length; up++)
        pairs.push([index, index + (values.indexOf(order[up]!) - values.indexOf(at)) * stride]);
    }
    return pairs;
  }

  it.each(["isolation", "compliance", "legacy", "multiOs"] as const)(
    "raising %s never moves the winner from a VM-family option to a shared-kernel one",
    (key) => {
      const vmFamily = VM_FAMILY.map((id) => RECOMMENDATION_IDS.indexOf(id));
      const shared = SHARED_KERNEL.map((id) => RECOMMENDATION_IDS.indexOf(id));
      const bad = raised(key).filter(
        ([lo, hi]) => vmFamily.includes(winners[lo]!) && shared.includes(winners[hi]!),
      );
      expect(bad.map(([lo]) => JSON.stringify(answersAt(lo))).slice(0, 5)).toEqual([]);
    },
  );

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

  it("raising isolation or compliance never lowers vms or microvms relative to containers or kubernetes-on-vms", () => {
    for (const key of ["isolation", "compliance"] as const)
      for (const v of VM_FAMILY)
        for (const s of SHARED_KERNEL)
          expect(neverShrinks(key, minus(at(v), at(s))), `${key} ${v}-${s}`).toEqual([]);
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
