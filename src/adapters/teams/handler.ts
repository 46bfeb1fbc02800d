import { ActivityTypes, TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.ts";
import type { Turn } from "../../core/turn.ts";
import type { StateStore } from "../../store/store.ts";
import {
  type InboundActivity,
  inboundActivitySchema,
  MAX_TEXT_CHARS,
  splitConversationId,
  toInbound,
} from "./activity.ts";
import { renderReply } from "./cards.ts";
import { TeamsPort } from "./port.ts";

/** Teams may redeliver an activity; remember ids this long to answer each only once. */
const DEDUPE_TTL_MS = 10 * 60 * 1000;

export interface HandlerDeps {
  bot: Bot;
  store: StateStore;
  log: Logger;
}

/** The bot logic run for every authenticated activity: Activity → Turn → core → cards. */
export function createTurnHandler({ bot, store, log }: HandlerDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    if (context.activity.type === ActivityTypes.Invoke) {
      // We use Action.Submit (messages), not invokes; acknowledge so Teams shows no error.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      return;
    }
    const parsed = inboundActivitySchema.safeParse(context.activity);
    if (!parsed.success) {
      log.info({ type: context.activity.type }, "teams: activity without the fields we need; ignored");
      return;
    }
    const activity = parsed.data;
    const inbound = toInbound(activity, () => TurnContext.removeRecipientMention(context.activity) ?? "");
    if (inbound.kind === "ignore") {
      log.debug({ reason: inbound.reason }, "teams: activity ignored");
      return;
    }
    if (!(await firstDelivery(store, activity))) {
      log.info({ activityId: activity.id }, "teams: duplicate delivery ignored");
      return;
    }
    switch (inbound.kind) {
      case "notice": {
        const notice =
          inbound.notice === "messageTooLong"
            ? bot.say("messageTooLong", { max: MAX_TEXT_CHARS })
            : inbound.notice === "textOnly"
              ? bot.say("textOnly")
              : bot.unreadableButton();
        await context.sendActivity(renderReply(notice));
        return;
      }
      case "welcome": {
        // The bot was added to a chat or team: introduce it with the help card.
        const turn: Turn = {
          platform: "teams",
          user: { id: activity.from.id },
          ...splitConversationId(activity.conversation.id),
          via: "action",
          action: { type: "help" },
        };
        await bot.converse(turn, new TeamsPort(context, turn));
        return;
      }
      case "turn": {
        const { turn } = inbound;
        log.info(
          {
            via: turn.via,
            action: turn.action?.type,
            conversationType: activity.conversation.conversationType,
          },
          "teams: turn",
        );
        await bot.converse(turn, new TeamsPort(context, turn));
        return;
      }
    }
  };
}

async function firstDelivery(store: StateStore, activity: InboundActivity): Promise<boolean> {
  if (!activity.id) return true;
  return store.claim(`teams:activity:${activity.conversation.id}:${activity.id}`, DEDUPE_TTL_MS);
}
