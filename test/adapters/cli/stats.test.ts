import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InsightEvent, Insights } from "../../../src/core/insights.ts";
import type { Platform } from "../../../src/core/turn.ts";
import { repoRoot } from "../../../src/paths.ts";
import { openSqliteStore } from "../../../src/store/sqlite.ts";

const DAY = 24 * 60 * 60 * 1000;
const dir = mkdtempSync(join(tmpdir(), "vmvc-stats-"));
const file = join(dir, "state.db");

/** Runs the real CLI (`npm run vmvc -- stats`) against the seeded SQLite file. */
function vmvc(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", resolve(repoRoot, "src/adapters/cli/main.ts"), ...args],
    {
      cwd: repoRoot,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", STATE_URL: `sqlite:${file}` },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let asked = 0;
const question = (
  text: string,
  outcome: "answered" | "suggested" | "declined",
  extra: { entryId?: string; suggestions?: string[] } = {},
  platform: Platform = "slack",
): Extract<InsightEvent, { type: "question" }> => ({
  type: "question",
  askedId: `seed${++asked}`,
  at: Date.now(),
  platform,
  question: text,
  outcome,
  confidence: outcome === "answered" ? 0.9 : 0.2,
  ...extra,
});

/** A usage history as the bot writes it, through the same Insights class and store. */
async function seed(): Promise<void> {
  // An unanswered question from 91 days ago: past the retention, so it must not be reported.
  const old = openSqliteStore(file, { now: () => Date.now() - 91 * DAY });
  await new Insights(old, () => Date.now() - 91 * DAY).record(
    question("ancient question about floppy disk images", "declined"),
  );
  await old.close();

  const store = openSqliteStore(file);
  const insights = new Insights(store, Date.now);
  for (let i = 0; i < 6; i++)
    await insights.record(
      question("can we run databases in containers?", "answered", {
        entryId: "stateful-workloads-and-databases",
      }),
    );
  // Three wordings of one gap, and a second, smaller gap.
  for (const text of [
    "can I run windows containers on linux hosts?",
    "windows containers on a linux host",
    "running windows containers on linux",
  ])
    await insights.record(question(text, "suggested", { suggestions: ["containers-vs-vms"] }, "teams"));
  for (let i = 0; i < 2; i++) await insights.record(question("what about mainframes?", "declined"));
  // "k8s" got suggestions twice and people picked the Kubernetes entry both times.
  for (let i = 0; i < 2; i++) {
    const q = question("k8s", "suggested", { suggestions: ["orchestration-kubernetes"] });
    await insights.record(q);
    await insights.record({
      type: "pick",
      askedId: q.askedId,
      at: Date.now(),
      entryId: "orchestration-kubernetes",
    });
  }
  const vote = (entryId: string, v: "up" | "down") =>
    insights.record({ type: "feedback", at: Date.now(), entryId, vote: v });
  for (let i = 0; i < 3; i++) await vote("stateful-workloads-and-databases", "down");
  await vote("stateful-workloads-and-databases", "up");
  await vote("orchestration-kubernetes", "down");
  await vote("containers-vs-vms", "up");
  await store.close();
}

beforeAll(seed);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("vmvc stats (CLI) on a seeded usage history", () => {
  it("prints the answered rate, clustered gaps, most-👎 entries and suggestion picks", () => {
    const r = vmvc(["stats"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = r.out;
    // 6 answered of 13 questions in the last 90 days (the 91-day-old one has expired).
    expect(out).toMatch(/Questions\W+13\b/);
    expect(out).toMatch(/Answered\W+6 \(46\.2%\)/);
    expect(out).not.toContain("floppy");

    const section = (title: RegExp) => {
      const start = out.search(title);
      expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
      const rest = out.slice(start);
      const next = rest.slice(1).search(/\n\n|\n[A-Z*]/);
      return next < 0 ? rest : rest.slice(0, next + 1);
    };
    const gaps = section(/Top unanswered questions/)
      .split("\n")
      .filter((l) => /×/.test(l));
    // The three Windows wordings are one cluster, biggest first; then the two "mainframes".
    expect(gaps[0]).toMatch(
      /3× “(can I run windows containers on linux hosts\?|windows containers on a linux host|running windows containers on linux)”/,
    );
    expect(gaps[0]).toMatch(/also: /);
    expect(gaps.slice(1).join("\n")).toMatch(/2× “what about mainframes\?”/);
    expect(gaps.slice(1).join("\n")).toMatch(/2× “k8s”/);
    expect(gaps).toHaveLength(3);

    const down = section(/Entries with the most 👎/)
      .split("\n")
      .filter((l) => /👎/.test(l) && /\d/.test(l));
    expect(down[0]).toMatch(/stateful-workloads-and-databases.*3 👎, 1 👍/);
    expect(down[1]).toMatch(/orchestration-kubernetes.*1 👎, 0 👍/);
    expect(down).toHaveLength(2); // an entry with only 👍 is not listed

    expect(section(/Suggestion picks/)).toMatch(/“k8s” → .?orchestration-kubernetes.? \(2×\)/);
  });

  it("gives the same report as JSON with --json", () => {
    const r = vmvc(["stats", "--json"]);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.out);
    expect(stats).toMatchObject({ questions: 13, answered: 6 });
    expect(stats.answeredRate).toBeCloseTo(6 / 13, 5);
    expect(stats.unanswered.map((u: { count: number }) => u.count)).toEqual([3, 2, 2]);
    expect(stats.unanswered[0].questions).toHaveLength(3);
    expect(stats.downvoted).toEqual([
      { entryId: "stateful-workloads-and-databases", down: 3, up: 1 },
      { entryId: "orchestration-kubernetes", down: 1, up: 0 },
    ]);
    expect(stats.picks).toEqual([{ question: "k8s", entryId: "orchestration-kubernetes", count: 2 }]);
  });
});
