import { describe, expect, it } from "vitest";
import {
  inboundActivitySchema,
  MAX_TEXT_CHARS,
  splitConversationId,
  toInbound,
} from "../../../src/adapters/teams/activity.ts";

const base = {
  type: "message",
  id: "1",
  serviceUrl: "http://127.0.0.1:9/",
  channelId: "msteams",
  from: { id: "29:u", name: "Ada" },
  recipient: { id: "28:bot", name: "vmvc" },
  conversation: { id: "a:personal", conversationType: "personal" },
};
const parse = (extra: Record<string, unknown>) => inboundActivitySchema.parse({ ...base, ...extra });
const strip = (text: string) => () => text.replace("<at>vmvc</at>", "");

describe("Teams activity → Turn", () => {
  it("splits a channel reply chain id into conversation and thread", () => {
    expect(splitConversationId("19:c@thread.tacv2;messageid=1700")).toEqual({
      conversation: "19:c@thread.tacv2",
      thread: "1700",
    });
    expect(splitConversationId("a:personal")).toEqual({ conversation: "a:personal" });
  });

  it("maps a personal message to a direct turn with the user", () => {
    const inbound = toInbound(parse({ text: "compare&nbsp;boot" }), strip(""));
    expect(inbound).toEqual({
      kind: "turn",
      turn: {
        platform: "teams",
        user: { id: "29:u", name: "Ada" },
        conversation: "a:personal",
        via: "direct",
        text: "compare boot",
      },
    });
  });

  it("maps a channel mention to a mention turn in the reply chain, text without the mention", () => {
    const activity = parse({
      text: "<at>vmvc</at> myths",
      conversation: { id: "19:c@thread.tacv2;messageid=42", conversationType: "channel" },
      entities: [{ type: "mention", mentioned: { id: "28:bot" }, text: "<at>vmvc</at>" }],
    });
    const inbound = toInbound(activity, strip("<at>vmvc</at> myths"));
    expect(inbound).toMatchObject({
      kind: "turn",
      turn: { conversation: "19:c@thread.tacv2", thread: "42", via: "mention", text: "myths" },
    });
  });

  it("ignores channel and group messages that mention someone else", () => {
    const other = [{ type: "mention", mentioned: { id: "29:someone" } }];
    for (const conversationType of ["channel", "groupChat"]) {
      const activity = parse({
        text: "help",
        entities: other,
        conversation: { id: "19:x", conversationType },
      });
      expect(toInbound(activity, strip("help")).kind).toBe("ignore");
    }
  });

  it("turns a card submit into a validated action, and refuses a forged one politely", () => {
    const ok = toInbound(parse({ value: { vmvc: { type: "compare", aspect: "boot" } } }), strip(""));
    expect(ok).toMatchObject({
      kind: "turn",
      turn: { via: "action", action: { type: "compare", aspect: "boot" } },
    });
    expect(
      toInbound(
        parse({ value: { vmvc: { type: "checklist.answer", walkthroughId: "w", step: -1, value: "x" } } }),
        strip(""),
      ).kind,
    ).toBe("notice");
    expect(toInbound(parse({ value: { other: true } }), strip("")).kind).toBe("ignore");
  });

  it("answers too-long and text-less messages with a notice; an empty mention gets help", () => {
    expect(toInbound(parse({ text: "a".repeat(MAX_TEXT_CHARS + 1) }), strip("")).kind).toBe("notice");
    expect(toInbound(parse({}), strip("")).kind).toBe("notice");
    expect(toInbound(parse({ text: "  " }), strip(""))).toMatchObject({
      kind: "turn",
      turn: { text: "help" },
    });
  });

  it("welcomes only when the bot itself is added", () => {
    expect(
      toInbound(parse({ type: "conversationUpdate", membersAdded: [{ id: "28:bot" }] }), strip("")).kind,
    ).toBe("welcome");
    expect(
      toInbound(parse({ type: "conversationUpdate", membersAdded: [{ id: "29:x" }] }), strip("")).kind,
    ).toBe("ignore");
    expect(toInbound(parse({ type: "typing" }), strip("")).kind).toBe("ignore");
  });
});
