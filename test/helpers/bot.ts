import type { Action } from "../../src/core/action.ts";
import type { Asker } from "../../src/core/ask.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Button, Reply } from "../../src/core/reply.ts";
import type { Turn } from "../../src/core/turn.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir } from "../../src/paths.ts";
import { createStore } from "../../src/store/index.ts";
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

/**
 * The first reply to each of `messages`, said in turn in one conversation with a fresh bot (a
 * `recommend …` sent as the command, anything else as a direct message).
 */
export async function conversation(...messages: string[]): Promise<Reply[]> {
  const bot = makeBot(await createStore("memory:"));
  const out: Reply[] = [];
  for (const text of messages) {
    const via = text.startsWith("recommend ") ? ("command" as const) : ("direct" as const);
    const [r] = await bot.handle(turn({ text, via }));
    out.push(r!);
  }
  return out;
}

/** The title of a recommendation by its id ("Containers"). */
export const recommendationTitle = (id: string): string =>
  knowledge.decision.recommendations.find((r) => r.id === id)!.title;

/** A team the engine recommends containers for; strict compliance moves it to Kubernetes on VMs. */
export const CONTAINERS_TEAM =
  "recommend we run 40 microservices, steady traffic, a small ops team, no compliance";

export const press = (action: Action, over: Partial<Turn> = {}): Turn =>
  turn({ via: "action", action, ...over });

/** Every button of a role in a reply list, in order. */
export function buttons(replies: Reply[], role?: string): Button[] {
  return replies.flatMap((r) =>
    r.parts.flatMap((p) => (p.type === "buttons" && (!role || p.role === role) ? p.buttons : [])),
  );
}

/**
 * A question the matcher answers only with "did you mean" suggestions. Which vague question does
 * that depends on the trained model, so the first of a fixed, ordered list of three-topic-word
 * questions that does is taken (the same model always gives the same one).
 */
export function vagueQuestion(bot: { qa: { asker: Asker } }): string {
  const words = ["cost", "security", "kubernetes", "vm", "container", "storage", "teams", "images"];
  const words2 = ["network", "migration", "docker", "hypervisor", "scaling", "legacy", "kernel"];
  for (const a of words)
    for (const b of words2)
      for (const c of [...words, ...words2]) {
        if (c === a || c === b) continue;
        const question = `${a} ${b} ${c}`;
        if (bot.qa.asker.ask(question).kind === "no-match") return question;
      }
  throw new Error("no three-topic-word question gets 'did you mean': widen vagueQuestion()");
}

/**
 * A question the matcher answers unsurely (a best guess, with runner-ups offered beside it), found
 * among two-word combinations of subject words so that no test depends on one phrasing's score.
 */
export function unsureQuestion(bot: { qa: { asker: Asker } }): string {
  const words = ["containers", "vms", "kubernetes", "docker", "hypervisor", "images", "kernel"];
  const words2 = ["per core", "on laptops", "for students", "at night", "in stores", "for robots", "by hand"];
  for (const a of words)
    for (const b of words2) {
      const question = `how many ${a} ${b}`;
      const outcome = bot.qa.asker.ask(question);
      if (outcome.kind === "answer" && outcome.alternatives) return question;
    }
  throw new Error("no question gets an unsure answer: widen unsureQuestion()");
}

/** The options of every picker (a menu on Slack and Teams) in the replies. */
export function pickerOptions(replies: Reply[]): Button[] {
  return replies.flatMap((r) => r.parts.flatMap((p) => (p.type === "picker" ? p.options : [])));
}
