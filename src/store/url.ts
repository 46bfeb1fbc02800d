/** Where state lives, parsed from STATE_URL. */
export type StateLocation =
  | { kind: "memory" }
  | { kind: "sqlite"; file: string }
  | { kind: "redis"; url: string };

export const DEFAULT_STATE_URL = "sqlite:./data/vmvc.db";
const DEFAULT_SQLITE_FILE = "./data/vmvc.db";

const ACCEPTED =
  "sqlite:<path> (default sqlite:./data/vmvc.db), redis://[[user]:password@]host[:port][/db], " +
  "rediss://… (Redis over TLS) or memory:";

/** Parses STATE_URL; an unknown form is an Error naming the variable and the accepted forms. */
export function parseStateUrl(url: string): StateLocation {
  const text = url.trim() || DEFAULT_STATE_URL;
  const colon = text.indexOf(":");
  const scheme = colon > 0 ? text.slice(0, colon).toLowerCase() : "";
  const rest = text.slice(colon + 1);
  switch (scheme) {
    case "memory":
      if (rest === "" || rest === "//") return { kind: "memory" };
      break;
    case "sqlite": {
      // Accept the common sqlite:///abs/path spelling as well as sqlite:relative/path.
      const file = rest.startsWith("//") ? rest.slice(2) : rest;
      return { kind: "sqlite", file: file || DEFAULT_SQLITE_FILE };
    }
    case "redis":
    case "rediss":
      if (rest.startsWith("//") && rest.length > 2) return { kind: "redis", url: text };
      break;
  }
  throw new Error(`STATE_URL "${redactUrl(text)}" is not supported: use ${ACCEPTED}`);
}

/** Hides a password in a connection URL so it can go into logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    // Not a URL we can parse: show only the scheme, which never holds a secret.
    return url.includes(":") ? `${url.split(":", 1)[0]}:…` : "…";
  }
}
