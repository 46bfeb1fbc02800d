import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { repoRoot } from "../src/paths.ts";
import { freePort } from "../test/helpers/ports.ts";

/**
 * `npm start`'s cost: from process start to the first served playground page, for the real
 * entry point (tsx, SQLite store), and the server's resident memory once it is up.
 */
export async function benchStartup(
  runs: number,
): Promise<{ medianMs: number; runs: number[]; rssMb: number }> {
  const times: number[] = [];
  let rssMb = 0;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), "vmvc-bench-"));
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "src/main.ts")], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        STATE_URL: `sqlite:${join(dir, "vmvc.db")}`,
        LOG_LEVEL: "silent",
        SLACK_BOT_TOKEN: "",
        SLACK_APP_TOKEN: "",
        SLACK_SIGNING_SECRET: "",
        MicrosoftAppId: "",
        MicrosoftAppPassword: "",
      },
      stdio: "ignore",
    });
    try {
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (performance.now() - started > 30_000) throw new Error("server did not start within 30 s");
        await new Promise((r) => setTimeout(r, 10));
      }
      times.push(performance.now() - started);
      if (i === 0 && child.pid) rssMb = await rssOf(child.pid);
    } finally {
      child.kill();
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!), runs: times.map(Math.round), rssMb };
}

async function rssOf(pid: number): Promise<number> {
  const { readFileSync } = await import("node:fs");
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
