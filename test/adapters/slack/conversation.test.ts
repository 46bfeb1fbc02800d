import { describe, expect, it } from "vitest";
import type { SlackCall } from "../../helpers/fakeSlack.ts";
import {
  blocksOf,
  buttonsOf,
  command,
  event,
  findButton,
  nextId,
  press,
  responseOf,
  textOf,
  useHarness,
} from "./harness.ts";

const h = useHarness({ VMVC_STATS_USERS: "UADMIN" });

const waitResponse = (id: string, what?: string) => responseOf(h, id, what);

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

describe("Slack: Not what I asked", () => {
  it("replaces the ephemeral answer with the next best entries; a pick replaces it again and shows in stats", async () => {
    const question = "do i need kubernetes to run containers in production";
    const { responseId } = await command(h, question, { channel: "C9" });
    const answer = await waitResponse(responseId);
    const wrong = findButton(answer, (v) => v.type === "not-this");
    expect(wrong?.text.text).toBe("Not what I asked");
    expect(wrong!.value.length).toBeLessThan(200);

    const listId = nextId("act");
    await press(h, { channel: "C9", ts: "9.1", ephemeral: true, responseId: listId }, wrong!);
    const list = await waitResponse(listId);
    expect(list.body.replace_original).toBe(true);
    expect(textOf(list)).toMatch(/wrong answer/);
    const choices = buttonsOf(list).filter((b) => JSON.parse(b.value).via === "correction");
    expect(choices).toHaveLength(3);
    expect(choices.map((b) => JSON.parse(b.value).entryId)).not.toContain("containers-without-kubernetes");

    const pickId = nextId("act");
    await press(h, { channel: "C9", ts: "9.1", ephemeral: true, responseId: pickId }, choices[0]!);
    const picked = await waitResponse(pickId);
    expect(picked.body.replace_original).toBe(true);
    expect(subtitle(picked)).toMatch(/^Answering: /);

    const stats = await command(h, "stats", { user: "UADMIN", userName: "admin" });
    const report = textOf(await waitResponse(stats.responseId));
    expect(report).toContain("corrections (phrasings worth adding)");
    expect(report).toContain(`“${question}” → \`${JSON.parse(choices[0]!.value).entryId}\``);
  });
});

describe("Slack: follow-ups in context", () => {
  const contextLine = (call: SlackCall) => (textOf(call).match(/Following up on _[^_]+_/) ?? [])[0];

  it("resolves a follow-up in a mention thread, for the same person only", async () => {
    const channel = nextId("C");
    const first = await mention(channel, "can we run databases in containers?", "U1");
    const thread = first.body.thread_ts as string;
    const followUp = await mention(channel, "what are the risks?", "U1", thread);
    expect(contextLine(followUp)).toBe(
      "Following up on _Can we run databases and other stateful workloads in containers?_",
    );
    // The answer it comes back to is not printed again: the point of it that the follow-up asks
    // about is quoted (responses followUp.onThat; "risks" reads as what gets harder).
    expect(textOf(followUp)).toContain("On that, my answer above says");
    expect(textOf(followUp)).toContain("What gets harder:");
    // Someone else in the same thread has no context of their own: declined as before.
    const other = await mention(channel, "what are the risks?", "U2", thread);
    expect(contextLine(other)).toBeUndefined();
    expect(subtitle(other)).toBeUndefined();
    // Nor does the first person in another thread of the channel.
    const elsewhere = await mention(channel, "what are the risks?", "U1");
    expect(subtitle(elsewhere)).toBeUndefined();
  });

  it("resolves a follow-up in a direct message", async () => {
    const channel = nextId("D");
    const dm = async (text: string) => {
      const from = h.fake.calls.length;
      await event(h, { type: "message", channel, channel_type: "im", user: "U7", text, ts: h.fake.nextTs() });
      return h.fake.waitFor(
        () => h.fake.since(from, "chat.postMessage").find((c) => c.body.channel === channel),
        `the answer to ${text}`,
      );
    };
    await dm("how fast do containers start compared to vms");
    const r = await dm("and for VMs?");
    expect(contextLine(r)).toBe("Following up on _How fast do VMs and containers start?_");
    expect(textOf(r)).toContain("That takes me back to my answer above");
  });
});
