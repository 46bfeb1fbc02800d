import type { App, Context, Middleware, SlackEventMiddlewareArgs, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { actionSchema } from "../../core/action.ts";
import type { Bot } from "../../core/bot.ts";
import type { Reply } from "../../core/reply.ts";
import type { Turn } from "../../core/turn.ts";
import { PreparedJson } from "../../server/http.ts";
import type { StateStore } from "../../store/store.ts";
import { messageJson, type SlackMessage } from "./blocks.ts";
import { homeView } from "./home.ts";
import { fromSlack } from "./mrkdwn.ts";
import {
  blockActionsSchema,
  commandSchema,
  homeOpenedSchema,
  messageEventSchema,
  type SlackCommand,
} from "./payloads.ts";
import { type Destination, SlackPort } from "./port.ts";

export const EVENT_DEDUPE_TTL_MS = 60 * 60 * 1000;
/** How long a slash command may take to answer inside its ack; Slack allows 3 s. */
export const ACK_BUDGET_MS = 1_000;
/**
 * How long a press may take to be saved before it is acknowledged. Slack allows 3 s; a press
 * whose save takes longer is acked anyway (so Slack shows no error) and finishes afterwards.
 */
export const PRESS_ACK_BUDGET_MS = 2_000;

export interface ListenerDeps {
  bot: Bot;
  store: StateStore;
  log: Logger;
}

/** Waits for `work` at most `ms`; `undefined` when it is not done by then (it keeps running). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Bolt's `ignoreSelf` check: the bot's own messages, and events about the bot user itself
 * (except joining or leaving a channel).
 */
function isSelf(
  event: { type: string; user?: unknown; subtype?: unknown; bot_id?: unknown },
  context: Context,
): boolean {
  if (event.type === "message" && event.subtype === "bot_message" && event.bot_id === context.botId)
    return true;
  return (
    context.botUserId !== undefined &&
    event.user === context.botUserId &&
    event.type !== "member_joined_channel" &&
    event.type !== "member_left_channel"
  );
}

/** Removes the bot's own mention (and a leading one for any id, if the bot id is unknown yet). */
export function stripMention(text: string, botUserId: string | undefined): string {
  const own = botUserId
    ? text.split(`<@${botUserId}>`).join(" ")
    : text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, " ");
  return own.replace(/\s+/g, " ").trim();
}

