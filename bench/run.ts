// `npm run bench`: in-process matcher latency (real and 10,000-entry knowledge, beside MiniSearch),
// start-up time to the first served page and memory. The last line is one JSON object.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
import { RECENT_ANSWERS } from "../src/core/recentAnswers.ts";
import { readJsonl } from "../src/eval/jsonl.ts";
import { readQuestionSet } from "../src/eval/questionSet.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { knowledgeDir, repoRoot } from "../src/paths.ts";
import { benchHttp } from "./http.ts";
import { benchMatcher, realEntries, syntheticEntries } from "./matcher.ts";
import { benchStartup } from "./startup.ts";

const knowledge = loadKnowledge(knowledgeDir);
const real = realEntries(knowledge);
let questions: string[];
try {
  questions = readQuestionSet(resolve(repoRoot, "../shared/eval/questions.jsonl")).map((c) => c.q);
} catch {
  questions = real.flatMap((e) => e.phrasings.slice(1, 2));
}

const realFigures = benchMatcher(real, knowledge, questions, 50, 7);
console.log(
  `matcher, real knowledge (${realFigures.entries} entries): training ${realFigures.train.medianMs} ms (median of ${realFigures.train.runs}, ${realFigures.train.epochs} passes); vmvc median ${realFigures.vmvc.medianMs} ms, p99 ${realFigures.vmvc.p99Ms} ms | MiniSearch median ${realFigures.minisearch.medianMs} ms, p99 ${realFigures.minisearch.p99Ms} ms`,
);
// A fresh cache directory, so the first start really trains and stores.
const cacheDir = mkdtempSync(join(tmpdir(), "vmvc-bench-cache-"));
const synthetic = benchMatcher(syntheticEntries(real, 10_000), knowledge, questions, 5, 1, { dir: cacheDir });
rmSync(cacheDir, { recursive: true, force: true });
console.log(
  `matcher, synthetic ${synthetic.entries} entries: training ${synthetic.train.medianMs} ms (${synthetic.train.epochs} passes); with the model cache: first start ${synthetic.cached?.storeMs} ms, next start ${synthetic.cached?.loadMs} ms (${synthetic.cached?.status}); vmvc median ${synthetic.vmvc.medianMs} ms, p99 ${synthetic.vmvc.p99Ms} ms | MiniSearch median ${synthetic.minisearch.medianMs} ms, p99 ${synthetic.minisearch.p99Ms} ms`,
);
const startup = await benchStartup(5);
console.log(
  `start-up to first served page: median ${startup.medianMs} ms (runs ${startup.runs.join(", ")} ms); resident memory ${startup.rssMb} MB`,
);
/** The question `/vmvc ask` is measured with: an ordinary one with a full answer. */
const ASK = "can we run databases in containers?";
/**
 * Ask, every request a different question than the last few hundred: the public set, the real
 * questions and the chat-style set in turn. No answer can come from the server's recent answers
 * (src/core/recentAnswers.ts), which the first ask measurement, one question again and again, uses.
 */
const distinct = [
  ...questions,
  ...["real-questions.jsonl", "dev-questions.jsonl"].flatMap((f) =>
    readJsonl(resolve(repoRoot, "test/fixtures", f), z.object({ q: z.string() })).map((c) => c.q),
  ),
].map((q) => `ask ${q}`);
// In turn, more different questions than the server remembers: every one is matched afresh.
if (new Set(distinct).size <= RECENT_ANSWERS)
  throw new Error(`the uncached ask measurement needs more than ${RECENT_ANSWERS} different questions`);
// Two client concurrencies: at 16 the real server is the limit; at 64 the client limits the bare one.
const http = [
  await benchHttp(5, 16),
  await benchHttp(5, 64),
  await benchHttp(5, 16, `ask ${ASK}`),
  await benchHttp(5, 16, `ask ${ASK}`, distinct),
];
const notes = [
  "",
  "",
  " [cached: the same question every time]",
  ` [uncached: ${distinct.length} questions in turn, more than the ${RECENT_ANSWERS} remembered]`,
];
for (const [i, h] of http.entries()) {
  console.log(
    `signed /vmvc ${h.command}${notes[i]}, ${h.connections} keep-alive connections: real server ${h.vmvcRps} req/s (${h.serverCpu.vmvc} CPU, answers ${h.vmvcMeanBytes} B), bare node:http HMAC check ${h.bareRps} req/s (${h.serverCpu.bare} CPU, answers ${h.answerBytes} B); ratio ${h.ratio}; per CPU-second ${h.perCpu.vmvc} vs ${h.perCpu.bare}: ${Math.round(h.perCpu.ratio * 100)}%`,
  );
}

console.log(JSON.stringify({ matcher: { real: realFigures, synthetic }, startup, http }));
