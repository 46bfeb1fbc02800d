import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { Bot } from "./core/bot.ts";
import { loadKnowledge } from "./knowledge/load.ts";
import { knowledgeDir, matcherCacheDir } from "./paths.ts";
import { mountHealth } from "./server/health.ts";
import { HttpApp } from "./server/http.ts";
import type { Surface, SurfaceContext } from "./server/surface.ts";
import { createStore } from "./store/index.ts";

export interface RunningApp {
  port: number;
  surfaces: Surface[];
  context: SurfaceContext;
  stop: () => Promise<void>;
}

/**
 * The composition root: knowledge, store, core and the surfaces on one HTTP server.
 * Each surface is loaded only when it is switched on, so a plain `npm start` stays quick.
 */
export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  const startedAt = Date.now();
  const knowledge = loadKnowledge(knowledgeDir);
  const store = await createStore(config.stateUrl, {
    onError: (error) => log.warn({ err: error }, "state store problem"),
  });
  const bot = new Bot({
    knowledge,
    store,
    rateLimitPerMinute: config.rateLimitPerMinute,
    // Building the explanation costs more than the match itself: only when debug logs are on.
    onExplain: (explain) => {
      if (log.isLevelEnabled("debug")) log.debug({ match: explain() }, "question matched");
    },
    statsAccess: config.statsAccess,
    retry: {
      retries: config.delivery.retries,
      baseDelayMs: config.delivery.backoffMs,
      maxDelayMs: Math.max(5_000, config.delivery.backoffMs),
    },
    log: log.child({ part: "delivery" }),
  });
  const http = new HttpApp(log);
  mountHealth(http, store, startedAt);
  const context: SurfaceContext = { bot, store, config, log, http };

  const surfaces: Surface[] = [];
  const starters = await surfaceStarters();
  for (const start of starters) surfaces.push(await start(context));
  const port = await http.listen(config.port, config.host);
  // Train the question matcher and read the situation vocabulary (together most of a second)
  // just after the first page can be served, so the first question does not wait for them either.
  setTimeout(() => {
    try {
      bot.situations.warm();
      const { cache, exactWords } = bot.qa.warm();
      // A large knowledge base that cannot keep its model trains again on every start: say so.
      if (cache === "not-stored")
        log.warn({ dir: matcherCacheDir }, "the trained matcher could not be cached");
      else if (cache !== "off") log.info({ cache, exactWords, dir: matcherCacheDir }, "matcher model cache");
    } catch (error) {
      // Every question would fail the same way: stop, as a knowledge error at start-up does.
      process.stderr.write(
        `vmvc: could not prepare the knowledge for questions: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    }
  }, WARM_AFTER_MS).unref();

  return {
    port,
    surfaces,
    context,
    stop: async () => {
      await http.close();
      for (const s of surfaces) await s.stop?.();
      await store.close();
    },
  };
}

/** How long after listening the matcher is trained: long enough for a first page to go out. */
const WARM_AFTER_MS = 300;

type Starter = (context: SurfaceContext) => Promise<Surface>;

/** The surfaces, in banner order. Each module decides from the config whether it is on. */
async function surfaceStarters(): Promise<Starter[]> {
  const modules = await Promise.all([
    import("./adapters/playground/surface.ts"),
    import("./adapters/slack/surface.ts"),
    import("./adapters/teams/surface.ts"),
  ]);
  return modules.map((m) => m.startSurface);
}
