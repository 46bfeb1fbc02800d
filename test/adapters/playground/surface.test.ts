import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTurn } from "../../../src/adapters/playground/conversation.ts";
import { startSurface } from "../../../src/adapters/playground/surface.ts";
import type { PgMessage } from "../../../src/adapters/playground/transcript.ts";
import { loadConfig } from "../../../src/config.ts";
import { Bot } from "../../../src/core/bot.ts";
import { loadKnowledge } from "../../../src/knowledge/load.ts";
import { createLogger } from "../../../src/logger.ts";
import { knowledgeDir } from "../../../src/paths.ts";
import { HttpApp } from "../../../src/server/http.ts";
import type { SurfaceContext } from "../../../src/server/surface.ts";
import { createStore } from "../../../src/store/index.ts";
import type { StateStore } from "../../../src/store/store.ts";

const knowledge = loadKnowledge(knowledgeDir);
const silent = createLogger("silent");

async function mount(env: Record<string, string> = {}, bot?: Bot) {
  const store = await createStore("memory:");
  const http = new HttpApp(silent);
  const ctx: SurfaceContext = {
    bot: bot ?? new Bot({ knowledge, store }),
    store,
    config: loadConfig({ PORT: "0", LOG_LEVEL: "silent", ...env }),
    log: silent,
    http,
  };
  const surface = await startSurface(ctx);
  const port = await http.listen(0, "127.0.0.1");
  return { ctx, surface, http, base: `http://127.0.0.1:${port}` };
}

describe("playground HTTP surface", () => {
  let s: Awaited<ReturnType<typeof mount>>;
  const turn = (body: unknown) =>
    fetch(`${s.base}/api/playground/turn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const messagesOf = async (res: Response) => ((await res.json()) as { messages: PgMessage[] }).messages;

  beforeAll(async () => {
    s = await mount();
  });
  afterAll(async () => {
    await s.http.close();
  });

  it("says where it is in the banner", () => {
    expect(s.surface).toEqual({ name: "playground", status: "on at /" });
  });

  it("serves the page and its assets with the right types and a strict CSP", async () => {
    const page = await fetch(`${s.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('src="/playground/app.js"');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const [file, type] of [
      ["app.js", "text/javascript"],
      ["style.css", "text/css"],
      ["icon.svg", "image/svg+xml"],
    ]) {
      const res = await fetch(`${s.base}/playground/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
    }
  });

  it("refuses directory traversal and unknown assets with 404", async () => {
    for (const path of [
      "/playground/..%2fsurface.ts",
      "/playground/%2e%2e/surface.ts",
      "/playground/.hidden.js",
      "/playground/public/app.js",
      "/playground/nope.js",
      "/playground/surface.ts",
    ]) {
      const res = await fetch(`${s.base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("startSurface");
    }
  });

  it("answers 400 with a clear error for bad input", async () => {
    const cases: [unknown, RegExp][] = [
      ["not json", /must be JSON/],
      [{ text: "hi" }, /session/],
      [{ session: "short", text: "hi" }, /session: must be 8-64/],
      [{ session: "sess-0001" }, /exactly one of text or action/],
      [{ session: "sess-0001", text: "hi", action: { type: "help" } }, /exactly one of text or action/],
      [
        {
          session: "sess-0001",
          action: { type: "checklist.answer", walkthroughId: "w", step: -1, value: "x" },
        },
        /action/,
      ],
      [{ session: "sess-0001", action: { type: "nuke" } }, /action/],
      [{ session: "sess-0001", text: "hi", thread: "../etc" }, /thread/],
      [{ session: "sess-0001", text: "hi", extra: 1 }, /extra|unrecognized/i],
      [{ session: "sess-0001", text: "   " }, /text: must not be empty/],
    ];
    for (const [body, error] of cases) {
      const res = await turn(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(error);
    }
  });

  it("answers 413 for a body over 1 MB", async () => {
    const res = await turn({ session: "sess-0001", text: "x".repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
  });

  it("answers a question and keeps it in the history", async () => {
    const res = await turn({ session: "sess-hist1", text: "/vmvc ask can we run databases in containers?" });
    expect(res.status).toBe(200);
    const messages = await messagesOf(res);
    expect(messages.map((m) => [m.from, m.kind])).toEqual([
      ["you", "question"],
      ["bot", "answer"],
    ]);
    expect(messages[1]!.replyTo).toBe(messages[0]!.id);
    expect(messages[1]!.parts.some((p) => p.type === "sources" && p.sources.length > 0)).toBe(true);
    const history = await messagesOf(await fetch(`${s.base}/api/playground/history?session=sess-hist1`));
    expect(history).toEqual(messages);
    expect(await messagesOf(await fetch(`${s.base}/api/playground/history?session=sess-other`))).toEqual([]);
    expect((await fetch(`${s.base}/api/playground/history`)).status).toBe(400);
  });

  it("starts a checklist as a thread and replaces a pressed card in place", async () => {
    const started = await messagesOf(await turn({ session: "sess-walk1", text: "checklist" }));
    const [, root, card] = started;
    expect(root).toMatchObject({ from: "bot", placement: "new-thread", kind: "checklist" });
    expect(root!.thread).toBeUndefined();
    expect(card).toMatchObject({ thread: root!.id, kind: "checklist" });
    const choices = card!.parts.find((p) => p.type === "buttons" && p.role === "choices");
    if (choices?.type !== "buttons") throw new Error("no choices on the first card");

    const pressed = await messagesOf(
      await turn({
        session: "sess-walk1",
        action: choices.buttons[0]!.action,
        thread: root!.id,
        messageId: card!.id,
      }),
    );
    expect(pressed[0]).toMatchObject({ id: card!.id, thread: root!.id });
    expect(JSON.stringify(pressed[0]!.parts)).toContain("✅");
    expect(pressed[1]).toMatchObject({ thread: root!.id, kind: "checklist" });
    const history = await messagesOf(await fetch(`${s.base}/api/playground/history?session=sess-walk1`));
    expect(history.map((m) => m.id)).toEqual([started[0]!.id, root!.id, card!.id, pressed[1]!.id]);
  });

  it("turns a fault in the core into the apology, logged once", async () => {
    const lines: string[] = [];
    const log = createLogger(
      "error",
      new Writable({
        write: (chunk, _e, done) => {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const store: StateStore = await createStore("memory:");
    const bot = new Bot({ knowledge, store });
    bot.handle = () => Promise.reject(new Error("boom"));
    const ops = await runTurn({ bot, log }, { session: "sess-err01", text: "help" });
    const apology = bot.errorReply(new Error("boom"));
    expect(ops.map((o) => o.message.kind)).toEqual(["question", "error"]);
    expect(ops[1]!.message.parts).toEqual(apology.parts);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 50,
      msg: "playground turn failed",
      err: { message: "boom" },
    });
  });

  it("is off with PLAYGROUND=off, and says how to turn it on", async () => {
    const off = await mount({ PLAYGROUND: "off" });
    try {
      expect(off.surface.status).toBe("off (PLAYGROUND=off)");
      expect((await fetch(`${off.base}/`)).status).toBe(404);
      expect((await fetch(`${off.base}/api/playground/turn`, { method: "POST", body: "{}" })).status).toBe(
        404,
      );
    } finally {
      await off.http.close();
    }
  });

  it("names the URL when the port is known", async () => {
    const fixed = await mount({ PORT: "3978" });
    try {
      expect(fixed.surface.status).toBe("on at http://localhost:3978/");
    } finally {
      await fixed.http.close();
    }
  });
});
