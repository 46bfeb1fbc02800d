import { App, SocketModeReceiver } from "@slack/bolt";
import type { SlackConfig } from "../../config.ts";
import type { Surface, SurfaceContext } from "../../server/surface.ts";
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
): { app: App; receiver: SlackHttpReceiver | SocketModeReceiver } {
  const logger = boltLogger(ctx.log);
  const slackApiUrl = apiUrlOf(slack.apiUrl);
  const clientOptions = slackApiUrl ? { slackApiUrl } : {};
  const receiver =
    slack.mode === "socket"
      ? new SocketModeReceiver({
          appToken: slack.appToken,
          logger,
          ...(slackApiUrl ? { installerOptions: { clientOptions } } : {}),
        })
      : new SlackHttpReceiver(slack.signingSecret, ctx.log.child({ surface: "slack" }));
  const app = new App({
    token: slack.botToken,
    receiver,
    logger,
    clientOptions,
    // auth.test runs on the first event instead of at construction, so start-up needs no network.
    tokenVerificationEnabled: false,
    extendedErrorHandler: true,
  });
  registerListeners(app, {
    bot: ctx.bot,
    store: ctx.store,
    log: ctx.log.child({ surface: "slack" }),
    statsUsers: ctx.config.statsUsers,
    statsChannels: ctx.config.statsChannels,
  });
  app.error(errorHook(ctx.bot, app.client, ctx.log));
  return { app, receiver };
}

/** Starts the Bolt app: HTTP mode mounts the route on the one server, Socket Mode connects out. */
export async function startSlack(ctx: SurfaceContext, slack: SlackConfig): Promise<Surface> {
  const { app, receiver } = createSlackApp(ctx, slack);
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
