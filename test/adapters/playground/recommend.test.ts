import { describe, expect, it } from "vitest";
import { usePlayground } from "./harness.ts";

const { turn } = usePlayground();

const SOLARIS =
  "We're three engineers with a legacy Solaris app, a couple of releases a year and a regulator breathing down our neck — VMs or containers?";

describe("playground: a description of a situation", () => {
  it("typed in plain words gets what was understood and a recommendation; Refine asks only what is missing", async () => {
    const [, reply] = await turn({ session: "sess-recommend", text: SOLARIS });
    expect(reply).toMatchObject({ from: "bot", kind: "recommendation" });
    const fields = reply!.parts.flatMap((p) => (p.type === "fields" ? p.fields : []));
    expect(fields.map((f) => f.label)).toEqual([
      "Compliance",
      "Deploy frequency",
      "Several operating systems",
      "Legacy software",
    ]);
    expect(JSON.stringify(reply!.parts)).toContain("from: “regulator”");
    const refine = reply!.parts.flatMap((p) =>
      p.type === "buttons" && p.role === "menu" ? p.buttons : [],
    )[0]!;
    expect(refine.label).toBe("Refine: answer the 7 open questions");

    const [root, card] = await turn({
      session: "sess-recommend",
      action: refine.action,
      messageId: reply!.id,
    });
    expect(root).toMatchObject({ placement: "new-thread", kind: "checklist" });
    expect(card).toMatchObject({ thread: root!.id, kind: "checklist" });
    expect(JSON.stringify(card!.parts)).toContain("Question 1 of 7 · Isolation");
  });
});
