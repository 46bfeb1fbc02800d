// A bot process for restart tests: reads one Turn as JSON per line on stdin, answers with the
// replies as one JSON line on stdout. State lives in STATE_URL, like the real server.
import { createInterface } from "node:readline";
import { Bot } from "../../src/core/bot.ts";
import type { Turn } from "../../src/core/turn.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir } from "../../src/paths.ts";
import { createStore } from "../../src/store/index.ts";

const store = await createStore(process.env.STATE_URL ?? "memory:");
const bot = new Bot({ knowledge: loadKnowledge(knowledgeDir), store });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const replies = await bot.handle(JSON.parse(line) as Turn);
  process.stdout.write(`${JSON.stringify({ replies })}\n`);
}
