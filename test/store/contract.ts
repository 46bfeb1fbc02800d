import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type StateStore, StoreUnavailableError } from "../../src/store/store.ts";

/**
 * The behaviour every StateStore must share, run against each backend by its own test file.
 * A fixture gives a fresh, empty store plus the means to reach the same data from a second
 * client and to let time pass (an injected clock where the backend has one, else real waiting).
 */
export interface StoreFixture {
  store: StateStore;
  /** Another client on the same data: its own connection where the backend has them. */
  peer(): Promise<StateStore>;
  /** The time as the store sees it, for `sinceMs`. */
  now(): number;
  /** Lets `ms` pass for TTLs. */
  elapse(ms: number): Promise<void>;
  /** True when `elapse` is instant, so the model-based test may move time too. */
  fakeClock: boolean;
  /** Closes every store the fixture opened and removes its files. */
  cleanup(): Promise<void>;
}

/** An injectable clock for the stores that take `now`. */
export function fakeClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

/** Short enough to keep real-time (Redis) runs quick, long enough that a busy machine keeps it alive. */
const TTL = 200;
const LONG = 60_000;

export function storeContract(setup: () => Promise<StoreFixture>): void {
  let fixture: StoreFixture;
  let store: StateStore;
  beforeEach(async () => {
    fixture = await setup();
    store = fixture.store;
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  describe("values and versions", () => {
    it("returns undefined for a missing key", async () => {
      expect(await store.get("missing")).toBeUndefined();
    });

    it("stores a value at version 1 and increases the version on each write", async () => {
      expect(await store.set("k", { step: 1 }, { ttlMs: LONG })).toEqual({ ok: true, version: 1 });
      expect(await store.set("k", { step: 2 }, { ttlMs: LONG })).toEqual({ ok: true, version: 2 });
      expect(await store.set("k", { step: 3 }, { ttlMs: LONG })).toEqual({ ok: true, version: 3 });
      expect(await store.get("k")).toEqual({ value: { step: 3 }, version: 3 });
    });

    it("round-trips every kind of JSON value under any key", async () => {
      const values: unknown[] = [
        { a: [1, { b: null }], c: "ü🙂" },
        [1, "two"],
        "text",
        0,
        3.5,
        false,
        null,
        "",
      ];
      for (const [index, value] of values.entries()) {
        const key = `slack:T1:C1/1700000000.${index} ü🙂 "quoted"`;
        await store.set(key, value, { ttlMs: LONG });
        expect((await store.get(key))?.value).toEqual(value);
      }
    });

    it("hands out copies, so mutating a read value changes nothing stored", async () => {
      const original = { items: [1] };
      await store.set("k", original, { ttlMs: LONG });
      original.items.push(2);
      const read = await store.get<{ items: number[] }>("k");
      read?.value.items.push(3);
      expect((await store.get("k"))?.value).toEqual({ items: [1] });
    });

    it("deletes a key, and deleting a missing key is fine", async () => {
      await store.set("k", 1, { ttlMs: LONG });
      await store.delete("k");
      await store.delete("never-set");
      expect(await store.get("k")).toBeUndefined();
      expect(await store.set("k", 2, { ttlMs: LONG, ifVersion: 0 })).toEqual({ ok: true, version: 1 });
    });

    it("rejects values and options that cannot be stored", async () => {
      await expect(store.set("k", undefined, { ttlMs: LONG })).rejects.toThrow(TypeError);
      for (const ttlMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(store.set("k", 1, { ttlMs })).rejects.toThrow(RangeError);
      }
      await expect(store.set("k", 1, { ttlMs: LONG, ifVersion: -1 })).rejects.toThrow(RangeError);
      await expect(store.set("k", 1, { ttlMs: LONG, ifVersion: 1.5 })).rejects.toThrow(RangeError);
      await expect(store.claim("c", 0)).rejects.toThrow(RangeError);
      await expect(store.append("log", undefined, LONG)).rejects.toThrow(TypeError);
      expect(await store.get("k")).toBeUndefined();
    });
  });

  describe("compare-and-set", () => {
    it("writes when ifVersion matches and reports a conflict when it is stale", async () => {
      await store.set("k", "a", { ttlMs: LONG });
      await store.set("k", "b", { ttlMs: LONG });
      expect(await store.set("k", "c", { ttlMs: LONG, ifVersion: 2 })).toEqual({ ok: true, version: 3 });
      expect(await store.set("k", "d", { ttlMs: LONG, ifVersion: 2 })).toEqual({
        ok: false,
        reason: "conflict",
      });
      expect(await store.set("k", "d", { ttlMs: LONG, ifVersion: 4 })).toEqual({
        ok: false,
        reason: "conflict",
      });
      expect(await store.get("k")).toEqual({ value: "c", version: 3 });
    });

    it("treats ifVersion 0 as create-only", async () => {
      expect(await store.set("k", "first", { ttlMs: LONG, ifVersion: 0 })).toEqual({ ok: true, version: 1 });
      expect(await store.set("k", "second", { ttlMs: LONG, ifVersion: 0 })).toEqual({
        ok: false,
        reason: "conflict",
      });
      expect(await store.get("k")).toEqual({ value: "first", version: 1 });
    });

    it("does not create a missing key for ifVersion > 0", async () => {
      expect(await store.set("k", "x", { ttlMs: LONG, ifVersion: 1 })).toEqual({
        ok: false,
        reason: "conflict",
      });
      expect(await store.get("k")).toBeUndefined();
    });

    it("lets exactly one of 20 concurrent create-only writes win", async () => {
      const other = await fixture.peer();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : store).set("k", i, { ttlMs: LONG, ifVersion: 0 }),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
    });

    it("counts exactly 100 after 2 clients × 50 read-modify-write loops with retry", async () => {
      const other = await fixture.peer();
      const increment = async (client: StateStore, times: number) => {
        let conflicts = 0;
        for (let done = 0; done < times; ) {
          const current = await client.get<number>("counter");
          const result = await client.set("counter", (current?.value ?? 0) + 1, {
            ttlMs: LONG,
            ifVersion: current?.version ?? 0,
          });
          if (result.ok) done++;
          else conflicts++;
        }
        return conflicts;
      };
      await Promise.all([increment(store, 50), increment(other, 50)]);
      expect(await store.get("counter")).toEqual({ value: 100, version: 100 });
    });
  });

  describe("time to live", () => {
    it("forgets a key after its TTL", async () => {
      await store.set("k", "v", { ttlMs: TTL });
      expect((await store.get("k"))?.value).toBe("v");
      await fixture.elapse(TTL + 100);
      expect(await store.get("k")).toBeUndefined();
    });

    it("restarts the TTL on each write", async () => {
      await store.set("k", "v1", { ttlMs: TTL });
      await store.set("k", "v2", { ttlMs: LONG });
      await fixture.elapse(TTL + 100);
      expect(await store.get("k")).toEqual({ value: "v2", version: 2 });
    });

    it("treats an expired key as absent for compare-and-set", async () => {
      await store.set("k", "old", { ttlMs: TTL });
      await fixture.elapse(TTL + 100);
      expect(await store.set("k", "stale", { ttlMs: LONG, ifVersion: 1 })).toEqual({
        ok: false,
        reason: "conflict",
      });
      expect(await store.set("k", "new", { ttlMs: LONG, ifVersion: 0 })).toEqual({ ok: true, version: 1 });
    });
  });

  describe("claim", () => {
    it("is true for the first caller only, per key", async () => {
      expect(await store.claim("event-1", LONG)).toBe(true);
      expect(await store.claim("event-1", LONG)).toBe(false);
      expect(await store.claim("event-2", LONG)).toBe(true);
    });

    it("is true exactly once among 20 concurrent claims from two clients", async () => {
      const other = await fixture.peer();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).claim("event", LONG)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("can be claimed again after its TTL", async () => {
      expect(await store.claim("event", TTL)).toBe(true);
      await fixture.elapse(TTL + 100);
      expect(await store.claim("event", TTL)).toBe(true);
    });

    it("does not share keys with get/set", async () => {
      await store.claim("k", LONG);
      expect(await store.get("k")).toBeUndefined();
      await store.set("other", 1, { ttlMs: LONG });
      expect(await store.claim("other", LONG)).toBe(true);
      expect(await store.get("other")).toEqual({ value: 1, version: 1 });
    });
  });

  describe("logs", () => {
    it("reads entries back in append order, even within one millisecond", async () => {
      const entries = Array.from({ length: 12 }, (_, i) => ({ event: "ask", i }));
      for (const entry of entries) await store.append("usage", entry, LONG);
      await store.append("usage", { event: "ask", i: 0 }, LONG); // a duplicate entry is kept
      expect(await store.readLog("usage")).toEqual([...entries, { event: "ask", i: 0 }]);
    });

    it("returns only entries at or after sinceMs", async () => {
      await store.append("usage", "before", LONG);
      await fixture.elapse(20);
      const since = fixture.now();
      await store.append("usage", "after-1", LONG);
      await store.append("usage", "after-2", LONG);
      expect(await store.readLog("usage", since)).toEqual(["after-1", "after-2"]);
      expect(await store.readLog("usage", 0)).toEqual(["before", "after-1", "after-2"]);
    });

    it("drops each entry after its own TTL and keeps longer-lived ones", async () => {
      await store.append("usage", "long", LONG);
      await store.append("usage", "short", TTL);
      await fixture.elapse(TTL + 100);
      await store.append("usage", "later", TTL);
      expect(await store.readLog("usage")).toEqual(["long", "later"]);
    });

    it("keeps logs apart by name and returns [] for an unknown log", async () => {
      await store.append("a", 1, LONG);
      await store.append("b", 2, LONG);
      expect(await store.readLog("a")).toEqual([1]);
      expect(await store.readLog("nothing")).toEqual([]);
    });
  });

  describe("lifecycle", () => {
    it("answers ping while open; after close ping is false and operations reject", async () => {
      expect(await store.ping()).toBe(true);
      await store.close();
      await store.close(); // closing twice is harmless
      expect(await store.ping()).toBe(false);
      await expect(store.get("k")).rejects.toThrow(StoreUnavailableError);
      await expect(store.set("k", 1, { ttlMs: LONG })).rejects.toThrow(StoreUnavailableError);
      await expect(store.claim("k", LONG)).rejects.toThrow(StoreUnavailableError);
      await expect(store.readLog("log")).rejects.toThrow(StoreUnavailableError);
    });
  });

  it("behaves like a plain map with versions for any sequence of operations (model-based)", async () => {
    const keys = ["a", "b", "c"];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("set" as const),
        key: fc.constantFrom(...keys),
        value: fc.integer(),
        cas: fc.constantFrom("none", "current", "stale", "zero"),
      }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.constantFrom(...keys) }),
      fc.record({ kind: fc.constant("get" as const), key: fc.constantFrom(...keys) }),
      fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 1500 }) }),
    );
    const ttlMs = fixture.fakeClock ? 1000 : LONG;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const prefix = `model-${run++}:`;
        const model = new Map<string, { value: number; version: number; expiresAt: number }>();
        const live = (key: string) => {
          const slot = model.get(key);
          return slot && slot.expiresAt > fixture.now() ? slot : undefined;
        };
        for (const step of ops) {
          if (step.kind === "wait") {
            if (fixture.fakeClock) await fixture.elapse(step.ms);
          } else if (step.kind === "get") {
            const slot = live(step.key);
            const expected = slot && { value: slot.value, version: slot.version };
            expect(await store.get(prefix + step.key)).toEqual(expected);
          } else if (step.kind === "delete") {
            model.delete(step.key);
            await store.delete(prefix + step.key);
          } else {
            const current = live(step.key)?.version ?? 0;
            const ifVersion = { none: undefined, current, stale: current + 1, zero: 0 }[step.cas];
            const wins = ifVersion === undefined || ifVersion === current;
            const result = await store.set(prefix + step.key, step.value, { ttlMs, ifVersion });
            if (wins)
              model.set(step.key, {
                value: step.value,
                version: current + 1,
                expiresAt: fixture.now() + ttlMs,
              });
            expect(result).toEqual(
              wins ? { ok: true, version: current + 1 } : { ok: false, reason: "conflict" },
            );
          }
        }
      }),
      { numRuns: 40 },
    );
  });
}
