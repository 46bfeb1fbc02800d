import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultMatcherParams } from "../../../src/core/matcher/params.ts";
import { buildQuestionAnswering } from "../../../src/core/questions.ts";
import { loadKnowledge } from "../../../src/knowledge/load.ts";
import { knowledgeDir, repoRoot } from "../../../src/paths.ts";
import { unsureQuestion, vagueQuestion } from "../../helpers/bot.ts";

/** Runs the real CLI as a user or script would. */
function vmvc(args: string[], input?: string) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", resolve(repoRoot, "src/adapters/cli/main.ts"), ...args],
    {
      cwd: repoRoot,
      input,
      encoding: "utf8",
      maxBuffer: 32 * 1024 * 1024,
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("vmvc ask (CLI contract)", () => {
  it("prints one JSON object with the contract's fields", () => {
    const r = vmvc(["ask", "--json", "can we run databases in containers?"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).sort()).toEqual([
      "answered",
      "confidence",
      "id",
      "question",
      "sources",
      "suggestions",
      "text",
    ]);
    expect(json).toMatchObject({
      question: "can we run databases in containers?",
      answered: true,
      id: "stateful-workloads-and-databases",
    });
    expect(json.sources[0]).toEqual({ doc: expect.stringMatching(/\.txt$/), section: expect.any(String) });
    expect(json.text).toMatch(/StatefulSet/);
  });

  it("answers one question per stdin line, declining out-of-scope ones with suggestions or an honest reply", () => {
    const r = vmvc(
      ["ask", "--json"],
      `what is a hypervisor\nwhat's a good pizza place nearby\n\n${vagueQuestion({ qa: buildQuestionAnswering(loadKnowledge(knowledgeDir)) })}\n`,
    );
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ answered: true });
    expect(lines[1]).toMatchObject({ answered: false, id: null, suggestions: [] });
    expect(lines[2].answered).toBe(false);
    expect(lines[2].suggestions.length).toBeGreaterThan(0);
    expect(lines[2].text).toMatch(/Did you mean/);
  });

  it("answers an unsure question as a best guess, its runner-ups as suggestions in the text and the JSON", () => {
    const qa = buildQuestionAnswering(loadKnowledge(knowledgeDir));
    const question = unsureQuestion({ qa });
    const json = JSON.parse(vmvc(["ask", "--json", question]).out);
    expect(json.answered).toBe(true);
    expect(json.confidence).toBeLessThan(defaultMatcherParams.decide.sure);
    expect(json.suggestions.length).toBeGreaterThan(0);
    expect(json.suggestions.map((s: { id: string }) => s.id)).not.toContain(json.id);
    expect(json.text).toContain("best guess");
    for (const s of json.suggestions) expect(json.text).toContain(s.question);
  });

  it("gives human-readable text without --json", () => {
    const r = vmvc(["ask", "what", "is", "a", "microVM"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Sources: /);
    expect(() => JSON.parse(r.out)).toThrow();
    // The answered question comes first, on its own line.
    expect(r.out.split("\n")[0]).toMatch(/^Answering: What is a microVM\?$/i);
  });

  it("refuses bad input clearly: empty question, unknown flag, unknown command, a 100 KB line", () => {
    expect(vmvc(["ask", " "])).toMatchObject({ code: 2, err: expect.stringMatching(/question is empty/) });
    const flag = vmvc(["ask", "--frobnicate", "x"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/Unknown option/);
    expect(flag.err).not.toMatch(/at .*\.ts:\d+/);
    expect(vmvc(["launch"])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown command "launch"/),
    });
    const huge = vmvc(["ask", "--json"], `${"container ".repeat(10_240)}\n`);
    expect(huge.code).toBe(0);
    expect(JSON.parse(huge.out)).toMatchObject({ answered: false, text: expect.stringMatching(/too long/) });
  });

  it("exports every entry with `knowledge --json`", () => {
    const r = vmvc(["knowledge", "--json"]);
    const { entries } = JSON.parse(r.out);
    expect(entries.length).toBeGreaterThanOrEqual(100);
    expect(entries[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        question: expect.any(String),
        alternates: expect.any(Array),
        answer: expect.any(String),
        sources: expect.any(Array),
      }),
    );
  });

  it("explains a match with --explain: decision, nearest phrasing, runner-ups, exact words and weighted features", () => {
    const r = vmvc(["ask", "--explain", "can we run postgres in containers"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^decision: answer with stateful-workloads-and-databases/m);
    expect(r.out).toMatch(/^nearest phrasing of stateful-workloads-and-databases: "/m);
    expect(r.out).toMatch(
      /^ranked entries \(probability tilted by the exact words; the model's own; lexical share\):\n {2}1\. 0\.\d{3} {2}\(model 0\.\d{3}, words [01]\.\d{2}\) {2}stateful-workloads-and-databases/m,
    );
    expect(r.out).toMatch(
      /^exact words stateful-workloads-and-databases's text shares with the question \(BM25\+ weight\): .*\bpostgres \d+\.\d{2}/m,
    );
    expect(r.out).toMatch(/^ {2}\+\d\.\d{3} {2}w:databas$/m);
  });

  it("says which rule declined a question with --explain", () => {
    const r = vmvc(["ask", "--explain"], "recipe for banana bread\nwhat is a hypervisr\n");
    expect(r.code).toBe(0);
    const [first, second] = r.out.split("\n\n");
    expect(first).toMatch(/^decision: declined by rule [a-z-]+: /m);
    expect(second).toMatch(/^decision: answer with hypervisor/m);
  });

  it("says when a word was left out for its other sense with --explain", () => {
    const r = vmvc(["ask", "--explain", "jupyter kernel keeps dying"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^decision: declined by rule no-subject-word: no subject word once the words used in another sense/m,
    );
  });

  it("says why it offers instead of answering with --explain", () => {
    const r = vmvc(["ask", "--explain", "how do i undo my last git commit"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^decision: did you mean \(no subject word, so even a sure match is only offered\): rollback$/m,
    );
  });
});
