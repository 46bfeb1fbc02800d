import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkthroughKey } from "../../src/core/walkthrough/state.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";
import { event, SECRET, type SlackTarget } from "../adapters/slack/harness.ts";
import { FakeSlack } from "../helpers/fakeSlack.ts";
import { type ServerProcess, startServerProcess, until } from "../helpers/serverProcess.ts";
import { answer, expectEachAnswerOnce, QUESTIONS, startWalk } from "./slackWalk.ts";

/** Generous: real processes on a possibly loaded machine; every wait inside has its own deadline. */
const E2E_TIMEOUT_MS = 120_000;

/** The embedded default: one process on a SQLite file, killed (SIGKILL) and started again. */
describe("one replica on SQLite, killed and restarted mid-walkthrough", () => {
  const dir = mkdtempSync(join(tmpdir(), "vmvc-restart-sqlite-"));
  const stateUrl = `sqlite:${join(dir, "state.db")}`;
  let fake: FakeSlack;
  let server: ServerProcess | undefined;

  const env = (port = 0) => ({
    PORT: String(port),
    STATE_URL: stateUrl,
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "debug",
  });
  const to = (): SlackTarget => {
    if (!server) throw new Error("the server is not running");
    return { url: `${server.url}/slack/events`, fake };
  };
  const restart = async () => {
    const port = server!.port;
    await server!.kill("SIGKILL");
    server = await startServerProcess(env(port));
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
    "goes on where it was: every answer recorded once and the recommendation arrives",
    async () => {
      const w = await startWalk(to(), "CSQLITE");
      const users = [
        { id: "U1", name: "alice" },
        { id: "U2", name: "bob" },
      ];
      for (let n = 1; n <= QUESTIONS; n++) {
        if (n === 6) await restart();
        await answer(w, to(), n, users[n % 2]!);
      }
      expectEachAnswerOnce(w);

      const store = openSqliteStore(join(dir, "state.db"));
      try {
        const state = await store.get<{ status: string; history: { step: number }[] }>(
          walkthroughKey({ platform: "slack", conversation: w.channel, thread: w.thread }),
        );
        expect(state?.value.status).toBe("finished");
        expect(state?.value.history.map((h) => h.step)).toEqual([...Array(QUESTIONS).keys()]);
      } finally {
        await store.close();
      }
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "still drops a Slack retry of an event handled before the restart",
    async () => {
      const channel = "DSQLITE";
      const eventId = "EvSqliteRestart1";
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
      await event(to(), ev, { eventId });
      await fake.waitFor(() => answers()[0], "the answer to the event", 30_000);

      await restart();
      await event(to(), ev, { eventId, retryNum: 1 });
      await until(
        () =>
          server!
            .stdout()
            .split("\n")
            .some((l) => l.includes(`"eventId":"${eventId}"`) && l.includes("duplicate event ignored")),
        "the restarted process to drop the retry",
      );
      expect(answers()).toHaveLength(1);
    },
    E2E_TIMEOUT_MS,
  );
});
