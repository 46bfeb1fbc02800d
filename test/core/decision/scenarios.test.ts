import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { decide, parseAnswers } from "../../../src/core/decision/index.ts";
import { knowledgeOrThrow } from "./fixtures.ts";
import { violations } from "./invariants.ts";

/*
 * The accepted recommendations for scenarios derived from the five documents, each with the
 * document line behind it (test/fixtures/decision-scenarios.jsonl).
 */
interface DocScenario {
  name: string;
  answers: Record<string, string>;
  accept: string[];
  provisional?: boolean;
  doc: string;
  section: string;
  line: string;
}

const knowledge = knowledgeOrThrow();
const scenarios: DocScenario[] = readFileSync(resolve("test/fixtures/decision-scenarios.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as DocScenario);
const seed = (doc: string) => readFileSync(resolve("../shared/seeds", doc), "utf8");
/** Quotes and apostrophes compared loosely; "..." in a line skips words of the document. */
const loose = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ");

describe("document scenarios", () => {
  it("are at least 30 and cover every 'use VMs/containers when' bullet of 004", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    const text = seed("004_cab2b38ca94365c9.txt");
    for (const heading of ["When to Choose VMs", "When to Choose Containers"]) {
      const after = text.slice(text.indexOf(heading));
      const bullets = [...after.matchAll(/^\s+\d\. (.+)$/gm)].slice(0, 4).map((m) => m[1]!.trim());
      expect(bullets.length).toBe(4);
      for (const bullet of bullets)
        expect(
          scenarios.some((s) => s.line === bullet),
          bullet,
        ).toBe(true);
    }
    for (const composite of ["E-Commerce Platform", "Financial Services Legacy"])
      expect(scenarios.some((s) => s.section.includes(composite))).toBe(true);
    expect(scenarios.filter((s) => s.provisional === true).length).toBeGreaterThanOrEqual(3);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))("%s", (_, s) => {
    // The cited line really is in the document, under a heading that exists.
    const raw = seed(s.doc);
    const text = loose(raw);
    for (const piece of loose(s.line).split("...")) expect(text).toContain(piece.trim());
    // 001 has no headings: there a section is the opening words of a paragraph.
    const headingless = s.doc.startsWith("001_");
    const isSection = (l: string) =>
      headingless ? loose(l.trim()).startsWith(loose(s.section)) : loose(l.trim()) === loose(s.section);
    expect(raw.split("\n").some(isSection)).toBe(true);
    const answers = parseAnswers(s.answers);
    const d = decide(answers, knowledge);
    expect(s.accept).toContain(d.recommendation);
    if (s.provisional !== undefined) expect(d.provisional).toBe(s.provisional);
    expect(violations(knowledge, answers, d)).toEqual([]);
  });
});
