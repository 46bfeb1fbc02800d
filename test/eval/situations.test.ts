import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decide } from "../../src/core/decision/index.ts";
import { SituationReader } from "../../src/core/situation/extract.ts";
import { defaultSituationParams } from "../../src/core/situation/params.ts";
import { readJsonl } from "../../src/eval/jsonl.ts";
import {
  acceptedShare,
  precision,
  readSituations,
  recall,
  scoreSituations,
} from "../../src/eval/situations.ts";
import { repoRoot } from "../../src/paths.ts";
import { knowledge } from "../helpers/bot.ts";

const lines = readSituations(resolve(repoRoot, "test/fixtures/situations.jsonl"));

describe("situations set (recommend): quality floors", () => {
  it("has at least 40 descriptions, with checklist keys and values the decision engine accepts", () => {
    expect(lines.length).toBeGreaterThanOrEqual(40);
    // A stated answer that is not a checklist value would throw here.
    for (const l of lines) decide(l.answers as never, knowledge.decision);
  });

  it("a stated answer set leads to an accepted recommendation (the set's judgement is consistent)", () => {
    const off = lines.filter(
      (l) => !l.accept.includes(decide(l.answers as never, knowledge.decision).recommendation),
    );
    // Sparse descriptions may lead elsewhere with only their stated answers; most must not.
    expect(off.length / lines.length).toBeLessThanOrEqual(0.15);
  });

  // Floors are on the whole set. Each `fresh` split was scored untuned once, before any fix it
  // prompted, and is development data since (precision when first scored: fresh2 90.5%, fresh3
  // 91.3%, fresh4 89.5%, fresh5 86.8%, fresh6 91.0%, fresh7 90.6%, fresh8 84.2%, fresh9 93.9%;
  // see src/eval/situations.ts).
  // No split has a floor of its own: that would only invite tuning on it.
  it("answers understood: precision at least 95%, recall at least 70%; accepted recommendations at least 80%", () => {
    const s = scoreSituations(knowledge, lines);
    expect(precision(s), s.failures.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(recall(s), s.failures.join("\n")).toBeGreaterThanOrEqual(0.7);
    expect(acceptedShare(s), s.failures.join("\n")).toBeGreaterThanOrEqual(0.8);
  });

  it("no question of the FAQ evaluation sets is taken for a description of a situation", () => {
    const reader = new SituationReader(knowledge);
    const fixtures = resolve(repoRoot, "test/fixtures");
    const files = readdirSync(fixtures)
      .filter((f) => /^(real|dev)-questions.*\.jsonl$/.test(f))
      .map((f) => resolve(fixtures, f));
    // The public set beside the repository too, when it is there (it is in CI).
    const shared = resolve(repoRoot, "../shared/eval/questions.jsonl");
    if (existsSync(shared)) files.push(shared);
    const questions = files.flatMap((f) =>
      readJsonl(f, z.object({ q: z.string() }).passthrough()).map((l) => l.q),
    );
    expect(questions.length).toBeGreaterThan(700);
    const described = questions.filter((q) => {
      const r = reader.read(q);
      return Object.keys(r.understood).length >= defaultSituationParams.describedAnswers && r.asksToChoose;
    });
    expect(described).toEqual([]);
  });
});
