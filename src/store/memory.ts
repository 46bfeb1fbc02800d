import { checkIfVersion, checkTtl, decodeValue, encodeValue } from "./rules.ts";
import {
  type SetOptions,
  type SetResult,
  type StateStore,
  StoreUnavailableError,
  type Versioned,
} from "./store.ts";

export interface MemoryStoreOptions {
  /** Clock for TTLs; tests inject one to expire keys without waiting. */
  now?: () => number;
}

interface Slot {
  json: string;
  version: number;
  expiresAt: number;
}

interface LogLine {
  at: number;
  expiresAt: number;
  json: string;
}

/** Sweep expired data every this many writes, so claims and logs nobody reads again do not pile up. */
const SWEEP_EVERY = 256;

/**
 * In-process store for unit tests and `STATE_URL=memory:`. Values are copied through JSON,
 * like the persistent stores, so a caller mutating an object it got back changes nothing.
 */
export class MemoryStore implements StateStore {
  readonly kind = "memory";
  readonly #now: () => number;
  readonly #kv = new Map<string, Slot>();
  readonly #claims = new Map<string, number>();
  readonly #logs = new Map<string, LogLine[]>();
  #writes = 0;
  #closed = false;
  /** No key, claim or log line expires before these: until then a sweep has nothing to drop. */
  #kvNext = Number.POSITIVE_INFINITY;
  #claimsNext = Number.POSITIVE_INFINITY;
  #logsNext = Number.POSITIVE_INFINITY;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  async get<T = unknown>(key: string): Promise<Versioned<T> | undefined> {
    const slot = this.#live(key);
    return slot && { value: decodeValue<T>(slot.json), version: slot.version };
  }

  async set<T = unknown>(key: string, value: T, options: SetOptions): Promise<SetResult> {
    this.#open();
    const ttl = checkTtl(options.ttlMs);
    checkIfVersion(options.ifVersion);
    const json = encodeValue(value);
    const current = this.#live(key)?.version ?? 0;
    if (options.ifVersion !== undefined && options.ifVersion !== current)
      return { ok: false, reason: "conflict" };
    const version = current + 1;
    const expiresAt = this.#now() + ttl;
    this.#kv.set(key, { json, version, expiresAt });
    this.#kvNext = Math.min(this.#kvNext, expiresAt);
    this.#countWrite();
    return { ok: true, version };
  }

  async delete(key: string): Promise<void> {
    this.#open();
    this.#kv.delete(key);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    this.#open();
    const ttl = checkTtl(ttlMs);
    const now = this.#now();
    const until = this.#claims.get(key);
    if (until !== undefined && until > now) return false;
    this.#claims.set(key, now + ttl);
    this.#claimsNext = Math.min(this.#claimsNext, now + ttl);
    this.#countWrite();
    return true;
  }

  async append(log: string, entry: unknown, ttlMs: number): Promise<void> {
    this.#open();
    const ttl = checkTtl(ttlMs);
    const json = encodeValue(entry);
    const now = this.#now();
    // Expired lines are dropped by the sweep and skipped by readLog: copying the whole log on
    // every append made a busy memory store quadratic.
    const lines = this.#logs.get(log) ?? [];
    lines.push({ at: now, expiresAt: now + ttl, json });
    this.#logs.set(log, lines);
    this.#logsNext = Math.min(this.#logsNext, now + ttl);
    this.#countWrite();
  }

  async readLog<T = unknown>(log: string, sinceMs = Number.NEGATIVE_INFINITY): Promise<T[]> {
    this.#open();
    const now = this.#now();
    return (this.#logs.get(log) ?? [])
      .filter((line) => line.expiresAt > now && line.at >= sinceMs)
      .sort((a, b) => a.at - b.at) // stable: equal times keep append order, as in SQLite and Redis
      .map((line) => decodeValue<T>(line.json));
  }

  async ping(): Promise<boolean> {
    return !this.#closed;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /** The unexpired slot for `key`, dropping it if it has expired. */
  #live(key: string): Slot | undefined {
    this.#open();
    const slot = this.#kv.get(key);
    if (slot && slot.expiresAt <= this.#now()) {
      this.#kv.delete(key);
      return undefined;
    }
    return slot;
  }

  #countWrite(): void {
    if (++this.#writes % SWEEP_EVERY !== 0) return;
    const now = this.#now();
    // Only what can hold something expired is walked: a busy store with long TTLs (90-day
    // insights, 7-day asked questions) would otherwise be walked whole every SWEEP_EVERY writes.
    if (this.#kvNext <= now) {
      this.#kvNext = Number.POSITIVE_INFINITY;
      for (const [key, slot] of this.#kv) {
        if (slot.expiresAt <= now) this.#kv.delete(key);
        else this.#kvNext = Math.min(this.#kvNext, slot.expiresAt);
      }
    }
    if (this.#claimsNext <= now) {
      this.#claimsNext = Number.POSITIVE_INFINITY;
      for (const [key, until] of this.#claims) {
        if (until <= now) this.#claims.delete(key);
        else this.#claimsNext = Math.min(this.#claimsNext, until);
      }
    }
    if (this.#logsNext <= now) {
      this.#logsNext = Number.POSITIVE_INFINITY;
      for (const [log, lines] of this.#logs) {
        const live = lines.filter((line) => line.expiresAt > now);
        if (live.length === 0) this.#logs.delete(log);
        else this.#logs.set(log, live);
        for (const line of live) this.#logsNext = Math.min(this.#logsNext, line.expiresAt);
      }
    }
  }

  #open(): void {
    if (this.#closed) throw new StoreUnavailableError("memory store is closed");
  }
}
