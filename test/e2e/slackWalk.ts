import { expect } from "vitest";
import { buttonsOf, command, press, type SlackTarget, textOf } from "../adapters/slack/harness.ts";
import type { FakeSlack, SlackCall } from "../helpers/fakeSlack.ts";

/**
 * Drives a Slack checklist walkthrough through real server processes, the way Slack would:
 * reads the buttons of the messages the bot posted to the fake Slack API and presses them.
 * Every process shares the one fake, so what they post lands in one recorded thread.
 */
export const QUESTIONS = 11;

export interface Walk {
  fake: FakeSlack;
  channel: string;
  /** The root message's ts: the thread the walkthrough lives in. */
  thread: string;
}

export function tsOf(call: SlackCall): string {
  const ts = call.result?.ts;
  if (typeof ts !== "string") throw new Error(`no ts for ${call.method}`);
  return ts;
}

/** The bot's public posts in the walkthrough's thread. */
export function threadPosts(w: Walk): SlackCall[] {
  return w.fake.calls.filter(
    (c) => c.method === "chat.postMessage" && c.body.channel === w.channel && c.body.thread_ts === w.thread,
  );
}

/** Every post of "Question n of 11" (exactly one when nothing was applied twice). */
export function questionPosts(w: Walk, n: number): SlackCall[] {
  return threadPosts(w).filter((c) => String(c.body.text).startsWith(`Question ${n} of ${QUESTIONS}:`));
}

export function recommendationPosts(w: Walk): SlackCall[] {
  return threadPosts(w).filter((c) => String(c.body.text).startsWith("Recommendation:"));
}

/** chat.update calls on one message (an answered question card replaces its question). */
export function updatesOf(w: Walk, ts: string): SlackCall[] {
  return w.fake.calls.filter(
    (c) => c.method === "chat.update" && c.body.channel === w.channel && c.body.ts === ts,
  );
}

/** `/vmvc checklist` in `channel`; resolves once the root and the first question are posted. */
export async function startWalk(target: SlackTarget, channel: string): Promise<Walk> {
  const { fake } = target;
  const mark = fake.calls.length;
  const { res } = await command(target, "checklist", { channel, userName: "alice" });
  expect(res.status).toBe(200);
  const root = await fake.waitFor(
    () =>
      fake.calls
        .slice(mark)
        .find((c) => c.method === "chat.postMessage" && c.body.channel === channel && !c.body.thread_ts),
    "the checklist root",
    30_000,
  );
  expect(textOf(root)).toMatch(/Decision checklist/);
  const w = { fake, channel, thread: tsOf(root) };
  await waitQuestion(w, 1);
  return w;
}

export function waitQuestion(w: Walk, n: number): Promise<SlackCall> {
  return w.fake.waitFor(() => questionPosts(w, n)[0], `question ${n} of ${QUESTIONS}`, 30_000);
}

/** The answer button to press on question `n` (varied, so the recommendation depends on every answer). */
export function choiceFor(question: SlackCall, n: number): { action_id: string; value: string } {
  const choices = buttonsOf(question).filter((b) => {
    const v = JSON.parse(b.value) as { type?: string; value?: unknown };
    return v.type === "checklist.answer" && v.value !== null;
  });
  const choice = choices[n % choices.length];
  if (!choice) throw new Error(`question ${n} has no answer buttons`);
  return choice;
}

/**
 * Presses the answer to question `n` on `target` and waits until it is applied: the question is
 * replaced by its answered card and the next question (or the recommendation) is posted.
 */
export async function answer(
  w: Walk,
  target: SlackTarget,
  n: number,
  user: { id: string; name: string },
): Promise<void> {
  const question = await waitQuestion(w, n);
  const ts = tsOf(question);
  await press(target, { channel: w.channel, ts, threadTs: w.thread }, choiceFor(question, n), user);
  await waitApplied(w, n);
}

export async function waitApplied(w: Walk, n: number): Promise<void> {
  const ts = tsOf(await waitQuestion(w, n));
  await w.fake.waitFor(() => updatesOf(w, ts)[0], `the answered card of question ${n}`, 30_000);
  if (n < QUESTIONS) await waitQuestion(w, n + 1);
  else await w.fake.waitFor(() => recommendationPosts(w)[0], "the recommendation", 30_000);
}

/** Every question was asked once, answered (updated) once, and one recommendation arrived. */
export function expectEachAnswerOnce(w: Walk): void {
  for (let n = 1; n <= QUESTIONS; n++) {
    const posts = questionPosts(w, n);
    expect(posts, `posts of question ${n}`).toHaveLength(1);
    const updates = updatesOf(w, tsOf(posts[0]!));
    expect(updates, `updates of question ${n}`).toHaveLength(1);
    expect(textOf(updates[0]!)).toMatch(/answered by/);
  }
  const updates = w.fake.calls.filter((c) => c.method === "chat.update" && c.body.channel === w.channel);
  expect(updates).toHaveLength(QUESTIONS);
  expect(recommendationPosts(w)).toHaveLength(1);
  // Nothing else was posted in the thread: 11 questions and the recommendation.
  expect(threadPosts(w)).toHaveLength(QUESTIONS + 1);
}
