import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkthroughKey } from "../../src/core/walkthrough/state.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir } from "../../src/paths.ts";
import { openRedisStore } from "../../src/store/redis.ts";
import { command, event, press, SECRET, type SlackTarget } from "../adapters/slack/harness.ts";
import { FakeSlack } from "../helpers/fakeSlack.ts";
import { freePort } from "../helpers/ports.ts";
import { hasRedisServer, type RedisServer, startRedis, warnIfNoRedis } from "../helpers/redis.ts";
import { runMain, type ServerProcess, startServerProcess, until } from "../helpers/serverProcess.ts";
import { expectFinishedOnce } from "./slackFaults.ts";
import {
  answer,
  choiceFor,
  expectEachAnswerOnce,
  QUESTIONS,
  questionPosts,
  startWalk,
  threadPosts,
  tsOf,
  updatesOf,
  waitApplied,
  waitQuestion,
} from "./slackWalk.ts";

const apology = loadKnowledge(knowledgeDir).responses.errors.storeUnavailable;

/** Generous: real processes on a possibly loaded machine; every wait inside has its own deadline. */
const E2E_TIMEOUT_MS = 120_000;

describe("an unreachable Redis at start", () => {
  it("stops the server with one line naming STATE_URL and a non-zero exit code", async () => {
    const port = await freePort();
    const run = runMain({ PORT: "0", STATE_URL: `redis://:s3cret@127.0.0.1:${port}` });
    const { code } = await run.exit;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = run.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vmvc: STATE_URL: cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    expect(run.stderr()).not.toContain("s3cret");
    expect(run.stdout()).not.toMatch(/is running/);
  });
});

warnIfNoRedis("the Redis outage tests (test/e2e/store-outage.test.ts)");

describe.skipIf(!hasRedisServer)("Redis goes away during a turn", () => {
  let redis: RedisServer;
  let fake: FakeSlack;
  let server: ServerProcess;
  const to = (): SlackTarget => ({ url: `${server.url}/slack/events`, fake });
  const health = async () => (await fetch(`${server.url}/healthz`)).status;

  beforeAll(async () => {
    [redis, fake] = await Promise.all([startRedis(), new FakeSlack().start()]);
    expect(apology).toBeTruthy();
    server = await startServerProcess({
      PORT: "0",
      STATE_URL: redis.url,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
  });
  afterAll(async () => {
    await server?.kill();
    await fake?.stop();
    await redis?.stop();
  });

  it(
    "apologises instead of going silent, changes nothing, and the same press works once Redis is back",
    async () => {
      const w = await startWalk(to(), "COUTAGE");
      await answer(w, to(), 1, { id: "U1", name: "alice" });
      const question = await waitQuestion(w, 2);
      const button = choiceFor(question, 2);
      const pressed = { channel: w.channel, ts: tsOf(question), threadTs: w.thread };
      const postsBefore = threadPosts(w).length;

      await redis.stop({ keepData: true });
      const failed = await press(to(), { ...pressed, responseId: "outage-press" }, button);
      expect(failed.res.status).toBe(200); // acked in time; the apology follows on the response_url
      const sorry = await fake.waitFor(
        () => fake.calls.find((c) => c.method === "response_url" && c.responseId === "outage-press"),
        "the apology for the press",
        30_000,
      );
      expect(sorry.body.text).toBe(apology);
      expect(sorry.body.response_type).toBe("ephemeral");
      expect(sorry.body.replace_original).toBe(false);
      // The failed press changed nothing visible: the question still stands, nothing new in the thread.
      expect(updatesOf(w, pressed.ts)).toHaveLength(0);
      expect(threadPosts(w)).toHaveLength(postsBefore);

      // A question typed in a DM during the outage is answered with the apology too.
      await event(to(), {
        type: "message",
        channel: "DOUTAGE",
        channel_type: "im",
        user: "U9",
        text: "what is a container?",
        ts: fake.nextTs(),
      });
      const dm = await fake.waitFor(
        () => fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === "DOUTAGE"),
        "the apology in the DM",
        30_000,
      );
      expect(dm.body.text).toBe(apology);
      expect(await health()).toBe(503);

      // `/vmvc checklist` during the outage: one private apology, no public root left behind.
      const { responseId } = await command(to(), "checklist", { channel: "COUTAGE2" });
      const refused = await fake.waitFor(
        () => fake.calls.find((c) => c.method === "response_url" && c.responseId === responseId),
        "the apology for the checklist",
        30_000,
      );
      expect(refused.body.text).toBe(apology);
      expect(refused.body.response_type).toBe("ephemeral");
      expect(
        fake.calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === "COUTAGE2"),
      ).toEqual([]);

      await redis.start();
      await until(async () => (await health()) === 200, "the server to reconnect to Redis", 30_000);
      // Nothing was half-written: the stored walkthrough is still on question 2 with one answer.
      const store = await openRedisStore(redis.url);
      try {
        const state = await store.get<{ step: number; history: unknown[] }>(
          walkthroughKey({ platform: "slack", conversation: w.channel, thread: w.thread }),
        );
        expect(state?.value.step).toBe(1);
        expect(state?.value.history).toHaveLength(1);
      } finally {
        await store.close();
      }

      // The person presses the same button again: it is applied, once.
      await press(to(), { ...pressed, responseId: "retry-press" }, button);
      await waitApplied(w, 2);
      expect(updatesOf(w, pressed.ts)).toHaveLength(1);
      expect(questionPosts(w, 3)).toHaveLength(1);
      expect(fake.calls.filter((c) => c.responseId === "retry-press")).toHaveLength(0);
      // …and the walkthrough finishes with every answer recorded once.
      for (let n = 3; n <= QUESTIONS; n++) await answer(w, to(), n, { id: "U1", name: "alice" });
      expectEachAnswerOnce(w);
      const after = await openRedisStore(redis.url);
      try {
        await expectFinishedOnce(after, w);
      } finally {
        await after.close();
      }
    },
    E2E_TIMEOUT_MS,
  );
});
