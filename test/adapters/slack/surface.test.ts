import { SocketModeReceiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createSlackApp } from "../../../src/adapters/slack/app.ts";
import { startSurface } from "../../../src/adapters/slack/surface.ts";
import { useHarness } from "./harness.ts";

const h = useHarness();

describe("slack surface", () => {
  it("is off without Slack settings and names the variables that turn it on", async () => {
    const { slack: _slack, ...config } = h.app.context.config;
    const surface = await startSurface({ ...h.app.context, config });
    expect(surface.status).toMatch(/^off/);
    expect(surface.status).toContain("SLACK_BOT_TOKEN");
    expect(surface.status).toContain("SLACK_APP_TOKEN");
  });

  it("reports HTTP mode on the shared server", () => {
    const slack = h.app.surfaces.find((s) => s.name === "slack");
    expect(slack?.status).toContain("/slack/events");
  });

  it("builds a Socket Mode app (not started: that needs real Slack)", () => {
    const { app, receiver } = createSlackApp(h.app.context, {
      mode: "socket",
      botToken: "xoxb-test",
      appToken: "xapp-test",
      apiUrl: h.fake.apiUrl,
    });
    expect(receiver).toBeInstanceOf(SocketModeReceiver);
    expect(app.client.slackApiUrl).toBe(h.fake.apiUrl);
  });
});
