import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ACTIONS, renderReply } from "../../../src/adapters/teams/cards.ts";
import { createStore } from "../../../src/store/index.ts";
import { TEAMS_HOST_CONFIG } from "../../fixtures/teamsHostConfig.ts";
import { makeBot } from "../../helpers/bot.ts";
import { hasChromium, launchChromium, teamsRendererPage } from "../../helpers/browser.ts";
import { EVIL_HOST, fullRun } from "../../helpers/fullRun.ts";

/**
 * Every card of a full run, rendered by Microsoft's own `adaptivecards` renderer in Chromium
 * with Teams' host config and markdown, at a desktop card width and a phone's.
 */
const WIDTHS = [700, 360];

interface Rendered {
  errors: string[];
  truncated: string[];
  actionSets: number[];
  userLinks: string[];
  codeSpans: number;
}

/** Parses and renders one card in the page at `width`; reports what a person would see wrong. */
async function render(page: Page, card: unknown, width: number): Promise<Rendered> {
  return page.evaluate(
    ({ card, width, host, evil }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the renderer's browser bundle is untyped here
      const AC = (window as never as { AdaptiveCards: Record<string, any> }).AdaptiveCards;
      const frame = document.getElementById("frame")!;
      frame.style.width = `${width}px`;
      frame.replaceChildren();
      const ac = new AC.AdaptiveCard();
      ac.hostConfig = new AC.HostConfig(host);
      const context = new AC.SerializationContext();
      ac.parse(card, context);
      const errors: string[] = [];
      for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
      const validation = ac.validateProperties();
      for (const f of validation.failures ?? []) for (const e of f.errors ?? []) errors.push(e.message);
      const el = ac.render();
      frame.append(el);
      const truncated = Array.from(frame.querySelectorAll(".ac-pushButton > div"))
        .filter((d) => (d as HTMLElement).scrollWidth > (d as HTMLElement).clientWidth + 1)
        .map((d) => (d as HTMLElement).innerText);
      const actionSets = Array.from(frame.querySelectorAll(".ac-actionSet")).map(
        (s) => s.querySelectorAll(":scope > .ac-pushButton, :scope > * > .ac-pushButton").length,
      );
      const userLinks = Array.from(frame.querySelectorAll("a[href]"))
        .map((a) => a.getAttribute("href")!)
        .filter((h) => h.includes(evil));
      return { errors, truncated, actionSets, userLinks, codeSpans: frame.querySelectorAll("code").length };
    },
    { card, width, host: TEAMS_HOST_CONFIG, evil: EVIL_HOST },
  );
}

/** Text blocks whose single newline Teams would run together (only "- " list items may). */
function singleNewlines(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      for (const key of ["text", "value"])
        if ((o.type === "TextBlock" || key === "value") && typeof o[key] === "string") {
          const lines = (o[key] as string).split("\n");
          lines.forEach((line, i) => {
            const next = lines[i + 1];
            if (next === undefined || line === "" || next === "") return;
            if (!(/^- /.test(line) && /^- /.test(next))) out.push(`${line} ⏎ ${next}`);
          });
        }
      for (const v of Object.values(o)) visit(v);
    }
  };
  visit(card);
  return out;
}

/** Action sets (and the card's own actions) with more actions than Teams shows: it drops the rest. */
function longActionSets(card: unknown): number[] {
  const out: number[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.actions) && o.actions.length > MAX_ACTIONS) out.push(o.actions.length);
      for (const v of Object.values(o)) visit(v);
    }
  };
  visit(card);
  return out;
}

describe.skipIf(!hasChromium)("Teams cards in the official Adaptive Cards renderer", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await teamsRendererPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("renders every card of a full run without cut-off labels, over-long action sets, run-together lines or user links", async () => {
    const bot = makeBot(await createStore("memory:"));
    const run = await fullRun(bot, "teams");
    expect(run.length).toBeGreaterThan(25);
    const problems: string[] = [];
    let buttons = 0;
    for (const { name, reply } of run) {
      const card = renderReply(reply).attachments[0]!.content;
      for (const s of singleNewlines(card)) problems.push(`${name}: single newline: ${s}`);
      for (const n of longActionSets(card)) problems.push(`${name}: ${n} actions in one set`);
      for (const width of WIDTHS) {
        const r = await render(page, card, width);
        for (const e of r.errors) problems.push(`${name} @${width}: ${e}`);
        for (const t of r.truncated) problems.push(`${name} @${width}: truncated button "${t}"`);
        for (const n of r.actionSets)
          if (n > MAX_ACTIONS) problems.push(`${name} @${width}: ${n} actions in one set`);
        for (const l of r.userLinks) problems.push(`${name} @${width}: a user's link became clickable: ${l}`);
        if (r.codeSpans > 0) problems.push(`${name} @${width}: inline code, which Teams does not support`);
        buttons += r.actionSets.reduce((a, b) => a + b, 0);
      }
    }
    expect(buttons).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
