import { afterAll, beforeAll, expect } from "vitest";
import { type RunningApp, startApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/logger.ts";
import { type ConnectorCall, FakeConnector } from "../../helpers/fakeConnector.ts";

/** Starts the real server (all surfaces, memory store) with extra environment variables. */
export async function startTestApp(
  env: Record<string, string> = {},
): Promise<{ app: RunningApp; base: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(Microsoft|SLACK_)/.test(k)),
  );
  const config = loadConfig({
    ...clean,
    PORT: "0",
    HOST: "127.0.0.1",
    STATE_URL: "memory:",
    PLAYGROUND: "off",
    LOG_LEVEL: "silent",
    // The suite drives one user far faster than a person; the limit has its own test.
    RATE_LIMIT_PER_MINUTE: "100000",
    ...env,
  });
  const app = await startApp(config, createLogger("silent"));
  return { app, base: `http://127.0.0.1:${app.port}` };
}

export type Scope = "personal" | "groupChat" | "channel";

export const BOT = { id: "28:vmvc-bot", name: "vmvc" };
export const USER = {
  id: "29:user-ada",
  name: "Ada Lovelace",
  aadObjectId: "00000000-0000-0000-0000-0000000000a1",
};

let seq = 0;

/** A Teams-shaped message Activity as the connector would post it. */
export function teamsMessage(
  connector: FakeConnector,
  options: {
    scope?: Scope;
    conversationId?: string;
    text?: string;
    mention?: boolean;
    value?: unknown;
    replyToId?: string;
    from?: typeof USER;
  } = {},
): Record<string, unknown> {
  const scope = options.scope ?? "personal";
  const conversationId =
    options.conversationId ??
    (scope === "personal"
      ? "a:1personal-ada"
      : scope === "groupChat"
        ? "19:group-chat-1@thread.v2"
        : "19:channel-1@thread.tacv2");
  const mentionText = `<at>${BOT.name}</at>`;
  const text =
    options.text === undefined
      ? undefined
      : options.mention
        ? `${mentionText} ${options.text}`
        : options.text;
  return {
    type: "message",
    id: `${Date.now()}${++seq}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: "msteams",
    from: options.from ?? USER,
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType: scope,
      tenantId: "tenant-1",
      ...(scope === "personal" ? {} : { isGroup: true }),
    },
    ...(text === undefined ? {} : { text, textFormat: "plain" }),
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    ...(options.mention ? { entities: [{ type: "mention", text: mentionText, mentioned: BOT }] } : {}),
    channelData: {
      tenant: { id: "tenant-1" },
      ...(scope === "channel"
        ? { channel: { id: "19:channel-1@thread.tacv2" }, team: { id: "19:team-1" } }
        : {}),
    },
    locale: "en-GB",
  };
}

export async function post(
  base: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/**
 * The real app and a fake connector for one test file, started before its tests and stopped
 * after them, and `send`: post an activity, expect 200, wait until `count` connector calls came.
 */
export function useTeamsApp(): {
  t: { connector: FakeConnector; app: RunningApp; base: string };
  send: (activity: Record<string, unknown>, count?: number) => Promise<ConnectorCall[]>;
} {
  const t = {} as { connector: FakeConnector; app: RunningApp; base: string };
  beforeAll(async () => {
    t.connector = await new FakeConnector().start();
    Object.assign(t, await startTestApp());
  });
  afterAll(async () => {
    await t.app?.stop();
    await t.connector?.stop();
  });
  const send = async (activity: Record<string, unknown>, count = 1) => {
    const from = t.connector.calls.length;
    const res = await post(t.base, activity);
    expect(res.status).toBe(200);
    return t.connector.waitFor((calls) => calls.length >= count, from);
  };
  return { t, send };
}
