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
});
export type WalkthroughState = z.infer<typeof walkthroughStateSchema>;

/** One walkthrough per thread: platform + conversation + thread. */
export function walkthroughKey(turn: Pick<Turn, "platform" | "conversation" | "thread">): string {
  return `wt:${turn.platform}:${turn.conversation}:${turn.thread ?? "-"}`;
}

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
