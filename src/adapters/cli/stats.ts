import "dotenv/config";
import { Insights } from "../../core/insights.ts";
import { buildQuestionAnswering } from "../../core/questions.ts";
import { plainText } from "../../core/render/plainText.ts";
import { computeStats, statsReply } from "../../core/stats.ts";
import type { Knowledge } from "../../knowledge/load.ts";
import { createStore, DEFAULT_STATE_URL } from "../../store/index.ts";
import type { CliIo } from "./io.ts";

/** `vmvc stats`: the knowledge-gap report from the usage history in STATE_URL's store. */
export async function statsCommand(json: boolean, io: CliIo, knowledge: Knowledge): Promise<number> {
  const store = await createStore(process.env.STATE_URL?.trim() || DEFAULT_STATE_URL);
  try {
    const events = await new Insights(store, Date.now).read();
    const stats = computeStats(events, buildQuestionAnswering(knowledge).stems);
    io.stdout.write(json ? `${JSON.stringify(stats)}\n` : `${plainText([statsReply(stats)])}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
