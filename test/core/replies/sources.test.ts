import { describe, expect, it } from "vitest";
import { answerablesOf } from "../../../src/core/answerable.ts";
import { plainText } from "../../../src/core/render/plainText.ts";
import { answerReply } from "../../../src/core/replies/answers.ts";
import { citeAll, docRef, sourceLabel } from "../../../src/core/replies/common.ts";
import { knowledge } from "../../helpers/bot.ts";

describe("the sources line", () => {
  it("shows the short reference the text uses, the document's short title and the section", () => {
    const [s] = citeAll(
      [{ doc: "003_4995cd5061691873.txt", section: "Pros and Cons Deep Dive" }],
      knowledge.documents,
    );
    expect(s).toMatchObject({ ref: "003", title: "Making an informed decision" });
    expect(s!.label).toBe("003 · Making an informed decision, “Pros and Cons Deep Dive”");
    expect(docRef("not-a-seed.md")).toBe("not-a-seed.md");
    // Headings that are quoted questions keep their own quotes.
    expect(
      sourceLabel("000", "Process-centric comparison", '"Can\'t we just containerize our monolith?"'),
    ).toBe('000 · Process-centric comparison, "Can\'t we just containerize our monolith?"');
  });

  it("lets a reader match every (00N) in an answer to a source of the same number", () => {
    const all = answerablesOf(knowledge);
    const ctx = { documents: knowledge.documents, responses: knowledge.responses, entry: () => undefined };
    const unmatched = all.flatMap((entry) => {
      const text = plainText([answerReply(entry, ctx)]);
      const [body, sources = ""] = text.split(/\nSources: /);
      const named = [...(body ?? "").matchAll(/\((\d{3})[,)]/g)].map((m) => m[1]!);
      return named.filter((ref) => !sources.includes(`${ref} · `)).map((ref) => `${entry.id}: (${ref})`);
    });
    expect(unmatched).toEqual([]);
  });
});
