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
    expect(qa.asker.ask(q)).toMatchObject({ kind: "out-of-scope" });
    const a = askJson(q, qa);
    expect(a.answered).toBe(false);
    expect(a.text).toContain(decline.notCovered.replaceAll("`", ""));
    expect(a.text).not.toContain(decline.outOfScope.replaceAll("`", ""));
  });

  it("a question whose only subject words are general ones, and unsure, is not covered rather than 'outside'", () => {
    const q = "how do we handle staging?";
    expect(qa.asker.ask(q)).toMatchObject({ kind: "out-of-scope", rule: "general-words-only" });
    const a = askJson(q, qa);
    expect(a.answered).toBe(false);
    expect(a.text).toContain(decline.notCovered.replaceAll("`", ""));
  });
});
