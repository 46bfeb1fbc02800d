import type { DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import type { DocumentInfo, Responses } from "../../knowledge/schema.ts";
import type { Answerable } from "../answerable.ts";
import { ANSWER_KEYS, type AnswerKey } from "../decision/contract.ts";
import type { Decision } from "../decision/index.ts";
import { fill } from "../fill.ts";
import { button, reply } from "../replies/common.ts";
import type { Button, Part, Reply } from "../reply.ts";
import { recommendationParts } from "../walkthrough/recommendationCard.ts";
import { newWalkthrough } from "../walkthrough/transitions.ts";
import type { Reading } from "./extract.ts";

export interface SituationContext {
  decision: DecisionKnowledge;
  documents: DocumentInfo[];
  responses: Responses;
}

/** Teams shows at most 6 actions in a row: change buttons go in rows of this many. */
const CHANGE_ROW = 5;

/**
 * The reply to a description: "Here is what I understood" (each answer with the words behind
 * it), the recommendation as the checklist's card shows it (or what is known so far), a button
 * that starts the walkthrough asking only the open questions, and one per understood answer that
 * asks that question again. `related`: the FAQ entry the question also matched, one press away.
 */
export function situationReply(
  reading: Reading,
  decision: Decision,
  ctx: SituationContext,
  related?: Answerable,
  /**
   * "what if …?" after a recommendation: its answers (`base`), which the reading changes, and
   * its decision (`before`). The reply lists only the changes, and says whether the pick moved.
   */
  whatIf?: { base: Record<string, string | null>; before: Decision; corrected?: boolean; fromOwn?: boolean },
): Reply {
  const t = ctx.responses.situation;
  const { checklist } = ctx.decision;
  const question = (key: AnswerKey) => checklist.find((q) => q.key === key);
  const keys = ANSWER_KEYS.filter((k) => reading.understood[k]);
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(whatIf?.base ?? {})) if (v !== null) answers[k] = v;
  for (const k of keys) answers[k] = reading.understood[k]!.value;

  const heading = whatIf ? (whatIf.corrected ? t.correctedHeading : t.whatIfHeading) : t.heading;
  const parts: Part[] = [{ type: "heading", text: heading }];
  if (keys.length === 0) {
    parts.push({ type: "text", text: t.nothingUnderstood });
  } else {
    parts.push({
      type: "fields",
      fields: keys.map((k) => {
        const u = reading.understood[k]!;
        const q = question(k);
        const value = q?.choices.find((c) => c.value === u.value)?.label ?? u.value;
        return { label: q?.title ?? k, value: fill(t.understood, { value, words: u.evidence }) };
      }),
    });
  }
  if (whatIf?.fromOwn) parts.push({ type: "context", text: t.whatIfFromOwn });
  if (whatIf && !whatIf.before.provisional && !decision.provisional)
    parts.push({
      type: "text",
      text:
        whatIf.before.recommendation === decision.recommendation
          ? fill(t.whatIfSame, { title: decision.title })
          : fill(t.whatIfChanged, { before: whatIf.before.title, title: decision.title }),
    });
  if (reading.conflicts.length > 0)
    parts.push({
      type: "context",
      text: fill(t.conflicts, {
        questions: reading.conflicts.map((k) => question(k)?.title ?? k).join(", "),
      }),
    });

  const menu: Button[] = [];
  if (keys.length > 0) {
    parts.push({ type: "divider" });
    const state = { ...newWalkthrough("described", { id: "-" }, 0), answers };
    parts.push(
      ...recommendationParts(decision, state, ctx.decision, ctx.documents, ctx.responses.walkthrough, {
        answers: false,
      }),
    );
    const open = decision.unanswered.length;
    if (open > 0)
      menu.push(
        button(
          open === 1 ? t.refineOne : fill(t.refine, { count: open }),
          { type: "checklist.start", answers },
          "primary",
        ),
      );
  } else {
    menu.push(button(ctx.responses.intents.checklistButton, { type: "checklist.start" }, "primary"));
  }
  if (menu.length > 0) parts.push({ type: "buttons", role: "menu", buttons: menu });
  const change = keys.map((k) =>
    button(fill(t.change, { question: question(k)?.title ?? k }), {
      type: "checklist.start",
      answers,
      ask: [k],
    }),
  );
  for (let i = 0; i < change.length; i += CHANGE_ROW)
    parts.push({
      type: "buttons",
      role: "controls",
      ...(i === 0 ? { label: t.changeLabel } : {}),
      buttons: change.slice(i, i + CHANGE_ROW),
    });
  if (related)
    parts.push({
      type: "buttons",
      role: "followups",
      label: ctx.responses.ui.related,
      buttons: [button(related.question, { type: "ask", entryId: related.id, via: "related" })],
    });

  const headline =
    keys.length === 0
      ? t.nothingUnderstood
      : decision.provisional
        ? `${heading}: ${ctx.decision.rules.labels.provisionalHeading}`
        : `${heading}. Recommendation: ${decision.title}`;
  return reply("recommendation", parts, headline);
}
