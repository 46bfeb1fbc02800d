import type { IncomingMessage, ServerResponse } from "node:http";
import type { CloudAdapter, Request, Response, TurnContext } from "botbuilder";
import type { Logger } from "pino";
import { readBody, sendJson } from "../../server/http.ts";
import { inboundActivitySchema } from "./activity.ts";

/**
 * node:http → CloudAdapter.process. botbuilder expects an Express-like request with a parsed
 * body and a response with status()/header()/send()/end(); we read and check the body
 * ourselves (size, JSON, the Activity fields we need) and hand over small shims.
 */
export function messagesHandler(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  log: Logger,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req); // over 1 MB: PayloadTooLargeError → 413 by the HTTP app
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      sendJson(res, 400, { error: "body is not valid JSON" });
      return;
    }
    const activity = inboundActivitySchema.safeParse(json);
    if (!activity.success) {
      const issue = activity.error.issues[0];
      log.info(
        { path: issue?.path.join("."), problem: issue?.message },
        "teams: request is not an Activity we understand",
      );
      sendJson(res, 400, { error: "not a valid Bot Framework activity", field: issue?.path.join(".") });
      return;
    }
    const request: Request = {
      body: json as Record<string, unknown>,
      headers: headersOf(req),
      method: req.method ?? "POST",
    };
    await adapter.process(request, responseShim(res), logic);
  };
}

/** Only the header botbuilder reads (authorization); the rest stays out of its hands. */
function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  return { authorization: req.headers.authorization };
}

function responseShim(res: ServerResponse): Response {
  let status = 200;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return this;
    },
    send(payload: unknown) {
      if (payload === undefined || payload === null) return this;
      if (typeof payload === "string") {
        body = JSON.stringify({ error: payload });
      } else {
        body = JSON.stringify(payload);
      }
      return this;
    },
    end() {
      if (res.headersSent) return;
      // Error details from botbuilder (e.g. why a token was refused) are not for the caller.
      if (status >= 400 && body)
        body = JSON.stringify({ error: status === 401 ? "unauthorized" : "request failed" });
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(body ?? "");
    },
  };
}
