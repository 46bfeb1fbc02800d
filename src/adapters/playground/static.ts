import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const publicDir = fileURLToPath(new URL("./public/", import.meta.url));

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
};

/** A bare file name with a known extension: no slashes, no dot-segments, nothing encoded. */
const ASSET_NAME = /^[a-z0-9][a-z0-9_-]*\.(html|js|css|svg)$/i;

/**
 * Everything the page loads comes from this server; scripts and styles only from files
 * (no inline code), so even an injected element could not run.
 */
export const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

/** Sends one file from `public/`, or 404 for any name that is not a plain asset there. */
export async function sendAsset(res: ServerResponse, name: string): Promise<void> {
  const match = ASSET_NAME.exec(name);
  const body = match ? await readFile(join(publicDir, name)).catch(() => undefined) : undefined;
  if (!match || !body) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS });
    res.end("not found");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[match[1]!.toLowerCase()]!,
    "content-length": body.length,
    ...SECURITY_HEADERS,
  });
  res.end(body);
}
