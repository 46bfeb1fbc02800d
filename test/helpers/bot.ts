import type { Action } from "../../src/core/action.ts";
import type { Asker } from "../../src/core/ask.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Button, Reply } from "../../src/core/reply.ts";
import type { Turn } from "../../src/core/turn.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir } from "../../src/paths.ts";
import type { StateStore } from "../../src/store/store.ts";

export const knowledge = loadKnowledge(knowledgeDir);

export function makeBot(store: StateStore): Bot {
  let n = 0;
  return new Bot({ knowledge, store, newId: () => `id${++n}` });
}

export const turn = (over: Partial<Turn> = {}): Turn => ({
  platform: "playground",
  user: { id: "u1", name: "Ada" },
  conversation: "c1",
  thread: "t1",
  via: "direct",
  ...over,
});

export const press = (action: Action, over: Partial<Turn> = {}): Turn =>
  turn({ via: "action", action, ...over });

/** Every button of a role in a reply list, in order. */
export function buttons(replies: Reply[], role?: string): Button[] {
  return replies.flatMap((r) =>
    r.parts.flatMap((p) => (p.type === "buttons" && (!role || p.role === role) ? p.buttons : [])),
  );
}

/**
 * A question the matcher answers only with "did you mean" suggestions. Which short, vague
 * question does that depends on the trained model, so tests take the first that does.
 */
export function vagueQuestion(bot: { qa: { asker: Asker } }): string {
  const candidates = [
    "docker kubernetes vm",
    "network storage vm",
    "migration security storage",
    "cost legacy migration",
    "hypervisor images security",
    "vms or containers",
    "kubernetes",
  ];
  const question = candidates.find((q) => bot.qa.asker.ask(q).kind === "no-match");
  if (!question) throw new Error("no candidate gets 'did you mean': add one to vagueQuestion()");
  return question;
}

/** The options of every picker (a menu on Slack and Teams) in the replies. */
export function pickerOptions(replies: Reply[]): Button[] {
  return replies.flatMap((r) => r.parts.flatMap((p) => (p.type === "picker" ? p.options : [])));
}
