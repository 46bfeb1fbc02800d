// `npm run load`: 200 simulated Slack users against the real server over signed HTTP on
// 127.0.0.1, with the local fake Slack API. Each runs a whole checklist walkthrough by pressing
// the buttons it was shown, asks a question by slash command and one by @-mention. Checks that
// nothing was lost or duplicated and nothing was logged as an error. Last line: one JSON object.
// Users join over LOAD_RAMP_MS (5 s) and pause 1-3 s between actions (LOAD_THINK_MS=2000), as
// people reading a question do; LOAD_THINK_MS=300 turns it into a stress run past capacity.
// LOAD_USERS (200) and LOAD_DEADLINE_MS (60 s per wait) bound it; only 127.0.0.1 is used.

import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "../src/paths.ts";
import { FakeSlack, type SlackCall } from "../test/helpers/fakeSlack.ts";
import { freePort } from "../test/helpers/ports.ts";

const USERS = Number(process.env.LOAD_USERS ?? 200);
const DEADLINE_MS = Number(process.env.LOAD_DEADLINE_MS ?? 60_000);
const SECRET = "load-signing-secret";
const QUESTIONS_PER_USER = 2;
/** Users join over this many milliseconds and pause like people between presses. */
const RAMP_MS = Number(process.env.LOAD_RAMP_MS ?? 5_000);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 2_000);
const think = () => sleep(THINK_MS / 2 + Math.random() * THINK_MS);

const fake = await new FakeSlack().start();
// Index every call the bot makes by channel and response_url id, with when it arrived.
const byChannel = new Map<string, SlackCall[]>();
const byResponse = new Map<string, SlackCall[]>();
const arrived = new WeakMap<SlackCall, number>();
const waiters = new Set<() => void>();
const push = fake.calls.push.bind(fake.calls);
fake.calls.push = (...calls: SlackCall[]) => {
  for (const c of calls) {
    arrived.set(c, performance.now());
    const key = c.responseId ?? String(c.body.channel ?? "");
    const map = c.responseId ? byResponse : byChannel;
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  for (const w of waiters) w();
  return push(...calls);
};
const waitFor = <T>(check: () => T | undefined, what: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const now = check();
    if (now !== undefined) return resolve(now);
    const timer = setTimeout(() => {
      waiters.delete(w);
      reject(new Error(`timed out waiting for ${what}`));
    }, DEADLINE_MS);
    const w = () => {
      const v = check();
      if (v === undefined) return;
      clearTimeout(timer);
      waiters.delete(w);
      resolve(v);
    };
    waiters.add(w);
  });

// The real server runs as its own process, as in production, so the load generator and the
// fake Slack API here do not compete with it for its event loop. Its JSON logs are counted.
let errorsLogged = 0;
let warningsLogged = 0;
const port = await freePort();
// LOAD_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
const flags = (process.env.LOAD_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
const server = spawn(process.execPath, [...flags, "--import", "tsx", resolve(repoRoot, "src/main.ts")], {
  cwd: repoRoot,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    STATE_URL: process.env.LOAD_STATE_URL ?? "memory:",
    PLAYGROUND: "off",
    LOG_LEVEL: "warn",
    SLACK_BOT_TOKEN: "xoxb-load",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_APP_TOKEN: "",
    SLACK_API_URL: fake.apiUrl,
    RATE_LIMIT_PER_MINUTE: "1000",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
createInterface({ input: server.stdout }).on("line", (line) => {
  if (!line.startsWith("{")) return;
  const level = (JSON.parse(line) as { level?: number }).level ?? 0;
  if (level >= 50) {
    errorsLogged++;
    if (errorsLogged <= 3) process.stderr.write(`logged error: ${line.slice(0, 400)}\n`);
  } else if (level >= 40) warningsLogged++;
});
const url = `http://127.0.0.1:${port}/slack/events`;
for (let tries = 0; ; tries++) {
  const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (tries > 600) throw new Error("the server did not start within 30 s");
  await sleep(50);
}

const acks: number[] = [];
const replyTimes: number[] = [];
let requests = 0;
let failedAcks = 0;

async function send(body: string, contentType: string, responseId?: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-signature": sig,
      "x-slack-request-timestamp": String(ts),
    },
    body,
  });
  const ackBody = await res.text();
  acks.push(performance.now() - started);
  // A command answered in its ack counts as its reply, as Slack shows it.
  if (responseId) fake.recordAck(responseId, res.status, ackBody);
  requests++;
  if (res.status !== 200) failedAcks++;
  return started;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const command = (user: string, channel: string, text: string, responseId: string) =>
  send(
    form({
      command: "/vmvc",
      text,
      user_id: user,
      user_name: user,
      channel_id: channel,
      team_id: "T1",
      response_url: fake.responseUrl(responseId),
    }),
    "application/x-www-form-urlencoded",
    responseId,
  );
type Button = { action_id: string; value: string };
const buttonsOf = (c: SlackCall): Button[] =>
  ((c.body.blocks as { type: string; elements?: Button[] }[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);
const inThread = (channel: string, root: string) =>
  (byChannel.get(channel) ?? []).filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === root);

interface Outcome {
  user: string;
  problems: string[];
}

async function walkthrough(i: number): Promise<string[]> {
  const user = `UL${i}`;
  const channel = `CL${i}`;
  const sent = await command(user, channel, "checklist", `wt${i}`);
  const root = await waitFor(
    () => (byChannel.get(channel) ?? []).find((c) => c.method === "chat.postMessage" && !c.body.thread_ts),
    `${user}'s checklist root`,
  );
  replyTimes.push(arrived.get(root)! - sent);
  const rootTs = String(root.result?.ts);
  for (let step = 0; step < 11; step++) {
    const card = await waitFor(() => inThread(channel, rootTs)[step], `${user}'s question ${step + 1}`);
    const choice = buttonsOf(card).find((b) => {
      const a = JSON.parse(b.value) as { type: string; value?: unknown };
      return a.type === "checklist.answer" && a.value !== null;
    });
    if (!choice) return [`question ${step + 1} had no choice button`];
    await think();
    const payload = {
      type: "block_actions",
      team: { id: "T1" },
      user: { id: user, username: user, name: user },
      container: {
        type: "message",
        message_ts: card.result?.ts,
        channel_id: channel,
        is_ephemeral: false,
        thread_ts: rootTs,
      },
      channel: { id: channel },
      message: { type: "message", ts: card.result?.ts, thread_ts: rootTs },
      response_url: fake.responseUrl(`wt${i}-${step}`),
      actions: [{ type: "button", action_id: choice.action_id, value: choice.value, block_id: "b" }],
    };
    const pressed = await send(
      form({ payload: JSON.stringify(payload) }),
      "application/x-www-form-urlencoded",
    );
    const next = await waitFor(
      () => inThread(channel, rootTs)[step + 1],
      `${user}'s reply to press ${step + 1}`,
    );
    replyTimes.push(arrived.get(next)! - pressed);
  }
  return [];
}

async function questions(i: number): Promise<string[]> {
  const user = `UL${i}`;
  const sent = await command(user, `CQ${i}`, "what is a container?", `q${i}`);
  const answer = await waitFor(() => byResponse.get(`q${i}`)?.[0], `${user}'s slash answer`);
  replyTimes.push(arrived.get(answer)! - sent);
  await think();
  const ts = fake.nextTs();
  const mentioned = await send(
    JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      event_id: `EvLoad${i}`,
      event: {
        type: "app_mention",
        channel: `CM${i}`,
        user,
        text: "<@UBOT> can containers run databases?",
        ts,
      },
    }),
    "application/json",
  );
  const reply = await waitFor(
    () => (byChannel.get(`CM${i}`) ?? []).find((c) => c.body.thread_ts === ts),
    `${user}'s mention answer`,
  );
  replyTimes.push(arrived.get(reply)! - mentioned);
  return [];
}

