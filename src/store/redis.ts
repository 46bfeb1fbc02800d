import { Redis } from "ioredis";
import { defineScripts, parseLogMember } from "./redis-scripts.ts";
import { checkIfVersion, checkTtl, decodeValue, type ErrorHook, encodeValue, warnOnError } from "./rules.ts";
import {
  type SetOptions,
  type SetResult,
  type StateStore,
  StoreUnavailableError,
  type Versioned,
} from "./store.ts";
import { redactUrl } from "./url.ts";

export interface RedisStoreOptions {
  /** Namespace for every key this store touches. Default `vmvc:`. */
  keyPrefix?: string;
  /** Give up on a TCP connect after this long. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** Reject a command with no reply after this long, so a dead link never hangs a turn. Default 1500 ms. */
  commandTimeoutMs?: number;
  /** Told once per outage when an established connection is lost. Default: console.warn. */
  onError?: ErrorHook;
}

/** Reply errors that mean "Redis cannot serve right now" rather than "our command is wrong". */
const OUTAGE_REPLIES =
  /^(LOADING|BUSY|MASTERDOWN|READONLY|OOM|CLUSTERDOWN|TRYAGAIN|NOAUTH|WRONGPASS|NOPERM)\b/;

/** Connects and checks Redis answers before returning, so a bad STATE_URL fails at start-up. */
export async function openRedisStore(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
  const connectTimeout = options.connectTimeoutMs ?? 1000;
  const commandTimeout = options.commandTimeoutMs ?? 1500;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout,
    commandTimeout,
    // Commands queued while disconnected fail after one reconnect attempt instead of waiting forever...
    maxRetriesPerRequest: 1,
    // ...while the client itself keeps reconnecting, quickly, so the store heals when Redis returns.
    retryStrategy: (attempt) => Math.min(attempt * 50, 500),
  });
  const store = new RedisStore(client, redactUrl(url), options);
  await store.connect(connectTimeout + commandTimeout);
  return store;
}

/** Shared state for several replicas. Values are hashes {v: JSON, ver: version} with a PEXPIRE. */
export class RedisStore implements StateStore {
  readonly kind = "redis";
  readonly #client: Redis;
  readonly #where: string;
  readonly #prefix: string;
  readonly #onError: ErrorHook;
  #lastError: Error | undefined;
  #everReady = false;
  #outageReported = false;
  #closed = false;

  constructor(client: Redis, where: string, options: RedisStoreOptions = {}) {
    this.#client = client;
    this.#where = where;
    this.#prefix = options.keyPrefix ?? "vmvc:";
    this.#onError = options.onError ?? warnOnError;
    defineScripts(client);
    client.on("ready", () => {
      this.#everReady = true;
      this.#outageReported = false;
      this.#lastError = undefined;
    });
    // Keep the latest connection error for messages; report an outage once, not once per retry.
    // Before the first `ready`, connect() turns errors into its own exception instead.
    client.on("error", (error: Error) => {
      this.#lastError = error;
      if (!this.#everReady || this.#outageReported || this.#closed) return;
      this.#outageReported = true;
      this.#onError(new Error(`lost connection to Redis at ${where}: ${error.message}`));
    });
  }

  /** First connection; throws StoreUnavailableError naming the URL (password hidden) and the cause. */
  async connect(budgetMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${budgetMs} ms`)), budgetMs);
    });
    try {
      await Promise.race([this.#client.connect().then(() => this.#client.ping()), timeout]);
    } catch (error) {
      this.#closed = true;
      this.#client.disconnect(); // stop the reconnect loop of a store nobody will use
      const reason = this.#lastError?.message ?? (error instanceof Error ? error.message : String(error));
      throw new StoreUnavailableError(`cannot reach Redis at ${this.#where} (${reason})`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async get<T = unknown>(key: string): Promise<Versioned<T> | undefined> {
    const [json, version] = await this.#run(() => this.#client.hmget(this.#key("kv", key), "v", "ver"));
    if (json == null || version == null) return undefined;
    return { value: decodeValue<T>(json), version: Number(version) };
  }

  async set<T = unknown>(key: string, value: T, options: SetOptions): Promise<SetResult> {
    const ttl = checkTtl(options.ttlMs);
    checkIfVersion(options.ifVersion);
    const json = encodeValue(value);
    const ifVersion = options.ifVersion === undefined ? "" : String(options.ifVersion);
    const version = await this.#run(() =>
      this.#client.vmvcCasSet(this.#key("kv", key), json, ttl, ifVersion),
    );
    return version > 0 ? { ok: true, version } : { ok: false, reason: "conflict" };
  }

  async delete(key: string): Promise<void> {
    await this.#run(() => this.#client.del(this.#key("kv", key)));
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const reply = await this.#run(() => this.#client.set(this.#key("claim", key), "1", "PX", ttl, "NX"));
    return reply === "OK";
  }

  async append(log: string, entry: unknown, ttlMs: number): Promise<void> {
    const ttl = checkTtl(ttlMs);
    const json = encodeValue(entry);
    const now = Date.now();
    const seq = `${this.#prefix}logseq`;
    await this.#run(() =>
      this.#client.vmvcLogAppend(this.#key("log", log), seq, now, ttl, `${now + ttl}:${json}`),
    );
  }

  async readLog<T = unknown>(log: string, sinceMs?: number): Promise<T[]> {
    const members = await this.#run(() =>
      this.#client.zrangebyscore(this.#key("log", log), sinceMs ?? "-inf", "+inf"),
    );
    const now = Date.now();
    const entries: T[] = [];
    for (const member of members) {
      const parsed = parseLogMember(member);
      if (parsed && parsed.expiresAt > now) entries.push(decodeValue<T>(parsed.json));
    }
    return entries;
  }

  async ping(): Promise<boolean> {
    if (this.#closed) return false;
    try {
      return (await this.#client.ping()) === "PONG";
    } catch {
      return false; // ping reports health as a boolean by contract; operations carry the reason
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#client.quit();
    } catch {
      this.#client.disconnect(); // Redis is gone: nothing to say goodbye to, just drop the socket
    }
  }

  #key(kind: "kv" | "claim" | "log", name: string): string {
    return `${this.#prefix}${kind}:${name}`;
  }

  async #run<R>(command: () => Promise<R>): Promise<R> {
    if (this.#closed) throw new StoreUnavailableError(`Redis store for ${this.#where} is closed`);
    try {
      return await command();
    } catch (error) {
      throw this.#failure(error);
    }
  }

  /** Outages become StoreUnavailableError; a reply error about our own command stays as it is (a bug). */
  #failure(error: unknown): Error {
    if (!(error instanceof Error))
      return new StoreUnavailableError(`Redis at ${this.#where}: ${String(error)}`);
    if (error.name === "ReplyError" && !OUTAGE_REPLIES.test(error.message)) return error;
    const lostLink = error.name === "MaxRetriesPerRequestError" || error.message === "Connection is closed.";
    const what = lostLink ? "no connection" : error.message;
    const last = this.#lastError ? ` (${this.#lastError.message})` : "";
    return new StoreUnavailableError(`Redis at ${this.#where} is unavailable: ${what}${last}`, {
      cause: error,
    });
  }
}
