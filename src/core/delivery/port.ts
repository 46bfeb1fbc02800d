import type { Reply } from "../reply.ts";

/** What a platform call posted: the platform's id for the message (Slack ts, Teams activity id). */
export interface Posted {
  ref: string | undefined;
}

/**
 * The little a surface supplies so the core can drive a conversation: "send one message" in a
 * few places and "replace one message". The core's delivery loop (`deliver.ts`) decides which
 * method each reply needs; the port only renders and sends. A method that fails throws; a
 * `DeliveryError` says whether trying again can help.
 */
export interface DeliveryPort {
  /**
   * Replies "here" are only for the person on this turn (a Slack slash command, a press on an
   * ephemeral message): the loop sends them with `private` when the platform has it.
   */
  readonly privateHere: boolean;
  /** The message whose button was pressed, for replies that replace it. */
  readonly pressed: string | undefined;
  /** Posts publicly in `thread` of the turn's conversation, or at its top level without one. */
  post(reply: Reply, thread: string | undefined): Promise<Posted>;
  /**
   * Posts a new top-level message that starts a thread; returns the thread to continue in.
   * Where the platform has no threads here (a personal chat), the "thread" is the current place.
   */
  root(reply: Reply): Promise<Posted & { thread: string | undefined }>;
  /** Posts at the top level of the conversation, outside any thread (shared summaries). */
  top(reply: Reply): Promise<Posted>;
  /** Replaces the message `ref` (the pressed one) with `reply`. */
  replace(ref: string, reply: Reply): Promise<Posted>;
  /** Shows `reply` to the turn's person only; absent where the platform cannot (Teams). */
  private?(reply: Reply, thread: string | undefined): Promise<Posted>;
}

/**
 * A platform call failed. `transient` failures (rate limits, 5xx, Slack's `internal_error`) are
 * retried with backoff, honouring `retryAfterMs`; permanent ones (`not_in_channel`) are not.
 */
export class DeliveryError extends Error {
  readonly code: string;
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(
    code: string,
    options: { transient: boolean; retryAfterMs?: number; cause?: unknown; message?: string },
  ) {
    super(options.message ?? `delivery failed: ${code}`, { cause: options.cause });
    this.name = "DeliveryError";
    this.code = code;
    this.transient = options.transient;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Platform error codes that mean "the bot cannot post in this conversation" (the person is told why). */
export const CANNOT_POST = new Set(["not_in_channel", "channel_not_found", "is_archived"]);
