import { actionSchema } from "../../src/core/action.ts";
import type { Reply } from "../../src/core/reply.ts";

const PART_TYPES = [
  "heading",
  "subtitle",
  "text",
  "fields",
  "bars",
  "sources",
  "context",
  "table",
  "picker",
  "buttons",
  "divider",
];

/** What every reply must be for an adapter to render it; returns the problems (empty = fine). */
export function replySchemaCheck(reply: Reply): string[] {
  const problems: string[] = [];
  if (!reply.summary) problems.push("empty summary");
  if (!["here", "replace", "new-thread", "channel", "thread"].includes(reply.placement))
    problems.push("placement");
  for (const part of reply.parts) {
    if (!PART_TYPES.includes(part.type)) problems.push(`part ${part.type}`);
    if (part.type === "buttons" || part.type === "picker")
      for (const b of part.type === "buttons" ? part.buttons : part.options)
        if (!actionSchema.safeParse(b.action).success) problems.push(`button ${b.label}: invalid action`);
  }
  if (reply.inThread && !actionSchema.safeParse(reply.inThread).success) problems.push("inThread");
  return problems;
}
