import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver } from "@slack/bolt";
import type { Logger } from "pino";
import { readBody, sendJson } from "../../server/http.ts";
import { envelopeSchema, urlVerificationSchema } from "./payloads.ts";
import { verifySlackSignature } from "./signature.ts";

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Decodes a Slack request body: JSON for events, form fields for commands, `payload=` JSON for interactions. */
export function decodeBody(contentType: string, raw: string): unknown {
  if (contentType.includes("application/json")) return JSON.parse(raw);
  const form = new URLSearchParams(raw);
  const payload = form.get("payload");
  if (payload !== null) return JSON.parse(payload);
  return Object.fromEntries(form);
}

/**
 * A Bolt receiver fed by our own HTTP server (one server for every surface): it checks the
 * signature, decodes the body and hands it to `app.processEvent`, whose `ack` writes the
 * HTTP response. The work after `ack` still runs inside the request, so a graceful shutdown
 * waits for it.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly log: Logger,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const check = verifySlackSignature(
      this.signingSecret,
      { signature: header(req, "x-slack-signature"), timestamp: header(req, "x-slack-request-timestamp") },
      raw,
    );
    if (!check.ok) {
      this.log.warn({ reason: check.reason }, "slack request refused: bad signature");
      sendJson(res, 401, { error: "invalid signature" });
      return;
    }
    let body: unknown;
    try {
      body = decodeBody(header(req, "content-type") ?? "", raw.toString("utf8"));
    } catch {
      sendJson(res, 400, { error: "malformed body" });
      return;
    }
    // Only a url_verification body can pass this schema: skip parsing it for every other request.
    if ((body as { type?: unknown } | null)?.type === "url_verification") {
      const challenge = urlVerificationSchema.safeParse(body);
      if (challenge.success) {
        sendJson(res, 200, { challenge: challenge.data.challenge });
        return;
      }
    }
    const envelope = envelopeSchema.safeParse(body);
    if (
      !envelope.success ||
      (envelope.data as { ssl_check?: unknown }).ssl_check !== undefined ||
      !this.app
    ) {
      res.writeHead(200).end();
      return;
    }
    const retryNum = Number(header(req, "x-slack-retry-num") ?? Number.NaN);
    const retryReason = header(req, "x-slack-retry-reason");
    const ack = async (response?: unknown): Promise<void> => {
      if (res.headersSent) return;
      if (response === undefined || response === "") res.writeHead(200).end();
      else if (typeof response === "string")
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(response);
      else sendJson(res, 200, response);
    };
    try {
      await this.app.processEvent({
        body: envelope.data,
        ack,
        ...(Number.isInteger(retryNum) ? { retryNum } : {}),
        ...(retryReason ? { retryReason } : {}),
      });
    } finally {
      // Nothing acked (no listener for this type): Slack still needs its 200.
      if (!res.headersSent) res.writeHead(200).end();
    }
  };
}
