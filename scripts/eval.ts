// `npm run eval [-- questions.jsonl]`: pass rates of the vmvc matcher and of a plain MiniSearch
// baseline on the same entries, side by side, and every failure of the matcher.
import { resolve } from "node:path";
import { askJson } from "../src/adapters/cli/ask.ts";
import { buildQuestionAnswering } from "../src/core/questions.ts";
import { miniSearchBaseline, readQuestionSet, type Scored, score } from "../src/eval/questionSet.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { knowledgeDir, repoRoot } from "../src/paths.ts";

const file = resolve(process.argv[2] ?? resolve(repoRoot, "../shared/eval/questions.jsonl"));
const knowledge = loadKnowledge(knowledgeDir);
const qa = buildQuestionAnswering(knowledge);
const cases = readQuestionSet(file);

const ours = score(cases, (q) => askJson(q, qa));
const baseline = score(cases, miniSearchBaseline(knowledge));

const pct = (p: { pass: number; all: number }) =>
  `${p.pass}/${p.all} (${((100 * p.pass) / Math.max(1, p.all)).toFixed(1)}%)`;
const row = (name: string, s: Scored) =>
  `${name.padEnd(22)} in-scope ${pct(s.inScope).padEnd(16)} out-of-scope declined ${pct(s.outOfScope)}`;
console.log(`question set: ${file} (${cases.length} questions)`);
console.log(row("vmvc matcher", ours));
console.log(row("MiniSearch baseline", baseline));
for (const f of ours.failures) console.log(`  fail: ${f}`);
const rate = (p: { pass: number; all: number }) => p.pass / Math.max(1, p.all);
const ok = rate(ours.inScope) >= 0.95 && rate(ours.outOfScope) >= 0.95;
console.log(ok ? "quality bar met (>= 95% in-scope, >= 95% out-of-scope declined)" : "quality bar NOT met");
process.exitCode = ok ? 0 : 1;
