import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../src/paths.ts";
import type { SlackCall } from "../../helpers/fakeSlack.ts";
import { blocksOf, event, nextId, textOf, useHarness } from "./harness.ts";

const h = useHarness();

/** Opens an assistant thread as Slack does when a person opens the side panel. */
async function openThread(user = "U5"): Promise<{ channel: string; thread: string; res: Response }> {
  const channel = nextId("DASSIST");
  const thread = h.fake.nextTs();
  const res = await event(h, {
    type: "assistant_thread_started",
    assistant_thread: {
      user_id: user,
      channel_id: channel,
      thread_ts: thread,
      context: { channel_id: "C1", team_id: "T1", enterprise_id: null },
    },
    event_ts: thread,
  });
  // The greeting and the prompts come after the ack: wait for both before the person speaks.
  await h.fake.waitFor(
    () =>
      h.fake.calls.some((c) => c.method === "chat.postMessage" && c.body.channel === channel) &&
      h.fake.calls.some(
        (c) => c.method === "assistant.threads.setSuggestedPrompts" && c.body.channel_id === channel,
      ),
    "the greeting and the suggested prompts",
  );
  return { channel, thread, res };
}

/** A person's message in an assistant thread (a DM thread). */
async function say(channel: string, thread: string, text: string, user = "U5"): Promise<SlackCall[]> {
  const from = h.fake.calls.length;
  await event(h, {
    type: "message",
    channel,
    channel_type: "im",
    user,
    text,
    ts: h.fake.nextTs(),
    thread_ts: thread,
  });
  await h.fake.waitFor(
    () => h.fake.since(from, "chat.postMessage").find((c) => c.body.channel === channel),
    `the answer to ${text}`,
  );
  return h.fake.since(from);
}

const firstText = (call: SlackCall) => {
  const b = blocksOf(call)[0] as { elements?: { text: string }[] } | undefined;
  return b?.elements?.[0]?.text;
};

describe("Slack assistant view", () => {
  it("greets the person in the new thread and sets 3-4 suggested prompts", async () => {
    const { channel, thread, res } = await openThread();
    expect(res.status).toBe(200);
    const greeting = await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === channel),
      "the greeting",
    );
    expect(greeting.body.thread_ts).toBe(thread);
    expect(textOf(greeting)).toMatch(/Follow-up questions in this thread/);
    const prompts = await h.fake.waitFor(
      () =>
        h.fake.calls.find(
          (c) => c.method === "assistant.threads.setSuggestedPrompts" && c.body.channel_id === channel,
        ),
      "the suggested prompts",
    );
    expect(prompts.result).toEqual({ ok: true });
    expect(prompts.body.thread_ts).toBe(thread);
    const list = prompts.body.prompts as { title: string; message: string }[];
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.length).toBeLessThanOrEqual(4);
    expect(list[0]).toEqual({
      title: "Databases in containers?",
      message: "Can we run databases in containers?",
    });
  });

  it("sets the title and a status, then answers with the same core, in the thread", async () => {
    const { channel, thread } = await openThread();
    const calls = await say(channel, thread, "can we run databases in containers?");
    const methods = calls
      .filter((c) => c.body.channel_id === channel || c.body.channel === channel)
      .map((c) => c.method);
    const answerAt = methods.indexOf("chat.postMessage", methods.indexOf("assistant.threads.setStatus"));
    expect(methods.indexOf("assistant.threads.setTitle")).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf("assistant.threads.setStatus")).toBeGreaterThanOrEqual(0);
    expect(answerAt).toBeGreaterThan(methods.indexOf("assistant.threads.setStatus"));
    const title = calls.find((c) => c.method === "assistant.threads.setTitle")!;
    expect(title.body).toMatchObject({
      channel_id: channel,
      thread_ts: thread,
      title: "can we run databases in containers?",
    });
    expect(title.result).toEqual({ ok: true });
    const status = calls.find((c) => c.method === "assistant.threads.setStatus")!;
    expect(status.body.status).toBe("is looking through the sources…");
    const answer = calls.find((c) => c.method === "chat.postMessage")!;
    expect(answer.body.thread_ts).toBe(thread);
    expect(firstText(answer)).toBe(
      "Answering: Can we run databases and other stateful workloads in containers?",
    );
  });

  it("reads Slack's &amp; &lt; &gt; once: the echoed text is escaped once, not twice", async () => {
    const { channel, thread } = await openThread("U7");
    // Slack sends a person's "topics R&D <x>" as below.
    const calls = await say(channel, thread, "topics R&amp;D &lt;x&gt;", "U7");
    const answer = calls.find((c) => c.method === "chat.postMessage")!;
    expect(textOf(answer)).toContain("R&amp;D &lt;x&gt;");
    expect(textOf(answer)).not.toContain("&amp;amp;");
    const title = calls.find((c) => c.method === "assistant.threads.setTitle")!;
    expect(title.body.title).toBe("topics R&D <x>");
  });

  it("keeps follow-up context inside one assistant thread, not across threads", async () => {
    const { channel, thread } = await openThread("U6");
    await say(channel, thread, "how fast do containers start compared to vms", "U6");
    const followUp = (await say(channel, thread, "and for VMs?", "U6")).find(
      (c) => c.method === "chat.postMessage",
    )!;
    expect(firstText(followUp)).toBe("Following up on _How fast do VMs and containers start?_");
    // The answer it comes back to is not printed again (responses followUp.sameAnswer).
    expect(textOf(followUp)).toContain("That takes me back to my answer above");

    const other = await openThread("U6");
    const alone = (await say(other.channel, other.thread, "why?", "U6")).find(
      (c) => c.method === "chat.postMessage",
    )!;
    expect(textOf(alone)).not.toContain("Following up");
  });

  it("ignores its own messages in the thread and a change of the channel being viewed", async () => {
    const { channel, thread } = await openThread();
    await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === channel),
      "the greeting",
    );
    const from = h.fake.calls.length;
    const own = await event(h, {
      type: "message",
      channel,
      channel_type: "im",
      user: "UBOT",
      bot_id: "BBOT",
      text: "Answering: something",
      ts: h.fake.nextTs(),
      thread_ts: thread,
    });
    expect(own.status).toBe(200);
    const changed = await event(h, {
      type: "assistant_thread_context_changed",
      assistant_thread: {
        user_id: "U5",
        channel_id: channel,
        thread_ts: thread,
        context: { channel_id: "C2", team_id: "T1" },
      },
      event_ts: h.fake.nextTs(),
    });
    expect(changed.status).toBe(200);
    // A later question is answered, and nothing was posted for the two events before it.
    const calls = await say(channel, thread, "what is a hypervisor");
    expect(h.fake.since(from, "chat.postMessage")).toHaveLength(1);
    expect(calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });
});

describe("Slack manifests", () => {
  it.each(["manifest.json", "manifest.http.json"])(
    "%s turns on the assistant view with its scope and events",
    (file) => {
      const m = JSON.parse(readFileSync(resolve(repoRoot, file), "utf8"));
      expect(m.features.assistant_view.assistant_description).toMatch(/VMs vs containers/);
      expect(m.oauth_config.scopes.bot).toContain("assistant:write");
      expect(m.settings.event_subscriptions.bot_events).toEqual(
        expect.arrayContaining([
          "assistant_thread_started",
          "assistant_thread_context_changed",
          "message.im",
        ]),
      );
    },
  );
});