/** Registers every Slack listener on the Bolt app: commands, mentions, DMs, buttons, App Home. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { bot, store, log } = deps;
  const shareLabel = bot.qa.context.responses.ui.shareInChannel;
  const deliver = (client: webApi.WebClient, turn: Turn, to: Destination, replies: Reply[]) =>
    bot.deliver(turn, new SlackPort(client, { ...to, shareLabel }), replies);

  // Slack redelivers an event it thinks was lost (x-slack-retry-num); the first delivery to
  // claim its event_id handles it, so a retry of an event never processed is still handled.
  // Only Events API bodies carry an event_id, so this runs as listener middleware on the event
  // listeners (each event matches one of them) instead of globally on every command and press.
  // It also does Bolt's `ignoreSelf` check (turned off in app.ts, where it would run globally).
  const onceAndNotSelf: Middleware<SlackEventMiddlewareArgs> = async ({ body, event, context, next }) => {
    if (isSelf(event, context)) return;
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await store.claim(`slack:event:${eventId}`, EVENT_DEDUPE_TTL_MS))) {
      log.debug({ surface: "slack", eventId }, "duplicate event ignored");
      return;
    }
    await next();
  };

  // Fixed replies (help, myths) render to the same message every time: serialize their ack once
  // (any other ack reuses the JSON of the blocks the renderer kept).
  const inlineAcks = new WeakMap<SlackMessage, PreparedJson>();
  const inlineAck = (m: SlackMessage): PreparedJson => {
    let prepared = inlineAcks.get(m);
    if (!prepared) {
      const fields = { response_type: "ephemeral" };
      prepared = new PreparedJson({ ...fields, text: m.text, blocks: m.blocks }, messageJson(fields, m));
      inlineAcks.set(m, prepared);
    }
    return prepared;
  };

  /**
   * Runs the command; when its answer is ready within ACK_BUDGET_MS and is one private
   * message, it goes back in the ack itself (Slack shows it at once, no response_url call).
   * Otherwise the ack goes out empty and the replies follow through the Web API.
   */
  const answerCommand = async (
    c: SlackCommand,
    ack: (response?: PreparedJson) => Promise<void>,
    client: webApi.WebClient,
  ) => {
    const turn: Turn = {
      platform: "slack",
      via: "command",
      text: fromSlack(c.text),
      user: { id: c.user_id, ...(c.user_name ? { name: c.user_name } : {}) },
      conversation: c.channel_id,
    };
    const to: Destination = {
      channel: c.channel_id,
      user: c.user_id,
      responseUrl: c.response_url,
      privateHere: true,
    };
    const handling = bot.handle(turn);
    const replies = await withinAck(handling, ACK_BUDGET_MS, ack);
    const inline = replies && SlackPort.inline({ ...to, shareLabel }, replies);
    if (inline) {
      await ack(inlineAck(inline));
      return;
    }
    await ack();
    await deliver(client, turn, to, replies ?? (await handling));
  };

  // `/vmvc` is handled in a global middleware rather than `app.command`: Bolt runs every listener
  // chain for every request and builds a fresh argument object for each middleware call (an
  // object spread, several µs each), so a slash command answered here, without calling `next`,
  // skips every listener chain. Other requests go on to the listeners below.
  app.use(async (args) => {
    const command = (args as { command?: { command?: unknown } }).command;
    if (command?.command !== "/vmvc") {
      await args.next();
      return;
    }
    const { ack } = args as unknown as { ack: (response?: PreparedJson) => Promise<void> };
    const c = commandSchema.safeParse(command);
    if (!c.success) {
      await ack();
      throw c.error;
    }
    await answerCommand(c.data, ack, args.client);
  });

  app.event("app_mention", onceAndNotSelf, async ({ event, client, context }) => {
    const e = messageEventSchema.parse(event);
    if (e.bot_id || e.subtype || !e.user) return;
    const thread = e.thread_ts ?? e.ts;
    const turn: Turn = {
      platform: "slack",
      via: "mention",
      text: fromSlack(stripMention(e.text, context.botUserId)),
      user: { id: e.user },
      conversation: e.channel,
      thread,
    };
    await deliver(
      client,
      turn,
      { channel: e.channel, user: e.user, privateHere: false },
      await bot.handle(turn),
    );
  });

  app.message(onceAndNotSelf, async ({ message, client, context }) => {
    const parsed = messageEventSchema.safeParse(message);
    if (!parsed.success) return;
    const e = parsed.data;
    // Only direct messages from people: never bots (ourselves included) or edits/joins (subtypes).
    if (e.channel_type !== "im" || e.bot_id || e.subtype || !e.user || e.user === context.botUserId) return;
    const turn: Turn = {
      platform: "slack",
      via: "direct",
      text: fromSlack(stripMention(e.text, context.botUserId)),
      user: { id: e.user },
      conversation: e.channel,
      ...(e.thread_ts ? { thread: e.thread_ts } : {}),
    };
    await deliver(
      client,
      turn,
      { channel: e.channel, user: e.user, privateHere: false },
      await bot.handle(turn),
    );
  });

  app.action(/^vmvc:/, async ({ ack, body, client }) => {
    const b = blockActionsSchema.parse(body);
    const pressed = b.actions[0]!;
    const user = {
      id: b.user.id,
      ...((b.user.name ?? b.user.username) ? { name: (b.user.name ?? b.user.username)! } : {}),
    };
    let raw: unknown;
    try {
      raw = JSON.parse(pressed.value ?? pressed.selected_option?.value ?? "");
    } catch {
      raw = undefined;
    }
    const action = actionSchema.safeParse(raw);

    let channel = b.channel?.id ?? b.container?.channel_id;
    const fromHome = b.container?.type === "view" || !channel;
    if (fromHome) {
      // App Home has no conversation: quick actions answer in the DM with the person. They
      // change no walkthrough, so they are acked before the DM is opened.
      await ack();
      const opened = await client.conversations.open({ users: user.id });
      channel = opened.channel?.id;
      if (!channel) throw new Error("conversations.open returned no channel");
    }
    const ts = b.message?.ts ?? b.container?.message_ts;
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
    const ephemeral = b.container?.is_ephemeral === true;
    // The walkthrough lives in the thread of the pressed message (its own ts if it is a root).
    const thread = fromHome ? undefined : (threadTs ?? (ephemeral ? undefined : ts));
    const to: Destination = {
      channel: channel!,
      user: user.id,
      privateHere: ephemeral,
      ...(thread && channel!.startsWith("D") && !threadTs ? { flatThread: thread } : {}),
      ...(b.response_url && !fromHome ? { responseUrl: b.response_url } : {}),
      ...(ts && !fromHome ? { pressed: { ts, ephemeral } } : {}),
    };
    const turn: Turn = {
      platform: "slack",
      via: "action",
      user,
      conversation: channel!,
      ...(thread ? { thread } : {}),
    };
    if (!action.success) {
      if (!fromHome) await ack();
      log.warn({ surface: "slack", actionId: pressed.action_id }, "malformed button value");
      await deliver(client, turn, to, [bot.unreadableButton()]);
      return;
    }
    const pressTurn: Turn = { ...turn, action: action.data };
    if (fromHome) {
      await deliver(client, pressTurn, to, await bot.handle(pressTurn));
      return;
    }
    // Slack does not redeliver interactions: the press is saved before it is acknowledged
    // whenever that fits in Slack's window, so an acknowledged press is never lost.
    const handling = bot.handle(pressTurn);
    const replies = await withinAck(handling, PRESS_ACK_BUDGET_MS, ack);
    await ack();
    await deliver(client, pressTurn, to, replies ?? (await handling));
  });

  app.event("app_home_opened", onceAndNotSelf, async ({ event, client }) => {
    const e = homeOpenedSchema.parse(event);
    if (e.tab && e.tab !== "home") return;
    await client.views.publish({
      user_id: e.user,
      view: homeView(await bot.walkthroughs.recent("slack", e.user), bot.qa.context.responses.home, (id) =>
        bot.walkthroughs.recommendationTitle(id),
      ),
    });
  });
}

/**
 * The replies if they are ready within `budgetMs` (else undefined: the caller acks first). A fault
 * is acknowledged before it is rethrown, so Slack never retries or shows an error for it.
 */
async function withinAck(
  handling: Promise<Reply[]>,
  budgetMs: number,
  ack: () => Promise<void>,
): Promise<Reply[] | undefined> {
  try {
    return await within(handling, budgetMs);
  } catch (error) {
    await ack();
    throw error;
  }
}
