import { z } from "zod";

/**
 * The parts of Slack's payloads the adapter reads. Slack sends more fields; zod objects
 * ignore them. Everything here arrives from the network, so it is validated before use.
 */

export const urlVerificationSchema = z.object({
  type: z.literal("url_verification"),
  challenge: z.string().max(500),
});

/** The outer shape of anything posted to /slack/events once decoded (Bolt dispatches on it). */
export const envelopeSchema = z.looseObject({
  type: z.string().optional(),
  command: z.string().optional(),
  event_id: z.string().optional(),
});

export const commandSchema = z.object({
  command: z.string(),
  text: z.string().default(""),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  response_url: z.url(),
});
export type SlackCommand = z.infer<typeof commandSchema>;

export const messageEventSchema = z.object({
  type: z.enum(["message", "app_mention"]),
  channel: z.string().min(1),
  user: z.string().optional(),
  text: z.string().default(""),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
});
export type SlackMessageEvent = z.infer<typeof messageEventSchema>;

export const homeOpenedSchema = z.object({
  type: z.literal("app_home_opened"),
  user: z.string().min(1),
  tab: z.string().optional(),
});

export const blockActionsSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() }),
  response_url: z.url().optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z
    .object({
      type: z.string(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
      channel_id: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        value: z.string().optional(),
        // A menu (static_select) sends the picked option instead of a value.
        selected_option: z.object({ value: z.string() }).optional(),
      }),
    )
    .min(1),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;
