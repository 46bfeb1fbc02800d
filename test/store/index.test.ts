import { describe, expect, it } from "vitest";
import { createStore, DEFAULT_STATE_URL, parseStateUrl, redactUrl } from "../../src/store/index.ts";

describe("parseStateUrl", () => {
  it.each([
    ["memory:", { kind: "memory" }],
    ["sqlite:./data/vmvc.db", { kind: "sqlite", file: "./data/vmvc.db" }],
    ["sqlite:/var/lib/vmvc/state.db", { kind: "sqlite", file: "/var/lib/vmvc/state.db" }],
    ["sqlite:///var/lib/vmvc/state.db", { kind: "sqlite", file: "/var/lib/vmvc/state.db" }],
    ["sqlite:", { kind: "sqlite", file: "./data/vmvc.db" }],
    ["", { kind: "sqlite", file: "./data/vmvc.db" }],
    ["redis://127.0.0.1:6379", { kind: "redis", url: "redis://127.0.0.1:6379" }],
    [
      "rediss://:pw@cache.example.com:6380/2",
      { kind: "redis", url: "rediss://:pw@cache.example.com:6380/2" },
    ],
  ])("reads %j", (url, expected) => {
    expect(parseStateUrl(url)).toEqual(expected);
  });

  it("defaults to the documented SQLite file", () => {
    expect(DEFAULT_STATE_URL).toBe("sqlite:./data/vmvc.db");
  });

  it.each(["postgres://user:hunter2@db/vmvc", "./data/vmvc.db", "redis:", "memory:extra", "REDIS"])(
    "refuses %j, naming STATE_URL and the accepted forms without the password",
    (url) => {
      expect(() => parseStateUrl(url)).toThrow(
        /^STATE_URL ".*" is not supported: use sqlite:<path>.*redis:\/\/.*memory:/,
      );
      expect(() => parseStateUrl(url)).not.toThrow(/hunter2/);
    },
  );
});

describe("redactUrl", () => {
  it("hides the password and keeps the rest", () => {
    expect(redactUrl("redis://app:hunter2@cache:6379/1")).toBe("redis://app:***@cache:6379/1");
    expect(redactUrl("redis://127.0.0.1:6390")).toBe("redis://127.0.0.1:6390");
  });
});

describe("createStore", () => {
  it("opens a memory store for memory:", async () => {
    const store = await createStore("memory:");
    expect(store.kind).toBe("memory");
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it("rejects an unknown scheme before opening anything", async () => {
    await expect(createStore("mongodb://db")).rejects.toThrow(/STATE_URL/);
  });
});
