// `npm start`: reads .env and the environment, starts every configured surface on one server.
import "dotenv/config";
import { startApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { KnowledgeError } from "./knowledge/read.ts";
import { createLogger } from "./logger.ts";
import { StoreUnavailableError } from "./store/store.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await startApp(config, log);
  const url = `http://localhost:${app.port}/`;
  const lines = [
    `vmvc is running on port ${app.port} (state: ${app.context.store.kind})`,
    ...app.surfaces.map((s) => `  ${s.name.padEnd(11)} ${s.status}`),
    `  health      ${url}healthz`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  log.info(
    { port: app.port, surfaces: app.surfaces.map((s) => ({ name: s.name, status: s.status })) },
    "started",
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: finishing in-flight requests");
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  // Expected start-up failures are one clear line; anything else keeps its stack.
  if (error instanceof ConfigError) process.stderr.write(`vmvc: configuration error: ${error.message}\n`);
  else if (error instanceof KnowledgeError || error instanceof StoreUnavailableError)
    process.stderr.write(`vmvc: ${error.message}\n`);
  else
    process.stderr.write(`vmvc: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
