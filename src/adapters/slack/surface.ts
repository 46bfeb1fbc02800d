import type { Surface, SurfaceContext } from "../../server/surface.ts";

/**
 * The Slack surface. Bolt is loaded only when Slack is configured, so a plain `npm start`
 * (the playground alone) does not pay for it at start-up.
 */
export async function startSurface(ctx: SurfaceContext): Promise<Surface> {
  const slack = ctx.config.slack;
  if (!slack)
    return {
      name: "slack",
      status: "off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or SLACK_APP_TOKEN for Socket Mode)",
    };
  const { startSlack } = await import("./app.ts");
  return startSlack(ctx, slack);
}
