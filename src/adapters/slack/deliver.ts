import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.ts";
import type { Reply } from "../../core/reply.ts";
import type { Turn } from "../../core/turn.ts";
import { answerEntryId, renderReply, type SlackMessage } from "./blocks.ts";

type WebClient = webApi.WebClient;

/** Where a turn's replies go, worked out by the listener from what Slack sent. */
export interface Destination {
  channel: string;
  /** The person to show private (ephemeral) replies to. */
  user: string;
  /** Thread ts for replies "here"; none = top level of the conversation. */
  thread?: string;
  /** Slack's response_url for commands and presses: ephemeral replies and replacing ephemeral messages. */
  responseUrl?: string;
  /** Replies "here" are only for the person (slash commands, presses on ephemeral messages). */
  privateHere: boolean;
  /** The message whose button was pressed, for "replace". */
  pressed?: { ts: string; ephemeral: boolean };
}

const rendered = new WeakMap<Reply, SlackMessage[]>();

const POST_FAILURES = new Set(["not_in_channel", "channel_not_found", "is_archived"]);

export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** Posts to a response_url (ephemeral replies, replacing ephemeral messages). */
export async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

/**
 * Renders the core's replies into Slack, honouring placement and visibility:
 * "here" in the turn's thread (or ephemerally), "replace" over the pressed message,
 * "new-thread" as a new root followed by `then` inside it, "channel" at the top level.
 */
export class Deliverer {
  constructor(
    private readonly client: WebClient,
    private readonly bot: Bot,
    private readonly log: Logger,
  ) {}

  /**
   * The message to answer a slash command with in its ack, when the whole answer is one private
   * message for the person: Slack shows it at once and no response_url call is needed.
   */
  inline(to: Destination, replies: Reply[]): SlackMessage | undefined {
    const [only, ...more] = replies;
    if (!only || more.length > 0 || only.placement !== "here" || !to.privateHere) return undefined;
    const messages = this.render(only, true);
    return messages.length === 1 ? messages[0] : undefined;
  }

  private render(reply: Reply, privately: boolean): SlackMessage[] {
    const entryId = privately ? answerEntryId(reply) : undefined;
    if (entryId)
      return renderReply(reply, {
        extraButtons: [{ label: "Share in channel", action: { type: "share", entryId } }],
      });
    // The core shares fixed replies (help, myths) between turns: render each of those once.
    let messages = rendered.get(reply);
    if (!messages) {
      messages = renderReply(reply, {});
      rendered.set(reply, messages);
    }
    return messages;
  }

  async deliver(turn: Turn, to: Destination, replies: Reply[]): Promise<void> {
    for (const reply of replies) await this.one(turn, to, reply);
  }

  private async one(turn: Turn, to: Destination, reply: Reply): Promise<void> {
    const privately =
      reply.visibility === "private" ||
      (to.privateHere && reply.placement !== "new-thread" && reply.placement !== "channel");
    const messages = this.render(reply, privately);
    switch (reply.placement) {
      case "replace": {
        const [first, ...rest] = messages;
        if (first && to.pressed && (await this.replace(to, to.pressed, first))) {
          for (const m of rest) await this.here(to, m, privately);
          return;
        }
        for (const m of messages) await this.here(to, m, privately);
        return;
      }
      case "here":
        for (const m of messages) await this.here(to, m, privately);
        return;
      case "channel":
        for (const m of messages) {
          if (reply.visibility === "private") await this.ephemeral(to, m);
          else await this.post(to, m, undefined);
        }
        return;
      case "new-thread": {
        let root: string | undefined;
        for (const m of messages) {
          const ts = await this.post(to, m, root);
          if (!ts) return; // the person has been told why (e.g. invite the bot)
          root ??= ts;
        }
        if (!root || !reply.inThread) return;
        const inThread: Turn = { ...turn, thread: root, via: "action", action: reply.inThread };
        delete inThread.text;
        const next = await this.bot.handle(inThread);
        await this.deliver(
          inThread,
          { channel: to.channel, user: to.user, thread: root, privateHere: false },
          next,
        );
        return;
      }
    }
  }

  private async here(to: Destination, m: SlackMessage, privately: boolean): Promise<void> {
    if (privately) await this.ephemeral(to, m);
    else await this.post(to, m, to.thread);
  }

  private async replace(
    to: Destination,
    pressed: { ts: string; ephemeral: boolean },
    m: SlackMessage,
  ): Promise<boolean> {
    if (pressed.ephemeral) {
      if (!to.responseUrl) return false;
      await postToResponseUrl(to.responseUrl, { ...m, replace_original: true, response_type: "ephemeral" });
      return true;
    }
    await this.client.chat.update({ channel: to.channel, ts: pressed.ts, text: m.text, blocks: m.blocks });
    return true;
  }

  private async ephemeral(to: Destination, m: SlackMessage): Promise<void> {
    if (to.responseUrl) {
      await postToResponseUrl(to.responseUrl, { ...m, response_type: "ephemeral", replace_original: false });
      return;
    }
    await this.client.chat.postEphemeral({
      channel: to.channel,
      user: to.user,
      text: m.text,
      blocks: m.blocks,
      ...(to.thread ? { thread_ts: to.thread } : {}),
    });
  }

  /** Posts publicly; when the bot cannot post there, tells the person how to fix it and returns undefined. */
  private async post(
    to: Destination,
    m: SlackMessage,
    thread: string | undefined,
  ): Promise<string | undefined> {
    try {
      const res = await this.client.chat.postMessage({
        channel: to.channel,
        text: m.text,
        blocks: m.blocks,
        ...(thread ? { thread_ts: thread } : {}),
      });
      return res.ts;
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code || !POST_FAILURES.has(code)) throw error;
      this.log.warn({ surface: "slack", code, channel: to.channel }, "cannot post in channel");
      const text =
        code === "is_archived"
          ? "I can't post in this channel because it is archived."
          : "I can't post in this channel yet. Invite me with `/invite @vmvc` and try again (or ask an admin to grant the `chat:write.public` scope).";
      const hint: SlackMessage = { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
      if (to.responseUrl)
        await postToResponseUrl(to.responseUrl, {
          ...hint,
          response_type: "ephemeral",
          replace_original: false,
        });
      else
        await this.client.chat.postEphemeral({
          channel: to.channel,
          user: to.user,
          text: hint.text,
          blocks: hint.blocks,
        });
      return undefined;
    }
  }
}
