import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  isAnswerKey,
  isAnswerValue,
  isRecommendationId,
  RECOMMENDATION_IDS,
} from "../../../src/core/decision/index.ts";
import { citationProblem } from "../../../src/knowledge/citations.ts";
import { loadDecisionKnowledge } from "../../../src/knowledge/decision.ts";
import type { DecisionKnowledge } from "../../../src/knowledge/decisionSchema.ts";
import { type KnowledgeIssue, readYaml } from "../../../src/knowledge/read.ts";
import { documentSchema, type Source } from "../../../src/knowledge/schema.ts";
import { SeedLibrary } from "../../../src/knowledge/seeds.ts";
import { knowledgeOrThrow, loadForTest } from "./fixtures.ts";

const FILES = ["checklist.yaml", "recommendations.yaml", "rules.yaml"];

describe("decision knowledge files", () => {
  it("validate with no issues", () => {
    const { knowledge, issues } = loadForTest();
    expect(issues).toEqual([]);
    expect(knowledge).toBeDefined();
  });

  const k = knowledgeOrThrow();

  it("ask the contract's questions in DESIGN.md order with the contract's values", () => {
    expect(k.checklist.map((q) => q.key)).toEqual([...ANSWER_KEYS]);
    for (const q of k.checklist) {
      expect(q.choices.map((c) => c.value)).toEqual(isAnswerKey(q.key) ? [...ANSWER_VALUES[q.key]] : []);
    }
    expect(k.recommendations.map((r) => r.id).sort()).toEqual([...RECOMMENDATION_IDS].sort());
  });

  it("reference only real keys, values and recommendation ids", () => {
    for (const rule of k.rules.rules) {
      expect(isAnswerKey(rule.when.key), rule.id).toBe(true);
      if (!isAnswerKey(rule.when.key)) continue;
      for (const v of rule.when.values) expect(isAnswerValue(rule.when.key, v), `${rule.id} ${v}`).toBe(true);
      for (const id of Object.keys(rule.weights))
        expect(isRecommendationId(id), `${rule.id} ${id}`).toBe(true);
    }
    for (const caveat of k.rules.caveats) {
      for (const cond of caveat.when) {
        if ("recommendation" in cond)
          for (const id of cond.recommendation) expect(isRecommendationId(id)).toBe(true);
        else {
          const key = cond.key;
          expect(isAnswerKey(key) && cond.values.every((v) => isAnswerValue(key, v)), caveat.id).toBe(true);
        }
      }
    }
    expect(Object.keys(k.rules.base).sort()).toEqual([...RECOMMENDATION_IDS].sort());
    expect([...k.rules.tieQuestions].sort()).toEqual([...ANSWER_KEYS].sort());
    for (const c of k.rules.constraints) {
      for (const cond of c.when)
        expect(
          isAnswerKey(cond.key) && cond.values.every((v) => isAnswerValue(cond.key as never, v)),
          c.id,
        ).toBe(true);
      for (const id of [...(c.allow ?? []), ...(c.exclude ?? [])])
        expect(isRecommendationId(id), c.id).toBe(true);
    }
  });

  it("hold the hard requirements the issue and the documents call for", () => {
    const allowed = (id: string) => {
      const c = k.rules.constraints.find((x) => x.id === id);
      if (!c) throw new Error(`missing constraint ${id}`);
      return RECOMMENDATION_IDS.filter((r) => (c.allow ? c.allow.includes(r) : !c.exclude?.includes(r)));
    };
    expect(allowed("hard-isolation-needs-a-hypervisor")).toEqual(["vms", "microvms"]);
    expect(allowed("kernel-needs-a-kernel-of-its-own")).toEqual(["vms", "microvms", "mixed-platform"]);
    expect(allowed("several-oses-need-guest-oses")).not.toContain("containers");
    expect(allowed("legacy-beside-new-services")).toEqual(["vms", "mixed-platform"]);
    expect(allowed("other-oses-beside-new-services")).toEqual(["vms", "mixed-platform"]);
  });

  it("give every answer value at least one rule, so every answer can explain itself", () => {
    for (const key of ANSWER_KEYS) {
      for (const value of ANSWER_VALUES[key]) {
        const rules = k.rules.rules.filter((r) => r.when.key === key && r.when.values.includes(value));
        expect(rules.length, `${key}=${value}`).toBeGreaterThan(0);
      }
    }
  });

  it("include the caveats the documents insist on", () => {
    const ids = k.rules.caveats.map((c) => c.id);
    for (const id of [
      "containers-need-hardening",
      "kubernetes-is-not-design",
      "managed-services-for-low-maturity",
      "stateful-stays-put",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("cite sections that really exist in the seed documents", () => {
    const issues: KnowledgeIssue[] = [];
    const docs = readYaml(
      resolve("knowledge/documents.yaml"),
      "documents.yaml",
      z.array(documentSchema),
      issues,
    );
    expect(issues).toEqual([]);
    const seeds = new SeedLibrary(docs ?? [], resolve("../shared/seeds"));
    const problems = allSources(k).flatMap(({ where, source }) => {
      const problem = citationProblem(source, seeds);
      return problem ? [`${where}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("are written in our own words (no 8-word run copied from a seed)", () => {
    const dir = resolve("../shared/seeds");
    const all = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    const seedRuns = new Set(runs(all));
    // The check itself works: a sentence copied from 004 is caught.
    expect(
      runs("Keep stateful workloads on proven foundations until operational model is mature.").some((r) =>
        seedRuns.has(r),
      ),
    ).toBe(true);
    const copied = allTexts(k).flatMap((text) => runs(text).filter((r) => seedRuns.has(r)));
    expect(copied).toEqual([]);
  });
});

/** Lower-cased 8-word windows, punctuation ignored. */
function runs(text: string, n = 8): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.slice(0, Math.max(0, words.length - n + 1)).map((_, i) => words.slice(i, i + n).join(" "));
}

function allTexts(k: DecisionKnowledge): string[] {
  return [
    ...k.checklist.flatMap((q) => [q.title, q.prompt, q.help, ...q.choices.map((c) => c.label)]),
    ...k.recommendations.flatMap((r) => [r.title, r.summary]),
    ...k.rules.rules.flatMap((r) => [r.reason, r.aside?.text ?? ""]),
    ...k.rules.caveats.map((c) => c.text),
    ...k.rules.constraints.flatMap((c) => [c.text, c.room ?? ""]),
    ...Object.values(k.rules.labels),
    ...Object.values(k.rules.texts).map((t) => t.text),
  ];
}

function allSources(k: DecisionKnowledge): { where: string; source: Source }[] {
  const tag = (where: string, sources: Source[]) => sources.map((source) => ({ where, source }));
  return [
    ...k.checklist.flatMap((q) => tag(`checklist ${q.key}`, q.sources)),
    ...k.recommendations.flatMap((r) => tag(`recommendation ${r.id}`, r.sources)),
    ...k.rules.rules.flatMap((r) => tag(`rule ${r.id}`, [...r.sources, ...(r.aside?.sources ?? [])])),
    ...k.rules.caveats.flatMap((c) => tag(`caveat ${c.id}`, c.sources)),
    ...k.rules.constraints.flatMap((c) => tag(`constraint ${c.id}`, c.sources)),
    ...Object.entries(k.rules.texts).flatMap(([name, t]) => tag(`text ${name}`, t.sources)),
  ];
}

describe("loadDecisionKnowledge on broken files", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** Copies the real files to a temp dir, applies one text edit, and loads them. */
  function loadWith(file: string, from: string, to: string) {
    dir = mkdtempSync(join(tmpdir(), "vmvc-decision-"));
    for (const f of FILES) copyFileSync(resolve("knowledge", f), join(dir, f));
    const text = readFileSync(join(dir, file), "utf8");
    expect(text).toContain(from);
    writeFileSync(join(dir, file), text.replace(from, to));
    const issues: KnowledgeIssue[] = [];
    return { knowledge: loadDecisionKnowledge(dir, issues), issues };
  }

  it.each([
    [
      "rules.yaml",
      "{ key: isolation, values: [hard] }",
      "{ key: isolaton, values: [hard] }",
      'unknown key "isolaton"; valid: isolation, maturity',
    ],
    [
      "rules.yaml",
      "{ key: isolation, values: [hard] }",
      "{ key: isolation, values: [hardest] }",
      'unknown value "hardest" for isolation; valid: standard, strong, hard',
    ],
    [
      "rules.yaml",
      "{ vms: 3, microvms: 4,",
      "{ vms: 3, micro-vms: 4,",
      'unknown recommendation "micro-vms"; valid: vms, containers',
    ],
    ["rules.yaml", "allow: [vms, microvms]\n", "allow: [vms, microvm]\n", 'unknown recommendation "microvm"'],
    [
      "rules.yaml",
      "exclude: [containers, kubernetes-on-vms]",
      "exclude: [containers, kubernetes-on-vms]\n    allow: [vms]",
      "needs exactly one of allow or exclude",
    ],
    [
      "rules.yaml",
      "allow: [mixed-platform, vms]\n    text: >-\n      Hard requirement: with legacy",
      "allow: [mixed-platform]\n    text: >-\n      Hard requirement: with legacy",
      "can apply together and leave no option",
    ],
    [
      "rules.yaml",
      "      - recommendation: [kubernetes-on-vms]\n    text",
      "      - recommendation: [kubernetes-on-vms]\n    discourages: [kubernetes-on-vms]\n    text",
      "is shown for kubernetes-on-vms but discourages it",
    ],
    [
      "rules.yaml",
      "recommendation: [kubernetes-on-vms]",
      "recommendation: [k8s]",
      'unknown recommendation "k8s"',
    ],
    ["rules.yaml", "{ vms: 3, microvms: 4,", "{ vms: 3, microvms: 0.4,", "whole or half number"],
    ["rules.yaml", "for {winner}", "for {loser}", "unknown placeholder {loser}"],
    ["rules.yaml", "[isolation, hardware, ", "[hardware, ", "must list every checklist key once"],
    ["checklist.yaml", "- key: load", "- key: loads", "questions must be exactly, in this order"],
    ["checklist.yaml", "- value: spiky", "- value: bursty", "values must be exactly: steady, spiky"],
    ["checklist.yaml", "bothSaid: mixed", "bothSaid: hybrid", "bothSaid: must be one of its choices"],
    ["recommendations.yaml", "- id: vms", "- id: virtual-machines", "ids must be exactly"],
  ])("%s: %s -> %s is reported", (file, from, to, message) => {
    const { knowledge, issues } = loadWith(file, from, to);
    expect(knowledge).toBeUndefined();
    expect(issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join("\n")).toContain(message);
    expect(issues.every((i) => i.file === file)).toBe(true);
  });

  it("reports a missing file instead of throwing", () => {
    dir = mkdtempSync(join(tmpdir(), "vmvc-decision-"));
    const issues: KnowledgeIssue[] = [];
    expect(loadDecisionKnowledge(dir, issues)).toBeUndefined();
    expect(issues.map((i) => i.file)).toEqual(FILES);
  });
});
