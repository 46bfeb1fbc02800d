import { describe, expect, it } from "vitest";
import {
  checkBlockKitLimits,
  command,
  findButton,
  press,
  responseOf,
  textOf,
  useHarness,
} from "./harness.ts";

const h = useHarness();

const SOLARIS =
  "We're three engineers with a legacy Solaris app, a couple of releases a year and a regulator breathing down our neck — VMs or containers?";

describe("Slack: /vmvc recommend <description>", () => {
  it("shows what was understood and the recommendation; Refine starts a pre-filled walkthrough in a thread", async () => {
    const { res, responseId } = await command(h, `recommend ${SOLARIS}`, { channel: "CREC" });
    expect(res.status).toBe(200);
    const r = await responseOf(h, responseId, "the recommend reply");
    expect(checkBlockKitLimits(r.body)).toEqual([]);
    const text = textOf(r);
    expect(text).toContain("Here is what I understood");
    expect(text).toContain("from: “regulator”");
    expect(text).toContain("from: “couple of releases a year”");
    expect(text).toMatch(/Recommendation: Virtual machines/i);
    expect(findButton(r, (v) => v.type === "checklist.start" && Array.isArray(v.ask))).toBeDefined();

    const refine = findButton(r, (v, label) => v.type === "checklist.start" && /^Refine/.test(label))!;
    const before = h.fake.calls.length;
    await press(h, { channel: "CREC", ts: "1.1", ephemeral: true }, refine);
    const root = await h.fake.waitFor(
      () =>
        h.fake.since(before, "chat.postMessage").find((c) => c.body.channel === "CREC" && !c.body.thread_ts),
      "the walkthrough's root",
    );
    expect(textOf(root)).toContain("filled in from the description: 7 question(s) to go");
    const first = await h.fake.waitFor(
      () =>
        h.fake
          .since(before, "chat.postMessage")
          .find((c) => c.body.channel === "CREC" && typeof c.body.thread_ts === "string"),
      "the first open question",
    );
    expect(textOf(first)).toContain("Question 1 of 7");
    expect(textOf(first)).toContain("Isolation");
  });
});
