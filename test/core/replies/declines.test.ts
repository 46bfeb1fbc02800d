import { describe, expect, it } from "vitest";
import { askJson } from "../../../src/adapters/cli/ask.ts";
import { buildQuestionAnswering } from "../../../src/core/questions.ts";
import { knowledge } from "../../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const { decline } = knowledge.responses;

describe("declines say why", () => {
  it("a question about something else is outside what the bot knows", () => {
    for (const q of ["recipe for banana bread", "how do i center a div"]) {
      const a = askJson(q, qa);
      expect(a.answered, q).toBe(false);
      expect(a.text, q).toContain(decline.outOfScope.replaceAll("`", ""));
    }
  });

  it("a question in the subject's words that the documents do not answer is said to be not covered", () => {
    // The five documents never discuss live migration (vMotion); the bot must not stretch another answer.
    const q = "can containers be live migrated like vmotion";
    expect(qa.asker.ask(q)).toMatchObject({ kind: "out-of-scope", generalOnly: false });
    const a = askJson(q, qa);
    expect(a.answered).toBe(false);
    expect(a.text).toContain(decline.notCovered.replaceAll("`", ""));
    expect(a.text).not.toContain(decline.outOfScope.replaceAll("`", ""));
  });

  it("a question naming only a product of ours the documents never mention is not called 'outside' our subject", () => {
    const q = "fargate pricing per vcpu hour";
    expect(qa.asker.ask(q)).toMatchObject({
      kind: "out-of-scope",
      rule: "no-subject-word",
      unnamed: ["Fargate"],
    });
    const a = askJson(q, qa);
    expect(a.answered).toBe(false);
    // Neutral, and saying why once: the documents never mention it.
    expect(a.text).toContain(decline.notCoveredNamed.replace("{names}", "Fargate").replaceAll("`", ""));
    expect(a.text).not.toContain(decline.outOfScope.replaceAll("`", ""));
    expect(a.text).not.toContain(decline.notInDocuments.replace("{names}", "Fargate"));
  });

  it("a question whose only subject words are general ones claims neither: not covered, and what the bot answers", () => {
    // Unsure of an entry (general-words-only), or an off-topic class more probable than any.
    for (const [q, rule] of [
      ["any advice on staging?", "general-words-only"],
      ["how do i write a sql join across three tables", "off-topic-class"],
    ] as const) {
      expect(qa.asker.ask(q), q).toMatchObject({ kind: "out-of-scope", rule, generalOnly: true });
      const a = askJson(q, qa);
      expect(a.answered, q).toBe(false);
      expect(a.text, q).toContain(decline.notCoveredGeneral.replaceAll("`", ""));
      // Not "That sounds like our subject": an SQL join is not.
      expect(a.text, q).not.toContain(decline.notCovered.replaceAll("`", ""));
    }
  });
});
