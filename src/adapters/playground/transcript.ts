import { z } from "zod";
import type { Part, Placement, ReplyKind } from "../../core/reply.ts";
import type { StateStore } from "../../store/store.ts";
import { updateKey } from "../../store/update.ts";

/** Transcripts live a week after their last change, like walkthroughs. */
export const TRANSCRIPT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The oldest messages fall off beyond this, so a long session stays a small value. */
export const TRANSCRIPT_LIMIT = 200;

/**
 * One message as the page shows it. Bot messages carry the core's parts as-is (the page
 * renders them); the person's own text is a single text part. `thread` is the id of the
 * thread's root message; `replyTo` the person's message a reply answers.
 */
export interface PgMessage {
  id: string;
  from: "you" | "bot";
  thread?: string;
  replyTo?: string;
  parts: Part[];
  placement: Placement;
  kind: ReplyKind | "question";
  visibility: "private" | "public";
  summary: string;
  at: number;
}

/** A change to the transcript: add a message, or put one in place of the message with `id`. */
export type TranscriptOp =
  | { op: "append"; message: PgMessage }
  | { op: "replace"; id: string; message: PgMessage };

export const transcriptKey = (session: string) => `pg:transcript:${session}`;

// Stored values are checked for their envelope; a value of another shape (an older schema)
// reads as an empty transcript rather than being misread.
const storedSchema = z.object({
  schema: z.literal(1),
  messages: z.array(
    z.looseObject({ id: z.string(), from: z.enum(["you", "bot"]), parts: z.array(z.unknown()) }),
  ),
});
interface Stored {
  schema: 1;
  messages: PgMessage[];
}

function parseStored(value: unknown): PgMessage[] {
  const parsed = storedSchema.safeParse(value);
  // The envelope is validated above; the parts were written by this module from the core's replies.
  return parsed.success ? (parsed.data.messages as unknown as PgMessage[]) : [];
}

/**
 * Applies changes in order. A replacement keeps the replaced message's id and thread (so
 * the page swaps it in place); one whose target is gone is appended instead. Returns the
 * messages as they now stand, each once, in the order they were changed.
 */
export function applyOps(
  messages: PgMessage[],
  ops: TranscriptOp[],
): { messages: PgMessage[]; changed: PgMessage[] } {
  const out = [...messages];
  const changed = new Map<string, PgMessage>();
  for (const op of ops) {
    if (op.op === "replace") {
      const index = out.findIndex((m) => m.id === op.id);
      if (index >= 0) {
        const old = out[index]!;
        const message = withThread({ ...op.message, id: old.id }, old.thread);
        out[index] = message;
        changed.delete(message.id);
        changed.set(message.id, message);
        continue;
      }
    }
    out.push(op.message);
    changed.set(op.message.id, op.message);
  }
  return { messages: cap(out), changed: [...changed.values()] };
}

function withThread(message: PgMessage, thread: string | undefined): PgMessage {
  const { thread: _ignored, ...rest } = message;
  return thread ? { ...rest, thread } : rest;
}

/** Keeps the newest `limit` messages and drops thread messages whose root fell off. */
export function cap(messages: PgMessage[], limit = TRANSCRIPT_LIMIT): PgMessage[] {
  if (messages.length <= limit) return messages;
  const kept = messages.slice(messages.length - limit);
  const ids = new Set(kept.map((m) => m.id));
  return kept.filter((m) => !m.thread || ids.has(m.thread));
}

export async function readTranscript(store: StateStore, session: string): Promise<PgMessage[]> {
  const stored = await store.get(transcriptKey(session));
  return stored ? parseStored(stored.value) : [];
}

/** Applies `ops` with compare-and-set, so two tabs of one session never lose a message. */
export async function writeTranscript(
  store: StateStore,
  session: string,
  ops: TranscriptOp[],
): Promise<PgMessage[]> {
  return updateKey<unknown, PgMessage[]>(store, transcriptKey(session), TRANSCRIPT_TTL_MS, (current) => {
    const { messages, changed } = applyOps(current ? parseStored(current.value) : [], ops);
    const value: Stored = { schema: 1, messages };
    return { value, result: changed };
  });
}
