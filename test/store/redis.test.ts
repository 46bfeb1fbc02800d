import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore } from "../../src/store/index.ts";
import { openRedisStore } from "../../src/store/redis.ts";
import { type StateStore, StoreUnavailableError } from "../../src/store/store.ts";
import { freePort } from "../helpers/ports.ts";
import { hasRedisServer, type RedisServer, startRedis, warnIfNoRedis } from "../helpers/redis.ts";
import { storeContract } from "./contract.ts";

warnIfNoRedis("the Redis store tests (test/store/redis.test.ts)");

describe.skipIf(!hasRedisServer)("RedisStore", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("contract", () => {
    storeContract(async () => {
      const keyPrefix = `vmvc-test:${randomUUID()}:`; // each test gets its own keys on the shared server
      const opened: StateStore[] = [];
      const open = async () => {
        const store = await openRedisStore(server.url, { keyPrefix });
        opened.push(store);
        return store;
      };
      return {
        store: await open(),
        peer: open, // a second connection on the same keys
        now: Date.now,
        elapse: (ms) => sleep(ms),
        fakeClock: false,
        cleanup: async () => {
          await Promise.all(opened.map((store) => store.close()));
        },
      };
    });
  });

  describe("availability", () => {
    it("refuses an unreachable STATE_URL at creation, quickly, without printing the password", async () => {
      const port = await freePort();
      const started = Date.now();
      const error = await createStore(`redis://:s3cret@127.0.0.1:${port}`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      const message = (error as Error).message;
      expect(message).toMatch(
        new RegExp(
          `^STATE_URL: cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED`,
        ),
      );
      expect(message).not.toContain("s3cret");
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it("rejects operations within 2 s while Redis is down and recovers when it returns", async () => {
      const own = await startRedis(); // its own server: stopping it must not disturb other tests
      const errors: Error[] = [];
      const store = await createStore(own.url, { onError: (error) => errors.push(error) });
      try {
        expect(await store.set("walk", { step: 1 }, { ttlMs: 60_000 })).toEqual({ ok: true, version: 1 });

        await own.stop();
        const started = Date.now();
        const outcomes = await Promise.allSettled([
          store.get("walk"),
          store.set("walk", { step: 2 }, { ttlMs: 60_000, ifVersion: 1 }),
          store.delete("walk"),
          store.claim("event", 60_000),
          store.append("usage", "ask", 60_000),
          store.readLog("usage"),
        ]);
        expect(Date.now() - started).toBeLessThan(2500);
        for (const outcome of outcomes) {
          expect(outcome.status).toBe("rejected");
          const reason = (outcome as PromiseRejectedResult).reason as Error;
          expect(reason).toBeInstanceOf(StoreUnavailableError);
          expect(reason.message).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable/);
        }
        expect(await store.ping()).toBe(false);
        expect(errors.map((error) => error.message)).toEqual([
          expect.stringMatching(/^lost connection to Redis/),
        ]);

        await own.restart(); // same port, empty dataset (no persistence)
        expect(await store.set("walk", { step: 1 }, { ttlMs: 60_000, ifVersion: 0 })).toEqual({
          ok: true,
          version: 1,
        });
        expect(await store.get("walk")).toEqual({ value: { step: 1 }, version: 1 });
        expect(await store.claim("event", 60_000)).toBe(true);
        await store.append("usage", "ask", 60_000);
        expect(await store.readLog("usage")).toEqual(["ask"]);
        expect(await store.ping()).toBe(true);
      } finally {
        await store.close();
        await own.stop();
      }
    });
  });
});
