import { expect } from "vitest";
import { walkthroughKey } from "../../src/core/walkthrough/state.ts";
import type { StateStore } from "../../src/store/store.ts";
import { findButton, press, type SlackTarget } from "../adapters/slack/harness.ts";
import type { SlackCall } from "../helpers/fakeSlack.ts";
import { choiceFor, QUESTIONS, questionPosts, recommendationPosts, tsOf, type Walk } from "./slackWalk.ts";

/** True for the post of question `n` (the fake's `when` filter for a chosen call). */
export const isQuestion = (n: number) => (body: Record<string, unknown>) =>
  String(body.text).startsWith(`Question ${n} of ${QUESTIONS}:`);

/** The private message (on the press's response_url) offering "Continue", once it arrives. */
export function continueOffer(w: Walk, responseId: string): Promise<SlackCall> {
  return w.fake.waitFor(
    () =>
      w.fake.calls.find(
        (c) =>
          c.method === "response_url" &&
          c.responseId === responseId &&
          findButton(c, (v) => v.type === "checklist.resume") !== undefined,
      ),
    `a Continue button on ${responseId}`,
    30_000,
  );
}

/** Presses "Continue" on the private message `offer` (an ephemeral message, as Slack sends it). */
export async function pressContinue(w: Walk, target: SlackTarget, offer: SlackCall): Promise<void> {
  const button = findButton(offer, (v) => v.type === "checklist.resume");
  if (!button) throw new Error("no Continue button");
  const { res } = await press(target, { channel: w.channel, ts: "1.000001", ephemeral: true }, button);
  expect(res.status).toBe(200);
}

/** The stored walkthrough is finished and each of the 11 steps was recorded exactly once. */
export async function expectFinishedOnce(store: StateStore, w: Walk): Promise<void> {
  const state = await store.get<{ status: string; history: { step: number }[] }>(
    walkthroughKey({ platform: "slack", conversation: w.channel, thread: w.thread }),
  );
  expect(state?.value.status).toBe("finished");
  expect(state?.value.history.map((h) => h.step)).toEqual([...Array(QUESTIONS).keys()]);
}

/** The highest question posted in the walk's thread so far (0 when none). */
export function latestQuestion(w: Walk): number {
  for (let n = QUESTIONS; n >= 1; n--) if (questionPosts(w, n).length > 0) return n;
  return 0;
}

let recoveries = 0;

/**
 * What a person does after a crash: press a button on the newest question they can see, until
 * the recommendation arrives. Each press either applies (it was never saved), re-shows the
 * question that was saved but never posted, or offers "Continue", which is pressed.
 * Returns how many presses that took.
 */
export async function finishAfterCrash(
  w: Walk,
  target: () => SlackTarget,
  user: { id: string; name: string },
): Promise<number> {
  let presses = 0;
  while (recommendationPosts(w).length === 0) {
    if (presses++ > 3 * QUESTIONS) throw new Error("the walkthrough does not finish");
    const n = latestQuestion(w);
    const question = questionPosts(w, n)[0]!;
    const responseId = `recover${++recoveries}`;
    const next = () => (n < QUESTIONS ? questionPosts(w, n + 1)[0] : recommendationPosts(w)[0]);
    const { res } = await press(
      target(),
      { channel: w.channel, ts: tsOf(question), threadTs: w.thread, responseId },
      choiceFor(question, n),
      user,
    );
    expect(res.status).toBe(200);
    const outcome = await w.fake.waitFor(
      () =>
        next() ??
        w.fake.calls.find(
          (c) => c.responseId === responseId && findButton(c, (v) => v.type === "checklist.resume"),
        ),
      `question ${n + 1} or a Continue button`,
      30_000,
    );
    if (outcome.method === "response_url") {
      await pressContinue(w, target(), outcome);
      await w.fake.waitFor(next, `question ${n + 1} after Continue`, 30_000);
    }
  }
  return presses;
}
