import { describe, expect, it } from "vitest";
import { MAX_ACTIONS } from "../../../src/adapters/teams/cards.ts";
import type { CompareAspect } from "../../../src/knowledge/schema.ts";
import { knowledge } from "../../helpers/bot.ts";
import { type ConnectorCall, cardOf, submitsOf, textOf } from "../../helpers/fakeConnector.ts";
import { teamsMessage, useTeamsApp } from "./harness.ts";

/*
 * Every Input.ChoiceSet the bot offers, submitted over real HTTP: the Activity Teams posts to
 * /api/messages when a person picks an option and presses the set's Action.Submit (the submit's
 * `data` with the picked value under the input's id, as `activity.value`), answered through the
 * local fake connector. The checklist's expanded choice sets are walked in e2e.test.ts.
 */

const { t, send } = useTeamsApp();

/** Card text without the backslashes that escape card markdown, for content checks. */
const plain = (call: ConnectorCall) => textOf(cardOf(call)).replace(/\\(.)/g, "$1");
/** Words only: Teams cards drop the inline-code backticks of the knowledge text. */
const words = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, " ").toLowerCase();

/** Each option of the card's choice sets, as the value Teams would post for it. */
function picks(call: ConnectorCall) {
  const found = submitsOf(cardOf(call)).filter((s) => s.data.vmvc === "pick");
  expect(found.length).toBeGreaterThan(0);
  return found;
}

/** Picks the option titled `title` and submits it; returns the bot's one reply. */
async function pick(conversationId: string, call: ConnectorCall, title: string): Promise<ConnectorCall> {
  const option = picks(call).find((p) => p.title === title);
  if (!option) throw new Error(`no option "${title}" in ${picks(call).map((p) => p.title)}`);
  const [reply] = await send(
    teamsMessage(t.connector, { conversationId, value: option.data, replyToId: call.id }),
  );
  return reply!;
}

function expectComparison(call: ConnectorCall, aspect: CompareAspect): void {
  expect(call.kind).toBe("reply");
  const text = plain(call);
  expect(text.split("\n")[0]).toBe(`${aspect.name}: VMs vs containers`);
  expect(words(text)).toContain(words(aspect.vms).slice(0, 60));
  expect(words(text)).toContain(words(aspect.containers).slice(0, 60));
  expect(text).not.toContain(knowledge.responses.errors.unknownAspect.slice(0, 30));
}

describe("Teams choice sets over HTTP", () => {
  it("compare: the choice set offers every aspect not in the table; a pick answers that aspect", async () => {
    const conversationId = "a:1personal-compare";
    const [overview] = await send(teamsMessage(t.connector, { conversationId, text: "compare" }));
    const key = knowledge.responses.compare.keyAspects;
    expect(
      picks(overview!)
        .map((p) => p.title)
        .sort(),
    ).toEqual(
      knowledge.compare
        .filter((a) => !key.includes(a.id))
        .map((a) => a.name)
        .sort(),
    );
    const drift = knowledge.compare.find((a) => a.id === "configuration-drift")!;
    const answer = await pick(conversationId, overview!, drift.name);
    expectComparison(answer, drift);
    // The answer offers the other aspects in its own choice set.
    expect(picks(answer).map((p) => p.title)).not.toContain(drift.name);
  });

  it("every option of every compare choice set answers its own aspect", async () => {
    const conversationId = "a:1personal-compare-all";
    for (const text of ["compare", "compare all", "compare boot time", "compare frobnication"]) {
      const [menu] = await send(teamsMessage(t.connector, { conversationId, text }));
      for (const option of picks(menu!)) {
        const aspect = knowledge.compare.find((a) => a.name === option.title)!;
        expect(aspect, option.title).toBeDefined();
        expectComparison(await pick(conversationId, menu!, option.title), aspect);
      }
    }
  }, 60_000);

  it("compare in a channel: the pick is answered in the same reply chain", async () => {
    const conversationId = "19:channel-1@thread.tacv2;messageid=1700000000042";
    const [overview] = await send(
      teamsMessage(t.connector, { scope: "channel", conversationId, text: "compare", mention: true }),
    );
    expect(overview!.conversationId).toBe(conversationId);
    const blast = knowledge.compare.find((a) => a.id === "blast-radius")!;
    const option = picks(overview!).find((p) => p.title === blast.name)!;
    // A card submit in a channel carries no mention: it is still answered.
    const [answer] = await send(
      teamsMessage(t.connector, {
        scope: "channel",
        conversationId,
        value: option.data,
        replyToId: overview!.id,
      }),
    );
    expect(answer!.conversationId).toBe(conversationId);
    expectComparison(answer!, blast);
  });

  it("topics: the topic choice set opens a topic; its question choice set opens the answer", async () => {
    const conversationId = "a:1personal-topics";
    const [menu] = await send(teamsMessage(t.connector, { conversationId, text: "topics" }));
    expect(picks(menu!).map((p) => p.title)).toEqual(knowledge.topics.map((tp) => tp.title));
    // The last topic with more questions than Teams shows buttons: they come as a choice set.
    const topic = knowledge.topics.findLast(
      (tp) => knowledge.faq.filter((e) => e.topic === tp.id).length > MAX_ACTIONS,
    )!;
    const topicCard = await pick(conversationId, menu!, topic.title);
    expect(plain(topicCard).split("\n")[0]).toBe(topic.title);

    const questions = picks(topicCard);
    const entries = knowledge.faq.filter((e) => e.topic === topic.id);
    expect(questions.map((q) => q.title)).toEqual(entries.slice(0, 25).map((e) => e.question));
    const last = entries[Math.min(entries.length, 25) - 1]!;
    const answer = await pick(conversationId, topicCard, last.question);
    expect(plain(answer)).toMatch(new RegExp(`^Answering: ${escapeRegExp(last.question)}`));
  });

  it("myths: every myth has a Read more option, and the last one opens its entry", async () => {
    const conversationId = "a:1personal-myths";
    const [myths] = await send(teamsMessage(t.connector, { conversationId, text: "myths" }));
    expect(picks(myths!).map((p) => p.title)).toEqual(knowledge.myths.map((m) => m.myth));
    const myth = knowledge.myths.at(-1)!;
    const entry = knowledge.faq.find((e) => e.id === myth.entry)!;
    const answer = await pick(conversationId, myths!, myth.myth);
    expect(plain(answer)).toMatch(new RegExp(`^Answering: ${escapeRegExp(entry.question)}`));
  });

  it("a pick whose value is not one of ours, or nothing picked, gets the polite unreadable reply", async () => {
    const conversationId = "a:1personal-forged";
    const [menu] = await send(teamsMessage(t.connector, { conversationId, text: "compare" }));
    const { data } = picks(menu!)[0]!;
    const input = String(data.vmvcInput);
    const unreadable = knowledge.responses.errors.unreadableButton.slice(0, 30);
    for (const value of ['{"type":"drop-tables"}', "not json", ""]) {
      const [reply] = await send(
        teamsMessage(t.connector, {
          conversationId,
          value: { ...data, [input]: value },
          replyToId: menu!.id,
        }),
      );
      expect(plain(reply!)).toContain(unreadable);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
