import type { TurnContext } from "botbuilder";
import { DeliveryError, type DeliveryPort, type Posted } from "../../core/delivery/port.ts";
import type { Reply } from "../../core/reply.ts";
import type { Turn } from "../../core/turn.ts";
import { type CardMessage, renderReply } from "./cards.ts";

/** The one connector call we make directly: a post into another place of the conversation. */
interface ConversationPoster {
  conversations: {
    sendToConversation(conversationId: string, activity: CardMessage): Promise<{ id?: string }>;
  };
}

function isConversationPoster(value: unknown): value is ConversationPoster {
  const conversations = (value as { conversations?: { sendToConversation?: unknown } } | undefined)
    ?.conversations;
  return typeof conversations?.sendToConversation === "function";
}

/**
 * The connector client's HTTP pipeline retries failed calls itself (azure core-rest-pipeline's
 * "Retry" phase: three more tries with growing waits), and botbuilder offers no option to turn
 * that off. The core's loop does the retrying (with the configured backoff, and a "Continue"
 * button when it gives up), so the SDK's own retries are removed from this turn's client.
 */
function withoutSdkRetries(context: TurnContext): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy?: (options: { phase: string }) => unknown } } }
    | undefined;
  client?.client?.pipeline?.removePolicy?.({ phase: "Retry" });
}

/** A connector failure as the core's DeliveryError: 429 and 5xx (and no answer at all) are transient. */
export function deliveryErrorOf(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as {
    statusCode?: unknown;
    response?: { headers?: { get?: (name: string) => string | undefined } };
  };
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const retryAfter = Number(e.response?.headers?.get?.("retry-after"));
  return new DeliveryError(status ? `http_${status}` : "request_failed", {
    transient: status === undefined || status >= 500 || status === 429,
    ...(status === 429 && Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
    cause: error,
  });
}

async function call(send: () => Promise<{ id?: string } | undefined>): Promise<Posted> {
  try {
    return { ref: (await send())?.id };
  } catch (error) {
    throw deliveryErrorOf(error);
  }
}

/**
 * The Teams side of the core's delivery port. Teams has no ephemeral messages here, so there
 * is no `private` (the core posts those normally); a channel post's reply chain is the thread,
 * and personal and group chats have none, so a "new thread" continues where it was started.
 */
export class TeamsPort implements DeliveryPort {
  readonly privateHere = false;
  readonly pressed: string | undefined;

  constructor(
    private readonly context: TurnContext,
    private readonly turn: Turn,
  ) {
    // Only a card submit (a message with a value) was pressed on the message it replies to: a
    // message typed in a channel's reply chain also has replyToId, the chain's root, which must
    // never be overwritten.
    const submitted = context.activity.value !== undefined && context.activity.value !== null;
    this.pressed = submitted ? context.activity.replyToId : undefined;
    withoutSdkRetries(context);
  }

  post(reply: Reply, thread: string | undefined): Promise<Posted> {
    if (thread === this.turn.thread) return call(() => this.context.sendActivity(renderReply(reply)));
    const id = thread ? `${this.turn.conversation};messageid=${thread}` : this.turn.conversation;
    return this.elsewhere(id, renderReply(reply));
  }

  async root(reply: Reply): Promise<Posted & { thread: string | undefined }> {
    const posted = await call(() => this.context.sendActivity(renderReply(reply)));
    return { ...posted, thread: this.turn.thread };
  }

  /** In a reply chain, a new top-level post in the channel; elsewhere, here. */
  top(reply: Reply): Promise<Posted> {
    return this.post(reply, undefined);
  }

  replace(ref: string, reply: Reply): Promise<Posted> {
    return call(async () => {
      await this.context.updateActivity({ ...renderReply(reply), id: ref });
      return { id: ref };
    });
  }

  private elsewhere(conversationId: string, message: CardMessage): Promise<Posted> {
    const client: unknown = this.context.turnState.get(this.context.adapter.ConnectorClientKey);
    if (!isConversationPoster(client)) return call(() => this.context.sendActivity(message));
    return call(() => client.conversations.sendToConversation(conversationId, message));
  }
}
