import { describe, expect, it } from "vitest";
import { LIMITS, renderReply } from "../../../src/adapters/slack/blocks.ts";
import { homeView } from "../../../src/adapters/slack/home.ts";
import { fromSlack, toMrkdwn } from "../../../src/adapters/slack/mrkdwn.ts";
import { createStore } from "../../../src/store/index.ts";
import { makeBot } from "../../helpers/bot.ts";
import { EVIL_HOST, fullRun } from "../../helpers/fullRun.ts";
import { typeErrors } from "../../helpers/typecheck.ts";

/** Every string in a payload, with the path to it. */
function strings(node: unknown, path = ""): { path: string; text: string }[] {
  if (typeof node === "string") return [{ path, text: node }];
  if (Array.isArray(node)) return node.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (node && typeof node === "object")
    return Object.entries(node).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

/** Block Kit's documented limits, checked on one message's blocks. */
// biome-ignore lint/suspicious/noExplicitAny: walks every block type's fields by name
function limitProblems(blocks: Record<string, any>[]): string[] {
  const out: string[] = [];
  if (blocks.length > LIMITS.blocksPerMessage) out.push(`${blocks.length} blocks`);
  for (const b of blocks) {
    if (b.type === "section") {
      if ((b.text?.text ?? "").length > LIMITS.sectionText) out.push("section text too long");
      if ((b.fields ?? []).length > LIMITS.fieldsPerSection) out.push("too many fields");
      for (const f of b.fields ?? []) if (f.text.length > LIMITS.fieldText) out.push("field too long");
    }
    if (b.type === "header" && b.text.text.length > LIMITS.headerText) out.push("header too long");
    if (b.type === "context") {
      if (b.elements.length > LIMITS.contextElements) out.push("too many context elements");
      for (const e of b.elements) if (e.text.length > LIMITS.contextText) out.push("context too long");
    }
    const elements = [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])];
    if (b.type === "actions" && b.elements.length > LIMITS.elementsPerActions) out.push("too many elements");
    for (const e of elements) {
      if (e.action_id && e.action_id.length > 255) out.push("action_id too long");
      if (e.type === "button") {
        if (e.text.text.length > LIMITS.buttonText) out.push(`button text too long: ${e.text.text}`);
        if (e.value.length > LIMITS.buttonValue) out.push("button value too long");
      }
      if (e.type === "static_select") {
        if (e.options.length > LIMITS.selectOptions) out.push("too many options");
        for (const o of e.options) {
          if (o.text.text.length > LIMITS.optionText) out.push("option text too long");
          if (o.value.length > LIMITS.optionValue) out.push("option value too long");
        }
      }
    }
  }
  return out;
}

describe("Slack payloads of a full run", () => {
  it("type-check against @slack/types and stay within Block Kit's limits", async () => {
    const bot = makeBot(await createStore("memory:"));
    const run = await fullRun(bot, "slack");
    const messages = run.flatMap(({ name, reply }) => renderReply(reply).map((m) => ({ name, ...m })));
    const home = homeView(
      [
        {
          id: "w1",
          conversation: "C123",
          startedAt: 0,
          status: "finished",
          answered: 11,
          recommendation: "kubernetes-on-vms",
        },
      ] as never,
      bot.qa.context.responses.home,
      (id) => bot.walkthroughs.recommendationTitle(id),
      0,
    );
    expect(messages.length).toBeGreaterThan(25);
    for (const m of messages) expect(limitProblems(m.blocks as never), m.name).toEqual([]);

    // The recorded payloads, compiled against the official types: any field Slack does not define fails.
    const diagnostics = typeErrors("vmvc-slack-types", {
      payloads: [
        'import type { HomeView, KnownBlock } from "@slack/types";',
        `export const messages: { text: string; blocks: KnownBlock[] }[] = ${JSON.stringify(messages.map(({ text, blocks }) => ({ text, blocks })))};`,
        `export const home: HomeView = ${JSON.stringify(home)};`,
      ].join("\n"),
    });
    expect(diagnostics).toEqual([]);

    // Text exactly once: no double escapes, no user formatting, links or channel pings.
    const all = strings(messages);
    expect(all.filter((s) => /&amp;(amp|lt|gt);/.test(s.text))).toEqual([]);
    expect(all.filter((s) => s.text.includes("<!channel>"))).toEqual([]);
    expect(all.filter((s) => s.text.includes(EVIL_HOST) && /<https?:/.test(s.text))).toEqual([]);
    const stats = messages
      .filter((m) => m.name === "stats")
      .flatMap((m) => strings(m.blocks))
      .map((s) => s.text)
      .join("\n");
    expect(stats).toContain("&amp; &lt;!channel&gt;");
    expect(stats).not.toMatch(/(^|\s)\*bold\*/);
    expect(stats).not.toContain("~strike~");
    // People are mentioned, not named by their old username.
    const answered = messages
      .filter((m) => m.name.startsWith("checklist answer"))
      .map((m) => JSON.stringify(m.blocks));
    expect(answered.some((b) => b.includes("<@U0EVE>"))).toBe(true);
    expect(answered.some((b) => b.includes("Eve **bold**"))).toBe(false);
    // App Home shows the recommendation's title, not its id.
    expect(JSON.stringify(home)).toContain("Kubernetes on VMs");
    expect(JSON.stringify(home)).not.toContain("*kubernetes-on-vms*");
  });

  it("decodes Slack's entities on the way in and escapes once on the way out", () => {
    const typed = fromSlack("R&amp;D &lt;b&gt; see <https://x.example|the docs> in <#C1|ops>");
    expect(typed).toBe("R&D <b> see the docs in #ops");
    expect(toMrkdwn("R&D <b>")).toBe("R&amp;D &lt;b&gt;");
  });

  it("ends a long source list with a count, never a cut citation", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [all] = await bot.handle({
      platform: "slack",
      user: { id: "U1" },
      conversation: "C1",
      via: "command",
      text: "compare all",
    });
    const context = renderReply(all!)
      .flatMap((m) => m.blocks)
      .find((b) => b.type === "context" && JSON.stringify(b).includes("Sources"));
    const text = (context as { elements: { text: string }[] }).elements[0]!.text;
    expect(text.length).toBeLessThanOrEqual(LIMITS.contextText);
    expect(text).toMatch(/; and \d+ more sources$/);
    expect(text).not.toMatch(/…$/);
  });
});
