import type { StateStore } from "../store/store.ts";
import type { Platform } from "./turn.ts";

/** Usage history is kept 90 days: question text and outcome, never who asked. */
export const INSIGHT_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export type InsightEvent =
  | {
      type: "question";
      askedId: string;
      at: number;
      platform: Platform;
      question: string;
      /** `repeated`: taken back to the answer just given ("That takes me back to my answer above"). */
      outcome: "answered" | "suggested" | "declined" | "repeated";
      entryId?: string;
      confidence: number;
      suggestions?: string[];
      /** A follow-up: matched together with this entry, the one answered before in the thread. */
      followUpOf?: string;
    }
  | { type: "pick"; askedId: string; at: number; entryId: string }
  /** After "Not what I asked" on `wrongEntryId`, the person picked `entryId` for the question. */
  | { type: "correction"; askedId: string; at: number; entryId: string; wrongEntryId?: string }
  | { type: "feedback"; at: number; entryId: string; vote: "up" | "down"; askedId?: string };

export const INSIGHT_LOG = "insights";

/** Records what people asked and how it went, for the knowledge-gap report (`stats`). */
export class Insights {
  constructor(
    private readonly store: StateStore,
    private readonly now: () => number,
  ) {}

  async record(event: InsightEvent): Promise<void> {
    await this.store.append(INSIGHT_LOG, event, INSIGHT_TTL_MS);
  }

  async read(sinceMs?: number): Promise<InsightEvent[]> {
    return this.store.readLog<InsightEvent>(INSIGHT_LOG, sinceMs ?? this.now() - INSIGHT_TTL_MS);
  }
}
