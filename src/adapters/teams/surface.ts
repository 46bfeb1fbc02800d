import type { Surface, SurfaceContext } from "../../server/surface.ts";
import { createCloudAdapter } from "./adapter.ts";
import { messagesHandler } from "./bridge.ts";
import { createTurnHandler } from "./handler.ts";

export const MESSAGES_PATH = "/api/messages";

/**
 * Teams over the Bot Framework protocol on `POST /api/messages`. Always mounted: with an
 * empty MicrosoftAppId it runs in anonymous local mode (no JWT checks, no outbound tokens),
 * which is what the Bot Framework Emulator and the tests use.
 */
export async function startSurface(ctx: SurfaceContext): Promise<Surface> {
  const { config, log, bot, store } = ctx;
  const adapter = createCloudAdapter(config.teams, bot, log.child({ surface: "teams" }));
  const logic = createTurnHandler({ bot, store, log: log.child({ surface: "teams" }) });
  ctx.http.route("POST", MESSAGES_PATH, messagesHandler(adapter, logic, log));
  const status = config.teams.appId
    ? `Teams: ${MESSAGES_PATH} (authenticated, ${config.teams.appType} app ${config.teams.appId})`
    : `Teams: ${MESSAGES_PATH} in anonymous local mode (no token checks); set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId for Teams`;
  return { name: "teams", status };
}
