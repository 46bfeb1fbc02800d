import { z } from "zod";
import { type Action, actionSchema } from "../../core/action.ts";
import type { Turn } from "../../core/turn.ts";
import { PICK } from "./cards.ts";

/**
 * The part of a Bot Framework Activity we rely on, checked before botbuilder sees it.
 * Loose objects: Teams adds many fields (channelData, locale, …) that we pass through.
 */
const account = z.looseObject({
  id: z.string().min(1).max(512),
  name: z.string().max(512).optional(),
  aadObjectId: z.string().max(128).optional(),
});
const channelData = z.looseObject({ team: z.looseObject({ id: z.string().max(512) }).optional() });

export const inboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  serviceUrl: z.url().max(2048),
  channelId: z.string().min(1).max(64),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1).max(1024),
    conversationType: z.string().max(64).optional(),
  }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: z.string().max(512).optional(),
  entities: z.array(z.unknown()).optional(),
  membersAdded: z.array(account).optional(),
  channelData: z.unknown().optional(),
});

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** Longer questions are refused politely instead of being searched. */
export const MAX_TEXT_CHARS = 4000;

const mentionSchema = z.looseObject({
  type: z.literal("mention"),
  mentioned: z.looseObject({ id: z.string() }),
});
const submitSchema = z.looseObject({ vmvc: z.unknown() });
/**
 * A submit that sends a pick from a card's choice set (cards.ts): the input's id is named in
 * `vmvcInput`, and the picked value is the chosen option's action as JSON.
 */
const pickSchema = z.looseObject({
  vmvc: z.literal(PICK),
  vmvcInput: z.string().regex(/^vmvc\.pick\.\d{1,3}$/),
});

/** The action a choice-set submit picked, or undefined when nothing readable was picked. */
function picked(value: Record<string, unknown>): unknown {
  const pick = pickSchema.safeParse(value);
  if (!pick.success) return value.vmvc;
  const raw = value[pick.data.vmvcInput];
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** `19:abc@thread.tacv2;messageid=1700000000000` → the channel and the reply chain's root. */
export function splitConversationId(id: string): { conversation: string; thread?: string } {
  const match = /^(.*?);messageid=([^;]+)$/.exec(id);
  return match ? { conversation: match[1]!, thread: match[2]! } : { conversation: id };
}

export function isMentioned(activity: InboundActivity): boolean {
  return (activity.entities ?? []).some((e) => {
    const m = mentionSchema.safeParse(e);
    return m.success && m.data.mentioned.id === activity.recipient.id;
  });
}

/** The adapter's own notices, by their key in knowledge/responses.yaml `errors`. */
export type NoticeKey = "unreadableButton" | "textOnly" | "messageTooLong";

export type Inbound =
  | { kind: "turn"; turn: Turn }
  | { kind: "ignore"; reason: string }
  | { kind: "welcome" }
  | { kind: "notice"; notice: NoticeKey };

/**
 * What an inbound activity means for the core. `stripMention` gives the text without the
 * bot's own mention (the SDK's remover), passed in so this mapping stays free of botbuilder.
 */
export function toInbound(activity: InboundActivity, stripMention: () => string): Inbound {
  const { conversation, thread } = splitConversationId(activity.conversation.id);
  const { from } = activity;
  const team = channelData.safeParse(activity.channelData ?? {});
  const teamId = team.success ? team.data.team?.id : undefined;
  const base = {
    platform: "teams" as const,
    user: {
      id: from.id,
      ...(from.name ? { name: from.name } : {}),
      ...(from.aadObjectId ? { directoryId: from.aadObjectId } : {}),
    },
    conversation,
    ...(teamId ? { space: teamId } : {}),
    ...(thread ? { thread } : {}),
  };
  if (activity.type === "conversationUpdate") {
    const added = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id);
    return added ? { kind: "welcome" } : { kind: "ignore", reason: "conversation update" };
  }
  if (activity.type !== "message") return { kind: "ignore", reason: `activity type ${activity.type}` };

  if (activity.value !== undefined && activity.value !== null) {
    const submitted = submitSchema.safeParse(activity.value);
    if (!submitted.success) return { kind: "ignore", reason: "card submit without vmvc data" };
    const action = actionSchema.safeParse(picked(submitted.data));
    if (!action.success) return { kind: "notice", notice: "unreadableButton" };
    return { kind: "turn", turn: { ...base, via: "action", action: action.data satisfies Action } };
  }

  const personal =
    activity.conversation.conversationType === "personal" ||
    activity.conversation.conversationType === undefined;
  const mentioned = isMentioned(activity);
  // In channels and group chats the bot only speaks when spoken to.
  if (!personal && !mentioned) return { kind: "ignore", reason: "not mentioned" };
  if (typeof activity.text !== "string") return { kind: "notice", notice: "textOnly" };
  if (activity.text.length > MAX_TEXT_CHARS) return { kind: "notice", notice: "messageTooLong" };
  const text = cleanText(mentioned ? stripMention() : activity.text);
  if (!text) return { kind: "turn", turn: { ...base, via: mentioned ? "mention" : "direct", text: "help" } };
  return { kind: "turn", turn: { ...base, via: mentioned ? "mention" : "direct", text } };
}

/** Teams text may carry HTML entities and leftover mention tags. */
function cleanText(text: string): string {
  return text
    .replace(/<at>([^<]*)<\/at>/gi, "$1")
    .replace(/&nbsp;/gi, " ")
    .replace(/&amp;/gi, "&")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/\s+/g, " ")
    .trim();
}