const started = performance.now();
const outcomes: Outcome[] = await Promise.all(
  Array.from({ length: USERS }, async (_, i) => {
    await sleep((RAMP_MS * i) / USERS);
    const problems: string[] = [];
    const settle = async (p: Promise<string[]>) =>
      problems.push(...(await p.catch((e: Error) => [e.message])));
    await Promise.all([settle(walkthrough(i)), settle(questions(i))]);
    return { user: `UL${i}`, problems };
  }),
);
const elapsedS = (performance.now() - started) / 1000;
// Anything late (a duplicate) would arrive right after the last reply: give it a moment.
await sleep(500);

let lost = 0;
let duplicated = 0;
for (let i = 0; i < USERS; i++) {
  const calls = byChannel.get(`CL${i}`) ?? [];
  const root = calls.find((c) => c.method === "chat.postMessage" && !c.body.thread_ts);
  const posts = root ? inThread(`CL${i}`, String(root.result?.ts)) : [];
  const updates = calls.filter((c) => c.method === "chat.update").length;
  const recommendations = posts.filter((p) => /recommend/i.test(String(p.body.text))).length;
  const roots = calls.filter((c) => c.method === "chat.postMessage" && !c.body.thread_ts).length;
  // 11 questions + 1 recommendation in the thread, 11 pressed cards updated, one root.
  lost += Math.max(0, 12 - posts.length) + Math.max(0, 11 - updates) + Math.max(0, 1 - roots);
  duplicated += Math.max(0, posts.length - 12) + Math.max(0, updates - 11) + Math.max(0, roots - 1);
  if (posts.length === 12 && recommendations !== 1) lost++;
  const slash = byResponse.get(`q${i}`)?.length ?? 0;
  const mention = (byChannel.get(`CM${i}`) ?? []).length;
  lost += Math.max(0, 1 - slash) + Math.max(0, 1 - mention);
  duplicated += Math.max(0, slash - 1) + Math.max(0, mention - 1);
}
const problems = outcomes.flatMap((o) => o.problems.map((p) => `${o.user}: ${p}`));
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
await fake.stop();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10 : 0;
};
const figures = {
  users: USERS,
  requests,
  seconds: Math.round(elapsedS * 100) / 100,
  requestsPerSecond: Math.round(requests / elapsedS),
  ackMs: { p50: pct(acks, 50), p99: pct(acks, 99), max: pct(acks, 100) },
  replyMs: { p50: pct(replyTimes, 50), p99: pct(replyTimes, 99) },
  walkthroughs: USERS,
  questions: USERS * QUESTIONS_PER_USER,
  lost,
  duplicated,
  failedAcks,
  errorsLogged,
  warningsLogged,
  problems: problems.length,
  targetP99AckMs: 100,
};
for (const p of problems.slice(0, 5)) console.log(`problem: ${p}`);
console.log(
  `${USERS} users, ${requests} signed requests in ${figures.seconds} s (${figures.requestsPerSecond}/s); ack p50 ${figures.ackMs.p50} ms, p99 ${figures.ackMs.p99} ms (target < 100); posted reply p50 ${figures.replyMs.p50} ms, p99 ${figures.replyMs.p99} ms; lost ${lost}, duplicated ${duplicated}, errors logged ${errorsLogged}`,
);
console.log(JSON.stringify(figures));
process.exit(lost || duplicated || failedAcks || errorsLogged || problems.length ? 1 : 0);
