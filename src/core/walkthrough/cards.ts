import type { ChecklistQuestion } from "../../knowledge/decisionSchema.ts";
import type { Responses } from "../../knowledge/schema.ts";
import type { Action } from "../action.ts";
import { fill } from "../fill.ts";
import { mention } from "../render/inline.ts";
import { button, reply } from "../replies/common.ts";
import type { Part, Reply } from "../reply.ts";
import { askedSteps, type WalkthroughState } from "./state.ts";

export type WalkthroughTexts = Responses["walkthrough"];

const plainName = (by: { id: string; name?: string }) => by.name ?? by.id;

const progress = (t: WalkthroughTexts, step: number, total: number) =>
  fill(t.progress, { n: step + 1, total });

/**
 * The card for the current question: progress, prompt, choices, skip and controls. It is
 * posted publicly in the walkthrough's `thread` and marked with the state's revision.
 */
export function questionCard(
  state: WalkthroughState,
  checklist: ChecklistQuestion[],
  t: WalkthroughTexts,
  thread: string | undefined,
): Reply {
  const q = checklist[state.step]!;
  const base = { walkthroughId: state.id, step: state.step };
  // Progress counts the questions this walkthrough asks (fewer when filled in from a description).
  const steps = askedSteps(
    state,
    checklist.map((c) => c.key),
  );
  const position = Math.max(0, steps.indexOf(state.step));
  const controls = [button(t.skip, { type: "checklist.answer", ...base, value: null })];
  if (position > 0) controls.push(button(t.back, { type: "checklist.control", ...base, op: "back" }));
  controls.push(button(t.restart, { type: "checklist.control", ...base, op: "restart" }));
  controls.push(button(t.cancel, { type: "checklist.control", ...base, op: "cancel" }, "danger"));
  const at = progress(t, position, steps.length);
  return reply(
    "checklist",
    [
      { type: "context", text: `${at} · ${q.title}` },
      { type: "heading", text: q.prompt },
      { type: "context", text: q.help },
      {
        type: "buttons",
        role: "choices",
        submit: t.answer,
        buttons: q.choices.map((c) => button(c.label, { type: "checklist.answer", ...base, value: c.value })),
      },
      { type: "buttons", role: "controls", buttons: controls },
    ],
    `${at}: ${q.prompt}`,
    { placement: "thread", ...(thread ? { thread } : {}), step: { walkthroughId: state.id, rev: state.rev } },
  );
}

/**
 * What a pressed question card turns into: the question with the choice and who made it.
 * `position` and `total` count the questions this walkthrough asks.
 */
export function answeredCard(
  q: ChecklistQuestion,
  value: string | null,
  by: { id: string; name?: string },
  position: number,
  total: number,
  t: WalkthroughTexts,
  /** The words of a typed sentence the answer was read from. */
  readFrom?: string,
  /** It answered the last question: no Back follows. */
  last = false,
): Reply {
  const label = value === null ? t.skipped : (q.choices.find((c) => c.value === value)?.label ?? value);
  const parts: Part[] = [
    { type: "context", text: `${progress(t, position, total)} · ${q.title}` },
    { type: "text", text: q.prompt },
    { type: "text", text: fill(t.answeredBy, { choice: label, name: mention(by) }) },
  ];
  if (readFrom)
    parts.push({
      type: "context",
      text: fill(last ? t.readFromWordsLast : t.readFromWords, { words: readFrom, back: t.back }),
    });
  return reply("checklist", parts, `${q.title}: ${label} (${plainName(by)})`, { placement: "replace" });
}

/** A pressed card for a control (back, restart, cancel): note what happened and who did it. */
export function controlCard(
  q: ChecklistQuestion,
  event: "back" | "restarted" | "cancelled",
  by: { id: string; name?: string },
  t: WalkthroughTexts,
): Reply {
  const template = { back: t.wentBack, restarted: t.restarted, cancelled: t.cancelled }[event];
  const text = fill(template, { name: mention(by) });
  return reply(
    "checklist",
    [
      { type: "context", text: q.title },
      { type: "text", text },
    ],
    fill(template, { name: plainName(by) }),
    { placement: "replace" },
  );
}

/** The answer before the current question, changed by a correction typed in the thread. */
export function correctedCard(
  q: ChecklistQuestion,
  before: string | null,
  after: string,
  by: { id: string; name?: string },
  words: string,
  t: WalkthroughTexts,
  thread: string | undefined,
): Reply {
  // The label's head ("Strong"), as the buttons read before their dash.
  const label = (value: string | null) => {
    if (value === null) return t.skipped;
    const full = q.choices.find((c) => c.value === value)?.label ?? value;
    return full.split("—")[0]!.trim();
  };
  const values = { question: q.title, before: label(before), after: label(after), words };
  return reply(
    "checklist",
    [{ type: "text", text: fill(t.correctedPrevious, { ...values, name: mention(by) }) }],
    fill(t.correctedPrevious, { ...values, name: plainName(by) }),
    { placement: "thread", ...(thread ? { thread } : {}) },
  );
}

/** A short private message with a working "Continue" button that posts the current step again. */
export function continueCard(text: string, label: string, action: Action): Reply {
  return reply(
    "notice",
    [
      { type: "text", text },
      { type: "buttons", role: "controls", buttons: [button(label, action, "primary")] },
    ],
    text,
    { visibility: "private" },
  );
}
