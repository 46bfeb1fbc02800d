import { describe, expect, it } from "vitest";
import { walkthroughKey } from "../../../src/core/walkthrough/state.ts";
import { knowledge, unsureQuestion, vagueQuestion } from "../../helpers/bot.ts";
import type { SlackCall } from "../../helpers/fakeSlack.ts";
import {
  blocksOf,
  buttonsOf,
  checkBlockKitLimits,
  command,
  event,
  findButton,
  nextId,
  post,
  press,
  responseOf,
  sign,
  textOf,
  useHarness,
} from "./harness.ts";

const h = useHarness({ VMVC_STATS_USERS: "UADMIN" });

const waitResponse = (id: string, what?: string) => responseOf(h, id, what);

/** Sends a DM and waits for its answer: proves everything sent before it has been handled. */
async function sentinel(): Promise<void> {
  const channel = nextId("DSENT");
  await event(h, {
    type: "message",
    channel,
    channel_type: "im",
    user: "U1",
    text: "what is a container?",
    ts: h.fake.nextTs(),
  });
  await h.fake.waitFor(
    () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === channel),
    "the sentinel answer",
  );
}

describe("slash commands", () => {
  it("acks at once and answers help ephemerally through response_url", async () => {
    const { res, responseId } = await command(h, "help");
    expect(res.status).toBe(200);
    const r = await waitResponse(responseId);
    expect(r.body.response_type).toBe("ephemeral");
    expect(textOf(r)).toMatch(/checklist/i);
    expect(buttonsOf(r).length).toBeGreaterThan(0);
  });

  it("answers `ask` with sources, feedback and a Share in channel button that posts publicly", async () => {
    const { responseId } = await command(h, "ask can we run databases in containers?");
    const r = await waitResponse(responseId);
    expect(r.body.response_type).toBe("ephemeral");
    expect(blocksOf(r).some((b) => b.type === "context" && JSON.stringify(b).includes("Sources"))).toBe(true);
    const share = findButton(r, (v) => v.type === "share");
    expect(share?.text.text).toBe("Share in channel");
    expect(findButton(r, (v) => v.type === "feedback" && v.vote === "up")).toBeDefined();

    const before = h.fake.calls.length;
    await press(h, { channel: "C1", ts: "1.1", ephemeral: true }, share!);
    const shared = await h.fake.waitFor(
      () => h.fake.since(before, "chat.postMessage")[0],
      "the shared answer",
    );
    expect(shared.body.channel).toBe("C1");
    expect(shared.body.thread_ts).toBeUndefined();
    expect(textOf(shared)).toContain("Shared by alice");
  });

  it("treats a plain question like ask", async () => {
    const { responseId } = await command(h, "what is a container?");
    const r = await waitResponse(responseId);
    expect(findButton(r, (v) => v.type === "feedback")).toBeDefined();
  });

  it.each([
    ["compare boot", /boot|start/i],
    ["topics", /topic|basics/i],
    ["myths", /myth/i],
  ])("answers `%s`", async (text, expected) => {
    const { responseId } = await command(h, text);
    const r = await waitResponse(responseId);
    expect(r.body.response_type).toBe("ephemeral");
    expect(textOf(r)).toMatch(expected);
  });

  it("refuses stats to others and shows them to configured users", async () => {
    const refused = await command(h, "stats", { user: "U1" });
    expect(textOf(await waitResponse(refused.responseId))).toMatch(/only available/);
    const allowed = await command(h, "stats", { user: "UADMIN", userName: "admin" });
    const r = await waitResponse(allowed.responseId);
    expect(textOf(r)).not.toMatch(/only available/);
    expect(textOf(r)).toMatch(/question/i);
  });
});

