import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ANSWER_KEYS, ANSWER_VALUES, RECOMMENDATION_IDS } from "../../../src/core/decision/index.ts";
import { repoRoot } from "../../../src/paths.ts";

/** Runs the real CLI as a user or script would. */
function vmvc(args: string[], input?: string) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", resolve(repoRoot, "src/adapters/cli/main.ts"), ...args],
    { cwd: repoRoot, input, encoding: "utf8", maxBuffer: 32 * 1024 * 1024 },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("a reader that stops early", () => {
  it("closing the pipe (| head -c 40) ends the CLI quietly, without an EPIPE stack", () => {
    const main = resolve(repoRoot, "src/adapters/cli/main.ts");
    const many = Array.from({ length: 200 }, (_, i) => `${i + 3} engineers, a legacy Solaris app`).join("\n");
    const r = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; "${process.execPath}" --import tsx "${main}" recommend | head -c 40 >/dev/null`,
      ],
      { cwd: repoRoot, input: many, encoding: "utf8" },
    );
    expect(r.stderr).not.toContain("EPIPE");
    expect(r.status).toBe(0);
  });
});

const SOLARIS =
  "We're three engineers with a legacy Solaris app, a couple of releases a year and a regulator breathing down our neck — VMs or containers?";

/** The `decide --json` contract (DESIGN.md) plus `understood` with checklist keys and values. */
function expectContract(json: Record<string, unknown>) {
  expect(RECOMMENDATION_IDS).toContain(json.recommendation);
  expect(typeof json.title).toBe("string");
  for (const id of RECOMMENDATION_IDS)
    expect(typeof (json.scores as Record<string, unknown>)[id]).toBe("number");
  expect(Array.isArray(json.reasons)).toBe(true);
  expect(Array.isArray(json.caveats)).toBe(true);
  expect(Array.isArray(json.unanswered)).toBe(true);
  const understood = json.understood as Record<string, { value: string; evidence: string }>;
  for (const [key, u] of Object.entries(understood)) {
    expect(ANSWER_KEYS).toContain(key);
    expect(ANSWER_VALUES[key as keyof typeof ANSWER_VALUES]).toContain(u.value);
    expect(Object.keys(u).sort()).toEqual(["evidence", "value"]);
  }
}

describe("vmvc recommend (CLI contract)", () => {
  it("--json prints decide's object plus what was understood, with the words behind each answer", () => {
    const r = vmvc(["recommend", "--json", SOLARIS]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expectContract(json);
    expect(json.understood).toEqual({
      compliance: { value: "strict", evidence: "regulator" },
      deploys: { value: "rare", evidence: "couple of releases a year" },
      multiOs: { value: "yes", evidence: "Solaris" },
      legacy: { value: "yes", evidence: "legacy" },
    });
    expect(json.recommendation).toBe("vms");
    expect(json.provisional).toBe(false);
    // The answers not understood are the unanswered ones.
    expect(json.unanswered).toEqual(ANSWER_KEYS.filter((k) => !(k in json.understood)));
    // Exactly what decide --json prints for the understood answers, plus `understood`.
    const decided = JSON.parse(
      vmvc(["decide", "--json", "compliance=strict", "deploys=rare", "multiOs=yes", "legacy=yes"]).out,
    );
    const { understood: _u, conflicts: _c, ...rest } = json;
    expect(rest).toEqual(decided);
  });

  it("reads one description a line from standard input and prints one JSON object a line", () => {
    const input = `${SOLARIS}\n\nwe run about 60 stateless services and deploy many times a day\nwhat is a hypervisor\n`;
    const r = vmvc(["recommend", "--json"], input);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    for (const l of lines) expectContract(l);
    expect(lines[1].understood).toMatchObject({
      architecture: { value: "microservices", evidence: "60 stateless services" },
      state: { value: "stateless" },
      deploys: { value: "frequent" },
    });
    // Nothing understood: nothing guessed, and no headline recommendation.
    expect(lines[2].understood).toEqual({});
    expect(lines[2].provisional).toBe(true);
  });

  it("without --json prints what a person sees: what was understood, then the recommendation", () => {
    const r = vmvc(["recommend", SOLARIS]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^HERE IS WHAT I UNDERSTOOD\n/);
    expect(r.out).toContain(
      "Compliance: Strict — regulated, with prescribed separation and audit trails — from: “regulator”",
    );
    expect(r.out).toContain("RECOMMENDATION: VIRTUAL MACHINES");
    expect(r.out).toMatch(/Sources: /);
  });

  it("without buttons, ends with the understood answers as a decide command line that gives the same recommendation", () => {
    const r = vmvc(["recommend", SOLARIS]);
    const line = r.out.trim().split("\n").at(-1)!;
    const command = /npm run --silent vmvc -- decide (.+)$/.exec(line);
    expect(command, line).not.toBeNull();
    const args = command![1]!.split(" ");
    expect(args.sort()).toEqual(["compliance=strict", "deploys=rare", "legacy=yes", "multiOs=yes"]);
    const decided = JSON.parse(vmvc(["decide", "--json", ...args]).out);
    const recommended = JSON.parse(vmvc(["recommend", "--json", SOLARIS]).out);
    expect(decided.recommendation).toBe(recommended.recommendation);
  });

  it("an empty description is one line on stderr and exit code 2", () => {
    const r = vmvc(["recommend", "  "]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });
});
