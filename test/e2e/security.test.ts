import { createHmac } from "node:crypto";
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { FakeSlack } from "../helpers/fakeSlack.ts";

// Secret-looking values that must never leave the process: not in responses, not in logs.
const SECRETS = {
  SLACK_BOT_TOKEN: "xoxb-SECRET-bot-token-4711",
  SLACK_SIGNING_SECRET: "SECRET-signing-0815",
  MicrosoftAppId: "00000000-0000-0000-0000-0000000000ab",
  MicrosoftAppPassword: "SECRET-ms-password-1234",
};
const BEARER = "eyJhbGciOiJSUzI1NiJ9.SECRET-bearer.sig";
const secretValues = [
  SECRETS.SLACK_BOT_TOKEN,
  SECRETS.SLACK_SIGNING_SECRET,
  SECRETS.MicrosoftAppPassword,
  BEARER,
];

let app: RunningApp;
let fake: FakeSlack;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  fake = await new FakeSlack().start();
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    STATE_URL: "memory:",
    LOG_LEVEL: "trace",
    SLACK_API_URL: fake.apiUrl,
    RATE_LIMIT_PER_MINUTE: "100000",
    ...SECRETS,
  });
  app = await startApp(config, createLogger("trace", sink));
  base = `http://127.0.0.1:${app.port}`;
});

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

const sign = (body: string, secret = SECRETS.SLACK_SIGNING_SECRET, ts = Math.floor(Date.now() / 1000)) => ({
  "x-slack-signature": `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`,
  "x-slack-request-timestamp": String(ts),
});
const slack = (body: string, type: string, headers: Record<string, string> = sign(body)) =>
  fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": type, ...headers }, body });
let n = 0;
const slashCommand = (text: string, user = "U1") => {
  const id = `sec${++n}`;
  const body = new URLSearchParams({
    command: "/vmvc",
    text,
    user_id: user,
    user_name: "alice",
    channel_id: "C1",
    team_id: "T1",
    response_url: fake.responseUrl(id),
  }).toString();
  // A reply given in the ack body is what Slack shows: record it like a response_url post.
  const send = async () => {
    const res = await slack(body, "application/x-www-form-urlencoded");
    fake.recordAck(id, res.status, await res.clone().text());
    return res;
  };
  return { id, send };
};
const mention = (text: string, channel: string) => {
  const ts = fake.nextTs();
  const body = JSON.stringify({
    type: "event_callback",
    team_id: "T1",
    event_id: `EvSec${++n}`,
    event: { type: "app_mention", channel, user: "U2", text: `<@UBOT> ${text}`, ts },
  });
  return { ts, send: () => slack(body, "application/json") };
};

