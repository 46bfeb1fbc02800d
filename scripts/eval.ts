// `npm run eval [-- --failures]`: the matcher beside a plain MiniSearch index on every set, in one
// table: cross-validation over the knowledge's own phrasings, the public question set, the real
// questions people asked in public (test/fixtures/real-questions.jsonl, real-questions-2.jsonl to
// -4.jsonl and -6.jsonl: development sets; real-questions-holdout*.jsonl (1, 5, 7, 8 and 9), kept apart:
// their misses are never listed, so nobody tunes on them) and our chat-style set.
// `npm run eval -- --seeds N` adds the range of the matcher's figures over N training seeds (the
// default one and the N - 1 after it): a change inside that range has not been shown to help.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { answerablesOf } from "../src/core/answerable.ts";
import { buildQuestionAnswering } from "../src/core/questions.ts";
import { crossValidate } from "../src/eval/crossValidation.ts";
import { judgedAnswer } from "../src/eval/questionSet.ts";
import { type Range, seedSpread } from "../src/eval/seedSpread.ts";
import { evaluateSets, type SetRow } from "../src/eval/sets.ts";
import { situationsReport } from "../src/eval/situations.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { knowledgeDir, repoRoot } from "../src/paths.ts";

/** `--seeds N` or `--seeds=N` (2 to 20), else 1; anything else stops with a usage line. */
function seedCount(args: string[]): number {
  const at = args.findIndex((a) => a === "--seeds" || a.startsWith("--seeds="));
  if (at < 0) return 1;
  const arg = args[at]!;
  const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[at + 1];
  const parsed = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().min(2).max(20)).safeParse(value);
  if (parsed.success) return parsed.data;
  console.error("usage: npm run eval -- [--failures] [--seeds N]   (N: how many training seeds, 2 to 20)");
  process.exit(2);
}

const showFailures = process.argv.includes("--failures");
const seeds = seedCount(process.argv.slice(2));
const knowledge = loadKnowledge(knowledgeDir);
const qa = buildQuestionAnswering(knowledge);
const cv = crossValidate(answerablesOf(knowledge), knowledge.lexicon);

const pct = (pass: number, all: number) =>
  `${pass}/${all} (${((100 * pass) / Math.max(1, all)).toFixed(1)}%)`;
const rows: [string, string, string, string][] = [
  [
    "cross-validation top-1 (5 folds)",
    pct(cv.vmvc.top1, cv.vmvc.all),
    pct(cv.minisearch.top1, cv.minisearch.all),
    "",
  ],
  [
    "cross-validation top-3 (5 folds)",
    pct(cv.vmvc.top3, cv.vmvc.all),
    pct(cv.minisearch.top3, cv.minisearch.all),
    "",
  ],
];
const fixture = (name: string) => resolve(repoRoot, "test/fixtures", name);
const setFiles = [
  { name: "public set", file: resolve(repoRoot, "../shared/eval/questions.jsonl") },
  { name: "real questions", file: fixture("real-questions.jsonl") },
  // Collected after the matcher was built and never tuned on: read only for its totals.
  { name: "real, held out", file: fixture("real-questions-holdout.jsonl") },
  // A second development set: collected as a held-out set, scored once untouched (35/52, against
  // MiniSearch's 33/52), then read to find what real questions still trip over.
  { name: "real questions 2", file: fixture("real-questions-2.jsonl") },
  // A third, collected the same way: scored once untouched (50/64, against MiniSearch's 46/64;
  // off-topic declined 16/21), then read like the second.
  { name: "real questions 3", file: fixture("real-questions-3.jsonl") },
  // A fourth, its off-topic questions chosen to share general words with our subject: scored once
  // untouched (35/46, tied with MiniSearch; off-topic declined 26/38), then read.
  { name: "real questions 4", file: fixture("real-questions-4.jsonl") },
  // A fifth, collected blind after the general-words tier (mostly off-topic questions that share
  // general words with our subject; only 19 in scope: the easy public ones were all taken).
  { name: "real, held out 5", file: fixture("real-questions-holdout5.jsonl") },
  // A sixth, collected blind a session later (54 of its 100 questions left after removing those
  // from pages earlier sets used): scored once untouched (10/14, tied with MiniSearch; off-topic
  // declined 19/27; near-domain 2/13), then read.
  { name: "real questions 6", file: fixture("real-questions-6.jsonl") },
  // A seventh, all in scope, from pages no earlier set used (mostly follow-up questions in GitHub
  // issues): held out, read only for its totals.
  { name: "real, held out 7", file: fixture("real-questions-holdout7.jsonl") },
  // An eighth, collected blind after the exact-word tilt (params.lexical) was built: held out,
  // read only for its totals.
  { name: "real, held out 8", file: fixture("real-questions-holdout8.jsonl") },
  // A ninth, collected blind at the end of that session: only 3 in scope (search finds few
  // public questions on our subject that earlier sets did not use) and 15 off topic. Held out.
  { name: "real, held out 9", file: fixture("real-questions-holdout9.jsonl") },
  { name: "chat-style set", file: fixture("dev-questions.jsonl") },
].filter((s) => existsSync(s.file));
const sets: SetRow[] = evaluateSets(knowledge, (q) => judgedAnswer(q, qa), setFiles);
const spread = seeds > 1 ? seedSpread(knowledge, setFiles, seeds) : undefined;
const range = (r: Range | undefined) => (r ? (r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`) : "");
// One row per figure a set has: in-scope answers always, declines where it has such questions.
const figures = [
  ["answered right", "inScope"],
  ["right or one press away", "onePress"],
  ["off-topic declined", "outOfScope"],
  ["near-domain declined", "nearDomain"],
] as const;
for (const [i, s] of sets.entries())
  for (const [label, key] of figures)
    if (key === "inScope" || s.ours[key].all > 0)
      rows.push([
        `${s.name}: ${label}`,
        pct(s.ours[key].pass, s.ours[key].all),
        pct(s.baseline[key].pass, s.baseline[key].all),
        key === "onePress" ? "" : range(spread?.[i]?.[key]),
      ]);
const width = Math.max(...rows.map((r) => r[0].length));
const seedColumn = seeds > 1 ? `vmvc over ${seeds} seeds` : "";
console.log(
  `${"".padEnd(width)}  ${"vmvc matcher".padEnd(20)}  ${"MiniSearch (BM25+)".padEnd(20)}  ${seedColumn}`.trimEnd(),
);
for (const [name, ours, theirs, seeded] of rows)
  console.log(`${name.padEnd(width)}  ${ours.padEnd(20)}  ${theirs.padEnd(20)}  ${seeded}`.trimEnd());
console.log(
  '(one press away: a right entry among those vmvc\'s reply offers beside a best guess or as "did you mean"; MiniSearch offers nothing, so its next two hits stand in)',
);
if (showFailures) {
  // The held-out set's misses are never listed: nobody tunes on them.
  const listed = sets.filter((s) => !s.name.includes("held out"));
  for (const s of listed) for (const f of s.ours.failures) console.log(`  ${s.name} fail: ${f}`);
} else console.log("(npm run eval -- --failures lists every miss, except the held-out set's)");
// Descriptions of situations (`recommend`): a block of its own, after the matcher's table.
console.log(`\n${situationsReport(knowledge, fixture("situations.jsonl"), showFailures)}`);
