import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore } from "../../src/store/index.ts";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite.ts";
import { StoreUnavailableError } from "../../src/store/store.ts";
import { fakeClock, storeContract } from "./contract.ts";

const quiet = () => {}; // no background errors are expected; a failure would show in the assertions

describe("SqliteStore", () => {
  storeContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), "vmvc-sqlite-"));
    const file = join(dir, "state.db");
    const clock = fakeClock();
    const opened: SqliteStore[] = [];
    const open = async () => {
      const store = openSqliteStore(file, { now: clock.now, onError: quiet });
      opened.push(store);
      return store;
    };
    return {
      store: await open(),
      peer: open, // a second connection to the same file
      now: clock.now,
      elapse: async (ms) => clock.advance(ms),
      fakeClock: true,
      cleanup: async () => {
        await Promise.all(opened.map((store) => store.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });

  describe("on disk", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "vmvc-sqlite-"));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it("creates the parent directories and keeps data across a reopen", async () => {
      const file = join(dir, "nested", "deeper", "vmvc.db");
      const first = await createStore(`sqlite:${file}`);
      expect(first.kind).toBe("sqlite");
      await first.set("walk", { step: 2 }, { ttlMs: 60_000 });
      await first.set("walk", { step: 3 }, { ttlMs: 60_000 });
      await first.claim("event", 60_000);
      await first.append("usage", "ask", 60_000);
      await first.close();

      const second = await createStore(`sqlite:${file}`);
      expect(await second.get("walk")).toEqual({ value: { step: 3 }, version: 2 });
      expect(await second.claim("event", 60_000)).toBe(false);
      expect(await second.readLog("usage")).toEqual(["ask"]);
      await second.close();
    });

    it("uses WAL journaling", async () => {
      const file = join(dir, "vmvc.db");
      const store = openSqliteStore(file);
      const raw = new Database(file);
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
      raw.close();
      await store.close();
    });

    it("purges expired rows from disk, on demand and periodically", async () => {
      const file = join(dir, "vmvc.db");
      const clock = fakeClock();
      const store = openSqliteStore(file, { now: clock.now, purgeIntervalMs: 10 });
      await store.set("k", 1, { ttlMs: 100 });
      await store.claim("c", 100);
      await store.append("log", "e", 100);
      const raw = new Database(file, { readonly: true });
      const rows = () =>
        ["kv", "claims", "logs"].map((table) =>
          raw.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get(),
        );
      expect(rows()).toEqual([1, 1, 1]);
      clock.advance(150);
      await sleep(60); // a few purge intervals
      expect(rows()).toEqual([0, 0, 0]);
      raw.close();
      await store.close();
    });

    it("fails with StoreUnavailableError naming STATE_URL when the file cannot be opened", async () => {
      const blocker = join(dir, "not-a-dir");
      writeFileSync(blocker, "");
      const opening = createStore(`sqlite:${join(blocker, "vmvc.db")}`);
      await expect(opening).rejects.toThrow(StoreUnavailableError);
      await expect(opening).rejects.toThrow(/^STATE_URL: cannot open SQLite database .*not-a-dir/);
    });
  });
});
