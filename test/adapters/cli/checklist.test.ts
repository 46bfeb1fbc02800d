import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../src/paths.ts";

const run = (input: string) =>
  spawnSync(
    process.execPath,
    ["--import", "tsx", resolve(repoRoot, "src/adapters/cli/main.ts"), "checklist"],
    {
      cwd: repoRoot,
      input,
      encoding: "utf8",
    },
  );

describe("vmvc checklist (interactive terminal walkthrough)", () => {
  it("asks the 11 questions one at a time, takes numbers, skip and back, and ends in a recommendation", () => {
    // 1st answer, skip, back (to question 2 again), then answer the rest with choice 1.
    const r = run(["1", "s", "b", ...Array(10).fill("1")].join("\n"));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Question 1 of 11/);
    expect(r.stdout).toMatch(/went back/);
    expect(r.stdout).toMatch(/Question 11 of 11/);
    expect(r.stdout).toMatch(/RECOMMENDATION: /);
    expect(r.stdout).toMatch(/Why not /);
  });

  it("explains what it accepts when the input is not a choice, and quits on q", () => {
    const r = run("banana\nq\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Type a choice number/);
    expect(r.stdout).not.toMatch(/RECOMMENDATION/);
  });
});
