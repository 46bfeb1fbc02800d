import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { repoRoot } from "../src/paths.ts";
import { FakeSlack } from "../test/helpers/fakeSlack.ts";
import { freePort } from "../test/helpers/ports.ts";

const SECRET = "bench-signing-secret";

/** Starts a server process and resolves once `/healthz` (or any answer) comes back. */
async function startProcess(
  script: string,
  env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers.
  const flags = (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...flags, "--import", "tsx", resolve(repoRoot, script)], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: "ignore",
  });
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    );
    if (up) return { port, child };
    if (i > 600) throw new Error(`${script} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function signedCommand(text: string, responseUrl: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    command: "/vmvc",
    text,
    user_id: "UB",
    user_name: "bench",
    channel_id: "CB",
    team_id: "T1",
    response_url: responseUrl,
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": ts,
      "x-slack-signature": signature,
    },
  };
}

/**
 * Signed `/vmvc <text>` slash commands, as Slack sends them, from `connections` keep-alive clients
 * for `seconds`; with several texts, each request sends the next one in turn. Returns requests per
 * second and the mean size of the answers.
 */
async function hammer(
  texts: string[],
  port: string | number,
  responseUrl: string,
  seconds: number,
  connections: number,
): Promise<{ rps: number; meanBytes: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let next = 0;
  let bytes = 0;
  const send = () =>
    new Promise<number>((done) => {
      // Signed afresh for every request, as Slack does (the timestamp is part of the signature).
      const { body, headers } = signedCommand(texts[next++ % texts.length]!, responseUrl);
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/slack/events",
          method: "POST",
          agent,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
          });
          res.on("end", () => done(res.statusCode ?? 0));
        },
      );
      req.on("error", () => done(0));
      req.end(body);
    });
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) if ((await send()) === 200) ok++;
    }),
  );
  agent.destroy();
  return { rps: ok / seconds, meanBytes: ok > 0 ? Math.round(bytes / ok) : 0 };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN; // not Linux: the figure is simply not reported
  }
}

function perCpuOf(vmvcRps: number, vmvcCpu: number, bareRps: number, bareCpu: number): HttpFigures["perCpu"] {
  const vmvc = vmvcRps / Math.max(vmvcCpu, 0.01);
  const bare = bareRps / Math.max(bareCpu, 0.01);
  return { vmvc: Math.round(vmvc), bare: Math.round(bare), ratio: Math.round((vmvc / bare) * 1000) / 1000 };
}

export interface HttpFigures {
  /** What was sent after `/vmvc`. */
  command: string;
  /** Bytes of the answer the bare server sends (the real server's answer to `command`). */
  answerBytes: number;
  /** How many different texts were sent in turn (1: `command` every time). */
  distinct: number;
  /** Mean bytes of the real server's answers while measured. */
  vmvcMeanBytes: number;
  serverCpu: { vmvc: number; bare: number };
  vmvcRps: number;
  bareRps: number;
  ratio: number;
  /** Requests per CPU-second of each server, and the real server's share of the bare one's. */
  perCpu: { vmvc: number; bare: number; ratio: number };
  seconds: number;
  connections: number;
}

/**
 * Requests per second of a signed `/vmvc <command>` (help, or ask with a question) through the
 * real server (HTTP Slack mode; it answers inside the ack when it can) beside a bare node:http
 * server that only checks the same HMAC and answers with the same bytes, in the same run with the
 * same client. With `rotate`, both servers get those texts in turn instead (the bare one still
 * answers every one with the real server's answer to `command`).
 */
export async function benchHttp(
  seconds = 5,
  connections = 16,
  command = "help",
  rotate: string[] = [command],
): Promise<HttpFigures> {
  const fake = await new FakeSlack().start();
  const real = await startProcess("src/main.ts", {
    STATE_URL: "memory:",
    PLAYGROUND: "off",
    LOG_LEVEL: "warn",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_APP_TOKEN: "",
    SLACK_API_URL: fake.apiUrl,
    RATE_LIMIT_PER_MINUTE: "100000000",
  });
  // The bare server answers with exactly what the real one acks the command with.
  const help = signedCommand(command, fake.responseUrl("capture"));
  const ack = await fetch(`http://127.0.0.1:${real.port}/slack/events`, {
    method: "POST",
    headers: help.headers,
    body: help.body,
  });
  const answerFile = join(mkdtempSync(join(tmpdir(), "vmvc-bench-")), "help.json");
  writeFileSync(answerFile, Buffer.from(await ack.arrayBuffer()));
  const bare = await startProcess("bench/bareSlackServer.ts", {
    SLACK_SIGNING_SECRET: SECRET,
    BARE_RESPONSE_FILE: answerFile,
  });
  try {
    await hammer(rotate, real.port, fake.responseUrl("warm"), 1, connections); // warm-up: JIT, lazy modules
    await hammer(rotate, bare.port, fake.responseUrl("warm"), 1, connections);
    let cpu = cpuSeconds(real.child.pid);
    const vmvc = await hammer(rotate, real.port, fake.responseUrl("bench"), seconds, connections);
    const vmvcRps = vmvc.rps;
    const vmvcCpu = (cpuSeconds(real.child.pid) - cpu) / seconds;
    cpu = cpuSeconds(bare.child.pid);
    const bareRps = (await hammer(rotate, bare.port, fake.responseUrl("bench"), seconds, connections)).rps;
    const bareCpu = (cpuSeconds(bare.child.pid) - cpu) / seconds;
    return {
      command: rotate.length > 1 ? `ask <one of ${rotate.length} questions>` : command,
      answerBytes: statSync(answerFile).size,
      distinct: new Set(rotate).size,
      vmvcMeanBytes: vmvc.meanBytes,
      // Share of one core each server used while measured: near 1 means the server was the limit.
      serverCpu: { vmvc: Math.round(vmvcCpu * 100) / 100, bare: Math.round(bareCpu * 100) / 100 },
      vmvcRps: Math.round(vmvcRps),
      bareRps: Math.round(bareRps),
      ratio: Math.round((vmvcRps / bareRps) * 100) / 100,
      perCpu: perCpuOf(vmvcRps, vmvcCpu, bareRps, bareCpu),
      seconds,
      connections,
    };
  } finally {
    for (const p of [real, bare]) {
      p.child.kill("SIGTERM");
      await new Promise((r) => p.child.once("exit", r));
    }
    await fake.stop();
  }
}
