import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkthroughKey } from "../../src/core/walkthrough/state.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";
import { press, SECRET, type SlackTarget } from "../adapters/slack/harness.ts";
import { FakeSlack } from "../helpers/fakeSlack.ts";
import { type ServerProcess, startServerProcess } from "../helpers/serverProcess.ts";
import { expectFinishedOnce, finishAfterCrash, isQuestion } from "./slackFaults.ts";
import {
  answer,
  choiceFor,
  QUESTIONS,
  questionPosts,
  startWalk,
  tsOf,
  type Walk,
  waitQuestion,
} from "./slackWalk.ts";

/**
 * The process dies between saving a press and posting what it changed (SIGKILL while Slack is
 * answering the post), then starts again on the same SQLite file. Nobody is left with a dead
 * end, and every acknowledged press is in the stored walkthrough exactly once.
 */
const E2E_TIMEOUT_MS = 120_000;
const alice = { id: "U1", name: "alice" };
const bob = { id: "U2", name: "bob" };

describe("killed between save and post, restarted on SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "vmvc-kill-sqlite-"));
  const stateUrl = `sqlite:${join(dir, "state.db")}`;
  let fake: FakeSlack;
  let server: ServerProcess | undefined;
  const env = () => ({
    PORT: "0",
    STATE_URL: stateUrl,
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    VMVC_DELIVERY_BACKOFF_MS: "1",
  });
  const to = (): SlackTarget => {
    if (!server) throw new Error("the server is not running");
    return { url: `${server.url}/slack/events`, fake };
  };
  const crashAndRestart = async () => {
    await server!.kill("SIGKILL");
    server = await startServerProcess(env());
  };
  /** Which user answered each step, as stored. */
  const stored = async (w: Walk) => {
    const store = await openSqliteStore(join(dir, "state.db"));
    try {
      const s = await store.get<{ history: { step: number; by: { id: string } }[] }>(
        walkthroughKey({ platform: "slack", conversation: w.channel, thread: w.thread }),
      );
      return { store, history: s?.value.history ?? [] };
    } catch (error) {
      await store.close();
      throw error;
    }
  };

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    server = await startServerProcess(env());
  });
  afterAll(async () => {
    await server?.kill();
    await fake?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "a press saved and acknowledged, whose next question was never posted, is not lost and not a dead end",
    async () => {
      const w = await startWalk(to(), "CKILL1");
      for (let n = 1; n <= 2; n++) await answer(w, to(), n, alice);
      // Slack holds the post of question 4: the process is inside it when it is killed.
      fake.fail("chat.postMessage", { kind: "hang" }, 1, (b) => b.channel === w.channel && isQuestion(4)(b));
      const q3 = await waitQuestion(w, 3);
      const { res } = await press(
        to(),
        { channel: w.channel, ts: tsOf(q3), threadTs: w.thread },
        choiceFor(q3, 3),
        alice,
      );
      expect(res.status).toBe(200); // acknowledged: it must not be lost
      await fake.waitFor(() => fake.failed.find((c) => c.body.channel === w.channel), "the held post");
      await crashAndRestart();
      expect(questionPosts(w, 4)).toHaveLength(0);

      await finishAfterCrash(w, to, bob);
      const { store, history } = await stored(w);
      try {
        expect(history.map((h) => h.step)).toEqual([...Array(QUESTIONS).keys()]);
        // Step 3 (index 2) is alice's acknowledged press, not bob's later one.
        expect(history[2]!.by.id).toBe("U1");
        await expectFinishedOnce(store, w);
      } finally {
        await store.close();
      }
      for (let n = 1; n <= QUESTIONS; n++) expect(questionPosts(w, n), `question ${n}`).toHaveLength(1);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "SIGKILL during a burst of presses on 6 walkthroughs: all 6 finish, every acknowledged press recorded once",
    async () => {
      const walks: Walk[] = [];
      for (let i = 0; i < 6; i++) walks.push(await startWalk(to(), `CBURST${i}`));
      for (const w of walks) await answer(w, to(), 1, alice);
      const mark = fake.calls.length;
      // Everyone presses question 2 at once; the process is killed once some of it is under way.
      const presses = walks.map(async (w) => {
        const q2 = questionPosts(w, 2)[0]!;
        try {
          const { res } = await press(
            to(),
            { channel: w.channel, ts: tsOf(q2), threadTs: w.thread },
            choiceFor(q2, 2),
            alice,
          );
          return res.status === 200;
        } catch {
          return false; // the connection died with the process: not acknowledged
        }
      });
      await fake.waitFor(
        () => fake.calls.slice(mark).some((c) => c.method === "chat.update"),
        "some presses under way",
      );
      await crashAndRestart();
      const acked = await Promise.all(presses);

      let finished = 0;
      for (const w of walks) {
        await finishAfterCrash(w, to, bob);
        const { store, history } = await stored(w);
        try {
          expect(history.map((h) => h.step)).toEqual([...Array(QUESTIONS).keys()]);
          if (acked[walks.indexOf(w)]) expect(history[1]!.by.id).toBe("U1");
          await expectFinishedOnce(store, w);
          finished++;
        } finally {
          await store.close();
        }
      }
      expect(finished).toBe(6);
    },
    E2E_TIMEOUT_MS,
  );
});
