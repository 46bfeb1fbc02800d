import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../../server/http.ts";
import type { Surface, SurfaceContext } from "../../server/surface.ts";
import { runTurn } from "./conversation.ts";
import { describeIssues, sessionSchema, turnRequestSchema } from "./schema.ts";
import { sendAsset } from "./static.ts";
import { type PgMessage, readTranscript, writeTranscript } from "./transcript.ts";

const ASSET_PREFIX = "/playground/";

/**
 * The local playground: a web chat at `/` that talks to the same core as Slack and Teams,
 * so `npm start` shows the bot working with no accounts. PLAYGROUND=off switches it off.
 */
export async function startSurface(ctx: SurfaceContext): Promise<Surface> {
  if (!ctx.config.playground) return { name: "playground", status: "off (PLAYGROUND=off)" };
  const { http } = ctx;
  http.route("GET", "/", (_req, res) => sendAsset(res, "index.html"));
  http.route("GET", ASSET_PREFIX, (req, res) => sendAsset(res, pathOf(req).slice(ASSET_PREFIX.length)), {
    prefix: true,
  });
  http.route("POST", "/api/playground/turn", (req, res) => turn(ctx, req, res));
  http.route("GET", "/api/playground/history", (req, res) => history(ctx, req, res));
  const where = ctx.config.port === 0 ? "on at /" : `on at http://localhost:${ctx.config.port}/`;
  return { name: "playground", status: where };
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0]!;
}

async function turn(ctx: SurfaceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = (await readBody(req)).toString("utf8"); // over 1 MB: PayloadTooLargeError → 413
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    sendJson(res, 400, {
      error: "body must be JSON: { session, text } or { session, action, thread?, messageId? }",
    });
    return;
  }
  const parsed = turnRequestSchema.safeParse(json);
  if (!parsed.success) {
    sendJson(res, 400, { error: `invalid turn: ${describeIssues(parsed.error)}` });
    return;
  }
  const request = parsed.data;
  const ops = await runTurn({ bot: ctx.bot, log: ctx.log }, request);
  let messages: PgMessage[];
  try {
    messages = await writeTranscript(ctx.store, request.session, ops);
  } catch (error) {
    // The answer is still worth showing; say it will not survive a reload.
    ctx.log.error({ err: error, surface: "playground" }, "playground transcript not saved");
    const apology = ctx.bot.errorReply(error);
    const note: PgMessage = {
      id: `e${Date.now().toString(36)}`,
      from: "bot",
      parts: apology.parts,
      placement: "here",
      kind: apology.kind,
      visibility: apology.visibility,
      summary: apology.summary,
      at: Date.now(),
    };
    messages = [...ops.map((o) => (o.op === "replace" ? { ...o.message, id: o.id } : o.message)), note];
  }
  sendJson(res, 200, { messages });
}

async function history(ctx: SurfaceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const session = sessionSchema.safeParse(
    new URL(req.url ?? "/", "http://localhost").searchParams.get("session") ?? "",
  );
  if (!session.success) {
    sendJson(res, 400, { error: `session: ${describeIssues(session.error)}` });
    return;
  }
  sendJson(res, 200, { messages: await readTranscript(ctx.store, session.data) });
}