describe("mentions and direct messages", () => {
  it("answers a mention in its thread, without the mention", async () => {
    const ts = h.fake.nextTs();
    await event(h, {
      type: "app_mention",
      channel: "C2",
      user: "U2",
      text: "<@UBOT> what is a container?",
      ts,
    });
    const reply = await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === "C2"),
      "the mention answer",
    );
    expect(reply.body.thread_ts).toBe(ts);

    const threadTs = h.fake.nextTs();
    const inThread = h.fake.nextTs();
    await event(h, {
      type: "app_mention",
      channel: "C2",
      user: "U2",
      text: "<@UBOT> what is a hypervisor?",
      ts: inThread,
      thread_ts: threadTs,
    });
    const second = await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === threadTs),
      "the threaded answer",
    );
    expect(second.body.channel).toBe("C2");
  });

  it("answers a direct message in the DM", async () => {
    await event(h, {
      type: "message",
      channel: "D9",
      channel_type: "im",
      user: "U9",
      text: "can we run databases in containers?",
      ts: h.fake.nextTs(),
    });
    const reply = await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === "D9"),
      "the DM answer",
    );
    expect(reply.body.thread_ts).toBeUndefined();
    expect(findButton(reply, (v) => v.type === "feedback")).toBeDefined();
  });

  it("never answers bots, itself or message subtypes", async () => {
    const before = h.fake.calls.length;
    await event(h, {
      type: "message",
      channel: "DBOT",
      channel_type: "im",
      bot_id: "B2",
      user: "U7",
      text: "hello",
      ts: h.fake.nextTs(),
    });
    await event(h, {
      type: "message",
      channel: "DBOT",
      channel_type: "im",
      bot_id: "BBOT",
      user: "UBOT",
      text: "what is a container?",
      ts: h.fake.nextTs(),
    });
    await event(h, {
      type: "message",
      channel: "DBOT",
      channel_type: "im",
      subtype: "message_changed",
      text: "x",
      ts: h.fake.nextTs(),
    });
    await event(h, {
      type: "app_mention",
      channel: "CBOT",
      bot_id: "B2",
      user: "U7",
      text: "<@UBOT> what is a container?",
      ts: h.fake.nextTs(),
    });
    await sentinel();
    expect(
      h.fake.since(before).filter((c) => c.body.channel === "DBOT" || c.body.channel === "CBOT"),
    ).toEqual([]);
  });

  it("processes an event once: a retry with the same event_id posts nothing new", async () => {
    const eventId = nextId("EvRetry");
    const ev = {
      type: "message",
      channel: "DRETRY",
      channel_type: "im",
      user: "U3",
      text: "what is a container?",
      ts: h.fake.nextTs(),
    };
    await event(h, ev, { eventId });
    await h.fake.waitFor(() => h.fake.calls.find((c) => c.body.channel === "DRETRY"), "the first answer");
    const res = await event(h, ev, { eventId, retryNum: 1 });
    expect(res.status).toBe(200);
    await sentinel();
    expect(h.fake.calls.filter((c) => c.body.channel === "DRETRY")).toHaveLength(1);
  });

  it("still processes a retry whose first delivery never arrived", async () => {
    await event(
      h,
      {
        type: "message",
        channel: "DLOST",
        channel_type: "im",
        user: "U3",
        text: "what is a container?",
        ts: h.fake.nextTs(),
      },
      { retryNum: 2 },
    );
    await h.fake.waitFor(() => h.fake.calls.find((c) => c.body.channel === "DLOST"), "the retried answer");
  });
});

describe("signatures", () => {
  const body = () =>
    JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      event_id: nextId("EvSig"),
      event: {
        type: "message",
        channel: "DSIG",
        channel_type: "im",
        user: "U4",
        text: "what is a container?",
        ts: h.fake.nextTs(),
      },
    });
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ["missing", (_b: string) => ({})],
    ["stale", (b: string) => sign(b, now() - 301)],
    ["future", (b: string) => sign(b, now() + 301)],
    ["wrong secret", (b: string) => sign(b, now(), "not-the-secret")],
    ["tampered", (b: string) => sign(`${b} `, now())],
    [
      "garbage",
      (_b: string) => ({ "x-slack-signature": "v0=zz", "x-slack-request-timestamp": String(now()) }),
    ],
  ])("refuses a %s signature with 401 and processes nothing", async (_name, headers) => {
    const b = body();
    const res = await post(h.url, b, "application/json", headers(b));
    expect(res.status).toBe(401);
    await sentinel();
    expect(h.fake.calls.filter((c) => c.body.channel === "DSIG")).toEqual([]);
  });

  it("answers Slack's url_verification challenge when signed", async () => {
    const b = JSON.stringify({ type: "url_verification", challenge: "abc123", token: "x" });
    const res = await post(h.url, b, "application/json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "abc123" });
  });
});

