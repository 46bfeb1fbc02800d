import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;

import type { Action } from "../../core/action.ts";
import type { RecentWalkthrough } from "../../core/walkthrough/recent.ts";
import { ACTION_PREFIX } from "./blocks.ts";
import { neutralSlack } from "./mrkdwn.ts";

const button = (n: number, text: string, action: Action, style?: "primary") => ({
  type: "button" as const,
  action_id: `${ACTION_PREFIX}home:${n}`,
  text: { type: "plain_text" as const, text, emoji: true },
  value: JSON.stringify(action),
  ...(style ? { style } : {}),
});

const STATUS = { active: "in progress", finished: "finished", cancelled: "cancelled" } as const;

/** Channel ids are safe to link as `<#C…>`; anything else is shown escaped. */
const where = (w: RecentWalkthrough) =>
  /^[CG][A-Z0-9]+$/.test(w.conversation)
    ? ` in <#${w.conversation}>`
    : /^D[A-Z0-9]+$/.test(w.conversation)
      ? " in our DM"
      : "";

/** The App Home tab: what vmvc does, quick actions (answered in the DM) and recent walkthroughs. */
export function homeView(
  recent: RecentWalkthrough[],
  title: (recommendation: string) => string = (id) => id,
  now: number = Date.now(),
): { type: "home"; blocks: KnownBlock[] } {
  const lines = recent.map((w) => {
    const days = Math.floor((now - w.startedAt) / 86_400_000);
    const age = days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
    const result = w.recommendation ? ` → *${neutralSlack(title(w.recommendation))}*` : "";
    return `• Started ${age}${where(w)}: ${STATUS[w.status]}, ${w.answered} answered${result}`;
  });
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "vmvc: VMs, containers or both?" } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: "I help teams choose between virtual machines, containers and the hybrids in between, with every answer sourced.\nAsk with `/vmvc <question>`, mention me in a channel, or message me here. `/vmvc checklist` runs a threaded walkthrough that ends in a recommendation.",
      },
    },
    {
      type: "actions",
      elements: [
        button(0, "Start a checklist", { type: "checklist.start" }, "primary"),
        button(1, "Browse topics", { type: "topics" }),
        button(2, "Myths", { type: "myths" }),
        button(3, "Compare", { type: "compare" }),
      ],
    },
    { type: "context", elements: [{ type: "mrkdwn", text: "Quick actions answer in our direct messages." }] },
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: "*Your recent walkthroughs*" } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          lines.length > 0
            ? lines.join("\n")
            : "None yet. Start one with the button above or `/vmvc checklist`.",
      },
    },
  ];
  return { type: "home", blocks };
}
