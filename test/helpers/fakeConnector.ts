import { createServer, type IncomingMessage, type Server } from "node:http";

/** One call the bot made to the Bot Framework connector. */
export interface ConnectorCall {
  method: "POST" | "PUT";
  /** `reply` = POST …/activities/{id}, `send` = POST …/activities, `update` = PUT …/activities/{id}. */
  kind: "reply" | "send" | "update";
  conversationId: string;
  activityId?: string;
  /** The id this server answered with (for posts) or the updated activity's id. */
  id: string;
  authorization?: string;
  activity: ConnectorActivity;
}

export interface ConnectorActivity {
  type?: string;
  id?: string;
  text?: string;
  summary?: string;
  replyToId?: string;
  conversation?: { id: string };
  attachments?: { contentType: string; content: AdaptiveCardLike }[];
  [key: string]: unknown;
}

export interface AdaptiveCardLike {
  type: string;
  version: string;
  body: Record<string, unknown>[];
  fallbackText?: string;
  [key: string]: unknown;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/**
 * A local stand-in for the Teams connector (serviceUrl): records the activities the bot
 * sends or updates and answers `{ id }` like the real service.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Calls failed on purpose (never in `calls`: nothing was posted). */
  readonly failed: { kind: ConnectorCall["kind"]; status: number }[] = [];
  private readonly faults: {
    kind: ConnectorCall["kind"];
    status: number;
    retryAfter?: number;
    times: number;
  }[] = [];
  private server: Server | undefined;
  private next = 1;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (!address || typeof address === "string") throw new Error("no address");
    this.url = `http://127.0.0.1:${address.port}/`;
    return this;
  }

  /** Fails the next `times` calls of `kind` with HTTP `status` (429: with `Retry-After` seconds). */
  fail(kind: ConnectorCall["kind"], status: number, times = 1, retryAfter?: number): this {
    this.faults.push({ kind, status, times, ...(retryAfter !== undefined ? { retryAfter } : {}) });
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const match = ROUTE.exec((req.url ?? "").split("?")[0]!);
    if (!match || (req.method !== "POST" && req.method !== "PUT"))
      return { status: 404, body: { error: "not found" } };
    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const activity = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ConnectorActivity;
    const kind = req.method === "PUT" ? "update" : activityId ? "reply" : "send";
    if (kind === "update" && !activityId) return { status: 400, body: { error: "no id" } };
    const fault = this.faults.find((f) => f.kind === kind && f.times > 0);
    if (fault) {
      fault.times--;
      this.failed.push({ kind, status: fault.status });
      return {
        status: fault.status,
        body: { error: { code: "ServiceError", message: "injected" } },
        ...(fault.retryAfter !== undefined ? { headers: { "retry-after": String(fault.retryAfter) } } : {}),
      };
    }
    const id = kind === "update" ? activityId! : `act-${this.next++}`;
    this.calls.push({
      method: req.method,
      kind,
      conversationId,
      ...(activityId ? { activityId } : {}),
      id,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      activity,
    });
    return { status: 200, body: { id } };
  }

  /** Calls recorded since `from` (an index into `calls`). */
  since(from: number): ConnectorCall[] {
    return this.calls.slice(from);
  }

  /** Polls until `predicate` holds for the calls recorded since `from`; fails after `timeoutMs`. */
  async waitFor(
    predicate: (calls: ConnectorCall[]) => boolean,
    from = 0,
    timeoutMs = 10_000,
  ): Promise<ConnectorCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const calls = this.since(from);
      if (predicate(calls)) return calls;
      if (Date.now() > deadline)
        throw new Error(
          `fake connector: condition not met; calls: ${JSON.stringify(calls.map((c) => [c.kind, c.activity.summary]))}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** The Adaptive Card of a recorded activity (the first attachment). */
export function cardOf(call: ConnectorCall): AdaptiveCardLike {
  const attachment = call.activity.attachments?.[0];
  if (!attachment) throw new Error(`activity has no card: ${JSON.stringify(call.activity).slice(0, 300)}`);
  return attachment.content;
}

/**
 * Everything a person can submit from a card, as Teams would send it: each Action.Submit's
 * data, and for a choice set each option with its submit (`data` then carries the picked
 * value under the input's id, like Teams' `activity.value`). `action` is the vmvc action meant.
 */
export function submitsOf(card: AdaptiveCardLike): {
  title: string;
  data: Record<string, unknown>;
  action: Record<string, unknown>;
}[] {
  const out: { title: string; data: Record<string, unknown>; action: Record<string, unknown> }[] = [];
  const choiceSets = new Map<string, { title: string; value: string }[]>();
  const submits: { title: string; data: Record<string, unknown> }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "Action.Submit")
        submits.push({ title: String(o.title), data: o.data as Record<string, unknown> });
      if (o.type === "Input.ChoiceSet")
        choiceSets.set(String(o.id), o.choices as { title: string; value: string }[]);
      for (const v of Object.values(o)) visit(v);
    }
  };
  visit(card.body);
  visit(card.actions);
  for (const s of submits) {
    if (s.data.vmvc === "pick") {
      const input = String(s.data.vmvcInput);
      for (const c of choiceSets.get(input) ?? [])
        out.push({ title: c.title, data: { ...s.data, [input]: c.value }, action: JSON.parse(c.value) });
    } else out.push({ ...s, action: s.data.vmvc as Record<string, unknown> });
  }
  return out;
}

/** All TextBlock texts of a card, joined, for content assertions. */
export function textOf(card: AdaptiveCardLike): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "TextBlock" && typeof o.text === "string") out.push(o.text);
      if (o.type === "FactSet" && Array.isArray(o.facts))
        for (const f of o.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
      for (const v of Object.values(o)) visit(v);
    }
  };
  visit(card.body);
  return out.join("\n");
}
