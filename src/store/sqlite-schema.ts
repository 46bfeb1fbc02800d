import type Database from "better-sqlite3";

/**
 * Schema of the SQLite store, versioned with `PRAGMA user_version` so a later release can
 * migrate a file in place. Times are epoch milliseconds; values and log entries are JSON text.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE kv (
     key        TEXT PRIMARY KEY,
     value      TEXT NOT NULL,
     version    INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX kv_expires ON kv (expires_at);
   -- Claims live apart from kv so claim("x") and set("x") never collide.
   CREATE TABLE claims (
     key        TEXT PRIMARY KEY,
     expires_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE logs (
     id         INTEGER PRIMARY KEY AUTOINCREMENT,
     log        TEXT NOT NULL,
     at         INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     entry      TEXT NOT NULL
   ) STRICT;
   CREATE INDEX logs_by_time ON logs (log, at, id);
   CREATE INDEX logs_expires ON logs (expires_at);`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this vmvc understands (${MIGRATIONS.length})`,
    );
  }
  db.transaction(() => {
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index < current) continue;
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    }
  }).immediate();
}

/** Every statement is a single SQL statement, so each compare-and-set is atomic on its own. */
export const SQL = {
  get: "SELECT value, version FROM kv WHERE key = @key AND expires_at > @now",
  /** Unconditional write: an expired row counts as absent, so its version starts again at 1. */
  put: `INSERT INTO kv (key, value, version, expires_at) VALUES (@key, @value, 1, @expiresAt)
        ON CONFLICT (key) DO UPDATE SET
          value = excluded.value,
          expires_at = excluded.expires_at,
          version = CASE WHEN kv.expires_at > @now THEN kv.version + 1 ELSE 1 END
        RETURNING version`,
  /** ifVersion 0: write only when no live row exists (the DO UPDATE's WHERE fails otherwise). */
  create: `INSERT INTO kv (key, value, version, expires_at) VALUES (@key, @value, 1, @expiresAt)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = 1, expires_at = excluded.expires_at
           WHERE kv.expires_at <= @now
           RETURNING version`,
  /** ifVersion n > 0: write only over the live row at exactly that version. */
  update: `UPDATE kv SET value = @value, version = version + 1, expires_at = @expiresAt
           WHERE key = @key AND version = @ifVersion AND expires_at > @now
           RETURNING version`,
  delete: "DELETE FROM kv WHERE key = @key",
  claim: `INSERT INTO claims (key, expires_at) VALUES (@key, @expiresAt)
          ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
          WHERE claims.expires_at <= @now`,
  append: "INSERT INTO logs (log, at, expires_at, entry) VALUES (@log, @at, @expiresAt, @entry)",
  readLog: `SELECT entry FROM logs WHERE log = @log AND at >= @since AND expires_at > @now
            ORDER BY at, id`,
  purgeKv: "DELETE FROM kv WHERE expires_at <= @now",
  purgeClaims: "DELETE FROM claims WHERE expires_at <= @now",
  purgeLogs: "DELETE FROM logs WHERE expires_at <= @now",
} as const;
