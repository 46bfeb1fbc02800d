/**
 * Shared state behind a small interface: walkthroughs, feedback, Slack retry dedupe.
 * Values are JSON. Every value carries a version that increases on each write, so a
 * read-modify-write can be made safe with `ifVersion` (compare-and-set) instead of
 * last-write-wins when two replicas handle presses in the same thread at once.
 */
export interface Versioned<T> {
  value: T;
  version: number;
}

export interface SetOptions {
  /** Time to live in milliseconds; the key disappears after it. */
  ttlMs: number;
  /**
   * Compare-and-set: write only if the stored version equals this number
   * (0 = the key must not exist). Omit for an unconditional write.
   */
  ifVersion?: number;
}

export type SetResult = { ok: true; version: number } | { ok: false; reason: "conflict" };

export interface StateStore {
  readonly kind: "memory" | "sqlite" | "redis";
  get<T = unknown>(key: string): Promise<Versioned<T> | undefined>;
  set<T = unknown>(key: string, value: T, options: SetOptions): Promise<SetResult>;
  delete(key: string): Promise<void>;
  /** Atomically claim a key once (Slack retry dedupe): true for the first caller only. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Append to a time-ordered log kept for `ttlMs` (usage events); read back with `readLog`. */
  append(log: string, entry: unknown, ttlMs: number): Promise<void>;
  readLog<T = unknown>(log: string, sinceMs?: number): Promise<T[]>;
  /** Cheap reachability probe for /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** A store operation failed for an infrastructure reason (unreachable, I/O); callers apologise and retry. */
export class StoreUnavailableError extends Error {
  readonly code = "STORE_UNAVAILABLE";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}
