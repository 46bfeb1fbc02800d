import {
  Assistant,
  type AssistantThreadStartedMiddleware,
  type AssistantUserMessageMiddleware,
} from "@slack/bolt";
import { clip, reply } from "../../core/replies/common.ts";
import type { Turn } from "../../core/turn.ts";
import { EVENT_DEDUPE_TTL_MS, type ListenerDeps, stripMention } from "./listeners.ts";
import { fromSlack } from "./mrkdwn.ts";
import { messageEventSchema } from "./payloads.ts";
import { SlackPort } from "./port.ts";

/** Slack cuts thread titles; keep them short enough to read in the history list. */
const MAX_TITLE = 80;

/**
 * Slack's assistant view (Agents & AI Apps, paid plans only; optional): a side-panel thread with
 * the bot. Opening it greets the person and offers suggested prompts; each question sets the
 * thread's title and a status while the same core answers it, with follow-up context per thread.
 */
export function createAssistant({ bot, store, log }: ListenerDeps): Assistant {
  const said = bot.qa.context.responses.assistant;
  /** Slack may deliver an event twice; the first delivery to claim its id handles it. */
  const first = async (body: unknown) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    return typeof eventId !== "string" || store.claim(`slack:event:${eventId}`, EVENT_DEDUPE_TTL_MS);
  };
  /** Title and status are courtesies: a failure is logged and never stands between a person and the answer. */
  const courtesy = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      log.warn({ err: error, surface: "slack", what }, "assistant: call failed; answering anyway");
    }
  };

  const threadStarted: AssistantThreadStartedMiddleware = async ({
    event,
    body,
    client,
    setSuggestedPrompts,
  }) => {
    if (!(await first(body))) return;
    const { channel_id: channel, thread_ts: thread, user_id: user } = event.assistant_thread;
    const turn: Turn = {
      platform: "slack",
      via: "direct",
      user: { id: user },
      conversation: channel,
      thread,
    };
    const greeting = reply("smalltalk", [{ type: "text", text: said.greeting }], said.greeting);
    await bot.deliver(turn, new SlackPort(client, { channel, user, privateHere: false }), [greeting]);
    await courtesy("setSuggestedPrompts", () =>
      setSuggestedPrompts({
        title: said.promptsTitle,
        prompts: said.prompts.map((p) => ({ title: p.title, message: p.message })) as [
          { title: string; message: string },
        ],
      }),
    );
  };

  const userMessage: AssistantUserMessageMiddleware = async ({
    message,
    body,
    client,
    context,
    setTitle,
    setStatus,
  }) => {
    const parsed = messageEventSchema.safeParse(message);
    if (!parsed.success) return;
    const e = parsed.data;
    // Only people: never bots (ourselves included) or edits and joins (subtypes).
    if (e.bot_id || e.subtype || !e.user || e.user === context.botUserId || !e.thread_ts) return;
    if (!(await first(body))) return;
    // Slack sends &amp; &lt; &gt;: decoded once here, escaped once on the way out.
    const text = fromSlack(stripMention(e.text, context.botUserId));
    const turn: Turn = {
      platform: "slack",
      via: "direct",
      text,
      user: { id: e.user },
      conversation: e.channel,
      thread: e.thread_ts,
    };
    await courtesy("setTitle", () => setTitle(clip(text, MAX_TITLE)));
    await courtesy("setStatus", () => setStatus(said.status));
    try {
      await bot.converse(
        turn,
        new SlackPort(client, { channel: e.channel, user: e.user, privateHere: false }),
      );
    } catch (error) {
      // Posting a reply clears the status; after a failure nothing was posted, so clear it here.
      await courtesy("setStatus", () => setStatus(""));
      throw error;
    }
  };

  return new Assistant({
    // Thread context (the channel the person is looking at) is not used: answers come from the
    // knowledge alone. A store of our own keeps Bolt from reading and writing message metadata.
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted,
    threadContextChanged: async () => {},
    userMessage,
  });
}
