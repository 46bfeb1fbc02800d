import { describe, expect, it } from "vitest";
import { type DecisionInput, decide } from "../../../src/core/matcher/decide.ts";
import { defaultMatcherParams } from "../../../src/core/matcher/params.ts";
import { buildQuestionAnswering } from "../../../src/core/questions.ts";
import { answerReply, askReply } from "../../../src/core/replies/answers.ts";
import { knowledge, unsureQuestion } from "../../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const { answer } = knowledge.responses;
const params = defaultMatcherParams.decide;

function result(scores: number[]): DecisionInput {
  return {
    ranked: scores.map((score, i) => ({ id: `e${i}`, score })),
    confidence: scores[0] ?? 0,
    offTopic: 0,
    known: 1,
    onTopic: true,
    generalOnly: false,
    sides: 0,
  };
}

describe("an unsure answer says so and offers the runner-ups (params.decide.sure)", () => {
  it("below `sure`, the answer is unsure and carries the runner-ups at or above `suggest`; at or above it, none", () => {
    const unsure = decide(result([params.sure - 0.05, 0.1, 0.05, params.suggest / 2]), params);
    expect(unsure).toMatchObject({ kind: "answer", id: "e0", unsure: true, alternatives: ["e1", "e2"] });
    const sure = decide(result([params.sure, 0.1, 0.05]), params);
    expect(sure).toMatchObject({ kind: "answer", id: "e0", unsure: false, alternatives: [] });
    // A runner-up on the same subject (a glossary term and its FAQ entry) is no alternative.
    const same = decide(result([params.sure - 0.05, 0.1, 0.05]), params, (a, b) => a === "e0" && b === "e1");
    expect(same).toMatchObject({ kind: "answer", alternatives: ["e2"] });
  });

  it("the reply says it is a best guess before the answer, and offers the runner-ups as buttons after it", () => {
    const question = unsureQuestion({ qa });
    const outcome = qa.asker.ask(question);
    if (outcome.kind !== "answer" || !outcome.alternatives) throw new Error(`not unsure: ${question}`);
    expect(outcome.confidence).toBeLessThan(params.sure);
    const reply = askReply(outcome, qa.context, "asked-1");
    const kinds = reply.parts.map((p) => (p.type === "buttons" ? `buttons:${p.role}` : p.type));
    const hedge = reply.parts.findIndex((p) => p.type === "context" && p.text === answer.bestGuess);
    const offers = kinds.indexOf("buttons:suggestions");
    expect(hedge).toBeGreaterThan(0);
    expect(hedge).toBeLessThan(kinds.indexOf("text"));
    expect(offers).toBeGreaterThan(kinds.indexOf("text"));
    expect(offers).toBeLessThan(kinds.indexOf("buttons:feedback"));
    const buttons = reply.parts[offers]!;
    if (buttons.type !== "buttons") throw new Error("not buttons");
    expect(buttons.label).toBe(answer.alternatives);
    expect(buttons.buttons.map((b) => b.action)).toEqual(
      outcome.alternatives.map((a) => ({
        type: "ask",
        entryId: a.id,
        via: "suggestion",
        askedId: "asked-1",
      })),
    );
    expect(buttons.buttons.map((b) => b.label)).toEqual(outcome.alternatives.map((a) => a.question));
  });

  it("never offers the answer itself, one of its related questions (shown anyway), or two on one subject", () => {
    const words = [
      "containers",
      "vms",
      "kubernetes",
      "docker",
      "kernel",
      "images",
      "storage",
      "cost",
      "staging",
    ];
    const tails = ["per core", "on laptops", "at night", "in stores", "by hand", "for students", "and caps"];
    let unsure = 0;
    for (const a of words)
      for (const b of tails)
        for (const q of [`how many ${a} ${b}`, `${a} ${b}?`, `is ${a} ok ${b}`]) {
          const outcome = qa.asker.ask(q);
          if (outcome.kind !== "answer" || !outcome.unsure) continue;
          unsure++;
          const offered = outcome.alternatives ?? [];
          expect(offered.length, q).toBeLessThanOrEqual(2);
          for (const o of offered) {
            expect(o.id, q).not.toBe(outcome.entry.id);
            expect(outcome.entry.related, q).not.toContain(o.id);
          }
          // One subject: a glossary term and the FAQ entry it links with (Matcher.sameSubject).
          const [x, y] = offered;
          if (x && y)
            expect(x.kind !== y.kind && (x.related.includes(y.id) || y.related.includes(x.id)), q).toBe(
              false,
            );
        }
    expect(unsure).toBeGreaterThan(5);
  });

  it("an unsure answer with nothing to offer still says it is a best guess", () => {
    const entry = qa.entries[0]!;
    const reply = answerReply(entry, qa.context, "asked-2", { unsure: true });
    expect(reply.parts.some((p) => p.type === "context" && p.text === answer.bestGuessAlone)).toBe(true);
    expect(reply.parts.some((p) => p.type === "buttons" && p.role === "suggestions")).toBe(false);
  });

  it("a sure answer has neither", () => {
    const outcome = qa.asker.ask("what is a hypervisor?");
    expect(outcome).toMatchObject({ kind: "answer" });
    if (outcome.kind !== "answer") return;
    expect(outcome.confidence).toBeGreaterThanOrEqual(params.sure);
    expect(outcome.alternatives).toBeUndefined();
    const reply = askReply(outcome, qa.context);
    expect(reply.parts.some((p) => p.type === "context" && p.text === answer.bestGuess)).toBe(false);
    expect(reply.parts.some((p) => p.type === "buttons" && p.role === "suggestions")).toBe(false);
  });
});
