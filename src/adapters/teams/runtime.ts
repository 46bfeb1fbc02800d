import type { Handler } from "../../server/http.ts";
import type { SurfaceContext } from "../../server/surface.ts";
import { createCloudAdapter } from "./adapter.ts";
import { messagesHandler } from "./bridge.ts";
import { createTurnHandler } from "./handler.ts";

/** Everything that needs botbuilder: the CloudAdapter and the request handler in front of it. */
export function createMessagesHandler(ctx: SurfaceContext): Handler {
  const { config, log, bot, store } = ctx;
  const adapter = createCloudAdapter(config.teams, bot, log.child({ surface: "teams" }));
  const logic = createTurnHandler({ bot, store, log: log.child({ surface: "teams" }) });
  return messagesHandler(adapter, logic, log);
}
