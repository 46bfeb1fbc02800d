import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  type AnswerKey,
  type Answers,
  decide,
  RECOMMENDATION_IDS,
} from "../../../src/core/decision/index.ts";
import { answersArb, knowledgeOrThrow } from "./fixtures.ts";

const knowledge = knowledgeOrThrow();
const RUNS = { numRuns: 400 };
const with_ = (answers: Answers, key: AnswerKey, value: string): Answers => ({ ...answers, [key]: value });

describe("partly answered checklists (property-based)", () => {
  it("give a valid result and list exactly the unanswered keys, in checklist order", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers, knowledge);
        expect(d.unanswered).toEqual(ANSWER_KEYS.filter((k) => !(k in answers)));
        expect(Object.keys(d.scores).sort()).toEqual([...RECOMMENDATION_IDS].sort());
        const max = Math.max(...Object.values(d.scores));
        expect(d.scores[d.recommendation]).toBe(max);
        expect(d.reasons.length).toBeGreaterThan(0);
        for (const r of [...d.reasons, d.whyNotRunnerUp]) expect(r.sources.length).toBeGreaterThan(0);
        expect(d.caveats).toEqual(d.caveatDetails.map((c) => c.text));
        expect(d.scores[d.runnerUp]).toBeLessThanOrEqual(max);
        expect(d.runnerUp).not.toBe(d.recommendation);
      }),
      RUNS,
    );
  });

  it("are deterministic, whatever the order of the keys", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse()) as Answers;
        expect(decide(reversed, knowledge)).toEqual(decide(answers, knowledge));
      }),
      RUNS,
    );
  });

  it("give reasons that are fired rules favouring the winner, strongest first", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers, knowledge);
        const fired = knowledge.rules.rules.filter((r) => {
          const v = answers[r.when.key as AnswerKey];
          return v !== undefined && r.when.values.includes(v);
        });
        const weights = d.reasons.map((reason) => {
          const rule = fired.find((r) => r.reason === reason.text);
          return rule ? (rule.weights[d.recommendation] ?? 0) : undefined;
        });
        if (weights.includes(undefined)) {
          // Only the data fallbacks may stand in for rules.
          const texts = [knowledge.rules.texts.unanswered.text, knowledge.rules.texts.noFavouringRule.text];
          expect(d.reasons.map((r) => r.text)).toEqual([expect.toSatisfy((t: string) => texts.includes(t))]);
        } else {
          for (const w of weights) expect(w).toBeGreaterThan(0);
          expect([...weights].sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual(weights);
        }
      }),
      RUNS,
    );
  });

  it("raising isolation never lowers vms or microvms relative to containers", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const gaps = ANSWER_VALUES.isolation.map(
          (v) => decide(with_(answers, "isolation", v), knowledge).scores,
        );
        for (let i = 1; i < gaps.length; i++) {
          expect(gaps[i]!.vms - gaps[i]!.containers).toBeGreaterThanOrEqual(
            gaps[i - 1]!.vms - gaps[i - 1]!.containers,
          );
          expect(gaps[i]!.microvms - gaps[i]!.containers).toBeGreaterThanOrEqual(
            gaps[i - 1]!.microvms - gaps[i - 1]!.containers,
          );
        }
      }),
      RUNS,
    );
  });

  it("raising maturity or orchestration never lowers containers or kubernetes-on-vms relative to vms", () => {
    fc.assert(
      fc.property(
        answersArb,
        fc.constantFrom("maturity" as const, "orchestration" as const),
        (answers, key) => {
          const s = ANSWER_VALUES[key].map((v) => decide(with_(answers, key, v), knowledge).scores);
          for (let i = 1; i < s.length; i++) {
            expect(s[i]!.containers - s[i]!.vms).toBeGreaterThanOrEqual(s[i - 1]!.containers - s[i - 1]!.vms);
            expect(s[i]!["kubernetes-on-vms"] - s[i]!.vms).toBeGreaterThanOrEqual(
              s[i - 1]!["kubernetes-on-vms"] - s[i - 1]!.vms,
            );
          }
        },
      ),
      RUNS,
    );
  });

  it("multiOs=yes never lowers vms compared with multiOs=no, nor with leaving it unanswered", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const { multiOs: _, ...rest } = answers;
        const yes = decide({ ...rest, multiOs: "yes" }, knowledge);
        for (const other of [decide({ ...rest, multiOs: "no" }, knowledge), decide(rest, knowledge)]) {
          expect(yes.scores.vms).toBeGreaterThanOrEqual(other.scores.vms);
          if (other.recommendation === "vms") expect(yes.recommendation).toBe("vms");
        }
      }),
      RUNS,
    );
  });

  it("pivots really flip the outcome, are complete, and come smallest score change first", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers, knowledge);
        const flips: string[] = [];
        for (const key of ANSWER_KEYS) {
          for (const to of ANSWER_VALUES[key]) {
            if (answers[key] === to) continue;
            const other = decide(with_(answers, key, to), knowledge);
            if (other.recommendation !== d.recommendation)
              flips.push(`${key}=${to}->${other.recommendation}`);
          }
        }
        expect(d.pivots.map((p) => `${p.key}=${p.to}->${p.recommendation}`).sort()).toEqual(flips.sort());
        for (const p of d.pivots) {
          expect(p.from).toBe(answers[p.key] ?? null);
          const other = decide(with_(answers, p.key, p.to), knowledge);
          const change = RECOMMENDATION_IDS.reduce(
            (sum, id) => sum + Math.abs(other.scores[id] - d.scores[id]),
            0,
          );
          expect(p.scoreChange).toBe(change);
        }
        const changes = d.pivots.map((p) => p.scoreChange);
        expect([...changes].sort((a, b) => a - b)).toEqual(changes);
      }),
      { numRuns: 150 },
    );
  });
});
