import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.ts";
import type { DeliveryPort, Posted } from "../../core/delivery/port.ts";
import type { Reply } from "../../core/reply.ts";
import type { Turn } from "../../core/turn.ts";
import type { TurnRequest } from "./schema.ts";
import type { PgMessage, TranscriptOp } from "./transcript.ts";

export interface ConversationDeps {
  bot: Bot;
  log: Logger;
  now?: () => number;
  newId?: () => string;
}

const defaultId = () => `m${randomUUID().replaceAll("-", "").slice(0, 16)}`;

/**
 * The playground's delivery port: every post becomes a transcript change. The page shows
 * private replies marked "only visible to you" in the one conversation, so there is no
 * separate private method; a thread root's id is the thread's id.
 */
class TranscriptPort implements DeliveryPort {
  readonly privateHere = false;
  readonly ops: TranscriptOp[] = [];

  constructor(
    readonly pressed: string | undefined,
    private readonly message: (reply: Reply, thread: string | undefined) => PgMessage,
  ) {}

  async post(reply: Reply, thread: string | undefined): Promise<Posted> {
    const m = this.message(reply, thread);
    this.ops.push({ op: "append", message: m });
    return { ref: m.id };
  }

  async root(reply: Reply): Promise<Posted & { thread: string | undefined }> {
    const { ref } = await this.post(reply, undefined);
    return { ref, thread: ref };
  }

  top(reply: Reply): Promise<Posted> {
    return this.post(reply, undefined);
  }

  async replace(ref: string, reply: Reply): Promise<Posted> {
    this.ops.push({ op: "replace", id: ref, message: this.message(reply, undefined) });
    return { ref };
  }
}

/** Runs one turn from the page through the core; returns the transcript changes it made. */
export async function runTurn(deps: ConversationDeps, request: TurnRequest): Promise<TranscriptOp[]> {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? defaultId;
  const turn: Turn = {
    platform: "playground",
    user: { id: request.session, name: "you" },
    conversation: request.session,
    ...(request.thread ? { thread: request.thread } : {}),
    via: request.action ? "action" : "direct",
    ...(request.action ? { action: request.action } : { text: request.text ?? "" }),
  };

  const asked: TranscriptOp[] = [];
  let replyTo: string | undefined;
  if (request.text !== undefined) {
    replyTo = newId();
    asked.push({
      op: "append",
      message: {
        id: replyTo,
        from: "you",
        ...(request.thread ? { thread: request.thread } : {}),
        parts: [{ type: "text", text: request.text }],
        placement: "here",
        kind: "question",
        visibility: "public",
        summary: request.text.slice(0, 300),
        at: now(),
      },
    });
  }

  const port = new TranscriptPort(request.messageId, (reply, thread) => ({
    id: newId(),
    from: "bot",
    ...(thread ? { thread } : {}),
    ...(replyTo ? { replyTo } : {}),
    parts: reply.parts,
    placement: reply.placement,
    kind: reply.kind,
    visibility: reply.visibility,
    summary: reply.summary,
    at: now(),
  }));
  try {
    await deps.bot.converse(turn, port);
  } catch (error) {
    // The adapter's one error hook: log the fault, show the core's apology instead.
    deps.log.error(
      { err: error, surface: "playground", via: turn.via, action: turn.action?.type },
      "playground turn failed",
    );
    await port.post(deps.bot.errorReply(error), turn.thread);
  }
  return [...asked, ...port.ops];
}
