import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReply } from "../../../src/adapters/slack/blocks.ts";
import { createStore } from "../../../src/store/index.ts";
import { makeBot } from "../../helpers/bot.ts";
import { hasChromium, launchChromium } from "../../helpers/browser.ts";
import { EVIL_HOST, fullRun } from "../../helpers/fullRun.ts";
import { showInFrame, slackMessageHtml, slackRendererPage } from "../../helpers/slackRenderer.ts";

/**
 * Every Slack message of a full run, drawn by slack-blocks-to-jsx (a third-party imitation of
 * Slack's client: Slack has no offline renderer) in Chromium, and read the way a person reads it.
 * It cannot prove how Slack itself draws a message; it catches what any Slack-like reading shows:
 * blocks that draw nothing, entities escaped twice, markdown markers left as text, a person's
 * markup made live. (Links are checked on the payload: the renderer reads `[text](url)` as a
 * link, which Slack's mrkdwn does not, and it ignores `verbatim`, which stops Slack from
 * auto-linking a URL a person typed.)
 */

interface Seen {
  blocks: number;
  text: string;
  styledUserWords: string[];
  mentions: string[];
}

/** Every mrkdwn text object of a payload. */
function mrkdwnObjects(node: unknown): { text: string; verbatim?: unknown }[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnObjects);
  if (!node || typeof node !== "object") return [];
  const o = node as Record<string, unknown>;
  const here = o.type === "mrkdwn" ? [{ text: String(o.text), verbatim: o.verbatim }] : [];
  return [...here, ...Object.values(o).flatMap(mrkdwnObjects)];
}

async function see(page: Page, html: string): Promise<Seen> {
  await showInFrame(page, html);
  return page.evaluate(() => {
    const frame = document.getElementById("frame")!;
    const blocks = frame.querySelectorAll(".slack_blocks_to_jsx--blocks > *").length;
    const body = frame.querySelector<HTMLElement>(".slack_blocks_to_jsx--blocks")!;
    // The words a person typed as *bold*, ~strike~ or `code`: formatted, they were not neutralised.
    const styledUserWords = Array.from(frame.querySelectorAll("strong, b, s, del, code"))
      .map((e) => (e as HTMLElement).innerText.trim())
      .filter((t) => ["bold", "strike", "code", "fence"].includes(t));
    const mentions = Array.from(frame.querySelectorAll(".slack_user")).map(
      (e) => (e as HTMLElement).innerText,
    );
    return { blocks, text: body.innerText, styledUserWords, mentions };
  });
}

describe.skipIf(!hasChromium)("Slack messages in a Slack-like renderer (slack-blocks-to-jsx)", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await slackRendererPage(browser, "width:600px");
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("draws every block of every message, with text exactly once and people's markup inert", async () => {
    const bot = makeBot(await createStore("memory:"));
    const run = await fullRun(bot, "slack");
    const problems: string[] = [];
    let mentions = 0;
    let messages = 0;
    for (const { name, reply } of run) {
      for (const message of renderReply(reply)) {
        messages++;
        const seen = await see(page, slackMessageHtml(message.blocks, [{ id: "U0EVE", name: "eve" }]));
        if (seen.blocks !== message.blocks.length)
          problems.push(`${name}: ${seen.blocks} of ${message.blocks.length} blocks drawn`);
        for (const m of seen.text.match(/&(amp|lt|gt|quot);/g) ?? []) problems.push(`${name}: shows ${m}`);
        for (const m of seen.text.match(/\*\*[^*\n]+\*\*|__[^_\n]+__/g) ?? [])
          problems.push(`${name}: markdown left as text: ${m}`);
        for (const m of mrkdwnObjects(message.blocks)) {
          // Not verbatim, Slack would auto-link a URL and parse a mention that a person typed.
          if (m.verbatim !== true) problems.push(`${name}: mrkdwn not verbatim: ${m.text.slice(0, 60)}`);
          // The renderer forgives CommonMark's **bold**; Slack shows the asterisks.
          if (/\*\*|__/.test(m.text)) problems.push(`${name}: CommonMark in mrkdwn: ${m.text.slice(0, 60)}`);
        }
        for (const w of seen.styledUserWords) problems.push(`${name}: a user's "${w}" was formatted`);
        mentions += seen.mentions.filter((m) => m === "@eve").length;
      }
    }
    expect(messages).toBeGreaterThan(25);
    // The checklist's answered cards name the person as a mention, not as text.
    expect(mentions).toBeGreaterThanOrEqual(11);
    expect(problems).toEqual([]);
  });

  it("shows what the person typed as text: markup as look-alike characters, a link as its words", async () => {
    const bot = makeBot(await createStore("memory:"));
    const run = await fullRun(bot, "slack");
    const topic = run.find((r) => r.name === "topic unknown")!;
    const seen = await see(page, slackMessageHtml(renderReply(topic.reply)[0]!.blocks));
    expect(seen.text).toContain("∗bold∗ ∼strike∼ ˋcodeˋ");
    const payload = JSON.stringify(renderReply(topic.reply)[0]!.blocks);
    expect(payload).toContain(`[link](https://${EVIL_HOST})`);
    expect(payload).not.toContain(`<https://${EVIL_HOST}`);
  });
});
