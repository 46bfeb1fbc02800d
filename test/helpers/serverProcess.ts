import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { repoRoot } from "../../src/paths.ts";

/**
 * The real server as production runs it (`node --import tsx src/main.ts`), as a child process
 * with only the environment the test gives it, so a developer's shell or .env cannot leak in.
 */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Base URL, e.g. http://127.0.0.1:1234 */
  url: string;
  /** Everything the process wrote so far (banner, JSON logs). */
  stdout(): string;
  stderr(): string;
  /** Kills the process (SIGKILL by default: a crash, no graceful shutdown) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const BANNER = /vmvc is running on port (\d+)/;

/** Runs `main.ts` with `env` and resolves once its start-up banner shows the port it listens on. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const run = runMain(env);
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      run.child.kill("SIGKILL");
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${run.stderr()}`));
    }, timeoutMs);
    const onData = () => {
      const m = BANNER.exec(run.stdout());
      if (!m) return;
      clearTimeout(timer);
      run.child.stdout?.off("data", onData);
      resolvePort(Number(m[1]));
    };
    run.child.stdout?.on("data", onData);
    run.child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before starting:\n${run.stderr()}`));
    });
  });
  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (run.child.exitCode !== null || run.child.signalCode !== null) return;
    const exited = new Promise((r) => run.child.once("exit", r));
    run.child.kill(signal);
    await exited;
  };
  return {
    child: run.child,
    port,
    url: `http://127.0.0.1:${port}`,
    stdout: run.stdout,
    stderr: run.stderr,
    kill,
  };
}

/** Spawns `main.ts` and collects its output; for start-up failures, await `exit`. */
export function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", resolve(repoRoot, "src/main.ts")], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      HOST: "127.0.0.1",
      PLAYGROUND: "off",
      LOG_LEVEL: "warn",
      // Tests drive many turns quickly from few users: the per-user limit is not under test here.
      RATE_LIMIT_PER_MINUTE: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  // Never leave a server behind if the test run dies.
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  child.once("exit", () => process.off("exit", reap));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once("exit", (code, signal) => r({ code, signal })),
  );
  return { child, exit, stdout: () => out, stderr: () => err };
}

/** Polls until `check` returns a value (not undefined/false), or fails after a generous deadline. */
export async function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
