import { describe, expect, it } from "vitest";
import { type Answers, decide, scored } from "../../../src/core/decision/index.ts";
import { scoreBar } from "../../../src/core/render/plainText.ts";
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

  it("on a close call, names an answer that would settle it under 'What would change it', and says Why's reasons once (blind trials')", () => {
    const answers = { deploys: "frequent", orchestration: "low", architecture: "monolith" } as const;
    const decision = decide(answers as Answers, knowledge);
    expect(decision.close).not.toBeNull();
    const { text } = card(answers as Answers);
    const settling = decision.close!.settle.map((k) => knowledge.checklist.find((q) => q.key === k)!.title);
    const change = text.split("\n").find((l) => l.startsWith("**What would change it:**"))!;
    expect(settling.some((t) => change.includes(`_${t}_`))).toBe(true);
    // "What counts against it" points to "Why" above instead of saying its reasons again.
    for (const r of decision.reasons) expect(text.split(r.text).length - 1, r.text).toBe(1);
    expect(text).toContain(knowledge.rules.labels.againstAsWhy);
  });

  it("says what its points mean, under the scores and beside the options leading so far", () => {
    const { labels } = knowledge.rules;
    const full = card({ deploys: "frequent", state: "stateless", compliance: "none" }).reply.parts;
    const bars = full.findIndex((p) => p.type === "bars");
    expect(full[bars + 1]).toEqual({ type: "context", text: labels.pointsNote });
    const { reply, text } = card({ deploys: "frequent" });
    expect(text).toMatch(new RegExp(`- Containers \\([\\d.-]+ ${labels.points}\\)`));
    // There, after what is known so far, and saying no option has won yet (a review's).
    const note = reply.parts.findIndex(
      (p) => p.type === "context" && p.text === labels.pointsNoteProvisional,
    );
    const leading = reply.parts.findIndex((p) => "text" in p && p.text.includes(`**${labels.leading}:**`));
    const known = reply.parts.findIndex(
      (p) =>
        "text" in p && p.text.startsWith(`- ${decide({ deploys: "frequent" }, knowledge).reasons[0]!.text}`),
    );
    expect([leading, known, note].every((i) => i >= 0)).toBe(true);
    expect(leading < known && known < note).toBe(true);
    expect(labels.pointsNoteProvisional).not.toBe(labels.pointsNote);
    // One point is one; the engine's own texts carry the unit too ("2 points against 3 points").
    expect([scored(1, labels), scored(-1, labels), scored(2.5, labels), scored(0, labels)]).toEqual([
      `1 ${labels.point}`,
      `-1 ${labels.point}`,
      `2.5 ${labels.points}`,
      `0 ${labels.points}`,
    ]);
  });

  it("names the hard requirement and marks ruled-out options below the pick", () => {
    const answers: Answers = {
      isolation: "hard",
      maturity: "high",
      deploys: "frequent",
      load: "spiky",
      architecture: "microservices",
      state: "stateless",
      orchestration: "high",
    };
    const { text, bars } = card(answers);
    expect(text).toContain("Recommendation: MicroVMs");
    expect(text).toContain("Hard requirement");
    const firstRuledOut = bars.findIndex((b) => b.label.includes(knowledge.rules.labels.ruledOut));
    const pick = bars.findIndex((b) => b.highlight);
    expect(pick).toBeLessThan(firstRuledOut);
    expect(bars.filter((b) => b.label.includes(knowledge.rules.labels.ruledOut)).length).toBe(4);
    // A ruled-out option scored above the pick here (trial 5's Containers 10 against MicroVMs 8)
    // keeps its score but draws no bar; the pick's bar is the full scale.
    const pickBar = bars[pick]!;
    const outScores = bars.filter((b) => b.ruledOut).map((b) => b.score);
    expect(Math.max(...outScores)).toBeGreaterThan(pickBar.score);
    expect(scoreBar(pickBar)).toBe("█".repeat(12));
    for (const b of bars.filter((x) => x.ruledOut)) expect(scoreBar(b)).toBe("░".repeat(12));
    for (const b of bars) expect(b.max).toBe(pickBar.score);
  });

  it("says how microVMs fit a container reason once, and only when microVMs are the pick", () => {
    const asides = [...new Set(knowledge.rules.rules.flatMap((r) => (r.aside ? [r.aside.text] : [])))];
    expect(asides.length).toBeGreaterThan(0);
    const count = (text: string) => asides.reduce((n, a) => n + text.split(a).length - 1, 0);
    const answers: Answers = {
      isolation: "hard",
      deploys: "frequent",
      architecture: "microservices",
      state: "stateless",
      maturity: "high",
    };
    const microvms = decide(answers, knowledge);
    expect(microvms.recommendation).toBe("microvms");
    expect(count(microvms.reasons.map((r) => r.text).join("\n"))).toBe(1);
    const containers = decide({ ...answers, isolation: "standard" }, knowledge);
    expect(containers.recommendation).not.toBe("microvms");
    expect(containers.reasons.length).toBeGreaterThan(2);
    expect(count(containers.reasons.map((r) => r.text).join("\n"))).toBe(0);
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
