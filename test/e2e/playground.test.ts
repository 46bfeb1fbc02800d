import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { stripMarkdown } from "../../src/core/render/plainText.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createLogger } from "../../src/logger.ts";
import { vagueQuestion } from "../helpers/bot.ts";
import { CHROMIUM, hasChromium, launchChromium } from "../helpers/browser.ts";

if (!hasChromium)
  console.warn(`playground browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

const ARTIFACTS = join(process.cwd(), "test-artifacts");

describe.skipIf(!hasChromium)("playground in a real browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let dir: string;
  let base: string;
  let context: BrowserContext | undefined;
  // Any request that is not to this machine, and any script error or CSP violation.
  let outside: string[] = [];
  let pageErrors: string[] = [];

  // What the core answers a question on its own: each probe in a fresh conversation, so no
  // follow-up context from an earlier probe applies.
  let probes = 0;
  const core = (text: string): Promise<Reply[]> =>
    app.context.bot.handle({
      platform: "cli",
      user: { id: "probe" },
      conversation: `probe-${++probes}`,
      via: "direct",
      text,
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vmvc-pg-"));
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      STATE_URL: `sqlite:${join(dir, "state.db")}`,
      LOG_LEVEL: "silent",
    });
    app = await startApp(config, createLogger("silent"));
    base = `http://127.0.0.1:${app.port}/`;
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(outside, "requests that left the machine").toEqual([]);
    expect(pageErrors, "page errors or console errors").toEqual([]);
  });

  async function open(viewport = { width: 1000, height: 900 }): Promise<Page> {
    outside = [];
    pageErrors = [];
    context = await browser.newContext({ viewport });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.goto(base);
    await page.waitForSelector("body.ready");
    return page;
  }

  async function ask(page: Page, text: string): Promise<void> {
    const before = await page.locator(".msg.from-bot").count();
    await page.fill("#input", text);
    await page.press("#input", "Enter");
    await page.waitForFunction((n) => document.querySelectorAll(".msg.from-bot").length > n, before);
  }

  const lastBot = (page: Page) => page.locator("#transcript > .msg.from-bot").last();

  /** Presses the first choice of the thread's current question and waits for its answered card. */
  async function answerCurrent(thread: Locator): Promise<void> {
    const answered = thread.locator('.msg:has-text("✅")');
    const n = await answered.count();
    await thread.locator(".role-choices button").first().click();
    await answered.nth(n).waitFor();
  }

  it("serves the page from this machine with the input focused", async () => {
    const page = await open();
    expect(await page.title()).toContain("vmvc");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("input");
    expect(await page.locator("[data-example]").count()).toBeGreaterThan(2);
  });

  it("answers a typed question with its sources, and a follow-up button shows another answer", async () => {
    const page = await open();
    await ask(page, "Can we run databases in containers?");
    expect(await page.locator(".msg.from-you").last().innerText()).toBe(
      "Can we run databases in containers?",
    );
    const answer = page
      .locator("#transcript > .msg.from-bot")
      .nth((await page.locator("#transcript > .msg.from-bot").count()) - 1);
    const [expected] = await core("Can we run databases in containers?");
    expect(expected?.kind).toBe("answer");
    const firstText = expected!.parts.find((p) => p.type === "text");
    expect(await answer.locator(".md").first().innerText()).toBe(
      stripMarkdown(firstText?.type === "text" ? firstText.text : ""),
    );
    const sources = answer.locator(".sources");
    expect(await sources.innerText()).toMatch(/^Sources: /);
    expect(await sources.locator(".source").count()).toBeGreaterThan(0);
    expect(await answer.locator(".role-feedback button").allInnerTexts()).toEqual([
      "👍 Helpful",
      "👎 Not helpful",
      "Not what I asked",
    ]);
    // The answered question comes first, as a quiet subtitle.
    expect(await answer.locator(".subtitle").first().innerText()).toBe(
      "Answering: Can we run databases and other stateful workloads in containers?",
    );

    const firstAnswer = await answer.locator(".md").first().innerText();
    const followup = answer.locator(".role-followups button").first();
    const before = await page.locator(".msg.from-bot").count();
    await followup.click();
    await page.waitForFunction((n) => document.querySelectorAll(".msg.from-bot").length > n, before);
    const next = lastBot(page);
    expect(await next.getAttribute("class")).toContain("kind-answer");
    expect(await next.locator(".source").count()).toBeGreaterThan(0);
    expect(await next.locator(".md").first().innerText()).not.toBe(firstAnswer);
  });

  it("offers 'did you mean' suggestions for a vague question, and a pick answers", async () => {
    const vague = vagueQuestion(app.context.bot);
    const [r] = await core(vague);
    expect(r?.parts.some((p) => p.type === "buttons" && p.role === "suggestions")).toBe(true);
    const page = await open();
    await ask(page, vague);
    const suggestions = lastBot(page).locator(".role-suggestions button");
    expect(await suggestions.count()).toBeGreaterThan(0);
    const before = await page.locator(".msg.from-bot").count();
    await suggestions.first().click();
    await page.waitForFunction((n) => document.querySelectorAll(".msg.from-bot").length > n, before);
    expect(await lastBot(page).getAttribute("class")).toContain("kind-answer");
    expect(await lastBot(page).locator(".source").count()).toBeGreaterThan(0);
  });

  it("runs a whole checklist in a thread to a recommendation with score bars", async () => {
    const page = await open();
    await ask(page, "checklist");
    const thread = ".thread";
    await page.waitForSelector(`${thread} .role-choices button`);
    const box = page.locator(thread);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("input");
    for (let i = 0; i < 30 && (await page.locator(`${thread} .bars`).count()) === 0; i++)
      await answerCurrent(box);
    const bars = page.locator(`${thread} .bar`);
    expect(await bars.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(`${thread} .bar.top`).count()).toBe(1);
    const widths = await page
      .locator(`${thread} .bar-fill`)
      .evaluateAll((fills) => fills.map((f) => f.getBoundingClientRect().width));
    expect(Math.max(...widths)).toBeGreaterThan(0);
    expect(await page.locator(`${thread} .bar-score`).first().innerText()).toMatch(/^\d+(\.\d+)?$/);
    // Every answered question card was replaced in place: no choices remain in the thread.
    expect(await page.locator(`${thread} .role-choices`).count()).toBe(0);
    // The thread sits right under its root message, the one that started the checklist.
    const rootText = await page
      .locator(".thread")
      .evaluate((t) => t.previousElementSibling?.textContent ?? "");
    expect(rootText).toContain("Decision checklist");

    const recommendation = page.locator(`${thread} .msg.kind-recommendation`);
    // The fixed input bar would cover part of a tall card in the stitched picture.
    await page.evaluate(() =>
      document.querySelector<HTMLElement>(".composer")?.style.setProperty("visibility", "hidden"),
    );
    await recommendation.screenshot({ path: join(ARTIFACTS, "playground-recommendation.png") });
  });

  it("takes answers typed in a thread's own reply box, closing each card, and draws no bar for a ruled-out option", async () => {
    const page = await open();
    await ask(page, "checklist");
    await page.waitForSelector(".thread .role-choices button");
    const box = page.locator(".thread");
    const field = box.locator(".thread-reply input");
    const reply = async (text: string) => {
      const n = await box.locator(".msg").count();
      await field.fill(text);
      await field.press("Enter");
      await page.waitForFunction((k) => document.querySelectorAll(".thread .msg").length > k, n);
    };
    // Named by the message the thread hangs under, so several boxes can be told apart.
    expect(await box.locator(".thread-reply label").textContent()).toMatch(
      /^Reply in the thread under: \S*\s*Decision checklist/,
    );
    // A sentence read as the first question's answer: shown in the thread, the card replaced.
    await reply("we run untrusted customer code in sandboxes");
    expect(await box.locator(".msg.from-you").first().innerText()).toContain("untrusted customer code");
    expect(await box.locator('.msg:has-text("Read from your words")').count()).toBe(1);
    // One message at a time: typed while the last is on its way (held here), it is kept, not sent.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/playground/turn", async (route) => {
      await held;
      await route.continue();
    });
    const before = await box.locator(".msg").count();
    await field.fill("high");
    await field.press("Enter");
    await page.waitForFunction(() => document.body.classList.contains("busy"));
    await field.fill("none");
    await field.press("Enter");
    expect(await field.inputValue()).toBe("none");
    release();
    await page.waitForFunction((k) => document.querySelectorAll(".thread .msg").length > k, before);
    await page.waitForFunction(() => !document.body.classList.contains("busy"));
    await page.unroute("**/api/playground/turn");
    expect(await box.locator(".msg.from-you").count()).toBe(2);
    await field.fill("");
    // The rest as the choices' own words, to a pick that ruled-out options outscore.
    for (const v of ["none", "frequent", "no", "high", "microservices", "stateless", "no", "none", "spiky"])
      await reply(v);
    await box.locator(".bars").waitFor();
    expect(await box.locator(".role-choices").count()).toBe(0);
    // The reply box stays the thread's last element.
    expect(await box.evaluate((t) => t.lastElementChild?.classList.contains("thread-reply"))).toBe(true);
    const rows = await box.locator(".bar").evaluateAll((bars) =>
      bars.map((b) => ({
        out: b.classList.contains("out"),
        top: b.classList.contains("top"),
        score: Number(b.querySelector(".bar-score")?.textContent),
        fill: (b.querySelector(".bar-fill") as HTMLElement).getBoundingClientRect().width,
        track: (b.querySelector(".bar-track") as HTMLElement).getBoundingClientRect().width,
      })),
    );
    const top = rows.find((r) => r.top)!;
    const out = rows.filter((r) => r.out);
    expect(out.length).toBe(4);
    expect(Math.max(...out.map((r) => r.score))).toBeGreaterThan(top.score);
    for (const r of out) expect(r.fill).toBe(0);
    expect(top.fill).toBeCloseTo(top.track, 0);
  });

  it("keeps a walkthrough across a page reload, with working buttons", async () => {
    const page = await open();
    await ask(page, "checklist");
    await page.waitForSelector(".thread .role-choices button");
    await answerCurrent(page.locator(".thread"));
    await answerCurrent(page.locator(".thread"));
    const question = await page.locator(".thread .msg:has(.role-choices) .heading").innerText();
    const transcriptBefore = await page.locator("#transcript").innerText();

    await page.reload();
    await page.waitForSelector("body.ready");
    expect(await page.locator("#transcript").innerText()).toBe(transcriptBefore);
    expect(await page.locator(".thread .msg:has(.role-choices) .heading").innerText()).toBe(question);
    expect(await page.locator('.thread .msg:has-text("✅")').count()).toBe(2);

    await answerCurrent(page.locator(".thread"));
    expect(await page.locator('.thread .msg:has-text("✅")').count()).toBe(3);
    const next = await page.locator(".thread .msg:has(.role-choices) .heading").innerText();
    expect(next).not.toBe(question);
  });

  it("runs two walkthroughs at once in separate threads", async () => {
    const page = await open();
    await ask(page, "checklist");
    await page.waitForSelector(".thread .role-choices button");
    await ask(page, "checklist");
    await page.waitForFunction(() => document.querySelectorAll(".thread .role-choices").length === 2);
    await answerCurrent(page.locator(".thread").nth(1));
    expect(await page.locator(".thread").nth(0).locator('.msg:has-text("✅")').count()).toBe(0);
    expect(await page.locator(".thread").nth(1).locator('.msg:has-text("✅")').count()).toBe(1);
  });

  it("declines an out-of-scope question honestly", async () => {
    const question = "what's a good pizza place nearby";
    const [expected] = await core(question);
    expect(expected?.kind).toBe("decline");
    const page = await open();
    await ask(page, question);
    const reply = lastBot(page);
    expect(await reply.getAttribute("class")).toContain("kind-decline");
    const text = expected!.parts.find((p) => p.type === "text");
    expect(await reply.locator(".md").first().innerText()).toBe(
      stripMarkdown(text?.type === "text" ? text.text : ""),
    );
    expect(await reply.locator(".source").count()).toBe(0);
  });

  it("shows HTML in a question as text and injects nothing", async () => {
    const page = await open();
    const nasty = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><b>bold?</b> are containers secure?`;
    await ask(page, nasty);
    expect(await page.locator(".msg.from-you").last().innerText()).toBe(nasty);
    expect(await page.locator("#transcript script, #transcript img, #transcript b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // It survives a reload as text too.
    await page.reload();
    await page.waitForSelector("body.ready");
    expect(await page.locator(".msg.from-you").last().innerText()).toBe(nasty);
    expect(await page.locator("#transcript script, #transcript img, #transcript b").count()).toBe(0);
  });

  /**
   * Clicks a button with the mouse where a person sees it: it must already be on screen (the page
   * scrolls new messages into view by itself; the test never scrolls) and not under the input bar.
   */
  async function mouseClick(page: Page, button: Locator): Promise<void> {
    const box = await button.boundingBox();
    expect(box, "button is rendered").not.toBeNull();
    const { width, height } = page.viewportSize()!;
    const x = box!.x + box!.width / 2;
    const y = box!.y + box!.height / 2;
    expect(y, "button is on screen").toBeLessThan(height);
    expect(x).toBeLessThan(width);
    const hit = await page.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return el?.closest("button")?.textContent ?? el?.tagName ?? "nothing";
      },
      { x, y },
    );
    expect(hit, "what a click at the button's centre reaches").toBe(await button.textContent());
    await page.mouse.click(x, y);
  }

  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
    // A short phone: the next question and its controls must not land under the input bar.
    { width: 375, height: 667 },
  ])
    it(`clicks through a whole checklist with the mouse at ${viewport.width}×${viewport.height}`, async () => {
      const page = await open(viewport);
      await ask(page, "checklist");
      const thread = page.locator(".thread");
      await page.waitForSelector(".thread .role-choices button");
      for (let i = 0; i < 30 && (await thread.locator(".msg.kind-recommendation").count()) === 0; i++) {
        const answered = thread.locator('.msg:has-text("✅")');
        const n = await answered.count();
        await mouseClick(page, thread.locator(".role-choices button").first());
        await answered.nth(n).waitFor();
        await page.waitForFunction(
          () =>
            !document.body.classList.contains("busy") &&
            document.querySelectorAll(".thread .role-choices button, .thread .kind-recommendation").length >
              0,
        );
        // The newest message sits fully above the input bar, and so do its controls.
        const newest = thread.locator(".msg").last();
        const bottom = await newest.evaluate((m) => m.getBoundingClientRect().bottom);
        const barTop = await page.locator(".composer").evaluate((c) => c.getBoundingClientRect().top);
        const fits = await newest.evaluate((m, room) => m.getBoundingClientRect().height <= room, barTop);
        if (fits) expect(bottom).toBeLessThanOrEqual(barTop + 1);
      }
      expect(await thread.locator(".msg.kind-recommendation").count()).toBe(1);
      // The status line is shown, not hidden under the input bar.
      await page.evaluate(() => {
        const s = document.getElementById("status")!;
        s.textContent = "Could not send";
      });
      const status = await page.locator("#status").boundingBox();
      expect(status!.height).toBeGreaterThan(0);
      expect(status!.y + status!.height).toBeLessThanOrEqual(viewport.height);
      await page.screenshot({ path: join(ARTIFACTS, `playground-checklist-${viewport.width}.png`) });
    });

  it("fits a phone-sized window without sideways scrolling", async () => {
    const page = await open({ width: 360, height: 740 });
    await ask(page, "compare");
    expect(await lastBot(page).locator(".grid tbody tr").count()).toBeGreaterThanOrEqual(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "playground-phone.png") });
  });
});
