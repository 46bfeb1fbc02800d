import { describe, expect, it } from "vitest";
import {
  bullets,
  checkCitations,
  citationProblem,
  claimUnits,
  namedDocuments,
  SectionIndex,
} from "../../src/knowledge/citations.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import type { FaqEntry } from "../../src/knowledge/schema.ts";
import { SeedLibrary } from "../../src/knowledge/seeds.ts";
import { knowledgeDir } from "../../src/paths.ts";
import { seedsDir } from "../helpers/paths.ts";

const k = loadKnowledge(knowledgeDir);
const seeds = new SeedLibrary(k.documents, seedsDir);
const D = {
  d000: "000_37885c9a698fb19c.txt",
  d001: "001_ab56f808afa7fed5.txt",
  d002: "002_09c9cc79d0fe61c7.txt",
  d003: "003_4995cd5061691873.txt",
  d004: "004_cab2b38ca94365c9.txt",
};

/** The real knowledge with one FAQ entry replaced, to prove each check can fail. */
function withEntry(change: Partial<FaqEntry>) {
  const first = k.faq[0]!;
  return { ...k, faq: [{ ...first, ...change }, ...k.faq.slice(1)] };
}

describe("seed sections", () => {
  it("splits a document at its headings, keeping each heading's text with it", () => {
    const pros = seeds.resolve({ doc: D.d003, section: "Pros and Cons Deep Dive" });
    expect(pros).toHaveLength(1);
    expect(pros[0]!.text).toMatch(/namespaces and cgroups/);
    // The section before it does not run on into it.
    expect(seeds.resolve({ doc: D.d003, section: "Virtual Machines" })[0]!.text).not.toMatch(/namespaces/);
    const startup = seeds.resolve({ doc: D.d004, section: "Startup time" })[0]!.text;
    expect(startup).toMatch(/seconds or less/);
    expect(startup).not.toMatch(/density/);
  });

  it("does not take table rows or list items for headings", () => {
    const headings = seeds.sections(D.d002).map((s) => s.heading);
    expect(headings).toContain("Head-to-Head: VMs vs. Containers");
    expect(headings).not.toContain("Boot time Minutes Milliseconds");
    expect(seeds.resolve({ doc: D.d002, section: "Head-to-Head: VMs vs. Containers" })[0]!.text).toMatch(
      /Boot time Minutes Milliseconds/,
    );
    expect(seeds.sections(D.d004).map((s) => s.heading)).not.toContain("1. Hardware");
  });
});

describe("citationProblem", () => {
  it("accepts a heading copied exactly and rejects one that is not in the document", () => {
    expect(citationProblem({ doc: D.d003, section: "Pros and Cons Deep Dive" }, seeds)).toBeUndefined();
    expect(citationProblem({ doc: D.d003, section: "Pros and cons deep dive" }, seeds)).toMatch(
      /not a heading line/,
    );
  });

  it("rejects a sentence of the document that is not a heading", () => {
    expect(
      citationProblem({ doc: D.d004, section: "Many production systems combine both models." }, seeds),
    ).toMatch(/not a heading \(cite the heading above it\)/);
  });

  it("rejects a heading with no text of its own, naming the headings below it", () => {
    const problem = citationProblem({ doc: D.d004, section: "Isolation and Security" }, seeds);
    expect(problem).toMatch(/"Isolation and Security" of 004_cab2b38ca94365c9\.txt has no text of its own/);
    expect(problem).toMatch(/"VM isolation", "Container isolation"/);
    expect(citationProblem({ doc: D.d004, section: "Networking and Storage Perspective" }, seeds)).toMatch(
      /"VMs", "Containers"/,
    );
    // Its sub-headings, which hold the text, are fine to cite.
    expect(citationProblem({ doc: D.d004, section: "VM isolation" }, seeds)).toBeUndefined();
    expect(citationProblem({ doc: D.d004, section: "Container operations" }, seeds)).toBeUndefined();
    // The listing stops at the next empty heading.
    expect(citationProblem({ doc: D.d004, section: "Performance and Density" }, seeds)).not.toMatch(
      /Operational Model Differences/,
    );
  });

  it("for the headingless document, wants the opening 4-8 words of a paragraph", () => {
    expect(citationProblem({ doc: D.d001, section: "Operational practices diverge" }, seeds)).toMatch(
      /quotes 3 words/,
    );
    expect(
      citationProblem(
        { doc: D.d001, section: "Operational practices diverge accordingly. VM-based environments" },
        seeds,
      ),
    ).toBeUndefined();
    // Words from the middle of a paragraph, or a prefix that stops inside a word, begin no paragraph.
    expect(
      citationProblem(
        { doc: D.d001, section: "containers enable scalable, region-aware deployments" },
        seeds,
      ),
    ).toMatch(/does not begin a paragraph/);
    expect(citationProblem({ doc: D.d001, section: "Operational practices diverge accord" }, seeds)).toMatch(
      /does not begin a paragraph/,
    );
    expect(
      citationProblem(
        {
          doc: D.d001,
          section: "Operational practices diverge accordingly. VM-based environments often rely on",
        },
        seeds,
      ),
    ).toMatch(/quotes 9 words/);
  });
});

