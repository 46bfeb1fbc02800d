import type { StateStore, Versioned } from "./store.ts";

const MAX_ATTEMPTS = 5;

/**
 * Read-modify-write with compare-and-set: `change` sees the current value (or undefined) and
 * returns the new one, or `undefined` to write nothing. On a conflict (another replica wrote
 * first) it re-reads and tries again, so no update is ever lost to last-write-wins.
 */
export async function updateKey<T, R>(
  store: StateStore,
  key: string,
  ttlMs: number,
  change: (current: Versioned<T> | undefined) => { value?: T; result: R },
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<T>(key);
    const { value, result } = change(current);
    if (value === undefined) return result;
    const written = await store.set(key, value, { ttlMs, ifVersion: current?.version ?? 0 });
    if (written.ok) return result;
    if (attempt >= MAX_ATTEMPTS) throw new ConflictError(key);
  }
}

/** Too many writers raced for one key; the caller apologises and the user retries. */
export class ConflictError extends Error {
  readonly code = "STATE_CONFLICT";
  constructor(key: string) {
    super(`gave up updating ${key} after ${MAX_ATTEMPTS} conflicting writes`);
    this.name = "ConflictError";
  }
}
