import { describe, expect, it } from "vitest";
import { faultReportTest } from "../../../src/core/matcher/faultReport.ts";
import { loadKnowledge } from "../../../src/knowledge/load.ts";
import { knowledgeDir } from "../../../src/paths.ts";

describe("fault reports (lexicon.yaml faultReports)", () => {
  const reports = faultReportTest(["doesn't work", "runs out of", "error", "fails to"]);

  it("reads a phrase with or without its apostrophe, straight or curly, in any case and spacing", () => {
    for (const text of [
      "the env vars doesn't work",
      "it doesnt work at all",
      "It Doesn’t  Work here",
      "the card runs out of memory",
      "Error: cannot open file",
      "the build fails to start",
    ])
      expect(reports(text), text).toBe(true);
  });

  it("takes whole words only, and nothing from an empty list", () => {
    for (const text of ["terrorism in the news", "errorless typing", "the work doesn't stop", "it runs out"])
      expect(reports(text), text).toBe(false);
    expect(faultReportTest([])("it doesn't work")).toBe(false);
    // A phrase's own regular-expression characters are literal.
    expect(faultReportTest(["a.b"])("axb")).toBe(false);
  });

  it("the knowledge lists them", () => {
    const test = faultReportTest(loadKnowledge(knowledgeDir).lexicon.faultReports);
    expect(test("our deploys keep failing since monday")).toBe(true);
    expect(test("how do we roll back a release")).toBe(false);
  });
});
