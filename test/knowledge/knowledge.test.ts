import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answerablesOf } from "../../src/core/answerable.ts";
import { citationProblem } from "../../src/knowledge/citations.ts";
import { allCitations, loadKnowledge } from "../../src/knowledge/load.ts";
import { KnowledgeError } from "../../src/knowledge/read.ts";
import { SeedLibrary } from "../../src/knowledge/seeds.ts";
import { knowledgeDir } from "../../src/paths.ts";
import { seedsDir } from "../helpers/paths.ts";

const k = loadKnowledge(knowledgeDir);
const temp: string[] = [];
afterAll(() => {
  for (const t of temp) rmSync(t, { recursive: true, force: true });
});

/** A copy of knowledge/ with one file changed, to prove broken files stop loading. */
function brokenCopy(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "vmvc-knowledge-"));
  temp.push(dir);
  cpSync(knowledgeDir, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));
  return dir;
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error("expected the knowledge to be rejected");
}

describe("knowledge base", () => {
  it("has at least 70 FAQ entries, each with 4+ alternates, sources and related ids", () => {
    expect(k.faq.length).toBeGreaterThanOrEqual(70);
    for (const e of k.faq) {
      expect(e.alternates.length, e.id).toBeGreaterThanOrEqual(4);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(e.related.length, e.id).toBeGreaterThan(0);
    }
  });

  it("covers every topic, every document, and the comparison dimensions the issue names", () => {
    for (const t of k.topics)
      expect(
        k.faq.some((e) => e.topic === t.id),
        t.id,
      ).toBe(true);
    const cited = new Set(allCitations(k).map((c) => c.source.doc));
    for (const d of k.documents) expect(cited.has(d.doc), d.doc).toBe(true);
    const aspects = k.compare.map((a) => a.id);
    for (const need of [
      "architecture",
      "operating-system",
      "size",
      "boot-time",
      "overhead",
      "isolation",
      "security",
      "cost",
      "scaling",
      "networking",
      "storage",
      "patching",
      "recovery",
      "monitoring",
      "ci-cd",
      "developer-experience",
    ])
      expect(aspects).toContain(need);
  });

  it("cites only sections that really occur in their documents", () => {
    const seeds = new SeedLibrary(k.documents, seedsDir);
    const problems = allCitations(k).flatMap(({ where, source }) => {
      const p = citationProblem(source, seeds);
      return p ? [`${where}: ${p}`] : [];
    });
    expect(problems).toEqual([]);
    // The checker itself must be able to fail.
    const doc = k.documents[0]!;
    expect(citationProblem({ doc: doc.doc, section: "A Heading That Is Not There" }, seeds)).toMatch(
      /not a heading/,
    );
  });

  it("names both documents where they disagree (GPUs, start-up times, stateful workloads)", () => {
    const text = (id: string) => {
      const e = k.faq.find((x) => x.id === id)!;
      return `${e.answer} ${e.details}`;
    };
    for (const id of ["gpu-and-special-hardware", "boot-time", "stateful-workloads-and-databases"]) {
      const t = text(id);
      expect(t, id).toMatch(/\((00\d)\)[\s\S]*\((00\d)\)/);
    }
  });

  it("stops with the file, the field and what is wrong when a file is broken", () => {
    const badField = loadError(
      brokenCopy("faq/basics.yaml", (t) => t.replace(/^(\s+)question: .*$/m, "$1question: no")),
    );
    expect(badField.message).toMatch(/faq\/basics\.yaml: \[0\]\(id [a-z-]+\)\.question: /);
    const badRelated = loadError(
      brokenCopy("faq/cost.yaml", (t) => t.replace(/related: \[/, "related: [no-such-entry, ")),
    );
    expect(badRelated.message).toMatch(/related: unknown entry id no-such-entry/);
    const badSide = loadError(
      brokenCopy("faq/choosing.yaml", (t) => t.replace("favours: VMs", "favours: mainframes")),
    );
    expect(badSide.message).toMatch(/when-to-choose-vms\.favours: no side is called mainframes/);
    const badWayThere = loadError(
      brokenCopy("recommendations.yaml", (t) =>
        t.replace("gettingThere: migration-path", "gettingThere: no-such-entry"),
      ),
    );
    expect(badWayThere.message).toMatch(/gettingThere: unknown FAQ entry id no-such-entry/);
    const badYaml = loadError(brokenCopy("glossary.yaml", (t) => `${t}\n  - : : [\n`));
    expect(badYaml.message).toMatch(/glossary\.yaml: \(file\)/);
    const duplicate = loadError(
      brokenCopy("faq/cost.yaml", (t) => t.replace(/^- id: [a-z-]+$/m, `- id: ${k.faq[0]!.id}`)),
    );
    expect(duplicate.message).toMatch(/duplicate id/);
    for (const [pair, problem] of [
      ["banana bread", "must have exactly one one-word domain or general term"],
      ["virtual machine functions", "must be two words"],
      ["the kernel", "has a stopword"],
    ]) {
      const broken = loadError(
        brokenCopy("lexicon.yaml", (t) =>
          t.replace(/^otherSenses:\n {2}\[\n/m, `otherSenses:\n  [\n    ${pair},\n`),
        ),
      );
      expect(broken.message).toContain(`otherSenses[0]: "${pair}" ${problem}`);
    }
  });

  it("names in lexicon notInDocuments are in none of the five documents and none of our answers", () => {
    const documents = readdirSync(seedsDir)
      .map((f) => readFileSync(join(seedsDir, f), "utf8"))
      .join("\n");
    // What a user is told: answers, details, definitions, myths' summaries and the compare table.
    const told = JSON.stringify([
      answerablesOf(k).map((e) => [e.answer, e.details]),
      k.myths.map((m) => m.summary),
      // The compare table as shown (its aliases are only words it is looked up by: "postgres").
      k.compare.map(({ aliases: _lookup, ...shown }) => shown),
      k.decision.recommendations,
    ]);
    const names = k.lexicon.notInDocuments;
    expect(names.length).toBeGreaterThan(10);
    // A name is letters, digits and hyphens (the schema), all literal in a pattern.
    const named = (text: string) =>
      names.filter((n) => new RegExp(`(?<![\\p{L}\\p{N}])${n}s?(?![\\p{L}\\p{N}])`, "iu").test(text));
    expect(named(documents)).toEqual([]);
    expect(named(told)).toEqual([]);
    // The check can fail: a name the documents do use is found.
    expect(named(`${documents} gVisor`)).toEqual(["gVisor"]);
  });

  it("keeps answer text out of code: no answer, definition or myth appears in src/", () => {
    const code = readdirSync(join(knowledgeDir, "..", "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(join(knowledgeDir, "..", "src", f), "utf8"))
      .join("\n");
    const snippets = [
      ...k.faq.map((e) => e.answer),
      ...k.glossary.map((g) => g.definition),
      ...k.myths.map((m) => m.summary),
    ].map((t) => t.slice(0, 50));
    expect(snippets.filter((s) => code.includes(s))).toEqual([]);
  });
});