describe("bad input on every route", () => {
  it.each(["/slack/events", "/api/messages", "/api/playground/turn"])(
    "refuses a body over 1 MB on %s with 413, declared or streamed",
    async (path) => {
      const big = "x".repeat(1024 * 1024 + 10);
      const declared = await fetch(`${base}${path}`, { method: "POST", body: big });
      expect(declared.status).toBe(413);
      const stream = new ReadableStream({
        start(c) {
          for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode("y".repeat(300 * 1024)));
          c.close();
        },
      });
      const streamed = await fetch(`${base}${path}`, {
        method: "POST",
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(streamed.status).toBe(413);
    },
  );

  it("answers a 100 KB question with the clear too-long reply (Slack) or a 400 naming the limit (playground)", async () => {
    const question = "why containers ".repeat(7000);
    const cmd = slashCommand(question);
    expect((await cmd.send()).status).toBe(200);
    const call = await fake.waitFor(() => fake.calls.find((c) => c.responseId === cmd.id), "the reply");
    expect(JSON.stringify(call.body)).toMatch(/too long/i);
    const pg = await fetch(`${base}/api/playground/turn`, {
      method: "POST",
      body: JSON.stringify({ session: "sess-big-1", text: question }),
    });
    expect(pg.status).toBe(400);
    expect(await pg.text()).toMatch(/at most 4000 characters/);
  });

  it("answers random bodies on every route with 200, 400 or 401 and keeps serving", async () => {
    const body = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({ payload: fc.jsonValue().map((v) => JSON.stringify(v)) })
        .map((r) => new URLSearchParams(r).toString()),
    );
    const type = fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain");
    for (const [raw, contentType, signed] of fc.sample(fc.tuple(body, type, fc.boolean()), 60)) {
      const s = await slack(raw, contentType, signed ? sign(raw) : {});
      expect([200, 400, 401]).toContain(s.status);
      const t = await fetch(`${base}/api/messages`, {
        method: "POST",
        body: raw,
        headers: { "content-type": contentType },
      });
      expect([400, 401]).toContain(t.status);
      const p = await fetch(`${base}/api/playground/turn`, { method: "POST", body: raw });
      expect(p.status).toBe(400);
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe("auth", () => {
  it("refuses Slack requests that are unsigned, stale, future-dated or signed with another secret", async () => {
    const body = JSON.stringify({ type: "url_verification", challenge: "c" });
    const now = Math.floor(Date.now() / 1000);
    for (const headers of [
      {},
      sign(body, SECRETS.SLACK_SIGNING_SECRET, now - 600),
      sign(body, SECRETS.SLACK_SIGNING_SECRET, now + 600),
      sign(body, "another-secret"),
    ])
      expect((await slack(body, "application/json", headers)).status).toBe(401);
    expect((await slack(body, "application/json")).status).toBe(200);
  });

  it("checks Teams tokens when an app id is set", async () => {
    const activity = {
      type: "message",
      serviceUrl: fake.url,
      channelId: "msteams",
      from: { id: "29:u" },
      recipient: { id: "28:bot" },
      conversation: { id: "a:1", conversationType: "personal" },
      text: "help",
    };
    for (const authorization of [undefined, `Bearer ${BEARER}`]) {
      const res = await fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(401);
      const text = await res.text();
      for (const s of secretValues) expect(text).not.toContain(s);
    }
  });

  it("/healthz and the playground (page, scripts, history) reveal no secrets", async () => {
    await fetch(`${base}/api/playground/turn`, {
      method: "POST",
      body: JSON.stringify({ session: "sess-secrets", text: "what is a container?" }),
    });
    const pages = [
      "/healthz",
      "/",
      "/playground/app.js",
      "/playground/style.css",
      "/api/playground/history?session=sess-secrets",
    ];
    for (const path of pages) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      for (const s of [...secretValues, SECRETS.MicrosoftAppId]) expect(text, path).not.toContain(s);
      let headers = "";
      res.headers.forEach((v, k) => {
        headers += `${k}: ${v}\n`;
      });
      expect(headers).not.toMatch(/SECRET/);
    }
  });

  it("logs no token or secret, even for failing requests and the error hook", async () => {
    const cmd = slashCommand("what is a container?");
    await cmd.send();
    await fake.waitFor(() => fake.calls.find((c) => c.responseId === cmd.id), "the answer");
    const ok = mention("help", "CLOG");
    await ok.send();
    await fake.waitFor(() => fake.calls.find((c) => c.body.channel === "CLOG"), "the mention reply");
    fake.failPostMessage = "fatal_error";
    try {
      const failing = mention("what is a VM?", "CLOGERR");
      await failing.send();
      await fake.waitFor(
        () => fake.calls.find((c) => c.method === "chat.postEphemeral" && c.body.channel === "CLOGERR"),
        "the apology",
      );
    } finally {
      fake.failPostMessage = undefined;
    }
    await slack("{}", "application/json", sign("{}", "wrong-secret"));
    await fetch(`${base}/api/playground/turn`, {
      method: "POST",
      body: JSON.stringify({ session: "sess-logs-1", text: "compare boot" }),
    });
    const deadline = Date.now() + 10_000;
    while (!logLines.some((l) => l.includes("slack handler failed")) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const all = logLines.join("\n");
    expect(all).toContain("slack handler failed");
    expect(all).toContain("bad signature");
    expect(logLines.length).toBeGreaterThan(3);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
    for (const s of secretValues) expect(all).not.toContain(s);
    expect(all).not.toContain("SECRET");
  });
});

describe("health", () => {
  it("reports liveness and the store, and 503 once the store is unreachable", async () => {
    const up = await fetch(`${base}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: "ok", store: { reachable: true } });
    await app.context.store.close();
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "degraded", store: { reachable: false } });
  });
});
