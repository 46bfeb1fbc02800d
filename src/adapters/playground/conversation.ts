import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.ts";
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
 * Runs one turn from the page through the core and turns the replies into transcript
 * changes. Placement decides where each reply goes: `here` in the turn's thread, `channel`
 * at the top level, `replace` in place of the pressed message, `new-thread` as the root of
 * a new thread whose `then` action is run right away inside it.
 */
export async function runTurn(deps: ConversationDeps, request: TurnRequest): Promise<TranscriptOp[]> {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? defaultId;
  const ops: TranscriptOp[] = [];
  const turn: Turn = {
    platform: "playground",
    user: { id: request.session, name: "you" },
    conversation: request.session,
    ...(request.thread ? { thread: request.thread } : {}),
    via: request.action ? "action" : "direct",
    ...(request.action ? { action: request.action } : { text: request.text ?? "" }),
  };

  let replyTo: string | undefined;
  if (request.text !== undefined) {
    replyTo = newId();
    ops.push({
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

  const message = (reply: Reply, thread: string | undefined): PgMessage => ({
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
  });

  for (const reply of await handle(deps, turn)) {
    switch (reply.placement) {
      case "here":
        ops.push({ op: "append", message: message(reply, turn.thread) });
        break;
      case "channel":
        ops.push({ op: "append", message: message(reply, undefined) });
        break;
      case "replace": {
        const m = message(reply, turn.thread);
        ops.push(
          request.messageId
            ? { op: "replace", id: request.messageId, message: m }
            : { op: "append", message: m },
        );
        break;
      }
      case "new-thread": {
        // The root's id is the thread's id: the page nests the thread under its root.
        const root = message(reply, undefined);
        ops.push({ op: "append", message: root });
        if (reply.inThread) {
          const inThread: Turn = { ...turn, thread: root.id, via: "action", action: reply.inThread };
          delete inThread.text;
          for (const r of await handle(deps, inThread))
            ops.push({ op: "append", message: message(r, root.id) });
        }
        break;
      }
      default:
        return reply.placement satisfies never;
    }
  }
  return ops;
}

/** The adapter's one error hook: log the fault, show the core's apology instead. */
async function handle(deps: ConversationDeps, turn: Turn): Promise<Reply[]> {
  try {
    return await deps.bot.handle(turn);
  } catch (error) {
    deps.log.error(
      { err: error, surface: "playground", via: turn.via, action: turn.action?.type },
      "playground turn failed",
    );
    return [deps.bot.errorReply(error)];
  }
}
