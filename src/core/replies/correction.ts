import type { Answerable } from "../answerable.ts";
import type { Reply } from "../reply.ts";
import type { AnswerContext } from "./answers.ts";
import { button, reply } from "./common.ts";

/** How many other entries "Not what I asked" offers. */
export const CORRECTION_CHOICES = 3;

/**
 * What replaces an answer after "Not what I asked": the next best entries for the same question
 * as buttons (a pick is recorded as a correction), and a hint to rephrase or browse.
 */
export function correctionReply(others: Answerable[], ctx: AnswerContext, askedId: string): Reply {
  const c = ctx.responses.correction;
  const browse = {
    type: "buttons" as const,
    role: "menu" as const,
    buttons: [button(ctx.responses.ui.browseTopics, { type: "topics" as const })],
  };
  if (others.length === 0)
    return reply("decline", [{ type: "text", text: c.noOthers }, browse], c.noOthers, {
      placement: "replace",
    });
  return reply(
    "decline",
    [
      { type: "text", text: c.prompt },
      {
        type: "buttons",
        role: "suggestions",
        label: c.choicesLabel,
        buttons: others.map((e) =>
          button(e.question, { type: "ask", entryId: e.id, via: "correction", askedId }),
        ),
      },
      browse,
    ],
    c.prompt,
    { placement: "replace" },
  );
}
