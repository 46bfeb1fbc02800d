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
import { SHARED_KERNEL, VM_FAMILY, violations } from "./invariants.ts";

const knowledge = knowledgeOrThrow();
const RUNS = { numRuns: 250 };
const with_ = (answers: Answers, key: AnswerKey, value: string): Answers => ({ ...answers, [key]: value });

describe("partly answered checklists (property-based)", () => {
  it("give a valid result and list exactly the unanswered keys, in checklist order", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers, knowledge);
        expect(d.unanswered).toEqual(ANSWER_KEYS.filter((k) => !(k in answers)));
        expect(Object.keys(d.scores).sort()).toEqual([...RECOMMENDATION_IDS].sort());
        expect(d.excluded).not.toContain(d.recommendation);
        expect(d.reasons.length).toBeGreaterThan(0);
        for (const r of [...d.reasons, d.whyNotRunnerUp]) expect(r.sources.length).toBeGreaterThan(0);
        expect(d.caveats).toEqual(d.caveatDetails.map((c) => c.text));
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

  it("hold every invariant of the issue (constraints, reasons, why-not, caveats, close calls): 0 violations", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        expect(violations(knowledge, answers, decide(answers, knowledge))).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  it.each(["isolation", "compliance", "legacy", "multiOs"] as const)(
    "raising %s never moves the winner from a VM-family option to a shared-kernel one",
    (key) => {
      const order: readonly string[] =
        key === "legacy" || key === "multiOs" ? ["no", "yes"] : ANSWER_VALUES[key];
      fc.assert(
        fc.property(answersArb, (answers) => {
          // Unanswered counts as the bottom of the scale: answering "hard" raises it too.
          const winners = [undefined, ...order].map((v) => {
            const { [key]: _, ...rest } = answers;
            return decide(v === undefined ? rest : with_(rest, key, v), knowledge).recommendation;
          });
          for (let lo = 1; lo < winners.length; lo++)
            for (let hi = lo + 1; hi < winners.length; hi++)
              if (VM_FAMILY.includes(winners[lo]!)) expect(SHARED_KERNEL).not.toContain(winners[hi]);
        }),
        RUNS,
      );
    },
  );

  it("decide a tie by the first answer that tells the two apart, in favour of the winner", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers, knowledge);
        const close = d.close;
        if (close?.margin !== 0) return;
        const key = close.decidedBy;
        if (key === null) {
          // Only when no answer separates them at all.
          for (const rule of knowledge.rules.rules.filter((r) =>
            r.when.values.includes(answers[r.when.key as AnswerKey] ?? ""),
          ))
            expect(rule.weights[d.recommendation] ?? 0).toBe(rule.weights[d.runnerUp] ?? 0);
          return;
        }
        const effect = (id: string) =>
          knowledge.rules.rules
            .filter((r) => r.when.key === key && r.when.values.includes(answers[key] ?? ""))
            .reduce((sum, r) => sum + (r.weights[id] ?? 0), 0);
        expect(effect(d.recommendation)).toBeGreaterThan(effect(d.runnerUp));
      }),
      { numRuns: 400 },
    );
  });

  it("give no headline below three answers: leading options and the questions that decide", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = decide(answers, knowledge);
        expect(d.provisional).toBe(Object.keys(answers).length < 3);
        if (d.provisional) {
          expect(d.leading.length).toBeGreaterThan(1);
          for (const key of d.decisive) expect(answers[key]).toBeUndefined();
        } else expect(d.decisive).toEqual([]);
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
