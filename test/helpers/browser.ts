import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { TEAMS_CSS } from "../fixtures/teamsHostConfig.ts";

/** Debian's Chromium; browser tests are skipped (with a message) where it is missing. */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

/** Headless Chromium with nothing of its own going out to the network (this machine has none). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

const require = createRequire(import.meta.url);

/**
 * A page with Microsoft's `adaptivecards` renderer and Teams' look: our Teams CSS, an empty
 * `#frame` to render cards into, and Teams' markdown (CommonMark without raw HTML or soft line
 * breaks). Every request leaving the page is refused.
 */
export async function teamsRendererPage(browser: Browser, frameStyle = ""): Promise<Page> {
  const page = await browser.newPage();
  await page.route("**/*", (route) => route.abort());
  await page.setContent(
    `<!doctype html><style>${TEAMS_CSS}</style><div id="frame" class="frame" style="${frameStyle}"></div>`,
  );
  await page.addScriptTag({ path: require.resolve("markdown-it/dist/markdown-it.min.js") });
  await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.min.js") });
  await page.evaluate(() => {
    const w = window as never as {
      markdownit: (o: unknown) => { render(s: string): string };
      AdaptiveCards: { AdaptiveCard: { onProcessMarkdown: unknown } };
    };
    const md = w.markdownit({ html: false, linkify: false, breaks: false });
    w.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (
      text: string,
      result: { outputHtml: string; didProcess: boolean },
    ) => {
      result.outputHtml = md.render(text);
      result.didProcess = true;
    };
  });
  return page;
}
