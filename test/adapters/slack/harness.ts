import { createHmac } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { type RunningApp, startApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/logger.ts";
import { FakeSlack, type SlackCall } from "../../helpers/fakeSlack.ts";

export const SECRET = "test-signing-secret-0123456789";

export interface Harness {
  app: RunningApp;
  fake: FakeSlack;
  url: string;
  stop: () => Promise<void>;
}

/** What the request helpers below need: a Slack events URL and the fake Slack API it calls. */
export type SlackTarget = Pick<Harness, "url" | "fake">;

/** A harness for a whole test file: started before its tests, stopped after them. */
export function useHarness(env: Record<string, string> = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(env));
  });
  afterAll(async () => {
    await h.stop?.();
  });
  return h;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const fake = await new FakeSlack().start();
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    STATE_URL: "memory:",
    PLAYGROUND: "off",
    LOG_LEVEL: "silent",
    // The suite drives one user far faster than a person; the limit has its own test.
    RATE_LIMIT_PER_MINUTE: "100000",
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  const app = await startApp(config, createLogger("silent"));
  return {
    app,
    fake,
    url: `http://127.0.0.1:${app.port}/slack/events`,
    stop: async () => {
      await app.stop();
      await fake.stop();
    },
  };
}

export function sign(
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = SECRET,
): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "x-slack-signature": signature, "x-slack-request-timestamp": String(timestamp) };
}

export async function post(
  url: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = sign(body),
): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": contentType, ...headers }, body });
}

let ids = 0;
export const nextId = (prefix: string) => `${prefix}${++ids}`;

/** Waits for the first response_url post of one command or press (by its response id). */
export function responseOf(h: SlackTarget, id: string, what = `a response on ${id}`): Promise<SlackCall> {
  return h.fake.waitFor(
    () => h.fake.calls.find((c) => c.method === "response_url" && c.responseId === id),
    what,
  );
}

/** A signed slash command, as Slack sends it (form-encoded). Returns the response_url id. */
export async function command(
  h: SlackTarget,
  text: string,
  opts: { user?: string; userName?: string; channel?: string } = {},
): Promise<{ res: Response; responseId: string }> {
  const responseId = nextId("cmd");
  const body = new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    channel_id: opts.channel ?? "C1",
    user_id: opts.user ?? "U1",
    user_name: opts.userName ?? "alice",
    command: "/vmvc",
    text,
    response_url: h.fake.responseUrl(responseId),
    trigger_id: "1.2.3",
    api_app_id: "A1",
  }).toString();
  const res = await post(h.url, body, "application/x-www-form-urlencoded");
  h.fake.recordAck(responseId, res.status, await res.clone().text());
  return { res, responseId };
}

/** A signed Events API callback. */
export async function event(
  h: SlackTarget,
  ev: Record<string, unknown>,
  opts: { eventId?: string; retryNum?: number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: opts.eventId ?? nextId("Ev"),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: { event_ts: ev.ts, ...ev },
  });
  const retry: Record<string, string> = opts.retryNum
    ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" }
    : {};
  return post(h.url, body, "application/json", { ...(opts.headers ?? sign(body)), ...retry });
}

export interface PressTarget {
  channel: string;
  ts: string;
  threadTs?: string;
  ephemeral?: boolean;
  responseId?: string;
  view?: boolean;
}

