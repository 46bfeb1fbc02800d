import type { Action } from "../../src/core/action.ts";
import type { Bot } from "../../src/core/bot.ts";
import { askReply } from "../../src/core/replies/answers.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { Platform, Turn } from "../../src/core/turn.ts";

/** A user whose display name and questions try every markdown trick. */
export const EVIL_NAME = "Eve **bold** _it_ [pwn](https://evil.example/name)";
export const EVIL_LINK = "[link](https://evil.example)";
export const EVIL_HOST = "evil.example";

/**
 * Every kind of reply the bot sends in one full run, on one platform: help, an answer,
 * did-you-mean, compare (overview, all, one aspect, unknown), topics, myths, stats, the
 * whole checklist with its answered cards and the recommendation, and the error replies.
 */
export async function fullRun(bot: Bot, platform: Platform): Promise<{ name: string; reply: Reply }[]> {
  const out: { name: string; reply: Reply }[] = [];
  const user = { id: platform === "slack" ? "U0EVE" : "29:eve", name: EVIL_NAME };
  const base = { platform, user, conversation: "c-full", via: "direct" as const };
  const say = async (name: string, text: string, extra: Partial<Turn> = {}) => {
    const replies = await bot.handle({ ...base, text, ...extra });
    for (const [i, reply] of replies.entries())
      out.push({ name: replies.length > 1 ? `${name} #${i + 1}` : name, reply });
    return replies;
  };
  const press = async (name: string, action: Action, extra: Partial<Turn> = {}) => {
    const replies = await bot.handle({ ...base, via: "action", action, ...extra });
    for (const [i, reply] of replies.entries())
      out.push({ name: replies.length > 1 ? `${name} #${i + 1}` : name, reply });
    return replies;
  };

  await say("help", "help");
  await say("answer", "can we run databases in containers?");
  const entries = bot.qa.entries;
  out.push({
    name: "did-you-mean",
    reply: askReply(
      { kind: "no-match", confidence: 0.2, suggestions: entries.slice(0, 3), why: "unsure" },
      bot.qa.context,
      "asked1",
    ),
  });
  await say("compare", "compare");
  await say("compare all", "compare all");
  await say("compare aspect", "compare boot time");
  await say("compare unknown", `compare ${EVIL_LINK}`);
  await say("topics", "topics");
  await say("topic", "topics security");
  await say("topic unknown", `topics ${EVIL_LINK} *bold* ~strike~ \`code\``);
  await say("myths", "myths");
  await say("out of scope", "what's a good pizza place nearby");
  // Unanswered questions with markdown in them, for the usage report to echo.
  for (const text of [`${EVIL_LINK} what is this`, "*bold* & <!channel> ~strike~ ```fence```"])
    await bot.handle({ ...base, text });
  await say("stats", "stats", { platform: "playground" });

  // The whole checklist: the root, each question, each pressed card, the recommendation.
  const [root] = await say("checklist", "checklist");
  const thread = "t-full";
  let replies = await press("checklist begin", root!.inThread!, { thread });
  for (let i = 0; i < 20; i++) {
    const question = replies.find(
      (r) => r.kind === "checklist" && r.parts.some((p) => p.type === "buttons" && p.role === "choices"),
    );
    if (!question) break;
    const choices = question.parts.find((p) => p.type === "buttons" && p.role === "choices");
    if (choices?.type !== "buttons") break;
    replies = await press(`checklist answer ${i + 1}`, choices.buttons[i % choices.buttons.length]!.action, {
      thread,
    });
    if (replies.some((r) => r.kind === "recommendation")) break;
  }
  out.push({ name: "error", reply: bot.errorReply(new Error("boom")) });
  out.push({ name: "unreadable button", reply: bot.unreadableButton() });
  return out;
}
