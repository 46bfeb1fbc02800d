import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { checkIfVersion, checkTtl, decodeValue, type ErrorHook, encodeValue, warnOnError } from "./rules.ts";
import { migrate, SQL } from "./sqlite-schema.ts";
import {
  type SetOptions,
  type SetResult,
  type StateStore,
  StoreUnavailableError,
  type Versioned,
} from "./store.ts";

export interface SqliteStoreOptions {
  /** Clock for TTLs and log times; tests inject one to expire rows without waiting. */
  now?: () => number;
  /** How often expired rows are deleted (reads already ignore them). Default one minute. */
  purgeIntervalMs?: number;
  /** Where a failed background purge is reported. Default: console.warn. */
  onError?: ErrorHook;
}

/** SQLite codes that mean "the disk or file is in trouble", not "the code is wrong". */
const INFRA_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL|NOMEM|PERM)/;
const EARLIEST = Number.MIN_SAFE_INTEGER;

interface Row {
  value: string;
  version: number;
}

/** Opens (creating if needed) the SQLite file and its parent directory. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  let db: Database.Database | undefined;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { timeout: 5000 }); // wait for another connection's write lock, don't fail at once
    db.pragma("journal_mode = WAL"); // readers don't block the writer; several processes may share the file
    db.pragma("synchronous = NORMAL"); // durable enough with WAL, much faster than FULL
    migrate(db);
    return new SqliteStore(db, options);
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(`cannot open SQLite database ${file} (${reason})`, { cause: error });
  }
}

/** The embedded default store: one file, safe for several connections thanks to WAL and atomic statements. */
export class SqliteStore implements StateStore {
  readonly kind = "sqlite";
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #onError: ErrorHook;
  readonly #timer: NodeJS.Timeout;
  readonly #stmt;
  #closed = false;

  constructor(db: Database.Database, options: SqliteStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? warnOnError;
    this.#stmt = {
      get: db.prepare<{ key: string; now: number }, Row>(SQL.get),
      put: db.prepare<{ key: string; value: string; expiresAt: number; now: number }, Row>(SQL.put),
      create: db.prepare<{ key: string; value: string; expiresAt: number; now: number }, Row>(SQL.create),
      update: db.prepare<
        { key: string; value: string; expiresAt: number; now: number; ifVersion: number },
        Row
      >(SQL.update),
      delete: db.prepare<{ key: string }>(SQL.delete),
      claim: db.prepare<{ key: string; expiresAt: number; now: number }>(SQL.claim),
      append: db.prepare<{ log: string; at: number; expiresAt: number; entry: string }>(SQL.append),
      readLog: db.prepare<{ log: string; since: number; now: number }, { entry: string }>(SQL.readLog),
      purge: [SQL.purgeKv, SQL.purgeClaims, SQL.purgeLogs].map((sql) => db.prepare<{ now: number }>(sql)),
    };
    this.purge();
    // unref: a pending purge must never keep the process (or a test run) alive.
    this.#timer = setInterval(() => this.#purgeInBackground(), options.purgeIntervalMs ?? 60_000).unref();
  }

  async get<T = unknown>(key: string): Promise<Versioned<T> | undefined> {
    const row = this.#run(() => this.#stmt.get.get({ key, now: this.#now() }));
    return row && { value: decodeValue<T>(row.value), version: row.version };
  }

  async set<T = unknown>(key: string, value: T, options: SetOptions): Promise<SetResult> {
    const ttl = checkTtl(options.ttlMs);
    checkIfVersion(options.ifVersion);
    const now = this.#now();
    const params = { key, value: encodeValue(value), expiresAt: now + ttl, now };
    const { ifVersion } = options;
    const row = this.#run(() => {
      if (ifVersion === undefined) return this.#stmt.put.get(params);
      if (ifVersion === 0) return this.#stmt.create.get(params);
      return this.#stmt.update.get({ ...params, ifVersion });
    });
    return row ? { ok: true, version: row.version } : { ok: false, reason: "conflict" };
  }

  async delete(key: string): Promise<void> {
    this.#run(() => this.#stmt.delete.run({ key }));
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const now = this.#now();
    return this.#run(() => this.#stmt.claim.run({ key, expiresAt: now + ttl, now }).changes === 1);
  }

  async append(log: string, entry: unknown, ttlMs: number): Promise<void> {
    const ttl = checkTtl(ttlMs);
    const now = this.#now();
    const params = { log, at: now, expiresAt: now + ttl, entry: encodeValue(entry) };
    this.#run(() => this.#stmt.append.run(params));
  }

  async readLog<T = unknown>(log: string, sinceMs?: number): Promise<T[]> {
    const rows = this.#run(() =>
      this.#stmt.readLog.all({ log, since: sinceMs ?? EARLIEST, now: this.#now() }),
    );
    return rows.map((row) => decodeValue<T>(row.entry));
  }

  async ping(): Promise<boolean> {
    if (this.#closed) return false;
    try {
      this.#db.prepare("SELECT 1").get();
      return true;
    } catch {
      return false; // ping reports health as a boolean by contract; the reason shows up on real operations
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#db.close();
  }

  /** Deletes expired rows now; reads ignore them anyway, this only reclaims space. */
  purge(): void {
    const now = this.#now();
    const purgeAll = this.#db.transaction(() => {
      for (const stmt of this.#stmt.purge) stmt.run({ now });
    });
    this.#run(() => purgeAll());
  }

  #purgeInBackground(): void {
    try {
      this.purge();
    } catch (error) {
      this.#onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Runs one synchronous database call, turning disk and lock trouble into StoreUnavailableError. */
  #run<R>(call: () => R): R {
    if (this.#closed) throw new StoreUnavailableError("SQLite store is closed");
    try {
      return call();
    } catch (error) {
      if (error instanceof Database.SqliteError && INFRA_CODES.test(error.code)) {
        throw new StoreUnavailableError(`SQLite ${this.#db.name}: ${error.message} (${error.code})`, {
          cause: error,
        });
      }
      throw error;
    }
  }
}
