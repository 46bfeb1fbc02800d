import type { StateStore } from "../store/store.ts";
import type { Turn } from "./turn.ts";

/** How long "keep answers short" is remembered after it was said (the person can say it again). */
const REMEMBERED_MS = 30 * 24 * 60 * 60 * 1000;

/** One person's, on one platform: the preference follows them into every conversation. */
const keyOf = (turn: Turn) => `answer-length:${turn.platform}:${turn.user.id}`;

/**
 * Whether a person asked for short answers ("please keep answers short"), until they ask for full
 * ones again ("full answers again"). A trial's reader said so and got a decline, and the next
 * answer in full.
 */
export class AnswerLengths {
  constructor(private readonly store: StateStore) {}

  async set(turn: Turn, short: boolean): Promise<void> {
    if (short) await this.store.set(keyOf(turn), { schema: 1, short: true }, { ttlMs: REMEMBERED_MS });
    else await this.store.delete(keyOf(turn));
  }

  async short(turn: Turn): Promise<boolean> {
    const kept = (await this.store.get<{ short?: unknown }>(keyOf(turn)))?.value;
    return kept?.short === true;
  }
}
