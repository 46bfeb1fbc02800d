import type { Handler } from "../../server/http.ts";
import type { Surface, SurfaceContext } from "../../server/surface.ts";

export const MESSAGES_PATH = "/api/messages";

/**
 * Teams over the Bot Framework protocol on `POST /api/messages`. Always mounted: with an
 * empty MicrosoftAppId it runs in anonymous local mode (no JWT checks, no outbound tokens),
 * which is what the Bot Framework Emulator and the tests use. In that mode botbuilder is
 * loaded on the first request, so `npm start` serves the playground without waiting for it;
 * a configured app is loaded at start so a credentials problem shows up at once.
 */
export async function startSurface(ctx: SurfaceContext): Promise<Surface> {
  const { config } = ctx;
  let handler: Promise<Handler> | undefined;
  const load = () => {
    handler ??= import("./runtime.ts").then((m) => m.createMessagesHandler(ctx));
    return handler;
  };
  if (config.teams.appId) await load();
  ctx.http.route("POST", MESSAGES_PATH, async (req, res) => (await load())(req, res));
  const status = config.teams.appId
    ? `on at POST ${MESSAGES_PATH} (authenticated, ${config.teams.appType} app ${config.teams.appId})`
    : `local only at POST ${MESSAGES_PATH} (anonymous, for the Bot Framework Emulator); set MicrosoftAppId and MicrosoftAppPassword (plus MicrosoftAppType, MicrosoftAppTenantId) for Teams`;
  return { name: "teams", status };
}
