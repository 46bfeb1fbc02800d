import { z } from "zod";
import { ANSWER_KEYS, type AnswerKey } from "../decision/contract.ts";
import type { Turn } from "../turn.ts";

/** Walkthroughs are kept for 7 days after their last change. */
export const WALKTHROUGH_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A walkthrough's stored state. `schema` pins the shape: a stored value of another shape is
 * treated as missing (with a clear reply) instead of being misread after an upgrade.
 */
export const walkthroughStateSchema = z.object({
  schema: z.literal(1),
  id: z.string(),
  status: z.enum(["active", "finished", "cancelled"]),
  /** Index into the checklist of the question being asked; equals its length when finished. */
  step: z.number().int().min(0),
  /** Per key: the chosen value, or null when skipped. Absent = not reached yet. */
  answers: z.record(z.string(), z.string().nullable()),
  history: z.array(
    z.object({
      step: z.number().int(),
      key: z.string(),
      value: z.string().nullable(),
      by: z.object({ id: z.string(), name: z.string().optional() }),
      at: z.number(),
    }),
  ),
  startedBy: z.object({ id: z.string(), name: z.string().optional() }),
  startedAt: z.number(),
  updatedAt: z.number(),
  recommendation: z.string().optional(),
  /** Counts the applied presses: a card is shown for one revision of the state. */
  rev: z.number().int().min(0).default(0),
  /** The revision whose card (question or recommendation) was posted and confirmed by the platform. */
  shown: z.number().int().min(0).optional(),
  /** The platform's reference to that posted card, which an answer typed instead of pressed replaces. */
  shownRef: z.string().max(512).optional(),
  /** Keys answered from a description (`recommend`) rather than asked. */
  prefilled: z.array(z.string()).optional(),
  /** The keys this walkthrough asks, when not all: the ones a description left open, or one to change. */
  ask: z.array(z.string()).optional(),
});
export type WalkthroughState = z.infer<typeof walkthroughStateSchema>;

/** One walkthrough per thread: platform + conversation + thread. */
export function walkthroughKey(turn: Pick<Turn, "platform" | "conversation" | "thread">): string {
  return `wt:${turn.platform}:${turn.conversation}:${turn.thread ?? "-"}`;
}

/**
 * A walkthrough created by `checklist` before its thread exists: the root message is posted
 * only once this is saved, then `checklist.begin` moves it into the new thread.
 */
export function pendingKey(turn: Pick<Turn, "platform" | "conversation">, id: string): string {
  return `wtnew:${turn.platform}:${turn.conversation}:${id}`;
}
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

/** Held while one process posts a revision's card, so a stale press elsewhere does not post it twice. */
export const showKey = (state: { id: string; rev: number }) => `wtshow:${state.id}:${state.rev}`;

/** The answered (not skipped) values, typed for the decision engine's parser. */
export function answeredValues(state: WalkthroughState): Partial<Record<AnswerKey, string>> {
  const out: Partial<Record<AnswerKey, string>> = {};
  for (const key of ANSWER_KEYS) {
    const v = state.answers[key];
    if (typeof v === "string") out[key] = v;
  }
  return out;
}

export function who(user: Turn["user"]): { id: string; name?: string } {
  return user.name ? { id: user.id, name: user.name } : { id: user.id };
}

/** The checklist steps this walkthrough asks, in order: all of them unless `ask` narrows them. */
export function askedSteps(state: Pick<WalkthroughState, "ask">, keys: readonly string[]): number[] {
  const steps = keys.map((_, i) => i);
  const { ask } = state;
  return ask ? steps.filter((i) => ask.includes(keys[i]!)) : steps;
}
