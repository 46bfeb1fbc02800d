import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { type Block, Message } from "slack-blocks-to-jsx";
import { colorIcon } from "../../src/adapters/teams/package/icons.ts";
import { encodePng } from "../../src/adapters/teams/package/png.ts";

/*
 * Slack messages as a person would roughly see them. Slack publishes no offline renderer for
 * Block Kit (its Block Kit Builder is a web app), so this uses slack-blocks-to-jsx, a maintained
 * third-party React renderer that imitates Slack's client: an approximation of Slack, not Slack.
 */

const require = createRequire(import.meta.url);
const CSS = readFileSync(require.resolve("slack-blocks-to-jsx/dist/style.css"), "utf8");
const LOGO = `data:image/png;base64,${encodePng(colorIcon()).toString("base64")}`;

/**
 * The blocks without `verbatim`: the renderer draws a verbatim text as raw characters, while Slack
 * still applies its formatting and manual `<@U…>` mentions and only skips auto-linking and parsing
 * of what a person typed (docs.slack.dev, Block Kit text object). Tests check `verbatim` on the payload.
 */
function asSlackFormats(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asSlackFormats);
  if (!node || typeof node !== "object") return node;
  const { verbatim: _ignored, ...rest } = node as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, asSlackFormats(v)]));
}

/** One message's blocks as static HTML, with the people it mentions named. */
export function slackMessageHtml(blocks: unknown[], users: { id: string; name: string }[] = []): string {
  return renderToStaticMarkup(
    createElement(Message, {
      blocks: asSlackFormats(blocks) as Block[],
      name: "vmvc",
      logo: LOGO,
      time: new Date(Date.UTC(2026, 0, 1, 9, 30)),
      theme: "light",
      data: { users },
    }),
  );
}

/** A page with the renderer's CSS and an empty `#frame`; every request leaving it is refused. */
export async function slackRendererPage(browser: Browser, frameStyle = ""): Promise<Page> {
  const page = await browser.newPage();
  await page.route("**/*", (route) => route.abort());
  await page.setContent(
    `<!doctype html><style>${CSS} body{margin:0;background:#fff} #frame{padding:16px 20px}</style><div id="frame" style="${frameStyle}"></div>`,
  );
  return page;
}

/** Shows `html` in the page's `#frame`. */
export async function showInFrame(page: Page, html: string): Promise<void> {
  await page.evaluate((html) => {
    document.getElementById("frame")!.innerHTML = html;
  }, html);
}
