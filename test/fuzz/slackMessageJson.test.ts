import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messageJson, renderReply } from "../../src/adapters/slack/blocks.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { answerReply } from "../../src/core/replies/answers.ts";
import type { Part, Reply } from "../../src/core/reply.ts";
import { knowledge } from "../helpers/bot.ts";
import { hostileText } from "./hostile.ts";

const qa = buildQuestionAnswering(knowledge);
const fields = { response_type: "ephemeral" };
const same = (reply: Reply) => {
  // Byte for byte, compared as latin1 strings: one character a byte, and far quicker than
  // comparing two Buffers element by element (which made this file time out under load).
  for (const m of renderReply(reply, { extraButtons: [{ label: "Share", action: { type: "share" } }] }))
    expect(messageJson(fields, m).toString("latin1")).toBe(
      Buffer.from(JSON.stringify({ ...fields, text: m.text, blocks: m.blocks })).toString("latin1"),
    );
};

describe("messageJson: the Slack ack's JSON with the kept blocks' JSON reused", () => {
  it("is what JSON.stringify gives for every entry's answer, the first time and again", () => {
    for (const entry of qa.entries)
      for (const askedId of ["a1", "b2", undefined]) {
        same(answerReply(entry, qa.context, askedId));
        same(answerReply(entry, qa.context, askedId, { focus: "a sentence of a longer question?" }));
      }
  });

  it("is what JSON.stringify gives for any text, in parts kept (frozen) or not", () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (t, freeze) => {
        const parts: Part[] = [
          { type: "subtitle", text: t },
          { type: "text", text: t },
          { type: "context", text: t },
          { type: "heading", text: t },
          { type: "buttons", role: "feedback", label: t, buttons: [{ label: t, action: { type: "help" } }] },
        ];
        const reply: Reply = {
          parts: freeze ? parts.map((p) => Object.freeze(p)) : parts,
          placement: "here",
          visibility: "public",
          summary: t,
          kind: "answer",
        };
        same(reply);
        same(reply);
      }),
      { numRuns: 200 },
    );
  });
});
