import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import type { Bot } from "../../core/bot.ts";
import { renderReply } from "./blocks.ts";
import { postToResponseUrl } from "./port.ts";

const withResponseUrl = z.object({ response_url: z.url() });
const withEvent = z.object({
  event: z.object({
    channel: z.string(),
    user: z.string(),
    channel_type: z.string().optional(),
    thread_ts: z.string().optional(),
    ts: z.string().optional(),
  }),
});

/**
 * The Slack adapter's one error hook: logs the failure, then tells the person with the core's
 * apology wherever the failed request came from. A failure to apologise is logged, not thrown.
 */
export function errorHook(bot: Bot, client: webApi.WebClient, log: Logger) {
  return async ({ error, body }: { error: Error; body?: unknown }): Promise<void> => {
    log.error({ surface: "slack", err: error }, "slack handler failed");
    const [message] = renderReply(bot.errorReply(error));
    if (!message) return;
    try {
      const viaUrl = withResponseUrl.safeParse(body);
      if (viaUrl.success) {
        await postToResponseUrl(viaUrl.data.response_url, {
          ...message,
          response_type: "ephemeral",
          replace_original: false,
        });
        return;
      }
      const viaEvent = withEvent.safeParse(body);
      if (viaEvent.success) {
        const e = viaEvent.data.event;
        const thread = e.thread_ts ?? (e.channel_type === "im" ? undefined : e.ts);
        const where = {
          channel: e.channel,
          text: message.text,
          blocks: message.blocks,
          ...(thread ? { thread_ts: thread } : {}),
        };
        if (e.channel_type === "im") await client.chat.postMessage(where);
        else await client.chat.postEphemeral({ ...where, user: e.user });
      }
    } catch (followUp) {
      log.error({ surface: "slack", err: followUp }, "could not tell the user about a failure");
    }
  };
}
