import { describe, expect, it } from "vitest";
import { type Answers, decide } from "../../../src/core/decision/index.ts";
import type { Part } from "../../../src/core/reply.ts";
import { recommendationReply } from "../../../src/core/walkthrough/recommendationCard.ts";
import type { WalkthroughState } from "../../../src/core/walkthrough/state.ts";
import { loadKnowledge } from "../../../src/knowledge/load.ts";
import { knowledgeDir } from "../../../src/paths.ts";
import { knowledgeOrThrow } from "./fixtures.ts";

/** The walkthrough's final card, built by the real card builder for a given set of answers. */
const knowledge = knowledgeOrThrow();
const responses = loadKnowledge(knowledgeDir).responses;

function card(answers: Answers) {
  const state: WalkthroughState = {
    schema: 1,
    id: "w1",
    rev: 11,
    status: "finished",
    step: 11,
    answers: Object.fromEntries(
      knowledge.checklist.map((q) => [q.key, answers[q.key as keyof Answers] ?? null]),
    ),
    history: [],
    startedBy: { id: "u1" },
    startedAt: 0,
    updatedAt: 0,
  };
  const reply = recommendationReply(decide(answers, knowledge), state, knowledge, [], responses.walkthrough);
  const text = reply.parts.map((p: Part) => ("text" in p ? p.text : "")).join("\n");
  const bars = reply.parts.flatMap((p) => (p.type === "bars" ? p.bars : []));
  return { reply, text, bars };
}

describe("the walkthrough's final card", () => {
  it("shows no headline when every question was skipped: what leads and which questions decide", () => {
    const { reply, text } = card({});
    expect(text).not.toContain("Recommendation:");
    expect(reply.parts[0]).toEqual({ type: "heading", text: knowledge.rules.labels.provisionalHeading });
    expect(text).toContain(knowledge.rules.labels.leading);
    expect(text).toContain(knowledge.rules.labels.decisive);
  });

  it("names the hard requirement and marks ruled-out options below the pick", () => {
    const answers: Answers = { isolation: "hard", maturity: "high", deploys: "frequent", load: "spiky" };
    const { text, bars } = card(answers);
    expect(text).toContain("Recommendation: MicroVMs");
    expect(text).toContain("Hard requirement");
    const firstRuledOut = bars.findIndex((b) => b.label.includes(knowledge.rules.labels.ruledOut));
    const pick = bars.findIndex((b) => b.highlight);
    expect(pick).toBeLessThan(firstRuledOut);
    expect(bars.filter((b) => b.label.includes(knowledge.rules.labels.ruledOut)).length).toBe(4);
  });

  it("says when it was a close call", () => {
    const answers: Answers = {
      maturity: "high",
      orchestration: "high",
      deploys: "frequent",
      isolation: "standard",
    };
    const d = decide(answers, knowledge);
    expect(d.close).not.toBeNull();
    expect(card(answers).text).toContain(`**${knowledge.rules.labels.closeCall}:** ${d.close?.text}`);
  });
});
