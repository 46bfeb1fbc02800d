import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { command, type Harness, startHarness, textOf } from "./harness.ts";

/** `/vmvc stats` is for the maintainers named in VMVC_STATS_USERS or VMVC_STATS_CHANNELS. */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ VMVC_STATS_USERS: "UMAINT", VMVC_STATS_CHANNELS: "CMAINT" });
  // A small usage history, as the bot records it.
  const insights = h.app.context.bot.insights;
  const at = Date.now();
  await insights.record({
    type: "question",
    askedId: "s1",
    at,
    platform: "slack",
    question: "can we run databases in containers?",
    outcome: "answered",
    entryId: "stateful-workloads-and-databases",
    confidence: 0.9,
  });
  for (const [i, q] of [
    "windows containers on a linux host",
    "running windows containers on linux",
  ].entries())
    await insights.record({
      type: "question",
      askedId: `s${i + 2}`,
      at,
      platform: "slack",
      question: q,
      outcome: "declined",
      confidence: 0.1,
    });
  await insights.record({ type: "feedback", at, entryId: "stateful-workloads-and-databases", vote: "down" });
});

afterAll(async () => {
  await h?.stop();
});

const reportFor = async (opts: { user: string; channel: string }) => {
  const { responseId } = await command(h, "stats", opts);
  const r = await h.fake.waitFor(
    () => h.fake.calls.find((c) => c.method === "response_url" && c.responseId === responseId),
    `the stats answer for ${opts.user} in ${opts.channel}`,
  );
  expect(r.body.response_type).toBe("ephemeral");
  return textOf(r);
};

describe("/vmvc stats on Slack", () => {
  it("shows the report to anyone in a configured channel, privately", async () => {
    const text = await reportFor({ user: "U3", channel: "CMAINT" });
    expect(text).toMatch(/Usage report/);
    expect(text).toContain("1 (33.3%)");
    expect(text).toMatch(/2× “(windows containers on a linux host|running windows containers on linux)”/);
    expect(text).toMatch(/stateful-workloads-and-databases.*1 👎/);
  });

  it("shows it to a configured user in any channel", async () => {
    expect(await reportFor({ user: "UMAINT", channel: "CELSEWHERE" })).toMatch(/Usage report/);
  });

  it("refuses the same person in another channel, without revealing anything", async () => {
    const text = await reportFor({ user: "U3", channel: "CELSEWHERE" });
    expect(text).toMatch(/only available to the maintainers/);
    expect(text).not.toMatch(/windows|33\.3%/);
  });
});