describe("checklist walkthrough", () => {
  it("starts in the channel, is driven by buttons to a recommendation, updating each question with the choice and who", async () => {
    const before = h.fake.calls.length;
    const { res } = await command(h, "checklist", { channel: "CWALK", userName: "alice" });
    expect(res.status).toBe(200);
    const root = await h.fake.waitFor(
      () =>
        h.fake.since(before, "chat.postMessage").find((c) => c.body.channel === "CWALK" && !c.body.thread_ts),
      "the checklist root",
    );
    expect(textOf(root)).toMatch(/Decision checklist/);
    const rootTs = h.fake.calls.indexOf(root);

    // The fake answers ts in call order; the root's ts is what the thread posts point at.
    const threadPosts = () =>
      h.fake
        .since(rootTs + 1, "chat.postMessage")
        .filter((c) => c.body.channel === "CWALK" && typeof c.body.thread_ts === "string");
    let first = await h.fake.waitFor(() => threadPosts()[0], "the first question");
    const thread = first.body.thread_ts as string;

    let steps = 0;
    let seen = 1;
    for (;;) {
      const question = first;
      const choice = findButton(question, (v) => v.type === "checklist.answer" && v.value !== null);
      if (!choice) break;
      const questionTs = tsOf(question);
      const mark = h.fake.calls.length;
      await press(h, { channel: "CWALK", ts: questionTs, threadTs: thread }, choice, {
        id: "U5",
        name: "bob",
      });
      const update = await h.fake.waitFor(
        () => h.fake.since(mark, "chat.update")[0],
        `the update of question ${steps + 1}`,
      );
      expect(update.body.ts).toBe(questionTs);
      expect(textOf(update)).toContain(`answered by bob`);
      expect(textOf(update)).toContain(choice.text.text.replace(/&/g, "&amp;"));
      first = await h.fake.waitFor(() => threadPosts()[seen], `the post after question ${steps + 1}`);
      seen++;
      steps++;
      expect(first.body.thread_ts).toBe(thread);
      if (steps > 20) throw new Error("walkthrough did not end");
    }
    expect(steps).toBe(11);
    expect(textOf(first)).toMatch(/Recommendation/);
    expect(blocksOf(first).some((b) => b.type === "section" && JSON.stringify(b).includes("```"))).toBe(true);

    // The walkthrough shows on the App Home of the person who finished it, with its result.
    const mark = h.fake.calls.length;
    await event(h, { type: "app_home_opened", user: "U5", channel: "DU5", tab: "home" });
    const view = await h.fake.waitFor(() => h.fake.since(mark, "views.publish")[0], "the App Home");
    expect(view.body.user_id).toBe("U5");
    expect(textOf(view)).toMatch(/recent walkthroughs/i);
    expect(textOf(view)).toMatch(/in <#CWALK>: finished, 11 answered → \*/);
  });

  it("closes a question's card when its answer is typed in the thread instead of pressed", async () => {
    const before = h.fake.calls.length;
    await command(h, "checklist", { channel: "CTYPE", userName: "alice" });
    const question = await h.fake.waitFor(
      () =>
        h.fake
          .since(before, "chat.postMessage")
          .find((c) => c.body.channel === "CTYPE" && typeof c.body.thread_ts === "string"),
      "the first question",
    );
    const thread = question.body.thread_ts as string;
    expect(buttonsOf(question).length).toBeGreaterThan(2);
    // The delivery loop records the posted card (its ts) once Slack has answered: wait for that.
    const key = walkthroughKey({ platform: "slack", conversation: "CTYPE", thread });
    const shownRef = async () => (await h.app.context.store.get<{ shownRef?: string }>(key))?.value.shownRef;
    for (let i = 0; i < 500 && (await shownRef()) !== tsOf(question); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await shownRef()).toBe(tsOf(question));
    const mark = h.fake.calls.length;
    await event(h, {
      type: "app_mention",
      channel: "CTYPE",
      user: "U7",
      text: "<@UBOT> we run untrusted customer code in sandboxes",
      ts: h.fake.nextTs(),
      thread_ts: thread,
    });
    // The card that asked is replaced by the answer, buttons gone; the next question follows.
    const update = await h.fake.waitFor(() => h.fake.since(mark, "chat.update")[0], "the answered card");
    expect(update.body.ts).toBe(tsOf(question));
    expect(buttonsOf(update)).toEqual([]);
    expect(textOf(update)).toContain("Read from your words");
    expect(textOf(update)).toMatch(/Hard/);
    const next = await h.fake.waitFor(
      () => h.fake.since(mark, "chat.postMessage").find((c) => c.body.thread_ts === thread),
      "the next question",
    );
    expect(textOf(next)).toMatch(/Question 2 of 11/);
  });

  it("tells the user to invite the bot when it cannot post in the channel", async () => {
    h.fake.failPostMessage = "not_in_channel";
    try {
      const { responseId } = await command(h, "checklist", { channel: "CPRIV" });
      const r = await waitResponse(responseId);
      expect(r.body.response_type).toBe("ephemeral");
      expect(textOf(r)).toContain("/invite @vmvc");
    } finally {
      h.fake.failPostMessage = undefined;
    }
  });

  it("starts a checklist in the DM from the App Home", async () => {
    const mark = h.fake.calls.length;
    const start = { action_id: "vmvc:home:0", value: JSON.stringify({ type: "checklist.start" }) };
    await press(h, { channel: "", ts: "", view: true }, start, { id: "UHOME", name: "carol" });
    const root = await h.fake.waitFor(
      () =>
        h.fake.since(mark, "chat.postMessage").find((c) => c.body.channel === "DUHOME" && !c.body.thread_ts),
      "the DM root",
    );
    expect(textOf(root)).toContain("carol");
    expect(h.fake.since(mark, "conversations.open")).toHaveLength(1);
    await h.fake.waitFor(
      () =>
        h.fake.since(mark, "chat.postMessage").find((c) => c.body.channel === "DUHOME" && c.body.thread_ts),
      "the first DM question",
    );
  });
});

describe("buttons", () => {
  it("answers a 'did you mean' pick", async () => {
    const question = vagueQuestion(h.app.context.bot);
    // A person with no earlier answer in this channel: no follow-up context to resolve against.
    const { responseId } = await command(h, question, { user: "UDYM", userName: "grace" });
    const r = await waitResponse(responseId);
    const pick = findButton(r, (v) => v.type === "ask" && v.via === "suggestion");
    expect(pick).toBeDefined();
    const answered = await press(h, { channel: "C1", ts: "2.2", ephemeral: true }, pick!);
    const answer = await waitResponse(answered.responseId);
    expect(answer.body.response_type).toBe("ephemeral");
    expect(
      findButton(answer, (v) => v.type === "feedback" && v.entryId === JSON.parse(pick!.value).entryId),
    ).toBeDefined();
  });

  it("says an unsure answer is a best guess, and answers the runner-up it offers when pressed", async () => {
    const question = unsureQuestion(h.app.context.bot);
    const { responseId } = await command(h, question, { user: "UBG", userName: "ada" });
    const r = await waitResponse(responseId);
    expect(JSON.stringify(r.body.blocks)).toContain(knowledge.responses.answer.bestGuess);
    const offer = findButton(r, (v) => v.type === "ask" && v.via === "suggestion");
    expect(offer).toBeDefined();
    const answered = await press(h, { channel: "C1", ts: "2.3", ephemeral: true }, offer!);
    const answer = await waitResponse(answered.responseId);
    expect(
      findButton(answer, (v) => v.type === "feedback" && v.entryId === JSON.parse(offer!.value).entryId),
    ).toBeDefined();
  });

  it("stores 👍 once: a second identical press records nothing new", async () => {
    const { responseId } = await command(h, "what is a hypervisor?", { user: "UFB" });
    const r = await waitResponse(responseId);
    const up = findButton(r, (v) => v.type === "feedback" && v.vote === "up")!;
    const feedbackCount = async () =>
      (await h.app.context.bot.insights.read()).filter((e) => e.type === "feedback").length;
    const before = await feedbackCount();
    const first = await press(h, { channel: "C1", ts: "3.3", ephemeral: true }, up, {
      id: "UFB",
      name: "fb",
    });
    expect(textOf(await waitResponse(first.responseId))).toMatch(/Thanks for the feedback/);
    expect(await feedbackCount()).toBe(before + 1);
    const second = await press(h, { channel: "C1", ts: "3.3", ephemeral: true }, up, {
      id: "UFB",
      name: "fb",
    });
    expect(textOf(await waitResponse(second.responseId))).toMatch(/already rated/);
    expect(await feedbackCount()).toBe(before + 1);
  });

  it("answers a malformed button value politely", async () => {
    const { responseId } = await press(
      h,
      { channel: "C1", ts: "4.4" },
      { action_id: "vmvc:0", value: '{"type":"nope"}' },
    );
    expect(textOf(await waitResponse(responseId))).toMatch(/couldn't read that button/);
  });
});

describe("error hook", () => {
  it("apologises to the person (ephemerally, in the thread) when posting fails unexpectedly", async () => {
    h.fake.failPostMessage = "fatal_error";
    try {
      const ts = h.fake.nextTs();
      const mark = h.fake.calls.length;
      await event(h, {
        type: "app_mention",
        channel: "CERR",
        user: "U8",
        text: "<@UBOT> what is a container?",
        ts,
      });
      const sorry = await h.fake.waitFor(
        () => h.fake.since(mark, "chat.postEphemeral").find((c) => c.body.channel === "CERR"),
        "the apology",
      );
      expect(sorry.body.user).toBe("U8");
      expect(sorry.body.thread_ts).toBe(ts);
      expect(textOf(sorry)).toMatch(/Sorry, something went wrong/);
    } finally {
      h.fake.failPostMessage = undefined;
    }
  });
});

describe("escaping", () => {
  it("never lets <!channel> from a person reach a payload raw", async () => {
    const mark = h.fake.calls.length;
    await command(h, "checklist", { channel: "CESC", userName: "<!channel>" });
    await h.fake.waitFor(
      () => h.fake.since(mark, "chat.postMessage").find((c) => c.body.channel === "CESC" && c.body.thread_ts),
      "the escaped checklist",
    );
    const { responseId } = await command(
      h,
      "<!channel> tell me about platform teams and hypervisor onboarding",
    );
    await waitResponse(responseId);
    await event(h, {
      type: "app_mention",
      channel: "CESC",
      user: "U6",
      text: "<@UBOT> <!channel> <@U123> what is a container?",
      ts: h.fake.nextTs(),
    });
    const stats = await command(h, "stats", { user: "UADMIN" });
    await waitResponse(stats.responseId);
    await sentinel();
    const all = JSON.stringify(h.fake.calls);
    expect(all).not.toContain("<!channel>");
    expect(JSON.stringify(h.fake.since(mark))).toContain("&lt;!channel&gt;");
  });
});

describe("Block Kit limits", () => {
  it("holds for every payload sent to Slack in this run", () => {
    const payloads = h.fake.calls.filter((c) => c.body.blocks !== undefined || c.method === "views.publish");
    expect(payloads.length).toBeGreaterThan(30);
    for (const c of payloads) {
      const body =
        c.method === "views.publish" ? { text: "home", ...(c.body.view as Record<string, unknown>) } : c.body;
      expect(checkBlockKitLimits(body), `${c.method} ${JSON.stringify(c.body).slice(0, 200)}`).toEqual([]);
    }
  });
});

/** The ts the fake gave a posted message. */
function tsOf(call: SlackCall): string {
  const ts = call.result?.ts;
  if (typeof ts !== "string") throw new Error(`no ts for ${call.method}`);
  return ts;
}