/** A signed block_actions interaction carrying one action element, as Slack posts it. */
async function interact(
  h: SlackTarget,
  target: PressTarget,
  action: Record<string, unknown>,
  user: { id: string; name: string },
): Promise<{ res: Response; responseId: string }> {
  const responseId = target.responseId ?? nextId("act");
  const payload = {
    type: "block_actions",
    team: { id: "T1" },
    user: { id: user.id, username: user.name, name: user.name, team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: "1.2.3",
    ...(target.view
      ? { container: { type: "view", view_id: "V1" }, view: { id: "V1", type: "home" } }
      : {
          container: {
            type: "message",
            message_ts: target.ts,
            channel_id: target.channel,
            is_ephemeral: target.ephemeral ?? false,
            ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          },
          channel: { id: target.channel, name: "general" },
          message: {
            type: "message",
            ts: target.ts,
            ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          },
          response_url: h.fake.responseUrl(responseId),
        }),
    actions: [{ block_id: "b1", action_ts: "1.2", ...action }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const res = await post(h.url, body, "application/x-www-form-urlencoded");
  h.fake.recordAck(responseId, res.status, await res.clone().text());
  return { res, responseId };
}

/** A signed block_actions interaction pressing a button with the given action_id/value. */
export function press(
  h: SlackTarget,
  target: PressTarget,
  button: { action_id: string; value: string },
  user = { id: "U1", name: "alice" },
): Promise<{ res: Response; responseId: string }> {
  return interact(h, target, { type: "button", action_id: button.action_id, value: button.value }, user);
}

/**
 * A signed block_actions interaction picking one option of a `static_select` menu: Slack sends
 * the menu's action_id and the whole picked option (no `value` of the action's own).
 */
export function choose(
  h: SlackTarget,
  target: PressTarget,
  menu: Pick<MenuEl, "action_id" | "placeholder">,
  option: MenuOption,
  user = { id: "U1", name: "alice" },
): Promise<{ res: Response; responseId: string }> {
  return interact(
    h,
    target,
    {
      type: "static_select",
      action_id: menu.action_id,
      selected_option: option,
      placeholder: menu.placeholder,
    },
    user,
  );
}

type Block = Record<string, unknown>;
interface ButtonEl {
  type: string;
  action_id: string;
  value: string;
  text: { text: string };
}

interface MenuOption {
  text: { type: "plain_text"; text: string; emoji?: boolean };
  value: string;
}
export interface MenuEl {
  type: "static_select";
  action_id: string;
  placeholder: { type: "plain_text"; text: string };
  options: MenuOption[];
}

export function blocksOf(call: SlackCall): Block[] {
  const b = call.body.blocks;
  return Array.isArray(b) ? (b as Block[]) : [];
}

export function buttonsOf(call: SlackCall): ButtonEl[] {
  return blocksOf(call)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as ButtonEl[]);
}

/** Every `static_select` menu of a payload (section accessories or action elements). */
export function menusOf(call: SlackCall): MenuEl[] {
  return blocksOf(call)
    .flatMap((b) => [
      ...((b.elements as MenuEl[] | undefined) ?? []),
      ...(b.accessory ? [b.accessory as MenuEl] : []),
    ])
    .filter((e) => e.type === "static_select");
}

/** The texts of a payload's header blocks. */
export function headersOf(call: SlackCall): string[] {
  return blocksOf(call)
    .filter((b) => b.type === "header")
    .map((b) => (b.text as { text: string }).text);
}

export function findButton(
  call: SlackCall,
  match: (value: Record<string, unknown>, label: string) => boolean,
): ButtonEl | undefined {
  return buttonsOf(call).find((b) => match(JSON.parse(b.value) as Record<string, unknown>, b.text.text));
}

/** All the visible text of a payload (fallback text and every text in its blocks). */
export function textOf(call: SlackCall): string {
  return JSON.stringify(call.body);
}

/** Every Block Kit limit a message must keep; returns the violations (empty = fine). */
export function checkBlockKitLimits(payload: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const blocks = Array.isArray(payload.blocks)
    ? (payload.blocks as Block[])
    : payload.blocks === undefined
      ? []
      : null;
  if (blocks === null) return ["blocks is not an array"];
  if (payload.blocks !== undefined && (typeof payload.text !== "string" || payload.text.length === 0))
    problems.push("no text fallback");
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  const actionIds = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    const text = (b.text as { text?: string; type?: string } | undefined) ?? undefined;
    switch (b.type) {
      case "section": {
        if (text && (text.text ?? "").length > 3000)
          problems.push(`block ${i}: section text ${text.text?.length} > 3000`);
        if (!text && !b.fields) problems.push(`block ${i}: section without text or fields`);
        const fields = (b.fields as { text: string }[] | undefined) ?? [];
        if (fields.length > 10) problems.push(`block ${i}: ${fields.length} fields > 10`);
        for (const f of fields)
          if (f.text.length > 2000) problems.push(`block ${i}: field ${f.text.length} > 2000`);
        break;
      }
      case "header":
        if ((text?.text ?? "").length > 150 || text?.type !== "plain_text")
          problems.push(`block ${i}: bad header`);
        break;
      case "context": {
        const els = b.elements as { text: string }[];
        if (els.length > 10) problems.push(`block ${i}: context elements > 10`);
        for (const e of els) if (e.text.length > 3000) problems.push(`block ${i}: context text > 3000`);
        break;
      }
      case "actions": {
        const els = b.elements as ButtonEl[];
        if (els.length > 25) problems.push(`block ${i}: ${els.length} elements > 25`);
        for (const e of els) {
          if (e.text.text.length > 75) problems.push(`block ${i}: button text ${e.text.text.length} > 75`);
          if (e.value.length > 2000) problems.push(`block ${i}: button value > 2000`);
          if (e.action_id.length > 255) problems.push(`block ${i}: action_id > 255`);
          if (actionIds.has(e.action_id)) problems.push(`block ${i}: duplicate action_id ${e.action_id}`);
          actionIds.add(e.action_id);
        }
        break;
      }
      case "divider":
        break;
      default:
        problems.push(`block ${i}: unexpected type ${String(b.type)}`);
    }
  }
  return problems;
}
