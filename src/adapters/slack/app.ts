import { App, SocketModeReceiver, webApi } from "@slack/bolt";
import { ConfigError, type SlackConfig } from "../../config.ts";
import type { Surface, SurfaceContext } from "../../server/surface.ts";
import { createAssistant } from "./assistant.ts";
import { boltLogger } from "./boltLogger.ts";
import { errorHook } from "./errors.ts";
import { registerListeners } from "./listeners.ts";
import { SlackHttpReceiver } from "./receiver.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

/** Bolt's Web API client expects the base URL to end with "/" (e.g. http://127.0.0.1:PORT/api/). */
const apiUrlOf = (url: string | undefined) => (url ? (url.endsWith("/") ? url : `${url}/`) : undefined);

/** Builds the Bolt app for the configured mode, with every listener and the error hook registered. */
export function createSlackApp(
  ctx: SurfaceContext,
  slack: SlackConfig,
  identity?: BotIdentity,
): { app: App; receiver: SlackHttpReceiver | SocketModeReceiver } {
  const logger = boltLogger(ctx.log);
  const slackApiUrl = apiUrlOf(slack.apiUrl);
  // The core's delivery loop retries failed calls (with backoff, honouring Retry-After) and tells
  // the person when it gives up; the Web API client's own retries (up to 30 minutes) would hide
  // every failure from it, so they are off.
  const clientOptions = {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
  const receiver =
    slack.mode === "socket"
      ? new SocketModeReceiver({
          appToken: slack.appToken,
          logger,
          ...(slackApiUrl ? { installerOptions: { clientOptions: { slackApiUrl } } } : {}),
        })
      : new SlackHttpReceiver(slack.signingSecret, ctx.log.child({ surface: "slack" }));
  const app = new App({
    token: slack.botToken,
    receiver,
    logger,
    clientOptions,
    // With the bot's ids known, Bolt never calls auth.test per event (with token verification
    // off and no ids it would, before every ack). Without them (tests), it asks lazily.
    ...(identity ?? {}),
    tokenVerificationEnabled: false,
    extendedErrorHandler: true,
    // Bolt's conversation store keeps per-conversation context we never read (state lives in the
    // core's StateStore); skipping it saves work on every event.
    convoStore: false,
    // Bolt's global ignoreSelf middleware would run for every command and press too; the same
    // check runs on the event listeners only (listeners.ts), the one place it can match.
    ignoreSelf: false,
  });
  const deps = { bot: ctx.bot, store: ctx.store, log: ctx.log.child({ surface: "slack" }) };
  // Before the listeners: it takes the messages of assistant threads (and other DM threads).
  app.assistant(createAssistant(deps));
  registerListeners(app, deps);
  app.error(errorHook(ctx.bot, app.client, ctx.log));
  return { app, receiver };
}

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/**
 * Checks the bot token once at start (auth.test) and learns the bot's ids: a wrong or revoked
 * token is one clear start-up error instead of a failure on every event.
 */
export async function verifyBotToken(slack: SlackConfig): Promise<BotIdentity> {
  const slackApiUrl = apiUrlOf(slack.apiUrl);
  const client = new webApi.WebClient(slack.botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 2 },
  });
  try {
    const r = await client.auth.test();
    if (!r.bot_id || !r.user_id)
      throw new Error("auth.test returned no bot id: is SLACK_BOT_TOKEN a bot (xoxb-) token?");
    return { botId: r.bot_id, botUserId: r.user_id };
  } catch (error) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN: Slack did not accept the token (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Starts the Bolt app: HTTP mode mounts the route on the one server, Socket Mode connects out. */
export async function startSlack(ctx: SurfaceContext, slack: SlackConfig): Promise<Surface> {
  const { app, receiver } = createSlackApp(ctx, slack, await verifyBotToken(slack));
  if (receiver instanceof SlackHttpReceiver) {
    ctx.http.route("POST", SLACK_EVENTS_PATH, receiver.handle);
    return {
      name: "slack",
      status: `on (HTTP: POST ${SLACK_EVENTS_PATH})`,
      stop: async () => void (await app.stop()),
    };
  }
  await app.start();
  return { name: "slack", status: "on (Socket Mode)", stop: async () => void (await app.stop()) };
}
