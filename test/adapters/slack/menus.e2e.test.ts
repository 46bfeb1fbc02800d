import { describe, expect, it } from "vitest";
import { toMrkdwn } from "../../../src/adapters/slack/mrkdwn.ts";
import type { CompareAspect } from "../../../src/knowledge/schema.ts";
import { knowledge } from "../../helpers/bot.ts";
import type { SlackCall } from "../../helpers/fakeSlack.ts";
import {
  checkBlockKitLimits,
  choose,
  command,
  event,
  headersOf,
  type MenuEl,
  menusOf,
  nextId,
  responseOf,
  textOf,
  useHarness,
} from "./harness.ts";

/*
 * The compare menu (`static_select`) over real HTTP: a signed block_actions payload with the picked
 * option, as Slack posts it, to the running Bolt app, which answers through the local fake Slack.
 */

const h = useHarness();

const aspectNamed = (name: string): CompareAspect => {
  const aspect = knowledge.compare.find((a) => a.name === name);
  if (!aspect) throw new Error(`no aspect named ${name}`);
  return aspect;
};

/** The one compare menu of a payload. */
function menuOf(call: SlackCall): MenuEl {
  const menus = menusOf(call);
  expect(menus).toHaveLength(1);
  return menus[0]!;
}

/** The payload shows one aspect's comparison: its heading and both sides, as Slack text. */
function expectComparison(call: SlackCall, aspect: CompareAspect): void {
  expect(headersOf(call)).toEqual([`${aspect.name}: VMs vs containers`]);
  const text = textOf(call);
  expect(text).toContain(JSON.stringify(toMrkdwn(aspect.vms).slice(0, 60)).slice(1, -1));
  expect(text).toContain(JSON.stringify(toMrkdwn(aspect.containers).slice(0, 60)).slice(1, -1));
  expect(text).not.toContain(knowledge.responses.errors.unknownAspect);
  expect(checkBlockKitLimits(call.body)).toEqual([]);
}

describe("Slack compare menu (static_select) over HTTP", () => {
  it("/vmvc compare: the menu offers every aspect not in the table; a pick answers that aspect privately", async () => {
    const { responseId } = await command(h, "compare");
    const overview = await responseOf(h, responseId, "the compare overview");
    const menu = menuOf(overview);
    const offered = menu.options.map((o) => o.text.text);
    const key = knowledge.responses.compare.keyAspects;
    expect(offered.sort()).toEqual(
      knowledge.compare
        .filter((a) => !key.includes(a.id))
        .map((a) => a.name)
        .sort(),
    );

    // An aspect with a hyphenated id, the kind that once answered "Unknown aspect".
    const drift = knowledge.compare.find((a) => a.id === "configuration-drift")!;
    const option = menu.options.find((o) => o.text.text === drift.name)!;
    const picked = await choose(h, { channel: "C1", ts: "1.1", ephemeral: true }, menu, option);
    expect(picked.res.status).toBe(200);
    const answer = await responseOf(h, picked.responseId, "the picked aspect");
    expect(answer.body.response_type).toBe("ephemeral");
    expectComparison(answer, drift);
    // The answer has its own menu, without the aspect it shows.
    expect(menuOf(answer).options.map((o) => o.text.text)).not.toContain(drift.name);
  });

  it("every option of every compare menu answers its own aspect", async () => {
    const menus: MenuEl[] = [];
    for (const text of ["compare", "compare all", "compare boot time", "compare frobnication"]) {
      const { responseId } = await command(h, text);
      menus.push(menuOf(await responseOf(h, responseId, `the menu of ${text}`)));
    }
    // "compare all" and the unknown-aspect notice offer every aspect; one aspect's answer the others.
    expect(menus[1]!.options).toHaveLength(knowledge.compare.length);
    expect(menus[2]!.options).toHaveLength(knowledge.compare.length - 1);
    expect(menus[3]!.options).toHaveLength(knowledge.compare.length);
    const picks = menus.flatMap((menu) => menu.options.map((option) => ({ menu, option })));
    for (const { menu, option } of picks) {
      const picked = await choose(h, { channel: "C1", ts: "1.1", ephemeral: true }, menu, option);
      const answer = await responseOf(h, picked.responseId, `the answer to ${option.text.text}`);
      expectComparison(answer, aspectNamed(option.text.text));
    }
  }, 60_000);

  it("a pick on a public compare in a mention thread answers in that thread", async () => {
    const channel = nextId("CMENU");
    const mentionTs = h.fake.nextTs();
    await event(h, { type: "app_mention", channel, user: "U2", text: "<@UBOT> compare", ts: mentionTs });
    const overview = await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.method === "chat.postMessage" && c.body.channel === channel),
      "the public compare",
    );
    expect(overview.body.thread_ts).toBe(mentionTs);
    const menu = menuOf(overview);
    const selfHealing = knowledge.compare.find((a) => a.id === "self-healing")!;
    const option = menu.options.find((o) => o.text.text === selfHealing.name)!;

    const before = h.fake.calls.length;
    const picked = await choose(
      h,
      { channel, ts: String(overview.result?.ts), threadTs: mentionTs },
      menu,
      option,
      { id: "U2", name: "bob" },
    );
    expect(picked.res.status).toBe(200);
    const answer = await h.fake.waitFor(
      () => h.fake.since(before, "chat.postMessage").find((c) => c.body.channel === channel),
      "the picked aspect in the thread",
    );
    expect(answer.body.thread_ts).toBe(mentionTs);
    expectComparison(answer, selfHealing);
  });

  it("a pick whose option value is not one of ours gets the polite unreadable reply", async () => {
    const { responseId } = await command(h, "compare");
    const menu = menuOf(await responseOf(h, responseId));
    const forged = { text: { type: "plain_text" as const, text: "Forged" }, value: '{"type":"drop-tables"}' };
    const picked = await choose(h, { channel: "C1", ts: "1.1", ephemeral: true }, menu, forged);
    expect(picked.res.status).toBe(200);
    const answer = await responseOf(h, picked.responseId);
    expect(textOf(answer)).toContain(toMrkdwn(knowledge.responses.errors.unreadableButton).slice(0, 40));
  });
});
