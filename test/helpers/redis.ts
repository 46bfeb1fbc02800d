import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports.ts";

/**
 * A real, throwaway redis-server for tests: own loopback port, own temp dir, no persistence.
 * Tests that need it use `describe.skipIf(!hasRedisServer)` and call `warnIfNoRedis`.
 */
const BINARY = process.env.REDIS_SERVER ?? "redis-server";

export const hasRedisServer: boolean = spawnSync(BINARY, ["--version"], { stdio: "ignore" }).status === 0;

export function warnIfNoRedis(what: string): void {
  if (!hasRedisServer)
    console.warn(`redis-server not installed: skipping ${what} (apt-get install redis-server)`);
}

export interface RedisServer {
  url: string;
  port: number;
  /**
   * Kills the server (connections drop as in a real outage). With `keepData` it saves its
   * dataset first (SHUTDOWN SAVE) and keeps it for `start`, like a Redis with persistence.
   */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** Starts a stopped server again on the same port (with the kept dataset, if any). */
  start(): Promise<void>;
  /** Stops if running, then starts again on the same port with an empty dataset. */
  restart(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let dir: string | undefined;
  // Never leave a server (or its temp dir) behind if the test run dies.
  process.once("exit", () => {
    child?.kill("SIGKILL");
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => {
    dir ??= mkdtempSync(join(tmpdir(), "vmvc-redis-"));
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    child = spawn(BINARY, [...args, "--dir", dir, "--logfile", join(dir, "redis.log")], { stdio: "ignore" });
    await waitForPong(port, child, dir);
  };
  const stop = async (options: { keepData?: boolean } = {}) => {
    const running = child;
    child = undefined;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once("exit", resolve));
      if (options.keepData) sendCommand(port, "SHUTDOWN SAVE");
      else running.kill("SIGTERM");
      // Saving a test-sized dataset is instant; the deadline only guards against a hung server.
      const forced = setTimeout(() => running.kill("SIGKILL"), options.keepData ? 10_000 : 2000);
      await exited;
      clearTimeout(forced);
    }
    if (options.keepData) return;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start: async () => {
      if (child) throw new Error("redis-server is already running");
      await start();
    },
    restart: async () => {
      await stop();
      await start();
    },
  };
}

async function waitForPong(port: number, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answersPing(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  let log = "";
  try {
    log = readFileSync(join(dir, "redis.log"), "utf8");
  } catch {
    log = "(no log written)"; // the server died before opening its log: the message below still says so
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server on port ${port} did not answer PING within 5 s:\n${log}`);
}

/** Sends one inline command and does not wait for a reply (SHUTDOWN closes the connection). */
function sendCommand(port: number, command: string): void {
  const socket = createConnection({ port, host: "127.0.0.1" });
  socket.once("error", () => socket.destroy()); // the server going away is the point
  socket.once("connect", () => socket.write(`${command}\r\n`));
  socket.once("end", () => socket.destroy());
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}
