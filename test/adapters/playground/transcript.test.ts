import { describe, expect, it } from "vitest";
import {
  applyOps,
  cap,
  type PgMessage,
  readTranscript,
  TRANSCRIPT_LIMIT,
  transcriptKey,
  writeTranscript,
} from "../../../src/adapters/playground/transcript.ts";
import { createStore } from "../../../src/store/index.ts";

const msg = (id: string, extra: Partial<PgMessage> = {}): PgMessage => ({
  id,
  from: "bot",
  parts: [{ type: "text", text: id }],
  placement: "here",
  kind: "answer",
  visibility: "public",
  summary: id,
  at: 0,
  ...extra,
});

describe("playground transcript", () => {
  it("appends in order and reports what changed", () => {
    const { messages, changed } = applyOps(
      [msg("a")],
      [
        { op: "append", message: msg("b") },
        { op: "append", message: msg("c", { thread: "a" }) },
      ],
    );
    expect(messages.map((m) => m.id)).toEqual(["a", "b", "c"]);
    expect(changed.map((m) => m.id)).toEqual(["b", "c"]);
  });

  it("replaces in place, keeping the id and thread of the pressed message", () => {
    const start = [msg("root"), msg("q1", { thread: "root" }), msg("after")];
    const { messages, changed } = applyOps(start, [
      { op: "replace", id: "q1", message: msg("new", { parts: [{ type: "text", text: "answered" }] }) },
      { op: "append", message: msg("q2", { thread: "root" }) },
    ]);
    expect(messages.map((m) => m.id)).toEqual(["root", "q1", "after", "q2"]);
    expect(messages[1]).toMatchObject({
      id: "q1",
      thread: "root",
      parts: [{ type: "text", text: "answered" }],
    });
    expect(changed.map((m) => m.id)).toEqual(["q1", "q2"]);
  });

  it("appends a replacement whose target is gone", () => {
    const { messages } = applyOps([msg("a")], [{ op: "replace", id: "gone", message: msg("n") }]);
    expect(messages.map((m) => m.id)).toEqual(["a", "n"]);
  });

  it("caps the transcript and drops threads whose root fell off", () => {
    const long = [
      msg("root"),
      msg("t1", { thread: "root" }),
      ...Array.from({ length: 10 }, (_, i) => msg(`m${i}`)),
    ];
    const kept = cap(long, 10);
    expect(kept.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(kept.some((m) => m.thread === "root")).toBe(false);
    expect(cap(long, 100)).toBe(long);
  });

  it("persists with a week's TTL, reads back, and ignores a value of another shape", async () => {
    let now = 1_000;
    const store = await createStore("memory:", { now: () => now });
    await writeTranscript(store, "sess-0001", [{ op: "append", message: msg("a") }]);
    expect((await readTranscript(store, "sess-0001")).map((m) => m.id)).toEqual(["a"]);
    now += 7 * 24 * 60 * 60 * 1000 + 1;
    expect(await readTranscript(store, "sess-0001")).toEqual([]);
    await store.set(transcriptKey("sess-0002"), { schema: 99, messages: "nope" }, { ttlMs: 60_000 });
    expect(await readTranscript(store, "sess-0002")).toEqual([]);
  });

  it("loses no message when many writes race (compare-and-set)", async () => {
    const store = await createStore("memory:");
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        writeTranscript(store, "sess-race", [{ op: "append", message: msg(`r${i}`) }]),
      ),
    );
    expect((await readTranscript(store, "sess-race")).map((m) => m.id).sort()).toEqual([
      "r0",
      "r1",
      "r2",
      "r3",
    ]);
  });

  it(`keeps at most ${TRANSCRIPT_LIMIT} messages in the store`, async () => {
    const store = await createStore("memory:");
    const ops = Array.from({ length: TRANSCRIPT_LIMIT + 5 }, (_, i) => ({
      op: "append" as const,
      message: msg(`x${i}`),
    }));
    await writeTranscript(store, "sess-cap1", ops);
    const stored = await readTranscript(store, "sess-cap1");
    expect(stored).toHaveLength(TRANSCRIPT_LIMIT);
    expect(stored[0]!.id).toBe("x5");
  });
});
