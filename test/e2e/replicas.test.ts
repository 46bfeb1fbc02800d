import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkthroughKey } from "../../src/core/walkthrough/state.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir } from "../../src/paths.ts";
import { openRedisStore } from "../../src/store/redis.ts";
import { event, press, SECRET, type SlackTarget } from "../adapters/slack/harness.ts";
import { FakeSlack } from "../helpers/fakeSlack.ts";
import { hasRedisServer, type RedisServer, startRedis, warnIfNoRedis } from "../helpers/redis.ts";
import { type ServerProcess, startServerProcess, until } from "../helpers/serverProcess.ts";
import { expectFinishedOnce, finishAfterCrash, isQuestion } from "./slackFaults.ts";
import {
  answer,
  choiceFor,
  expectEachAnswerOnce,
  QUESTIONS,
  startWalk,
  tsOf,
  updatesOf,
  waitApplied,
  waitQuestion,
} from "./slackWalk.ts";

/**
 * Two real server processes behind an imaginary load balancer, sharing one redis-server and
 * one (fake) Slack workspace: whichever replica gets a request, state and dedupe are shared.
 */
warnIfNoRedis("the two-replica tests (test/e2e/replicas.test.ts)");

const knowledge = loadKnowledge(knowledgeDir);

/** Generous: real processes on a possibly loaded machine; every wait inside has its own deadline. */
const E2E_TIMEOUT_MS = 120_000;

