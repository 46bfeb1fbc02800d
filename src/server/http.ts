import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

interface Route {
  method: string;
  path: string;
  prefix: boolean;
  handler: Handler;
}

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class PayloadTooLargeError extends Error {
  readonly code = "PAYLOAD_TOO_LARGE";
}

/** Reads a request body, refusing more than `limit` bytes (stream events: cheaper than `for await`). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit)
    return Promise.reject(
      new PayloadTooLargeError(`body of ${declared} bytes is over the ${limit}-byte limit`),
    );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        reject(new PayloadTooLargeError(`body is over the ${limit}-byte limit`));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/**
 * A JSON body serialized and encoded once, for answers sent many times unchanged (e.g. the help
 * ack): `sendJson` writes its bytes as they are, and `JSON.stringify` of it (anywhere else) gives
 * the same JSON.
 */
export class PreparedJson {
  readonly body: Buffer;

  /** `json`: the value's JSON in UTF-8, when the caller has it already (exactly what JSON.stringify gives). */
  constructor(
    readonly value: unknown,
    json?: Buffer,
  ) {
    this.body = json ?? Buffer.from(JSON.stringify(value));
  }

  toJSON(): unknown {
    return this.value;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // A prepared body goes out as its bytes (a second chunk of the same writev: cheaper than encoding
  // its text again on every send); any other value as its JSON, one chunk with the headers.
  const payload = body instanceof PreparedJson ? body.body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

/**
 * The one HTTP server: a tiny router (exact paths and prefixes) in front of the surfaces.
 * Unknown paths get 404, oversized bodies 413, and an unexpected error 500 after logging;
 * a failing handler never takes the process down.
 */
export class HttpApp {
  private readonly routes: Route[] = [];
  readonly server: Server;
  private inFlight = 0;
  private idle: (() => void) | undefined;

  constructor(private readonly log: Logger) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  route(method: string, path: string, handler: Handler, options: { prefix?: boolean } = {}): this {
    this.routes.push({ method, path, prefix: options.prefix ?? false, handler });
    return this;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    try {
      const url = req.url ?? "/";
      const query = url.indexOf("?");
      const path = query === -1 ? url : url.slice(0, query);
      const route = this.routes.find(
        (r) => (r.prefix ? path.startsWith(r.path) : path === r.path) && r.method === req.method,
      );
      if (!route) {
        const known = this.routes.some((r) => (r.prefix ? path.startsWith(r.path) : path === r.path));
        sendJson(res, known ? 405 : 404, { error: known ? "method not allowed" : "not found" });
        return;
      }
      await route.handler(req, res);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        // The rest of the body is not read: close the connection so a client reusing it
        // (keep-alive) does not send its next request into the unread bytes.
        if (!res.headersSent) {
          res.setHeader("connection", "close");
          sendJson(res, 413, { error: "payload too large" });
        }
        req.resume();
      } else {
        this.log.error({ err: error, url: req.url }, "request failed");
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
        else res.end();
      }
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  listen(port: number, host?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  }

  /** Stops accepting connections and waits for in-flight requests to finish. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    this.server.closeIdleConnections();
    await closed;
  }
}
