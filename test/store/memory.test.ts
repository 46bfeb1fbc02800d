import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory.ts";
import { fakeClock, storeContract } from "./contract.ts";

describe("MemoryStore", () => {
  storeContract(async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ now: clock.now });
    return {
      store,
      peer: async () => store, // one process, one map: the "second client" is the same store
      now: clock.now,
      elapse: async (ms) => clock.advance(ms),
      fakeClock: true,
      cleanup: () => store.close(),
    };
  });

  it("uses the real clock by default", async () => {
    const store = new MemoryStore();
    await store.set("k", 1, { ttlMs: 30 });
    expect(await store.get("k")).toBeDefined();
    await sleep(50);
    expect(await store.get("k")).toBeUndefined();
  });
});
