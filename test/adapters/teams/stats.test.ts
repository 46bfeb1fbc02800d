import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/app.ts";
import { knowledge } from "../../helpers/bot.ts";
import { cardOf, FakeConnector, textOf } from "../../helpers/fakeConnector.ts";
import { post, startTestApp, teamsMessage, USER } from "./harness.ts";

/** `stats` on Teams: only the AAD users and teams/channels in VMVC_STATS_TEAMS_*; denied by default. */
let connector: FakeConnector;
let app: RunningApp;
let base: string;

const MAINTAINER = {
  id: "29:user-grace",
  name: "Grace",
  aadObjectId: "00000000-0000-0000-0000-0000000000b2",
};

beforeAll(async () => {
  connector = await new FakeConnector().start();
  ({ app, base } = await startTestApp({
    VMVC_STATS_TEAMS_USERS: MAINTAINER.aadObjectId,
    VMVC_STATS_TEAMS_CHANNELS: "19:team-maint",
    // Slack's list must not open Teams: the same id on the wrong platform gets nothing.
    VMVC_STATS_USERS: USER.id,
  }));
  // A question a Slack user asked: what a Teams user must not see unless allowed.
  await app.context.bot.insights.record({
    type: "question",
    askedId: "slack-secret",
    at: Date.now(),
    platform: "slack",
    question: "how do we migrate the payroll mainframe",
    outcome: "declined",
    confidence: 0.1,
  });
});

afterAll(async () => {
  await app?.stop();
  await connector?.stop();
});

async function statsAs(options: Parameters<typeof teamsMessage>[1]): Promise<string> {
  const from = connector.calls.length;
  const res = await post(base, teamsMessage(connector, { text: "stats", ...options }));
  expect(res.status).toBe(200);
  const [call] = await connector.waitFor((calls) => calls.length >= 1, from);
  return textOf(cardOf(call!));
}

describe("stats on Teams", () => {
  it("refuses a Teams user who is not on the list, politely and without any of the report", async () => {
    const text = await statsAs({ scope: "channel", mention: true });
    expect(text).toContain(knowledge.responses.errors.statsRefused);
    expect(text).not.toMatch(/payroll|Usage report/);
    // The same in a personal chat.
    expect(await statsAs({})).not.toMatch(/payroll|Usage report/);
  });

  it("shows the report to a listed user (by AAD object id), and to anyone in a listed team", async () => {
    expect(await statsAs({ from: MAINTAINER })).toMatch(/Usage report[\s\S]*payroll/);
    const inTeam = teamsMessage(connector, { text: "stats", scope: "channel", mention: true });
    (inTeam.channelData as { team: { id: string } }).team.id = "19:team-maint";
    const from = connector.calls.length;
    expect((await post(base, inTeam)).status).toBe(200);
    const [call] = await connector.waitFor((calls) => calls.length >= 1, from);
    expect(textOf(cardOf(call!))).toMatch(/Usage report/);
  });
});
