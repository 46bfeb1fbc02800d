import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from "botbuilder";
import type { Logger } from "pino";
import type { TeamsConfig } from "../../config.ts";
import type { Bot } from "../../core/bot.ts";
import { renderReply } from "./cards.ts";

/**
 * The CloudAdapter with botbuilder's own configuration names. An empty app id disables
 * inbound JWT checks and outbound tokens (anonymous local mode).
 */
export function createCloudAdapter(teams: TeamsConfig, bot: Bot, log: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword,
    MicrosoftAppType: teams.appType,
    MicrosoftAppTenantId: teams.tenantId,
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: teams.appId, MicrosoftAppTenantId: teams.tenantId },
    credentials,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = (context, error) => onTurnError(context, error, bot, log);
  return adapter;
}

/** The one error hook: log, then apologise in the conversation. Never throws (that would be a 500). */
async function onTurnError(context: TurnContext, error: unknown, bot: Bot, log: Logger): Promise<void> {
  log.error({ err: error, activityType: context.activity.type }, "teams: turn failed");
  try {
    await context.sendActivity(renderReply(bot.errorReply(error)));
  } catch (sendError) {
    log.error({ err: sendError }, "teams: could not send the error reply");
  }
}
