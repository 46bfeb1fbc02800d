import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askJson } from "../../src/adapters/cli/ask.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { miniSearchBaseline, readQuestionSet, score } from "../../src/eval/questionSet.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir, repoRoot } from "../../src/paths.ts";
import { evalDir } from "../helpers/paths.ts";

const knowledge = loadKnowledge(knowledgeDir);
const qa = buildQuestionAnswering(knowledge);
const ask = (q: string) => qa.asker.ask(q);
const answerId = (q: string) => {
  const o = ask(q);
  return o.kind === "answer" ? o.entry.id : o.kind;
};

/** Our own development set: realistic questions (not copies of any alternate) with accepted entries. */
const dev = readFileSync(resolve(repoRoot, "test/fixtures/dev-questions.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { q: string; ids?: string[]; oos?: boolean });

describe("matcher quality", () => {
  it("meets the bar on the public question set: >= 95% in scope, >= 95% out of scope declined", () => {
    const s = score(readQuestionSet(resolve(evalDir, "questions.jsonl")), (q) => askJson(q, qa));
    expect(s.failures).toEqual([]);
    expect(s.inScope.pass / s.inScope.all).toBeGreaterThanOrEqual(0.95);
    expect(s.outOfScope.pass / s.outOfScope.all).toBeGreaterThanOrEqual(0.95);
  });

  it("clearly beats a plain MiniSearch index on the public set (declines) and our dev set (top answer)", () => {
    const publicSet = readQuestionSet(resolve(evalDir, "questions.jsonl"));
    const ours = score(publicSet, (q) => askJson(q, qa));
    const baseline = score(publicSet, miniSearchBaseline(knowledge));
    expect(ours.inScope.pass + ours.outOfScope.pass).toBeGreaterThan(
      baseline.inScope.pass + baseline.outOfScope.pass,
    );

    const baselineAsk = miniSearchBaseline(knowledge);
    const inScope = dev.filter((c) => c.ids);
    const oursRight = inScope.filter((c) => c.ids!.includes(answerId(c.q))).length;
    const baseRight = inScope.filter((c) => c.ids!.includes(baselineAsk(c.q).id ?? "")).length;
    expect(oursRight / inScope.length).toBeGreaterThanOrEqual(0.85);
    expect(oursRight).toBeGreaterThan(baseRight);
    const oos = dev.filter((c) => c.oos);
    expect(oos.filter((c) => ask(c.q).kind !== "answer").map((c) => c.q)).toEqual(oos.map((c) => c.q));
  });

  it("handles typos, abbreviations, synonyms, word forms and word order", () => {
    expect(answerId("what is a hypervisor")).toBe(answerId("what is a hypervsior"));
    expect(answerId("can we run postgres in k8s")).toBe("stateful-workloads-and-databases");
    expect(answerId("Can we run databases in Kubernetes?")).toBe("stateful-workloads-and-databases");
    expect(answerId("containerizing databases")).toBe(answerId("containerize database"));
    expect(answerId("vms boot time versus containers")).toBe(answerId("containers versus vms boot time"));
    expect(answerId("r containers secure")).toMatch(/container-security|myth-containers-more-secure/);
  });

  it("declines out-of-scope questions without a confident answer, and greets, thanks and helps", () => {
    for (const q of ["what is the wifi password", "recipe for banana bread", "weather tomorrow in paris"])
      expect(ask(q).kind, q).not.toBe("answer");
    expect(ask("hi").kind).toBe("smalltalk");
    expect(ask("thanks!").kind).toBe("smalltalk");
    expect(ask("what can you do").kind).toBe("smalltalk");
  });

  it("offers up to 3 'did you mean' suggestions when unsure", () => {
    const o = ask("kubernetes");
    expect(o.kind).toBe("no-match");
    if (o.kind === "no-match") {
      expect(o.suggestions.length).toBeGreaterThan(0);
      expect(o.suggestions.length).toBeLessThanOrEqual(3);
    }
  });

  it("declines a 100 KB question before matching", () => {
    expect(ask("container ".repeat(10_000)).kind).toBe("too-long");
  });

  it("never throws and keeps confidence in 0..1 for any input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        const r = askJson(q, qa);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(typeof r.text).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
