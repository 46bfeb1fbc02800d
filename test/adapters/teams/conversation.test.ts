import { describe, expect, it } from "vitest";
import { cardOf, submitsOf, textOf } from "../../helpers/fakeConnector.ts";
import { teamsMessage, useTeamsApp } from "./harness.ts";

const { t, send } = useTeamsApp();

describe("Teams: the answered question, up front", () => {
  it("opens an answer card with the canonical question as a small subtle line", async () => {
    const [call] = await send(teamsMessage(t.connector, { text: "can we run postgres in a container" }));
    const first = cardOf(call!).body[0]!;
    expect(first).toMatchObject({
      type: "TextBlock",
      size: "Small",
      isSubtle: true,
      text: "Answering: Can we run databases and other stateful workloads in containers?",
    });
  });
});

describe("Teams: Not what I asked", () => {
  it("updates the answer card in place with the next best entries, then with the picked answer", async () => {
    const [answer] = await send(
      teamsMessage(t.connector, { text: "do i need kubernetes to run containers in production" }),
    );
    const wrong = submitsOf(cardOf(answer!)).find((s) => s.action.type === "not-this");
    expect(wrong?.title).toBe("Not what I asked");
    const [list] = await send(teamsMessage(t.connector, { value: wrong!.data, replyToId: answer!.id }));
    expect(list!.kind).toBe("update");
    expect(list!.activityId).toBe(answer!.id);
    expect(textOf(cardOf(list!))).toMatch(/wrong answer/);
    const choices = submitsOf(cardOf(list!)).filter((s) => s.action.via === "correction");
    expect(choices).toHaveLength(3);
    const [picked] = await send(
      teamsMessage(t.connector, { value: choices[2]!.data, replyToId: answer!.id }),
    );
    expect(picked!.kind).toBe("update");
    expect(textOf(cardOf(picked!))).toMatch(/^Answering: /);
  });
});

describe("Teams: follow-ups in context", () => {
  it("resolves a follow-up in a personal chat, and not in another person's chat", async () => {
    const conversationId = "a:1personal-followup";
    await send(teamsMessage(t.connector, { conversationId, text: "can we run databases in containers?" }));
    const [r] = await send(teamsMessage(t.connector, { conversationId, text: "how long does that take?" }));
    const text = textOf(cardOf(r!));
    expect(text).toMatch(
      /^Following up on _Can we run databases and other stateful workloads in containers\?_/,
    );
    // The answer it comes back to is not printed again; asked how long, it says the documents give
    // no figures (responses followUp.noFigures).
    expect(text).toContain("The documents give no exact figures or benchmarks for this");
    const [other] = await send(
      teamsMessage(t.connector, {
        conversationId: "a:1personal-someone-else",
        text: "how long does that take?",
      }),
    );
    expect(textOf(cardOf(other!))).not.toContain("Following up");
  });

  it("keeps context per channel thread", async () => {
    const root = "19:channel-1@thread.tacv2;messageid=1700000000001";
    const otherRoot = "19:channel-1@thread.tacv2;messageid=1700000000002";
    await send(
      teamsMessage(t.connector, {
        scope: "channel",
        conversationId: root,
        mention: true,
        text: "how fast do containers start compared to vms",
      }),
    );
    const [r] = await send(
      teamsMessage(t.connector, {
        scope: "channel",
        conversationId: root,
        mention: true,
        text: "and for VMs?",
      }),
    );
    expect(textOf(cardOf(r!))).toContain("Following up on _How fast do VMs and containers start?_");
    const [other] = await send(
      teamsMessage(t.connector, { scope: "channel", conversationId: otherRoot, mention: true, text: "why?" }),
    );
    expect(textOf(cardOf(other!))).not.toContain("Following up");
  });
});
