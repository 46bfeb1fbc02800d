import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths.ts";

const dir = mkdtempSync(join(tmpdir(), "vmvc-life-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `node --import tsx src/main.ts` with only the given environment (no .env or shell leaks in). */
function main(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("lifecycle of the real process", () => {
  let running: ChildProcess | undefined;
  afterAll(() => {
    running?.kill("SIGKILL");
  });

  it("on SIGTERM stops accepting, finishes the request in flight and exits 0", async () => {
    const p = main({
      PORT: "0",
      HOST: "127.0.0.1",
      STATE_URL: `sqlite:${join(dir, "state.db")}`,
      LOG_LEVEL: "info",
    });
    running = p.child;
    const port = Number(await until(() => /running on port (\d+)/.exec(p.out())?.[1], "the banner"));
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // A playground turn whose body arrives slowly: in flight when SIGTERM comes.
    const body = JSON.stringify({ session: "sess-sigterm", text: "what is a container?" });
    const half = Math.floor(body.length / 2);
    let seen = false;
    let slowRest = () => {};
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/playground/turn",
          headers: { "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, half), () => (seen = true));
      slowRest = () => req.end(body.slice(half));
    });
    await until(() => seen, "the first half to be written");
    // The server must have the request before the signal; it is idle otherwise, so a short pause does.
    await new Promise((r) => setTimeout(r, 500));
    p.child.kill("SIGTERM");
    await until(() => p.out().includes("stopping"), "the stopping log line");
    await until(
      () =>
        fetch(`${base}/healthz`).then(
          () => false,
          () => true,
        ),
      "new connections to be refused",
    );
    slowRest();
    const done = await response;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text).messages.length).toBeGreaterThan(0);
    expect(await p.exited).toBe(0);
  }, 90_000);

  it("reports a configuration error as one line naming the variable, exit 1", async () => {
    const p = main({ PORT: "0", STATE_URL: "memory:", SLACK_BOT_TOKEN: "xoxb-x" });
    expect(await p.exited).toBe(1);
    const lines = p.err().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SLACK_SIGNING_SECRET/);
    expect(p.err()).not.toContain("    at ");
  }, 60_000);
});
