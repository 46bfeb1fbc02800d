import type { webApi } from "@slack/bolt";
import { DeliveryError, type DeliveryPort, type Posted } from "../../core/delivery/port.ts";
import type { Reply } from "../../core/reply.ts";
import { answerEntryId, renderReply, type SlackMessage } from "./blocks.ts";

type WebClient = webApi.WebClient;

/** Where a turn's replies go, worked out by the listener from what Slack sent. */
export interface Destination {
  channel: string;
  /** The person to show private (ephemeral) replies to. */
  user: string;
  /** Slack's response_url for commands and presses: ephemeral replies and replacing ephemeral messages. */
  responseUrl?: string;
  /** Replies "here" are only for the person (slash commands, presses on ephemeral messages). */
  privateHere: boolean;
  /** The message whose button was pressed, for "replace". */
  pressed?: { ts: string; ephemeral: boolean };
  /** The label of the "Share in channel" button under a private answer (responses.yaml ui). */
  shareLabel?: string;
  /**
   * A turn thread that is shown flat: a press on a top-level DM message belongs to that
   * message's "thread" (its walkthrough key) but the answers go to the DM's top level.
   */
  flatThread?: string;
}

/** Slack errors worth trying again: Slack's own trouble, not a problem with the request. */
const TRANSIENT = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "rate_limited",
]);

export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** A Web API failure as the core's DeliveryError: transient or not, and Slack's Retry-After. */
export function deliveryErrorOf(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as { code?: unknown; statusCode?: unknown; retryAfter?: unknown };
  switch (e.code) {
    case "slack_webapi_platform_error": {
      const code = slackErrorCode(error) ?? "unknown_error";
      return new DeliveryError(code, { transient: TRANSIENT.has(code), cause: error });
    }
    case "slack_webapi_rate_limited_error":
      return new DeliveryError("ratelimited", {
        transient: true,
        ...(typeof e.retryAfter === "number" ? { retryAfterMs: e.retryAfter * 1000 } : {}),
        cause: error,
      });
    case "slack_webapi_http_error": {
      const status = typeof e.statusCode === "number" ? e.statusCode : 0;
      return new DeliveryError(`http_${status}`, {
        transient: status >= 500 || status === 429,
        cause: error,
      });
    }
    default:
      // Network errors (slack_webapi_request_error) and anything unexpected: worth another try.
      return new DeliveryError("request_failed", { transient: true, cause: error });
  }
}

/** Posts to a response_url (ephemeral replies, replacing ephemeral messages). */
export async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new DeliveryError("response_url_unreachable", { transient: true, cause: error });
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new DeliveryError(`response_url_${res.status}`, {
      transient: res.status >= 500 || res.status === 429,
      ...(res.status === 429 && Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
    });
  }
}

const rendered = new WeakMap<Reply, SlackMessage[]>();

/** Renders a reply once per reply object (the core shares fixed replies such as help). */
function render(reply: Reply, privately: boolean, shareLabel?: string): SlackMessage[] {
  const entryId = privately && shareLabel ? answerEntryId(reply) : undefined;
  if (entryId && shareLabel)
    return renderReply(reply, {
      extraButtons: [{ label: shareLabel, action: { type: "share", entryId } }],
    });
  let messages = rendered.get(reply);
  if (!messages) {
    messages = renderReply(reply, {});
    rendered.set(reply, messages);
  }
  return messages;
}

/**
 * The Slack side of the core's delivery port: Block Kit messages through the Web API and the
 * response_url. Every failure leaves as a DeliveryError so the core can retry or explain it.
 */
export class SlackPort implements DeliveryPort {
  readonly privateHere: boolean;
  readonly pressed: string | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly to: Destination,
  ) {
    this.privateHere = to.privateHere;
    this.pressed = to.pressed?.ts;
  }

  /**
   * The message to answer a slash command with in its ack, when the whole answer is one private
   * message for the person: Slack shows it at once and no response_url call is needed.
   */
  static inline(to: Destination, replies: Reply[]): SlackMessage | undefined {
    const [only, ...more] = replies;
    if (!only || more.length > 0 || only.placement !== "here" || !to.privateHere) return undefined;
    const messages = render(only, true, to.shareLabel);
    return messages.length === 1 ? messages[0] : undefined;
  }

  async post(reply: Reply, thread: string | undefined): Promise<Posted> {
    if (thread !== undefined && thread === this.to.flatThread) thread = undefined;
    let ref: string | undefined;
    for (const m of render(reply, false)) ref ??= await this.postMessage(m, thread);
    return { ref };
  }

  async root(reply: Reply): Promise<Posted & { thread: string | undefined }> {
    let root: string | undefined;
    for (const m of render(reply, false)) {
      const ts = await this.postMessage(m, root);
      root ??= ts;
    }
    return { ref: root, thread: root };
  }

  top(reply: Reply): Promise<Posted> {
    return this.post(reply, undefined);
  }

  async replace(ref: string, reply: Reply): Promise<Posted> {
    const [first, ...rest] = render(reply, this.to.pressed?.ephemeral === true, this.to.shareLabel);
    if (!first) return { ref };
    if (this.to.pressed?.ephemeral && this.to.pressed.ts === ref) {
      if (!this.to.responseUrl) throw new DeliveryError("no_response_url", { transient: false });
      await postToResponseUrl(this.to.responseUrl, {
        ...first,
        replace_original: true,
        response_type: "ephemeral",
      });
      for (const m of rest) await this.ephemeral(m, undefined);
      return { ref };
    }
    try {
      await this.client.chat.update({
        channel: this.to.channel,
        ts: ref,
        text: first.text,
        blocks: first.blocks,
      });
    } catch (error) {
      throw deliveryErrorOf(error);
    }
    return { ref };
  }

  async private(reply: Reply, thread: string | undefined): Promise<Posted> {
    if (thread !== undefined && thread === this.to.flatThread) thread = undefined;
    for (const m of render(reply, true, this.to.shareLabel)) await this.ephemeral(m, thread);
    return { ref: undefined };
  }

  private async ephemeral(m: SlackMessage, thread: string | undefined): Promise<void> {
    if (this.to.responseUrl) {
      await postToResponseUrl(this.to.responseUrl, {
        ...m,
        response_type: "ephemeral",
        replace_original: false,
      });
      return;
    }
    try {
      await this.client.chat.postEphemeral({
        channel: this.to.channel,
        user: this.to.user,
        text: m.text,
        blocks: m.blocks,
        ...(thread ? { thread_ts: thread } : {}),
      });
    } catch (error) {
      throw deliveryErrorOf(error);
    }
  }

  private async postMessage(m: SlackMessage, thread: string | undefined): Promise<string | undefined> {
    try {
      const res = await this.client.chat.postMessage({
        channel: this.to.channel,
        text: m.text,
        blocks: m.blocks,
        ...(thread ? { thread_ts: thread } : {}),
      });
      return res.ts;
    } catch (error) {
      throw deliveryErrorOf(error);
    }
  }
}
