import { afterAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/app.ts";
import { buildQuestionAnswering } from "../../../src/core/questions.ts";
import { stripMarkdown } from "../../../src/core/render/plainText.ts";
import { knowledge, unsureQuestion } from "../../helpers/bot.ts";
import { type ConnectorCall, cardOf, submitsOf, textOf } from "../../helpers/fakeConnector.ts";
import { post, startTestApp, teamsMessage, useTeamsApp } from "./harness.ts";

const { t, send } = useTeamsApp();

const cardText = (call: ConnectorCall) => textOf(cardOf(call));

describe("Teams surface over real HTTP", () => {
  it("mounts /api/messages in anonymous mode and says so", () => {
    const teams = t.app.surfaces.find((s) => s.name === "teams");
    expect(teams?.status).toMatch(/anonymous/);
    expect(teams?.status).toMatch(/MicrosoftAppId/);
  });

  it.each([
    ["help", /ask|checklist/i],
    ["ask can we run databases in containers?", /database|stateful/i],
    ["compare", /VMs/],
    ["compare boot", /boot|start/i],
    ["topics", /./],
    ["myths", /myth|secure/i],
  ])("answers the command %j in personal chat with an Adaptive Card", async (text, expected) => {
    const activity = teamsMessage(t.connector, { text });
    const [call] = await send(activity);
    expect(call!.kind).toBe("reply");
    expect(call!.conversationId).toBe("a:1personal-ada");
    expect(call!.activityId).toBe(activity.id);
    // Anonymous local mode: replies carry no token.
    expect(call!.authorization).toBeUndefined();
    const card = cardOf(call!);
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    expect(call!.activity.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(textOf(card)).toMatch(expected);
    expect(Buffer.byteLength(JSON.stringify(call!.activity))).toBeLessThan(28 * 1024);
  });

  it("answers a plain question in personal chat without a command word", async () => {
    const [call] = await send(
      teamsMessage(t.connector, {
        text: "What is the difference between a virtual machine and a container?",
      }),
    );
    const card = cardOf(call!);
    expect(textOf(card)).toMatch(/Sources:/);
    const feedback = submitsOf(card).filter((s) => s.action.type === "feedback");
    expect(feedback.map((s) => s.action.vote)).toEqual(["up", "down"]);
  });

  it("answers a channel @-mention in its reply chain, and ignores a channel message without a mention", async () => {
    const chain = "19:channel-1@thread.tacv2;messageid=1700000000001";
    const mentioned = teamsMessage(t.connector, {
      scope: "channel",
      conversationId: chain,
      text: "help",
      mention: true,
    });
    const [call] = await send(mentioned);
    expect(call!.conversationId).toBe(chain);
    expect(call!.activityId).toBe(mentioned.id);
    expect(cardText(call!)).toMatch(/checklist/i);

    const before = t.connector.calls.length;
    const quiet = teamsMessage(t.connector, { scope: "channel", conversationId: chain, text: "help" });
    expect((await post(t.base, quiet)).status).toBe(200);
    // The server answered 200 after the turn completed; a reply would have been sent by now.
    // Prove it with a following mention whose reply is the only new call.
    const [next] = await send(
      teamsMessage(t.connector, { scope: "channel", conversationId: chain, text: "myths", mention: true }),
    );
    expect(t.connector.calls.length).toBe(before + 1);
    expect(next!.activityId).not.toBe(quiet.id);
  });

  it("answers a group chat only when mentioned", async () => {
    const before = t.connector.calls.length;
    expect(
      (await post(t.base, teamsMessage(t.connector, { scope: "groupChat", text: "topics" }))).status,
    ).toBe(200);
    const [call] = await send(
      teamsMessage(t.connector, { scope: "groupChat", text: "topics", mention: true }),
    );
    expect(t.connector.calls.length).toBe(before + 1);
    expect(call!.conversationId).toBe("19:group-chat-1@thread.v2");
  });

  it("says an unsure answer is a best guess, and answers the runner-up it offers when pressed", async () => {
    const question = unsureQuestion({ qa: buildQuestionAnswering(knowledge) });
    const [answer] = await send(teamsMessage(t.connector, { text: question }));
    const card = cardOf(answer!);
    expect(stripMarkdown(textOf(card))).toContain(stripMarkdown(knowledge.responses.answer.bestGuess));
    const offer = submitsOf(card).find((s) => s.action.type === "ask" && s.action.via === "suggestion");
    expect(offer).toBeDefined();
    const [picked] = await send(teamsMessage(t.connector, { value: offer!.data, replyToId: answer!.id }));
    const feedback = submitsOf(cardOf(picked!)).filter((s) => s.action.type === "feedback");
    expect(feedback.map((s) => s.action.entryId)).toContain(offer!.action.entryId);
  });

  it("records feedback once and says thanks", async () => {
    const [answer] = await send(teamsMessage(t.connector, { text: "ask what is a container?" }));
    const up = submitsOf(cardOf(answer!)).find((s) => s.action.type === "feedback" && s.action.vote === "up");
    expect(up).toBeDefined();
    const [thanks] = await send(teamsMessage(t.connector, { value: up!.data, replyToId: answer!.id }));
    expect(cardText(thanks!)).toMatch(/Thanks/);
    const [again] = await send(teamsMessage(t.connector, { value: up!.data, replyToId: answer!.id }));
    expect(cardText(again!)).toMatch(/already rated/);
  });

  it("runs a whole walkthrough from card presses, updating each pressed card in place", async () => {
    const conversationId = "a:1personal-walk";
    const start = await send(teamsMessage(t.connector, { conversationId, text: "checklist" }), 2);
    expect(cardText(start[0]!)).toMatch(/Decision checklist/);
    let question = start[1]!;
    expect(cardText(question)).toMatch(/Question 1 of/);
    let firstQuestion: ConnectorCall | undefined = question;
    let firstChoice: { data: unknown } | undefined;

    for (let i = 0; i < 20; i++) {
      const choices = submitsOf(cardOf(question)).filter(
        (s) => s.action.type === "checklist.answer" && s.action.value !== null,
      );
      expect(choices.length).toBeGreaterThan(1);
      const choice = choices[0]!;
      if (!firstChoice) firstChoice = choice;
      const calls = await send(
        teamsMessage(t.connector, { conversationId, value: choice.data, replyToId: question.id }),
        2,
      );
      const update = calls.find((c) => c.kind === "update");
      expect(update?.activityId).toBe(question.id);
      expect(cardText(update!)).toMatch(/answered by Ada Lovelace/);
      const next = calls.find((c) => c.kind === "reply")!;
      if (/Recommendation:/.test(cardText(next))) {
        expect(cardText(next)).toMatch(/Why/);
        expect(submitsOf(cardOf(next)).some((s) => s.action.type === "share")).toBe(true);
        question = next;
        break;
      }
      question = next;
    }
    expect(cardText(question)).toMatch(/Recommendation:/);

    // A press on the long-gone first card changes nothing: a clear reply, no update.
    const from = t.connector.calls.length;
    const stale = await send(
      teamsMessage(t.connector, { conversationId, value: firstChoice!.data, replyToId: firstQuestion.id }),
    );
    firstQuestion = undefined;
    expect(stale.every((c) => c.kind === "reply")).toBe(true);
    expect(cardText(stale[0]!)).toMatch(/finished|earlier step|no longer/);
    expect(t.connector.since(from).some((c) => c.kind === "update")).toBe(false);
  });

  it("runs a walkthrough in a channel reply chain, keyed by the chain", async () => {
    const chain = "19:channel-1@thread.tacv2;messageid=1700000000777";
    const start = await send(
      teamsMessage(t.connector, {
        scope: "channel",
        conversationId: chain,
        text: "checklist",
        mention: true,
      }),
      2,
    );
    expect(start.map((c) => c.conversationId)).toEqual([chain, chain]);
    const question = start[1]!;
    const skip = submitsOf(cardOf(question)).find(
      (s) => s.action.type === "checklist.answer" && s.action.value === null,
    )!;
    // Card presses arrive without a mention; they are still handled.
    const calls = await send(
      teamsMessage(t.connector, {
        scope: "channel",
        conversationId: chain,
        value: skip.data,
        replyToId: question.id,
      }),
      2,
    );
    expect(calls.find((c) => c.kind === "update")?.activityId).toBe(question.id);
    expect(cardText(calls.find((c) => c.kind === "reply")!)).toMatch(/Question 2 of/);
  });

  it("closes the question's card, not the chain's root, when its answer is typed in the chain", async () => {
    const root = "1700000000888";
    const chain = `19:channel-1@thread.tacv2;messageid=${root}`;
    const start = await send(
      teamsMessage(t.connector, {
        scope: "channel",
        conversationId: chain,
        text: "checklist",
        mention: true,
      }),
      2,
    );
    const question = start[1]!;
    expect(cardText(question)).toMatch(/Question 1 of/);
    // A message typed in a channel's reply chain points at the chain's root (replyToId) as Teams
    // sends it: that is no pressed card, and the root must not be overwritten.
    const calls = await send(
      teamsMessage(t.connector, {
        scope: "channel",
        conversationId: chain,
        text: "we run untrusted customer code in sandboxes",
        mention: true,
        replyToId: root,
      }),
      2,
    );
    const update = calls.find((c) => c.kind === "update");
    expect(update?.activityId).toBe(question.id);
    expect(cardText(update!)).toMatch(/Read from your words/);
    expect(cardText(calls.find((c) => c.kind === "reply")!)).toMatch(/Question 2 of/);
  });

  it("answers malformed activities politely and keeps serving", async () => {
    // A message without text.
    const [noText] = await send(teamsMessage(t.connector, {}));
    expect(cardText(noText!)).toMatch(/text/i);
    // Huge text.
    const [huge] = await send(teamsMessage(t.connector, { text: "containers ".repeat(2000) }));
    expect(cardText(huge!)).toMatch(/too long/);
    // A card value that is not one of our actions.
    const [bad] = await send(teamsMessage(t.connector, { value: { vmvc: { type: "rm -rf", x: 1 } } }));
    expect(cardText(bad!)).toContain(stripMarkdown(knowledge.responses.errors.unreadableButton));

    const before = t.connector.calls.length;
    // Unknown activity type and a conversation update: 200 and nothing said.
    expect(
      (await post(t.base, { ...teamsMessage(t.connector, { text: "help" }), type: "madeUpType" })).status,
    ).toBe(200);
    expect(
      (
        await post(t.base, {
          ...teamsMessage(t.connector, {}),
          type: "conversationUpdate",
          membersAdded: [{ id: "29:someone" }],
        })
      ).status,
    ).toBe(200);
    expect(t.connector.calls.length).toBe(before);
    // Not JSON, not an Activity, too big.
    expect((await post(t.base, "{not json")).status).toBe(400);
    expect((await post(t.base, { hello: "world" })).status).toBe(400);
    expect(
      (await post(t.base, { ...teamsMessage(t.connector, { text: "x" }), serviceUrl: "not a url" })).status,
    ).toBe(400);
    expect((await post(t.base, JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) }))).status).toBe(413);

    // Still answering.
    const [help] = await send(teamsMessage(t.connector, { text: "help" }));
    expect(cardText(help!)).toMatch(/checklist/i);
  });

  it("shares an answer from a reply chain as a new top-level channel post", async () => {
    const chain = "19:channel-1@thread.tacv2;messageid=1700000000999";
    const share = { vmvc: { type: "share", entryId: "vm-vs-container-difference" } };
    const [call] = await send(
      teamsMessage(t.connector, { scope: "channel", conversationId: chain, value: share }),
    );
    expect(call!.kind).toBe("send");
    expect(call!.conversationId).toBe("19:channel-1@thread.tacv2");
    expect(cardText(call!)).toMatch(/Shared by Ada Lovelace/);
  });

  it("logs a failing turn through the error hook and apologises, then keeps serving", async () => {
    const bot = t.app.context.bot;
    const original = bot.handle.bind(bot);
    bot.handle = async () => {
      throw new Error("boom");
    };
    try {
      const [apology] = await send(teamsMessage(t.connector, { text: "help" }));
      expect(cardText(apology!)).toMatch(/something went wrong/i);
    } finally {
      bot.handle = original;
    }
    const [help] = await send(teamsMessage(t.connector, { text: "help" }));
    expect(cardText(help!)).toMatch(/checklist/i);
  });

  it("welcomes the team when the bot is added", async () => {
    const added = {
      ...teamsMessage(t.connector, { scope: "channel" }),
      type: "conversationUpdate",
      membersAdded: [{ id: "28:vmvc-bot" }],
    };
    const [welcome] = await send(added);
    expect(cardText(welcome!)).toMatch(/checklist/i);
  });

  it("ignores a redelivered activity", async () => {
    const activity = teamsMessage(t.connector, { text: "myths" });
    await send(activity);
    const before = t.connector.calls.length;
    expect((await post(t.base, activity)).status).toBe(200);
    await send(teamsMessage(t.connector, { text: "topics" }));
    expect(t.connector.calls.length).toBe(before + 1);
  });
});

describe("Teams surface with an app id", () => {
  let secured: RunningApp | undefined;
  afterAll(async () => {
    await secured?.stop();
  });

  it("refuses an unsigned request with 401 and sends nothing", async () => {
    const started = await startTestApp({
      MicrosoftAppId: "00000000-0000-0000-0000-00000000b07a",
      MicrosoftAppPassword: "not-a-real-secret",
    });
    secured = started.app;
    expect(secured.surfaces.find((s) => s.name === "teams")?.status).toMatch(/authenticated/);
    const before = t.connector.calls.length;
    const res = await post(started.base, teamsMessage(t.connector, { text: "help" }));
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/not-a-real-secret/);
    expect(t.connector.calls.length).toBe(before);
  });
});
