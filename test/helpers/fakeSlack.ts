import { createServer, type IncomingMessage, type Server } from "node:http";

/** One call the bot made: a Web API method or a post to a response_url. */
export interface SlackCall {
  method: string;
  /** For response_url posts: the id in `/response/<id>`. */
  responseId?: string;
  body: Record<string, unknown>;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  result?: Record<string, unknown>;
}

const JSON_FIELDS = ["blocks", "attachments", "view", "prompts"];

/**
 * How a chosen call fails: Slack's `ok: false` with an error code, an HTTP status (429 with
 * `Retry-After` seconds), or no answer at all (`hang`: the request is held until the fake stops,
 * for killing the bot while it waits).
 */
export type SlackFault =
  | { kind: "error"; error: string }
  | { kind: "http"; status: number; retryAfter?: number }
  | { kind: "hang" };

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json"))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  // The Web API client sends form fields, with nested values JSON-encoded.
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const f of JSON_FIELDS) if (typeof body[f] === "string") body[f] = JSON.parse(body[f] as string);
  return body;
}

/**
 * A local stand-in for the Slack Web API and response_url endpoints: records every call and
 * answers like Slack (`ok`, increasing message `ts`). Loopback only.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly botUserId = "UBOT";
  readonly botId = "BBOT";
  /** When set, chat.postMessage fails with this Slack error (e.g. "not_in_channel"). */
  failPostMessage: string | undefined;
  /** Calls that were failed on purpose (never in `calls`: nothing was posted). */
  readonly failed: SlackCall[] = [];
  private readonly faults: {
    method: string;
    fault: SlackFault;
    times: number;
    when?: (body: Record<string, unknown>) => boolean;
  }[] = [];
  private readonly held: (() => void)[] = [];
  private server: Server | undefined;
  private port = 0;
  private seq = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }
  get apiUrl(): string {
    return `${this.url}api/`;
  }
  responseUrl(id: string): string {
    return `${this.url}response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void (async () => {
        const body = await readJson(req);
        const path = (req.url ?? "").split("?")[0]!;
        const method = path.startsWith("/response/") ? "response_url" : path.replace(/^\/api\//, "");
        const fault = this.takeFault(method, body);
        if (fault) {
          this.failed.push({ method, body });
          switch (fault.kind) {
            case "hang":
              this.held.push(() => res.destroy());
              return;
            case "http":
              res
                .writeHead(fault.status, {
                  "content-type": "application/json",
                  ...(fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {}),
                })
                .end(JSON.stringify({ ok: false, error: "http" }));
              return;
            case "error":
              res
                .writeHead(200, { "content-type": "application/json" })
                .end(JSON.stringify({ ok: false, error: fault.error }));
              return;
          }
        }
        const response =
          method === "response_url"
            ? this.record({ method, responseId: path.slice("/response/".length), body })
            : this.api(method, body);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(response));
      })();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
    return this;
  }

  /** Fails the next `times` calls of `method` (matching `when`, if given) with `fault`. */
  fail(
    method: string,
    fault: SlackFault,
    times = 1,
    when?: (body: Record<string, unknown>) => boolean,
  ): this {
    this.faults.push({ method, fault, times, ...(when ? { when } : {}) });
    return this;
  }

  private takeFault(method: string, body: Record<string, unknown>): SlackFault | undefined {
    const f = this.faults.find((x) => x.method === method && x.times > 0 && (!x.when || x.when(body)));
    if (!f) return undefined;
    f.times--;
    return f.fault;
  }

  async stop(): Promise<void> {
    for (const release of this.held.splice(0)) release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * A slash command answered in its ack body is shown by Slack just like a response_url post:
   * record it the same way, so a test reads the command's reply in one place either way.
   */
  recordAck(responseId: string, status: number, ackBody: string): void {
    if (status !== 200 || !ackBody.startsWith("{")) return; // an empty ack: the reply comes later
    this.record({ method: "response_url", responseId, body: JSON.parse(ackBody) as Record<string, unknown> });
  }

  private record(call: SlackCall): Record<string, unknown> {
    this.calls.push(call);
    return { ok: true };
  }

  private api(method: string, body: Record<string, unknown>): Record<string, unknown> {
    if (method === "auth.test")
      return { ok: true, user_id: this.botUserId, bot_id: this.botId, team_id: "T1", user: "vmvc" };
    const result = this.answer(method, body);
    this.calls.push({ method, body, result });
    return result;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "chat.postMessage":
        if (this.failPostMessage) return { ok: false, error: this.failPostMessage };
        return { ok: true, channel: body.channel, ts: this.nextTs(), message: {} };
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      // The assistant view (Agents & AI Apps): each call names the assistant thread.
      case "assistant.threads.setStatus":
      case "assistant.threads.setTitle":
      case "assistant.threads.setSuggestedPrompts":
        if (!body.channel_id || !body.thread_ts) return { ok: false, error: "invalid_arguments" };
        if (method.endsWith("setStatus") && typeof body.status !== "string")
          return { ok: false, error: "invalid_arguments" };
        if (method.endsWith("setTitle") && !body.title) return { ok: false, error: "invalid_arguments" };
        if (method.endsWith("setSuggestedPrompts")) {
          const prompts = body.prompts as unknown[] | undefined;
          if (!Array.isArray(prompts) || prompts.length < 1 || prompts.length > 4)
            return { ok: false, error: "invalid_arguments" };
        }
        return { ok: true };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(body.users ?? "X")}` } };
      default:
        return { ok: true };
    }
  }

  nextTs(): string {
    this.seq++;
    return `1700000${String(this.seq).padStart(3, "0")}.000100`;
  }

  /** Calls made from index `from` on, optionally of one method. */
  since(from: number, method?: string): SlackCall[] {
    return this.calls.slice(from).filter((c) => method === undefined || c.method === method);
  }

  /** Polls until `check` returns a value (not undefined/false), or fails after a generous deadline. */
  async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(", ")}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
