import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackApp } from "../../src/adapters/slack/app.ts";
import { SlackHttpReceiver } from "../../src/adapters/slack/receiver.ts";
import { createLogger } from "../../src/logger.ts";
import { HttpApp } from "../../src/server/http.ts";
import { command, type Harness, SECRET, type SlackTarget, startHarness } from "../adapters/slack/harness.ts";

/**
 * Over HTTP, `/vmvc` is answered by the receiver without Bolt's processEvent when the bot's ids
 * are known (src/adapters/slack/app.ts); without them it goes through Bolt. Both must answer
 * every command alike: the same ack, and the same Web API calls when the answer comes later.
 */
let h: Harness;
let bolt: HttpApp;
let viaBolt: SlackTarget;
let direct: SlackTarget;

beforeAll(async () => {
  h = await startHarness();
  direct = { url: h.url, fake: h.fake };
  // The same bot, store and fake Slack; no bot ids, so commands go through Bolt.
  const { receiver } = createSlackApp(h.app.context, {
    mode: "http",
    botToken: "xoxb-test",
    signingSecret: SECRET,
    apiUrl: h.fake.apiUrl,
  });
  expect(receiver).toBeInstanceOf(SlackHttpReceiver);
  bolt = new HttpApp(createLogger("silent"));
  bolt.route("POST", "/slack/events", (receiver as SlackHttpReceiver).handle);
  const port = await bolt.listen(0, "127.0.0.1");
  viaBolt = { url: `http://127.0.0.1:${port}/slack/events`, fake: h.fake };
});

afterAll(async () => {
  await bolt?.close();
  await h?.stop();
});

/** An ack without what differs between two askings: the per-question id. */
const comparable = (body: string) => body.replace(/"askedId\\?":\\?"[^"\\]*\\?"/g, '"askedId":"-"');

describe("/vmvc over HTTP, directly and through Bolt", () => {
  it.each([
    "help",
    "can we run databases in containers?",
    "and for VMs?",
    "who won the game last night",
    "",
    "hello",
    "compare",
    "myths",
    "topics",
    "stats",
    "cost security kubernetes",
    "recommend we deploy several times a day, 60 stateless services",
    `${"containers ".repeat(500)}?`,
  ])("answers %j with the same ack", async (text) => {
    const a = await command(direct, text, { channel: "CDIRECT" });
    const b = await command(viaBolt, text, { channel: "CBOLT" });
    expect(a.res.status).toBe(b.res.status);
    expect(a.res.headers.get("content-type")).toBe(b.res.headers.get("content-type"));
    expect(comparable(await a.res.text())).toBe(comparable(await b.res.text()));
  });

  it("makes the same Web API calls for an answer that comes after the ack", async () => {
    const postsTo = (channel: string) =>
      h.fake.waitFor(
        () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === channel),
        `the checklist in ${channel}`,
      );
    const a = await command(direct, "checklist", { channel: "CDIRECT2" });
    const b = await command(viaBolt, "checklist", { channel: "CBOLT2" });
    expect(await a.res.text()).toBe(await b.res.text());
    const [postA, postB] = await Promise.all([postsTo("CDIRECT2"), postsTo("CBOLT2")]);
    const without = ({ channel: _c, ...rest }: Record<string, unknown>) =>
      JSON.stringify(rest).replace(/"walkthroughId\\?":\\?"[^"\\]*\\?"/g, "-");
    expect(without(postA.body)).toBe(without(postB.body));
  });
});
