import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultMatcherParams } from "../../src/core/matcher/params.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { judgedAnswer } from "../../src/eval/questionSet.ts";
import { seedSpread } from "../../src/eval/seedSpread.ts";
import { readSet, scoreSet } from "../../src/eval/sets.ts";
import { repoRoot } from "../../src/paths.ts";
import { knowledge } from "../helpers/bot.ts";

// The first real development set: its figures move with the training seed (137 to 141 of 162
// over five seeds when this was written), so it shows a range rather than one number.
const real = { name: "real questions", file: resolve(repoRoot, "test/fixtures/real-questions.jsonl") };

/** The default seed's model (i = 0) and those of the seeds after it, each trained once for all tests. */
const models = new Map<number, ReturnType<typeof buildQuestionAnswering>>();
function seededQa(i: number): ReturnType<typeof buildQuestionAnswering> {
  let qa = models.get(i);
  if (!qa) {
    const { training } = defaultMatcherParams;
    qa = buildQuestionAnswering(knowledge, {
      ...defaultMatcherParams,
      training: { ...training, seed: training.seed + i },
    });
    models.set(i, qa);
  }
  return qa;
}

describe("the matcher's figures over training seeds (npm run eval -- --seeds N)", () => {
  const spread = seedSpread(knowledge, [real], 3);
  const row = spread[0]!;

  it("gives each seed's figures in order: the default seed's, then those of models trained with the next seeds", () => {
    const lines = readSet(real.file);
    const figures = [0, 1, 2].map((i) => scoreSet(lines, (q) => judgedAnswer(q, seededQa(i))));
    expect(row.inScope.values).toEqual(figures.map((f) => f.inScope.pass));
    expect(row.outOfScope.values).toEqual(figures.map((f) => f.outOfScope.pass));
    expect(row.nearDomain.values).toEqual(figures.map((f) => f.nearDomain.pass));
    expect(row.inScope.min).toBe(Math.min(...row.inScope.values));
    expect(row.inScope.max).toBe(Math.max(...row.inScope.values));
    // The seeds give this set different figures today, so a spread that ignored the seed would
    // show here; if a knowledge change ever makes them equal, test with more seeds or another set.
    const differ = ["inScope", "outOfScope", "nearDomain"] as const;
    expect(differ.some((k) => new Set(row[k].values).size > 1)).toBe(true);
  });

  it("really trains another model: the next seed answers some real questions differently", () => {
    const [first, next] = [seededQa(0), seededQa(1)];
    const questions = readSet(real.file).map((l) => l.q);
    const differ = questions.filter((q) => judgedAnswer(q, first).id !== judgedAnswer(q, next).id);
    expect(differ.length).toBeGreaterThan(0);
    // Most answers do not depend on the order of training: only the close calls move.
    expect(differ.length).toBeLessThan(questions.length / 5);
  });

  it("is the same every time it runs: the same seeds train the same models", () => {
    expect(seedSpread(knowledge, [real], 3)).toEqual(spread);
  });
});
