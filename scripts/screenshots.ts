/**
 * README screenshots, taken from the same renders the tests check: Teams cards through the
 * official `adaptivecards` renderer with Teams' host config, the playground page, and Slack
 * messages through slack-blocks-to-jsx (a third-party imitation of Slack's client: Slack has no
 * offline Block Kit renderer, so those pictures are an approximation of what Slack shows).
 *   npx tsx scripts/screenshots.ts   → docs/screenshots/*.png
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { renderReply as slackMessages } from "../src/adapters/slack/blocks.ts";
import { renderReply } from "../src/adapters/teams/cards.ts";
import { startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { createStore } from "../src/store/index.ts";
import { TEAMS_HOST_CONFIG } from "../test/fixtures/teamsHostConfig.ts";
import { makeBot } from "../test/helpers/bot.ts";
import { launchChromium, teamsRendererPage } from "../test/helpers/browser.ts";
import { fullRun } from "../test/helpers/fullRun.ts";
import { showInFrame, slackMessageHtml, slackRendererPage } from "../test/helpers/slackRenderer.ts";

const OUT = join(process.cwd(), "docs", "screenshots");
mkdirSync(OUT, { recursive: true });

/** A PNG of one element, its top `maxHeight` px at most, to keep README images small. */
async function shoot(page: Page, selector: string, file: string, maxHeight = 900): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.setViewportSize({
    width: page.viewportSize()!.width,
    height: Math.ceil(box.y + box.height) + 20,
  });
  const b = (await page.locator(selector).boundingBox())!;
  await page.screenshot({
    path: join(OUT, `${file}.png`),
    clip: { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, maxHeight) },
  });
}

const browser = await launchChromium();
try {
  // Teams
  const page = await teamsRendererPage(browser, "width:700px");
  await page.setViewportSize({ width: 760, height: 800 });
  const bot = makeBot(await createStore("memory:"));
  const run = await fullRun(bot, "teams");
  const pick = (name: string) => run.find((r) => r.name === name)!.reply;
  const shots: [string, string][] = [
    ["teams-checklist", "checklist answer 1"],
    ["teams-recommendation", run.find((r) => r.reply.kind === "recommendation")!.name],
    ["teams-compare", "compare"],
  ];
  for (const [file, name] of shots) {
    const reply =
      name === "checklist answer 1"
        ? run.find((r) => r.name.startsWith("checklist begin"))!.reply
        : pick(name);
    const card = renderReply(reply).attachments[0]!.content;
    await page.evaluate(
      ({ card, host }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the renderer's browser bundle is untyped here
        const w = window as any;
        const ac = new w.AdaptiveCards.AdaptiveCard();
        ac.hostConfig = new w.AdaptiveCards.HostConfig(host);
        ac.parse(card);
        document.getElementById("frame")!.replaceChildren(ac.render());
      },
      { card, host: TEAMS_HOST_CONFIG },
    );
    await shoot(page, "#frame", file);
  }

  // Slack: the first message of each reply, as the Slack adapter renders it to Block Kit.
  const slack = await slackRendererPage(browser, "width:640px");
  await slack.setViewportSize({ width: 680, height: 800 });
  const slackRun = await fullRun(makeBot(await createStore("memory:")), "slack");
  // Compare whole, down to its menu of the other aspects.
  const slackShots: [string, (name: string, kind: string) => boolean, number?][] = [
    ["slack-checklist", (name) => name.startsWith("checklist begin")],
    ["slack-recommendation", (_name, kind) => kind === "recommendation"],
    ["slack-compare", (name) => name === "compare", 1600],
  ];
  for (const [file, match, maxHeight] of slackShots) {
    const reply = slackRun.find((r) => match(r.name, r.reply.kind))!.reply;
    const [message] = slackMessages(reply);
    await showInFrame(slack, slackMessageHtml(message!.blocks, [{ id: "U0EVE", name: "eve" }]));
    await shoot(slack, "#frame", file, maxHeight);
  }

  // Playground
  const app = await startApp(
    loadConfig({ PORT: "0", HOST: "127.0.0.1", STATE_URL: "memory:", LOG_LEVEL: "silent" }),
    createLogger("silent"),
  );
  try {
    const pg = await browser.newPage({ viewport: { width: 720, height: 900 } });
    await pg.goto(`http://127.0.0.1:${app.port}/`);
    await pg.waitForSelector("body.ready");
    const say = async (text: string) => {
      const n = await pg.locator(".msg.from-bot").count();
      await pg.fill("#input", text);
      await pg.press("#input", "Enter");
      await pg.waitForFunction((n) => document.querySelectorAll(".msg.from-bot").length > n, n);
    };
    await say("compare");
    await shoot(pg, "#transcript > .msg.from-bot >> nth=-1", "playground-compare");
    await say("checklist");
    await pg.waitForSelector(".thread .role-choices button");
    await shoot(pg, ".thread .msg >> nth=-1", "playground-checklist");
    for (let i = 0; i < 30 && (await pg.locator(".thread .kind-recommendation").count()) === 0; i++) {
      const n = await pg.locator('.thread .msg:has-text("✅")').count();
      await pg.locator(".thread .role-choices button").first().click();
      await pg.locator('.thread .msg:has-text("✅")').nth(n).waitFor();
    }
    await pg.evaluate(() =>
      document.querySelector<HTMLElement>(".composer")?.style.setProperty("visibility", "hidden"),
    );
    await shoot(pg, ".thread .kind-recommendation", "playground-recommendation");
  } finally {
    await app.stop();
  }
} finally {
  await browser.close();
}
