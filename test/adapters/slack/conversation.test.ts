import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackCall } from "../../helpers/fakeSlack.ts";
import { blocksOf, command, event, type Harness, nextId, startHarness } from "./harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ VMVC_STATS_USERS: "UADMIN" });
});

afterAll(async () => {
  await h?.stop();
});

const responses = (id: string) =>
  h.fake.calls.filter((c) => c.method === "response_url" && c.responseId === id);
const waitResponse = (id: string) => h.fake.waitFor(() => responses(id)[0], `a response on ${id}`);

/** The plain-text context block an answer opens with (the answered question). */
function subtitle(call: SlackCall): string | undefined {
  const first = blocksOf(call)[0] as { type?: string; elements?: { type: string; text: string }[] };
  if (first?.type !== "context" || first.elements?.[0]?.type !== "plain_text") return undefined;
  return first.elements[0].text;
}

/** Sends a mention (in `thread`, or as a new thread) and waits for the bot's reply in that thread. */
async function mention(channel: string, text: string, user = "U1", thread?: string): Promise<SlackCall> {
  const ts = h.fake.nextTs();
  const from = h.fake.calls.length;
  await event(h, {
    type: "app_mention",
    channel,
    user,
    text: `<@UBOT> ${text}`,
    ts,
    ...(thread ? { thread_ts: thread } : {}),
  });
  return h.fake.waitFor(
    () =>
      h.fake
        .since(from, "chat.postMessage")
        .find((c) => c.body.channel === channel && c.body.thread_ts === (thread ?? ts)),
    `the reply to ${text}`,
  );
}

describe("Slack: the answered question, up front", () => {
  it("opens an answer to a slash command with the canonical question in a quiet context block", async () => {
    const { responseId } = await command(h, "can we run postgres in a container");
    const r = await waitResponse(responseId);
    expect(subtitle(r)).toBe("Answering: Can we run databases and other stateful workloads in containers?");
  });

  it("does the same for a mention", async () => {
    const r = await mention(nextId("C"), "how fast do containers start compared to vms");
    expect(subtitle(r)).toMatch(/^Answering: .*start/i);
  });
});
