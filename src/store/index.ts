import { MemoryStore } from "./memory.ts";
import type { RedisStoreOptions } from "./redis.ts";
import type { ErrorHook } from "./rules.ts";
import { openSqliteStore } from "./sqlite.ts";
import { type StateStore, StoreUnavailableError } from "./store.ts";
import { parseStateUrl } from "./url.ts";

export type { SetOptions, SetResult, StateStore, Versioned } from "./store.ts";
export { StoreUnavailableError } from "./store.ts";
export { DEFAULT_STATE_URL, parseStateUrl, redactUrl } from "./url.ts";

export interface CreateStoreOptions
  extends Pick<RedisStoreOptions, "keyPrefix" | "connectTimeoutMs" | "commandTimeoutMs"> {
  /** Clock for TTLs in the memory and SQLite stores (tests). Redis keeps time itself. */
  now?: () => number;
  /** Background failures: a failed SQLite purge, a lost Redis connection. Default: console.warn. */
  onError?: ErrorHook;
  /** SQLite: how often expired rows are deleted. Default one minute. */
  purgeIntervalMs?: number;
}

/**
 * Opens the store STATE_URL names: `sqlite:<path>`, `redis://…`, `rediss://…` or `memory:`.
 * Fails fast with a message naming STATE_URL when the form is unknown or the store cannot be
 * reached; for Redis it waits for an answer before returning. Passwords never reach a message.
 */
export async function createStore(url: string, options: CreateStoreOptions = {}): Promise<StateStore> {
  const location = parseStateUrl(url);
  try {
    switch (location.kind) {
      case "memory":
        return new MemoryStore(options);
      case "sqlite":
        return openSqliteStore(location.file, options);
      case "redis":
        return await (await import("./redis.ts")).openRedisStore(location.url, options);
      default:
        return location satisfies never;
    }
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    throw new StoreUnavailableError(`STATE_URL: ${error.message}`, { cause: error.cause ?? error });
  }
}
