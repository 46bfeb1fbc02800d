import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { Bot } from "../core/bot.ts";
import type { StateStore } from "../store/store.ts";
import type { HttpApp } from "./http.ts";

/** What every surface (Slack, Teams, playground) gets from the composition root. */
export interface SurfaceContext {
  bot: Bot;
  store: StateStore;
  config: Config;
  log: Logger;
  http: HttpApp;
}

/** A started surface: its line for the start-up banner and how to stop it. */
export interface Surface {
  name: string;
  status: string;
  stop?: () => Promise<void>;
}
