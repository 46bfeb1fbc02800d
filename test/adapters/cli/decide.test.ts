import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decideCommand } from "../../../src/adapters/cli/decide.ts";
import { ANSWER_KEYS, RECOMMENDATION_IDS } from "../../../src/core/decision/index.ts";
import { loadDecisionKnowledge } from "../../../src/knowledge/decision.ts";
import type { KnowledgeIssue } from "../../../src/knowledge/read.ts";

const issues: KnowledgeIssue[] = [];
const knowledge = loadDecisionKnowledge(resolve("knowledge"), issues)!;

/** Runs the command against in-memory streams and collects what it wrote. */
async function run(args: string[], stdinLines: string[] = [], options?: { json?: boolean }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c: Buffer) => out.push(c.toString()));
  stderr.on("data", (c: Buffer) => err.push(c.toString()));
  const stdin = Readable.from(stdinLines.length ? [`${stdinLines.join("\n")}\n`] : []);
  const code = await decideCommand(args, { stdin, stdout, stderr }, knowledge, options);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

const jsonLines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function expectContract(result: Record<string, unknown>): void {
  expect(RECOMMENDATION_IDS).toContain(result.recommendation);
  expect(typeof result.title).toBe("string");
  const scores = result.scores as Record<string, unknown>;
  for (const id of RECOMMENDATION_IDS) expect(typeof scores[id]).toBe("number");
  const reasons = result.reasons as { text: string; sources: { doc: string; section: string }[] }[];
  expect(reasons.length).toBeGreaterThan(0);
  for (const r of reasons) {
    expect(typeof r.text).toBe("string");
    expect(r.sources.length).toBeGreaterThan(0);
    for (const s of r.sources) expect(Object.keys(s).sort()).toEqual(["doc", "section"]);
  }
  expect(Array.isArray(result.caveats)).toBe(true);
  for (const c of result.caveats as unknown[]) expect(typeof c).toBe("string");
  expect(Array.isArray(result.unanswered)).toBe(true);
}

describe("vmvc decide", () => {
  it("loads its knowledge without issues", () => {
    expect(issues).toEqual([]);
  });

  it("--json key=value prints one contract object", async () => {
    const { code, stdout, stderr } = await run([
      "--json",
      "isolation=hard",
      "deploys=frequent",
      "load=spiky",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(1);
    expectContract(lines[0]!);
    expect(lines[0]!.recommendation).toBe("microvms");
    expect(lines[0]!.unanswered).toEqual(
      ANSWER_KEYS.filter((k) => !["isolation", "deploys", "load"].includes(k)),
    );
    expect(lines[0]).toHaveProperty("runnerUp");
    expect(lines[0]).toHaveProperty("pivots");
  });

  it("takes --json from options when the caller already parsed it", async () => {
    const { code, stdout } = await run(["multiOs=yes"], [], { json: true });
    expect(code).toBe(0);
    expect(jsonLines(stdout)[0]!.recommendation).toBe("vms");
  });

  it("answers every public scenario from standard input, one JSON line each", async () => {
    const cases = readFileSync(resolve("../shared/eval/decisions.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { answers: object; accept: string[] });
    const { code, stdout } = await run(
      ["--json"],
      cases.map((c) => JSON.stringify(c.answers)),
    );
    expect(code).toBe(0);
    const results = jsonLines(stdout);
    expect(results).toHaveLength(cases.length);
    results.forEach((r, i) => {
      expectContract(r);
      expect(cases[i]!.accept).toContain(r.recommendation);
    });
  });

  it("answers the other lines when one is bad, reports it in place and exits 1", async () => {
    const lines = [
      '{"isolation":"hard"}',
      "not json",
      "",
      '{"colour":"red"}',
      "[1]",
      '{"load":"bursty"}',
      "{}",
    ];
    const { code, stdout, stderr } = await run(["--json"], lines);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const out = jsonLines(stdout);
    expect(out).toHaveLength(6); // the blank line is skipped
    expectContract(out[0]!);
    expectContract(out[5]!);
    const errors = out.slice(1, 5).map((o) => o.error as { code: string; message: string });
    for (const e of errors) expect(e.code).toBe("DECISION_INPUT_INVALID");
    expect(errors[0]!.message).toMatch(/^line 2 is not valid JSON/);
    expect(errors[1]!.message).toContain('line 4: unknown key "colour"; valid keys: isolation, maturity');
    expect(errors[2]!.message).toContain("expected a JSON object");
    expect(errors[3]!.message).toContain("valid values: steady, spiky");
  });

  it("prints a readable report without --json", async () => {
    const { code, stdout } = await run([
      "isolation=strong",
      "maturity=medium",
      "architecture=monolith",
      "legacy=yes",
    ]);
    expect(code).toBe(0);
    const title = knowledge.recommendations.find((r) => stdout.includes(`RECOMMENDATION: ${r.title}`));
    expect(title).toBeDefined();
    for (const heading of ["SCORES", "WHY", "WHY NOT", "WHAT WOULD CHANGE IT", "CAVEATS", "UNANSWERED"]) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toMatch(/█/); // score bars
    expect(stdout).toContain("sources: ");
    expect(stdout).toMatch(/→ .* would make it /);
    expect(stdout).toContain("Compliance (compliance)");
  });

  it("reads answers from standard input without --json too, reporting bad lines on stderr", async () => {
    const { code, stdout, stderr } = await run(
      [],
      ['{"multiOs":"yes","maturity":"low","legacy":"yes"}', '{"multiOs":"maybe"}'],
    );
    expect(code).toBe(1);
    expect(stdout).toContain("RECOMMENDATION: Virtual machines");
    expect(stderr.trim()).toBe(
      'vmvc decide: line 2: unknown value "maybe" for multiOs; valid values: yes, no',
    );
  });

  it("prints no headline recommendation below three answers, only the leading options", async () => {
    const { code, stdout } = await run(["multiOs=yes"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("RECOMMENDATION");
    expect(stdout).toContain("NOT ENOUGH ANSWERS YET");
    expect(stdout).toContain("QUESTIONS THAT WOULD DECIDE");
    // The leading options' scores in points, as on the cards (a review's had bare numbers).
    const leading = stdout.split("LEADING SO FAR\n")[1]!.split("\n\n")[0]!.split("\n");
    expect(leading.length).toBeGreaterThan(0);
    for (const line of leading) expect(line).toMatch(/^ {2}- .+ \([a-z-]+\): -?[\d.]+ points?$/);
    const json = await run(["--json", "multiOs=yes"]);
    const d = JSON.parse(json.stdout);
    expect(d.provisional).toBe(true);
    expect(d.leading[0].id).toBe(d.recommendation);
    expect(d.constraints.map((c: { id: string }) => c.id)).toEqual(["several-oses-need-guest-oses"]);
  });

  it.each([
    [["isolation=extreme"], 'unknown value "extreme" for isolation; valid values: standard, strong, hard'],
    [["--json", "colour=red"], 'unknown key "colour"; valid keys: isolation, maturity'],
    [["hard"], 'expected key=value, got "hard"'],
    [["load=steady", "load=spiky"], "load is given twice"],
    [["--verbose"], 'unknown option "--verbose"'],
  ])("rejects %j with one clear line on stderr and exit 2", async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("--help lists the keys and values from the checklist", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("usage: vmvc decide");
    expect(stdout).toMatch(/isolation\s+standard \| strong \| hard/);
  });
});