describe.skipIf(!hasRedisServer)("two replicas sharing one redis-server", () => {
  let redis: RedisServer;
  let fake: FakeSlack;
  const replicas: Record<"A" | "B", ServerProcess | undefined> = { A: undefined, B: undefined };

  const env = (port = 0) => ({
    PORT: String(port),
    STATE_URL: redis.url,
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    // Debug logs show when a replica drops a duplicate event: positive proof, not a wait.
    LOG_LEVEL: "debug",
  });
  const to = (name: "A" | "B"): SlackTarget => {
    const replica = replicas[name];
    if (!replica) throw new Error(`replica ${name} is not running`);
    return { url: `${replica.url}/slack/events`, fake };
  };
  const logs = () => `${replicas.A?.stdout() ?? ""}${replicas.B?.stdout() ?? ""}`;

  beforeAll(async () => {
    [redis, fake] = await Promise.all([startRedis(), new FakeSlack().start()]);
    [replicas.A, replicas.B] = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
  });
  afterAll(async () => {
    await Promise.all([replicas.A?.kill(), replicas.B?.kill()]);
    await fake?.stop();
    await redis?.stop();
  });

  it(
    "records every answer once while presses alternate between replicas and A is killed and restarted",
    async () => {
      const w = await startWalk(to("A"), "CREPLICAS");
      const users = [
        { id: "U1", name: "alice" },
        { id: "U2", name: "bob" },
      ];
      let killedAt = 0;
      for (let n = 1; n <= QUESTIONS; n++) {
        const replica = n % 2 === 1 ? "A" : "B";
        if (n === 6) {
          // A crashes mid-walkthrough; the load balancer sends the next press to B meanwhile.
          const port = replicas.A!.port;
          await replicas.A!.kill("SIGKILL");
          replicas.A = undefined;
          killedAt = n;
          await answer(w, to("B"), n, users[n % 2]!);
          replicas.A = await startServerProcess(env(port));
          continue;
        }
        await answer(w, to(replica), n, users[n % 2]!);
      }
      expect(killedAt).toBe(6);
      expectEachAnswerOnce(w);

      // The stored walkthrough agrees: finished, each step answered once, by both people.
      const store = await openRedisStore(redis.url);
      try {
        const state = await store.get<{
          status: string;
          answers: Record<string, string | null>;
          history: { step: number; by: { id: string } }[];
        }>(walkthroughKey({ platform: "slack", conversation: w.channel, thread: w.thread }));
        expect(state?.value.status).toBe("finished");
        expect(Object.values(state?.value.answers ?? {}).filter((v) => v !== null)).toHaveLength(QUESTIONS);
        expect(state?.value.history.map((h) => h.step)).toEqual([...Array(QUESTIONS).keys()]);
        expect(new Set(state?.value.history.map((h) => h.by.id))).toEqual(new Set(["U1", "U2"]));
      } finally {
        await store.close();
      }
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "applies one of two simultaneous presses of the same button on A and B, and tells the other it is stale",
    async () => {
      const w = await startWalk(to("B"), "CRACE");
      await answer(w, to("A"), 1, { id: "U1", name: "alice" });
      const question = await waitQuestion(w, 2);
      const ts = tsOf(question);
      const value = choiceFor(question, 2);
      const target = { channel: w.channel, ts, threadTs: w.thread };
      const [fromA, fromB] = await Promise.all([
        press(to("A"), { ...target, responseId: "race-A" }, value, { id: "U1", name: "alice" }),
        press(to("B"), { ...target, responseId: "race-B" }, value, { id: "U2", name: "bob" }),
      ]);
      expect([fromA.res.status, fromB.res.status]).toEqual([200, 200]);

      await waitApplied(w, 2);
      const notices = () =>
        fake.calls.filter(
          (c) => c.method === "response_url" && (c.responseId === "race-A" || c.responseId === "race-B"),
        );
      const stale = await fake.waitFor(() => notices()[0], "the stale notice for the losing press", 30_000);
      expect(stale.body.text).toBe(knowledge.responses.errors.staleAction);
      // The winner's own card says who answered; the loser's press changed nothing.
      const updates = updatesOf(w, ts);
      expect(updates).toHaveLength(1);
      const winner = stale.responseId === "race-A" ? "bob" : "alice";
      expect(JSON.stringify(updates[0]!.body)).toContain(`answered by ${winner}`);
      // The walkthrough goes on from the winner's answer, and the race left nothing behind.
      await answer(w, to(stale.responseId === "race-A" ? "A" : "B"), 3, { id: "U1", name: "alice" });
      expect(notices()).toHaveLength(1);
      expect(updatesOf(w, ts)).toHaveLength(1);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "A dies between saving a press and posting the next question; B re-shows it and the walkthrough finishes",
    async () => {
      const w = await startWalk(to("B"), "CREPLICAKILL");
      await answer(w, to("A"), 1, { id: "U1", name: "alice" });
      fake.fail("chat.postMessage", { kind: "hang" }, 1, (b) => b.channel === w.channel && isQuestion(3)(b));
      const q2 = await waitQuestion(w, 2);
      const target = { channel: w.channel, ts: tsOf(q2), threadTs: w.thread };
      const { res } = await press(to("A"), target, choiceFor(q2, 2), { id: "U1", name: "alice" });
      expect(res.status).toBe(200);
      await fake.waitFor(() => fake.failed.find((c) => c.body.channel === w.channel), "A inside the post");
      const port = replicas.A!.port;
      await replicas.A!.kill("SIGKILL");
      replicas.A = undefined;
      // The load balancer sends everything to B meanwhile.
      await finishAfterCrash(w, () => to("B"), { id: "U2", name: "bob" });
      replicas.A = await startServerProcess(env(port));
      expectEachAnswerOnce(w);
      const store = await openRedisStore(redis.url);
      try {
        await expectFinishedOnce(store, w);
        const state = await store.get<{ history: { by: { id: string } }[] }>(
          walkthroughKey({ platform: "slack", conversation: w.channel, thread: w.thread }),
        );
        expect(state?.value.history[1]?.by.id).toBe("U1"); // the acknowledged press on A
      } finally {
        await store.close();
      }
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "answers an event Slack delivered to both replicas (same event_id, a retry) once",
    async () => {
      const channel = "DDEDUPE";
      const eventId = "EvReplicaDedupe1";
      const ev = {
        type: "message",
        channel,
        channel_type: "im",
        user: "U7",
        text: "what is a container?",
        ts: fake.nextTs(),
      };
      const answers = () =>
        fake.calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === channel);
      const [first, retry] = await Promise.all([
        event(to("A"), ev, { eventId }),
        event(to("B"), ev, { eventId, retryNum: 1 }),
      ]);
      expect([first.status, retry.status]).toEqual([200, 200]);
      await fake.waitFor(() => answers()[0], "the answer to the event", 30_000);
      // One replica logged that it dropped the duplicate; so both have finished with the event.
      await until(
        () =>
          logs()
            .split("\n")
            .some((l) => l.includes(`"eventId":"${eventId}"`) && l.includes("duplicate event ignored")),
        "a replica to drop the duplicate",
      );
      expect(answers()).toHaveLength(1);
      expect(JSON.stringify(answers()[0]!.body)).toMatch(/container/i);
    },
    E2E_TIMEOUT_MS,
  );
});
