import type { StateStore } from "../store/store.ts";

/** How long the text behind an answer is kept, for its "Not what I asked" button. */
export const ASKED_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A question as it was matched: the text the matcher saw and the entry it answered with, if any. */
export interface Asked {
  /** What the matcher ranked: the question, or the question with its follow-up context. */
  matched: string;
  entryId?: string;
}

interface Stored extends Asked {
  schema: 1;
}

const key = (askedId: string) => `asked:${askedId}`;

/**
 * The text behind each answer, under its `askedId`, so a button can refer to it with a short id
 * instead of carrying the question (Slack button values hold 2,000 characters). Never who asked.
 */
export class AskedQuestions {
  constructor(private readonly store: StateStore) {}

  async save(askedId: string, asked: Asked): Promise<void> {
    await this.store.set<Stored>(key(askedId), { schema: 1, ...asked }, { ttlMs: ASKED_TTL_MS });
  }

  async get(askedId: string): Promise<Asked | undefined> {
    const stored = await this.store.get<Stored>(key(askedId));
    if (stored?.value.schema !== 1 || typeof stored.value.matched !== "string") return undefined;
    const { matched, entryId } = stored.value;
    return entryId ? { matched, entryId } : { matched };
  }
}
