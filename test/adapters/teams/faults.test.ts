import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/app.ts";
import { walkthroughKey } from "../../../src/core/walkthrough/state.ts";
import { knowledge } from "../../helpers/bot.ts";
import { type ConnectorCall, cardOf, FakeConnector, submitsOf, textOf } from "../../helpers/fakeConnector.ts";
import { post, startTestApp, teamsMessage } from "./harness.ts";

/**
 * The real server and botbuilder against a fake connector that fails chosen calls: a failed
 * `sendActivity` or `updateActivity` is retried, and one that keeps failing leaves a working
 * "Continue" card, never a dead end. Retries run with a 1 ms backoff here.
 */
const QUESTIONS = knowledge.decision.checklist.length;
let connector: FakeConnector;
let app: RunningApp;
let base: string;

beforeAll(async () => {
  connector = await new FakeConnector().start();
  ({ app, base } = await startTestApp({ VMVC_DELIVERY_RETRIES: "3", VMVC_DELIVERY_BACKOFF_MS: "1" }));
});
afterAll(async () => {
  await app?.stop();
  await connector?.stop();
});

const text = (c: ConnectorCall) => textOf(cardOf(c));
const isQuestion = (c: ConnectorCall) =>
  c.kind === "reply" && /^Question \d+ of/.test(c.activity.summary ?? "");

/** Sends an activity and returns the connector calls it caused (the turn is over at the 200). */
async function send(activity: Record<string, unknown>): Promise<ConnectorCall[]> {
  const from = connector.calls.length;
  const res = await post(base, activity);
  expect(res.status).toBe(200);
  return connector.since(from);
}

function answerOf(question: ConnectorCall, n: number) {
  const choices = submitsOf(cardOf(question)).filter(
    (s) => s.action.type === "checklist.answer" && s.action.value !== null,
  );
  return choices[n % choices.length]!;
}

async function storedHistory(conversation: string) {
  const s = await app.context.store.get<{ status: string; history: { step: number }[] }>(
    walkthroughKey({ platform: "teams", conversation }),
  );
  return { status: s?.value.status, steps: s?.value.history.map((h) => h.step) };
}

describe("Teams connector calls that fail during a walkthrough", () => {
  it("retries a failed sendActivity (500) and updateActivity (429 Retry-After): finishes, each answer once", async () => {
    const conversationId = "a:1personal-faults-retry";
    const start = await send(teamsMessage(connector, { conversationId, text: "checklist" }));
    let question = start.find(isQuestion)!;
    for (let n = 1; n <= QUESTIONS; n++) {
      if (n === 3) connector.fail("reply", 500);
      if (n === 5) connector.fail("update", 429, 1, 0);
      const calls = await send(
        teamsMessage(connector, {
          conversationId,
          value: answerOf(question, n).data,
          replyToId: question.id,
        }),
      );
      expect(calls.filter((c) => c.kind === "update").map((c) => c.activityId)).toEqual([question.id]);
      const next = calls.filter((c) => c.kind === "reply");
      expect(next).toHaveLength(1);
      if (n < QUESTIONS) expect(text(next[0]!)).toContain(`Question ${n + 1} of`);
      else expect(text(next[0]!)).toMatch(/Recommendation:/);
      question = next[0]!;
    }
    expect(connector.failed.map((f) => f.kind)).toEqual(["reply", "update"]);
    expect(await storedHistory(conversationId)).toEqual({
      status: "finished",
      steps: [...Array(QUESTIONS).keys()],
    });
  });

  it("a question Teams keeps refusing becomes a Continue card that posts it", async () => {
    const conversationId = "a:1personal-faults-continue";
    const start = await send(teamsMessage(connector, { conversationId, text: "checklist" }));
    let question = start.find(isQuestion)!;
    const failedBefore = connector.failed.length;
    for (let n = 1; n <= QUESTIONS; n++) {
      // Question 4's post fails on every try (1 + 3 retries), and an update keeps failing too.
      if (n === 3) connector.fail("reply", 502, 4);
      if (n === 6) connector.fail("update", 500, 4);
      const calls = await send(
        teamsMessage(connector, {
          conversationId,
          value: answerOf(question, n).data,
          replyToId: question.id,
        }),
      );
      let next = calls.filter((c) => c.kind === "reply").at(-1)!;
      if (n === 3) {
        // The answer is saved and confirmed; instead of question 4 comes a Continue card.
        expect(text(next)).toContain(knowledge.responses.walkthrough.deliveryFailed);
        const resume = submitsOf(cardOf(next)).find((s) => s.action.type === "checklist.resume")!;
        expect(resume.title).toBe(knowledge.responses.walkthrough.continue);
        const after = await send(
          teamsMessage(connector, { conversationId, value: resume.data, replyToId: next.id }),
        );
        expect(after.map((c) => c.kind)).toEqual(["reply"]);
        next = after[0]!;
      }
      if (n === 6) {
        // The pressed card could not be updated: its confirmation is posted instead, then question 7.
        expect(calls.filter((c) => c.kind === "update")).toEqual([]);
        expect(text(calls.find((c) => c.kind === "reply")!)).toMatch(/answered by/);
      }
      if (n < QUESTIONS) expect(text(next)).toContain(`Question ${n + 1} of`);
      question = next;
    }
    expect(text(question)).toMatch(/Recommendation:/);
    expect(connector.failed.length - failedBefore).toBe(8);
    expect(await storedHistory(conversationId)).toEqual({
      status: "finished",
      steps: [...Array(QUESTIONS).keys()],
    });
  });
});