describe("namedDocuments", () => {
  it("finds documents named by number or by title, not numbers that are something else", () => {
    const names = (t: string) => namedDocuments(t, k.documents).map((n) => n.doc.slice(0, 3));
    expect(names("Containers start fast (004, Pattern A); 003 says minutes.")).toEqual(["004", "003"]);
    expect(names("The practical differences in 2026 article says so.")).toEqual(["004"]);
    expect(names("10,000 requests, 3.002 seconds, port 8001")).toEqual([]);
  });
});

describe("checkCitations", () => {
  it("reports a document the text names but the entry does not cite", () => {
    const bad = withEntry({
      details: "- Containers are isolated processes (002).",
      sources: [{ doc: D.d004, section: "Core Difference" }],
    });
    const { errors } = checkCitations(bad, seeds);
    expect(errors).toContain(
      `faq ${k.faq[0]!.id} details[0]: names 002 but does not cite 002_09c9cc79d0fe61c7.txt`,
    );
  });

  it("reports a cited heading that has no text of its own", () => {
    const bad = withEntry({ sources: [{ doc: D.d004, section: "Operational Model Differences" }] });
    expect(checkCitations(bad, seeds).errors.join("\n")).toMatch(
      new RegExp(
        `faq ${k.faq[0]!.id}: section "Operational Model Differences" of 004\\S* has no text of its own`,
      ),
    );
  });

  it("reports a cited section that is not in its document", () => {
    const bad = withEntry({ sources: [{ doc: D.d003, section: "Containers" }] });
    expect(checkCitations(bad, seeds).errors.join("\n")).toMatch(
      new RegExp(`faq ${k.faq[0]!.id}: section "Containers" is not a heading line of 003`),
    );
  });

  it("warns when a claim's distinctive words come from a section it does not cite", () => {
    const index = new SectionIndex(seeds);
    const unit = {
      where: "myth faster-startup",
      part: "summary",
      text: "Containers start in seconds against minutes for a VM.",
      sources: [{ doc: D.d004, section: "Common Myths" }],
    };
    const warning = index.check({ ...unit, text: `${unit.text} Namespaces and cgroups fence them off.` });
    expect(warning?.missing).toEqual(expect.arrayContaining(["minutes", "cgroups"]));
    // Citing the sections the words come from clears it.
    expect(
      index.check({
        ...unit,
        text: `${unit.text} Namespaces and cgroups fence them off.`,
        sources: [
          { doc: D.d004, section: "Startup time" },
          { doc: D.d003, section: "Pros and Cons Deep Dive" },
        ],
      }),
    ).toBeUndefined();
  });

  it("checks every claim: answers, detail bullets, compare cells, myths, rule reasons and caveats", () => {
    const parts = new Set(
      claimUnits(k).map((u) => `${u.where.split(" ")[0]} ${u.part.replace(/\[\d+\]/, "")}`),
    );
    for (const p of [
      "faq answer",
      "faq details",
      "compare vms",
      "compare containers",
      "myth summary",
      "rule reason",
      "caveat text",
      "glossary definition",
    ])
      expect(parts).toContain(p);
    expect(bullets("- one\n  more of one\n- two")).toEqual(["one more of one", "two"]);
  });
});

/**
 * The strict checks over the real knowledge, one test per owner's files so a failure points at
 * the file to fix. Warnings are printed, not failed: they are hints for a reviewer.
 */
describe("the knowledge base's citations", () => {
  const report = checkCitations(k, seeds);
  if (report.warnings.length)
    console.log(
      `knowledge:check: ${report.warnings.length} section warnings (npm run knowledge:check lists them)`,
    );
  const groups: [string, RegExp][] = [
    ["faq/*.yaml", /^faq /],
    ["glossary.yaml", /^glossary /],
    ["myths.yaml", /^myth /],
    ["compare.yaml", /^compare /],
    [
      "checklist.yaml, recommendations.yaml, rules.yaml",
      /^(checklist|recommendation|rule|caveat|rules text) /,
    ],
    ["documents.yaml", /^document /],
  ];
  it.each(groups)("%s: no citation errors", (_, pattern) => {
    expect(report.errors.filter((e) => pattern.test(e))).toEqual([]);
  });
  it("every error belongs to one of the files above", () => {
    expect(report.errors.filter((e) => !groups.some(([, p]) => p.test(e)))).toEqual([]);
  });
});
