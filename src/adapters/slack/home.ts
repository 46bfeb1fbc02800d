import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;

import type { Action } from "../../core/action.ts";
import { fill } from "../../core/fill.ts";
import type { RecentWalkthrough } from "../../core/walkthrough/recent.ts";
import type { Responses } from "../../knowledge/schema.ts";
import { ACTION_PREFIX } from "./blocks.ts";

type HomeTexts = Responses["home"];

import { mrkdwn, neutralSlack } from "./mrkdwn.ts";

const button = (n: number, text: string, action: Action, style?: "primary") => ({
  type: "button" as const,
  action_id: `${ACTION_PREFIX}home:${n}`,
  text: { type: "plain_text" as const, text, emoji: true },
  value: JSON.stringify(action),
  ...(style ? { style } : {}),
});

/** Channel ids are safe to link as `<#C…>`; anything else is left out. */
const where = (w: RecentWalkthrough, t: HomeTexts) =>
  /^[CG][A-Z0-9]+$/.test(w.conversation)
    ? ` in <#${w.conversation}>`
    : /^D[A-Z0-9]+$/.test(w.conversation)
      ? t.inDm
      : "";

/** The App Home tab: what vmvc does, quick actions (answered in the DM) and recent walkthroughs. */
export function homeView(
  recent: RecentWalkthrough[],
  t: HomeTexts,
  title: (recommendation: string) => string = (id) => id,
  now: number = Date.now(),
): { type: "home"; blocks: KnownBlock[] } {
  const lines = recent.map((w) => {
    const days = Math.floor((now - w.startedAt) / 86_400_000);
    const age = days <= 0 ? t.today : days === 1 ? t.yesterday : fill(t.daysAgo, { days });
    const result = w.recommendation ? ` → *${neutralSlack(title(w.recommendation))}*` : "";
    return fill(t.line, { age, where: where(w, t), status: t[w.status], answered: w.answered, result });
  });
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t.header } },
    { type: "section", text: mrkdwn(t.intro) },
    {
      type: "actions",
      elements: [
        button(0, t.start, { type: "checklist.start" }, "primary"),
        button(1, t.topics, { type: "topics" }),
        button(2, t.myths, { type: "myths" }),
        button(3, t.compare, { type: "compare" }),
      ],
    },
    { type: "context", elements: [mrkdwn(t.quickNote)] },
    { type: "divider" },
    { type: "section", text: mrkdwn(t.recentHeading) },
    {
      type: "section",
      text: mrkdwn(lines.length > 0 ? lines.join("\n") : t.none),
    },
  ];
  return { type: "home", blocks };
}
