import { afterAll, beforeAll, expect } from "vitest";
import { startSurface } from "../../../src/adapters/playground/surface.ts";
import type { PgMessage } from "../../../src/adapters/playground/transcript.ts";
import { loadConfig } from "../../../src/config.ts";
import { Bot } from "../../../src/core/bot.ts";
import { createLogger } from "../../../src/logger.ts";
import { HttpApp } from "../../../src/server/http.ts";
import { createStore } from "../../../src/store/index.ts";
import { knowledge } from "../../helpers/bot.ts";

/**
 * The playground surface on a real HTTP server (memory store) for one test file, started before
 * its tests and closed after them, and `turn`: post a turn, expect 200, return the messages.
 */
export function usePlayground(): {
  turn: (body: unknown) => Promise<PgMessage[]>;
  /** The server's base URL, once started. */
  base: () => string;
} {
  const silent = createLogger("silent");
  let http: HttpApp;
  let base: string;
  beforeAll(async () => {
    const store = await createStore("memory:");
    http = new HttpApp(silent);
    await startSurface({
      bot: new Bot({ knowledge, store }),
      store,
      config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }),
      log: silent,
      http,
    });
    base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
  });
  afterAll(async () => {
    await http.close();
  });
  const turn = async (body: unknown) => {
    const res = await fetch(`${base}/api/playground/turn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: PgMessage[] }).messages;
  };
  return { turn, base: () => base };
}
