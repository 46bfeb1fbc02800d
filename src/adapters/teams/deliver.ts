import type { TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.ts";
import type { Reply } from "../../core/reply.ts";
import type { Turn } from "../../core/turn.ts";
import { type CardMessage, renderReply } from "./cards.ts";

/** `new-thread` replies run `then`; this bounds a (buggy) chain of them. */
const MAX_CHAIN = 3;

/** The one connector call we make directly: a top-level post for `channel` placement. */
interface ChannelPoster {
  conversations: {
    sendToConversation(conversationId: string, activity: CardMessage): Promise<{ id?: string }>;
  };
}

function isChannelPoster(value: unknown): value is ChannelPoster {
  const conversations = (value as { conversations?: { sendToConversation?: unknown } } | undefined)
    ?.conversations;
  return typeof conversations?.sendToConversation === "function";
}

/**
 * Posts replies where their placement says. Teams has no ephemeral messages here, so
 * `private` replies are posted normally; a channel reply chain is the "thread".
 */
export async function deliver(
  context: TurnContext,
  bot: Bot,
  turn: Turn,
  replies: Reply[],
  log: Logger,
  depth = 0,
): Promise<void> {
  for (const reply of replies) {
    const message = renderReply(reply);
    switch (reply.placement) {
      case "here":
        await context.sendActivity(message);
        break;
      case "replace":
        await replace(context, message, log);
        break;
      case "new-thread": {
        // Personal and group chats have no threads, and a channel post is already in its
        // reply chain: post here and run `then` in the same place.
        await context.sendActivity(message);
        if (reply.inThread && depth < MAX_CHAIN) {
          const next = await bot.handle({ ...turn, via: "action", action: reply.inThread });
          await deliver(context, bot, turn, next, log, depth + 1);
        }
        break;
      }
      case "channel":
        await toChannel(context, turn, message);
        break;
    }
  }
}

/** Updates the card whose button was pressed; if that is impossible, posts the reply instead. */
async function replace(context: TurnContext, message: CardMessage, log: Logger): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) {
    await context.sendActivity(message);
    return;
  }
  try {
    await context.updateActivity({ ...message, id });
  } catch (error) {
    log.warn({ err: error }, "teams: updating the pressed card failed; posting instead");
    await context.sendActivity(message);
  }
}

/** In a reply chain, `channel` means a new top-level post in the channel; elsewhere, post here. */
async function toChannel(context: TurnContext, turn: Turn, message: CardMessage): Promise<void> {
  const client: unknown = context.turnState.get(context.adapter.ConnectorClientKey);
  if (!turn.thread || !isChannelPoster(client)) {
    await context.sendActivity(message);
    return;
  }
  await client.conversations.sendToConversation(turn.conversation, message);
}
