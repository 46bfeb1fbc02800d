import { describe, expect, it } from "vitest";
import { cardOf, submitsOf, textOf } from "../../helpers/fakeConnector.ts";
import { teamsMessage, useTeamsApp } from "./harness.ts";

const { t, send } = useTeamsApp();

const SOLARIS =
  "We're three engineers with a legacy Solaris app, a couple of releases a year and a regulator breathing down our neck — VMs or containers?";

describe("Teams: recommend <description>", () => {
  it("shows what was understood and the recommendation; Change asks that one question again", async () => {
    const conversationId = "a:1personal-recommend";
    const [call] = await send(teamsMessage(t.connector, { conversationId, text: `recommend ${SOLARIS}` }));
    const card = cardOf(call!);
    const text = textOf(card);
    expect(text).toContain("Here is what I understood");
    expect(text).toContain("from: “regulator”");
    expect(text).toMatch(/Recommendation: Virtual machines/i);
    // At most 6 actions show in a Teams action set.
    const sizes: number[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const o = node as { type?: string; actions?: unknown[] };
        if (o.type === "ActionSet") sizes.push(o.actions?.length ?? 0);
        Object.values(o).forEach(walk);
      }
    };
    walk(card);
    expect(sizes.length).toBeGreaterThan(0);
    for (const n of sizes) expect(n).toBeLessThanOrEqual(6);

    const change = submitsOf(card).find(
      (s) => s.action.type === "checklist.start" && JSON.stringify(s.action.ask) === '["compliance"]',
    )!;
    expect(change).toBeDefined();
    const started = await send(
      teamsMessage(t.connector, { conversationId, value: change.data, replyToId: call!.id }),
      2,
    );
    const question = started.find((c) => /Question 1 of 1/.test(textOf(cardOf(c))))!;
    expect(textOf(cardOf(question))).toContain("Compliance");
    const none = submitsOf(cardOf(question)).find(
      (s) => s.action.type === "checklist.answer" && s.action.value === "none",
    )!;
    const calls = await send(
      teamsMessage(t.connector, { conversationId, value: none.data, replyToId: question.id }),
      2,
    );
    const final = calls.find((c) => c.kind === "reply")!;
    expect(textOf(cardOf(final))).toMatch(/Recommendation:/);
    expect(textOf(cardOf(final))).toContain("from the description");
  });
});
