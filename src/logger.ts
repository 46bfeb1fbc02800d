import { type Logger, pino } from "pino";

/**
 * JSON logs via pino. Anything that could carry a credential is redacted by path, and the
 * adapters never log raw request bodies or headers, so tokens and secrets stay out of logs.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: "vmvc" },
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "*.botToken",
          "appToken",
          "*.appToken",
          "signingSecret",
          "*.signingSecret",
          "password",
          "*.password",
          "authorization",
          "*.authorization",
          "headers",
          "*.headers",
        ],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination(1),
  );
}
