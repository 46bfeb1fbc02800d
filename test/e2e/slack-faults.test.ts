import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir } from "../../src/paths.ts";
import { command, press, useHarness } from "../adapters/slack/harness.ts";
import type { SlackFault } from "../helpers/fakeSlack.ts";
import { continueOffer, expectFinishedOnce, isQuestion, pressContinue } from "./slackFaults.ts";
import {
  answer,
  choiceFor,
  expectEachAnswerOnce,
  QUESTIONS,
  startWalk,
  tsOf,
  waitApplied,
  waitQuestion,
} from "./slackWalk.ts";

/**
 * The real server and Bolt against a fake Slack that fails chosen calls. Retries run with a
 * 1 ms backoff here (VMVC_DELIVERY_BACKOFF_MS); Slack's Retry-After is honoured as sent.
 */
const responses = loadKnowledge(knowledgeDir).responses;
const E2E_TIMEOUT_MS = 60_000;
const alice = { id: "U1", name: "alice" };

const h = useHarness({ VMVC_DELIVERY_RETRIES: "3", VMVC_DELIVERY_BACKOFF_MS: "1" });

describe("Slack calls that fail during a walkthrough", () => {
  it.each<[string, SlackFault]>([
    ["ok:false internal_error", { kind: "error", error: "internal_error" }],
    ["HTTP 500", { kind: "http", status: 500 }],
    ["429 with Retry-After", { kind: "http", status: 429, retryAfter: 1 }],
  ])(
    "a single %s is retried: the walkthrough finishes with every answer once",
    async (name, fault) => {
      const w = await startWalk(h, `CFAULT${name.replace(/\W/g, "")}`);
      // The next question's post fails once, and so does one card update.
      h.fake.fail("chat.postMessage", fault, 1, isQuestion(4));
      h.fake.fail("chat.update", fault, 1, (b) => b.channel === w.channel);
      const failedBefore = h.fake.failed.length;
      for (let n = 1; n <= QUESTIONS; n++) await answer(w, h, n, alice);
      expect(h.fake.failed.length - failedBefore).toBe(2);
      expectEachAnswerOnce(w);
      await expectFinishedOnce(h.app.context.store, w);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "a question Slack keeps refusing becomes a private Continue button that posts it",
    async () => {
      const w = await startWalk(h, "CFAULTPERSIST");
      await answer(w, h, 1, alice);
      // 1 try + 3 retries: all refused.
      h.fake.fail("chat.postMessage", { kind: "error", error: "internal_error" }, 4, isQuestion(3));
      const q2 = await waitQuestion(w, 2);
      const { res, responseId } = await press(
        h,
        { channel: w.channel, ts: tsOf(q2), threadTs: w.thread },
        choiceFor(q2, 2),
        alice,
      );
      expect(res.status).toBe(200);
      const offer = await continueOffer(w, responseId);
      expect(offer.body.text).toBe(responses.walkthrough.deliveryFailed);
      expect(offer.body.response_type).toBe("ephemeral");
      await pressContinue(w, h, offer);
      await waitApplied(w, 2);
      for (let n = 3; n <= QUESTIONS; n++) await answer(w, h, n, alice);
      expectEachAnswerOnce(w);
      await expectFinishedOnce(h.app.context.store, w);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    "a checklist whose root Slack refuses posts nothing public: one private apology",
    async () => {
      const channel = "CFAULTROOT";
      h.fake.fail("chat.postMessage", { kind: "http", status: 503 }, 4, (b) => b.channel === channel);
      const { res, responseId } = await command(h, "checklist", { channel });
      expect(res.status).toBe(200);
      const apology = await h.fake.waitFor(
        () => h.fake.calls.find((c) => c.method === "response_url" && c.responseId === responseId),
        "the apology",
      );
      expect(apology.body.text).toBe(responses.errors.internal);
      expect(
        h.fake.calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === channel),
      ).toEqual([]);
      // Once Slack takes posts again the same command works.
      const w = await startWalk(h, channel);
      for (let n = 1; n <= QUESTIONS; n++) await answer(w, h, n, alice);
      expectEachAnswerOnce(w);
    },
    E2E_TIMEOUT_MS,
  );
});
