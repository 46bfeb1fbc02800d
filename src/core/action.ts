import { z } from "zod";
import { ANSWER_KEYS } from "./decision/contract.ts";

/**
 * What a button press means, platform-neutral. Every button the core emits carries one of
 * these; adapters serialise it into the platform's button value and parse it back with
 * `actionSchema` (a button value is user-controlled input, so it is validated like any payload).
 */
export const actionSchema = z.discriminatedUnion("type", [
  // Show a knowledge entry; `via` records whether it was a "did you mean" pick or a follow-up.
  z.object({
    type: z.literal("ask"),
    entryId: z.string().min(1).max(120),
    via: z.enum(["suggestion", "related", "topic", "myth", "correction", "again"]),
    // The question that led to a suggestion, so a pick can be logged as a phrasing worth adding.
    askedId: z.string().max(64).optional(),
  }),
  // "Not what I asked": the answer to question `askedId` (which showed `entryId`) was wrong;
  // offer the next best entries for the same question.
  z.object({
    type: z.literal("not-this"),
    askedId: z.string().min(1).max(64),
    entryId: z.string().min(1).max(120),
  }),
  z.object({
    type: z.literal("feedback"),
    entryId: z.string().min(1).max(120),
    vote: z.enum(["up", "down"]),
    askedId: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal("compare"), aspect: z.string().max(60).optional() }),
  z.object({ type: z.literal("topics"), topic: z.string().max(60).optional() }),
  z.object({ type: z.literal("myths") }),
  z.object({ type: z.literal("help") }),
  // `answers`: filled in from a description (`recommend`); the walkthrough asks only `ask`, or
  // else every question not answered. Values are checked against the checklist when it starts.
  z.object({
    type: z.literal("checklist.start"),
    answers: z.partialRecord(z.enum(ANSWER_KEYS), z.string().max(20)).optional(),
    ask: z.array(z.enum(ANSWER_KEYS)).min(1).max(ANSWER_KEYS.length).optional(),
  }),
  // Runs inside the thread a `checklist.start` reply opened: moves the walkthrough created for
  // it (`walkthroughId`) into that thread. `thread` is set on a "Continue" button pressed
  // somewhere else (a private message), naming the thread to begin in.
  z.object({
    type: z.literal("checklist.begin"),
    walkthroughId: z.string().min(1).max(64).optional(),
    thread: z.string().min(1).max(200).optional(),
  }),
  // "Continue": posts the walkthrough's current card again in its thread.
  z.object({
    type: z.literal("checklist.resume"),
    walkthroughId: z.string().min(1).max(64),
    thread: z.string().min(1).max(200).optional(),
  }),
  z.object({
    type: z.literal("checklist.answer"),
    walkthroughId: z.string().min(1).max(64),
    // The step the pressed button belongs to; a press for any other step is stale.
    step: z.number().int().min(0).max(64),
    value: z.string().max(40).nullable(), // null = "not sure / skip"
  }),
  z.object({
    type: z.literal("checklist.control"),
    walkthroughId: z.string().min(1).max(64),
    step: z.number().int().min(0).max(64),
    op: z.enum(["back", "restart", "cancel"]),
  }),
  // "Share in channel" / "share summary": repost a reply publicly.
  z.object({
    type: z.literal("share"),
    entryId: z.string().max(120).optional(),
    walkthroughId: z.string().max(64).optional(),
  }),
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action["type"];
