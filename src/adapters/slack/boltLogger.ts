import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

/** Bolt's logger interface on top of our pino logger, so Bolt's messages come out as JSON too. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ surface: "slack", component: "bolt" });
  let level = LogLevel.INFO;
  // Bolt passes free-form arguments (strings, errors); pino wants (object?, message).
  const write =
    (fn: (obj: object, msg?: string) => void) =>
    (...msg: unknown[]) => {
      const err = msg.find((m) => m instanceof Error);
      const text = msg.filter((m) => typeof m === "string").join(" ");
      fn(err ? { err } : {}, text);
    };
  return {
    debug: write((o, m) => child.debug(o, m)),
    info: write((o, m) => child.info(o, m)),
    warn: write((o, m) => child.warn(o, m)),
    error: write((o, m) => child.error(o, m)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
