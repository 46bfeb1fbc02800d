import { createInterface } from "node:readline";
import type { Action } from "../../core/action.ts";
import { Bot } from "../../core/bot.ts";
import { plainText } from "../../core/render/plainText.ts";
import type { Button, Reply } from "../../core/reply.ts";
import type { Turn } from "../../core/turn.ts";
import type { Knowledge } from "../../knowledge/load.ts";
import { createStore } from "../../store/index.ts";
import type { CliIo } from "./io.ts";

/**
 * `vmvc checklist`: the same walkthrough as in chat, driven through `Bot.handle` with an
 * in-memory store. Each question lists its choices by number; type a number, or
 * s (skip), b (back), r (restart), q (quit).
 */
export async function checklistCommand(io: CliIo, knowledge: Knowledge): Promise<number> {
  const store = await createStore("memory:");
  const bot = new Bot({ knowledge, store });
  const base: Omit<Turn, "via"> = {
    platform: "cli",
    user: { id: "cli", name: "you" },
    conversation: "cli",
    thread: "cli",
  };
  let replies = await bot.handle({ ...base, via: "action", action: { type: "checklist.begin" } });
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const input = lines[Symbol.asyncIterator]();
  try {
    for (;;) {
      const buttons = show(replies, io);
      if (buttons.length === 0) return 0;
      io.stdout.write("> ");
      const next = await input.next();
      if (next.done) return 0;
      const action = pick(next.value.trim().toLowerCase(), buttons);
      if (action === "quit") return 0;
      if (!action) {
        io.stdout.write("Type a choice number, s (skip), b (back), r (restart) or q (quit).\n");
        continue;
      }
      replies = await bot.handle({ ...base, via: "action", action });
    }
  } finally {
    lines.close();
    await store.close();
  }
}

/** Prints the replies and returns the walkthrough buttons of the last question card, if any. */
function show(replies: Reply[], io: CliIo): Button[] {
  // A replaced card (the pressed question) is confirmed in one line; the rest is printed in full.
  for (const r of replies.filter((r) => r.placement === "replace")) io.stdout.write(`✓ ${r.summary}\n`);
  const shown = replies.filter((r) => r.placement !== "replace");
  const withoutChoices = shown.map((r) => ({
    ...r,
    parts: r.parts.filter((p) => !(p.type === "buttons" && p.role === "choices")),
  }));
  io.stdout.write(`\n${plainText(withoutChoices)}\n`);
  const last = shown.at(-1);
  if (last?.kind !== "checklist") return [];
  const buttons = last.parts.flatMap((p) =>
    p.type === "buttons" && (p.role === "choices" || p.role === "controls") ? p.buttons : [],
  );
  const choices = buttons.filter((b) => b.action.type === "checklist.answer" && b.action.value !== null);
  io.stdout.write(
    `${choices.map((b, i) => `  ${i + 1}) ${b.label}`).join("\n")}\n  s) not sure / skip   b) back   r) restart   q) quit\n`,
  );
  return buttons;
}

function pick(text: string, buttons: Button[]): Action | "quit" | undefined {
  if (text === "q") return "quit";
  const choices = buttons.filter((b) => b.action.type === "checklist.answer" && b.action.value !== null);
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1]!.action;
  const find = (test: (a: Action) => boolean) => buttons.find((b) => test(b.action))?.action;
  if (text === "s") return find((a) => a.type === "checklist.answer" && a.value === null);
  const op = { b: "back", r: "restart" }[text];
  if (op) return find((a) => a.type === "checklist.control" && a.op === op);
  return undefined;
}
