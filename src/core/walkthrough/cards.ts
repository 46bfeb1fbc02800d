import type { ChecklistQuestion } from "../../knowledge/decisionSchema.ts";
import { button, reply } from "../replies/common.ts";
import type { Part, Reply } from "../reply.ts";
import type { WalkthroughState } from "./state.ts";

const mention = (by: { id: string; name?: string }) => by.name ?? by.id;

/** The card for the current question: progress, prompt, choices, skip and controls. */
export function questionCard(state: WalkthroughState, checklist: ChecklistQuestion[]): Reply {
  const q = checklist[state.step]!;
  const base = { walkthroughId: state.id, step: state.step };
  const controls = [button("Not sure / skip", { type: "checklist.answer", ...base, value: null })];
  if (state.step > 0) controls.push(button("◀ Back", { type: "checklist.control", ...base, op: "back" }));
  controls.push(button("↺ Restart", { type: "checklist.control", ...base, op: "restart" }));
  controls.push(button("✕ Cancel", { type: "checklist.control", ...base, op: "cancel" }, "danger"));
  const progress = `Question ${state.step + 1} of ${checklist.length}`;
  return reply(
    "checklist",
    [
      { type: "context", text: `${progress} · ${q.title}` },
      { type: "heading", text: q.prompt },
      { type: "context", text: q.help },
      {
        type: "buttons",
        role: "choices",
        buttons: q.choices.map((c) => button(c.label, { type: "checklist.answer", ...base, value: c.value })),
      },
      { type: "buttons", role: "controls", buttons: controls },
    ],
    `${progress}: ${q.prompt}`,
  );
}

/** What a pressed question card turns into: the question with the choice and who made it. */
export function answeredCard(
  q: ChecklistQuestion,
  value: string | null,
  by: { id: string; name?: string },
  step: number,
  total: number,
): Reply {
  const label =
    value === null ? "Not sure / skipped" : (q.choices.find((c) => c.value === value)?.label ?? value);
  const parts: Part[] = [
    { type: "context", text: `Question ${step + 1} of ${total} · ${q.title}` },
    { type: "text", text: `${q.prompt}\n✅ **${label}** — answered by ${mention(by)}` },
  ];
  return reply("checklist", parts, `${q.title}: ${label} (${mention(by)})`, { placement: "replace" });
}

/** A pressed card for a control (back, restart, cancel): note what happened and who did it. */
export function controlCard(
  q: ChecklistQuestion,
  event: "back" | "restarted" | "cancelled",
  by: { id: string; name?: string },
): Reply {
  const text = {
    back: `↩ ${mention(by)} went back to the previous question.`,
    restarted: `↺ ${mention(by)} restarted the checklist.`,
    cancelled: `✕ ${mention(by)} cancelled this checklist. Start a new one with \`checklist\`.`,
  }[event];
  return reply(
    "checklist",
    [
      { type: "context", text: q.title },
      { type: "text", text },
    ],
    text,
    { placement: "replace" },
  );
}
