import { remembered } from "../../core/memo.ts";
import { emit, inline } from "../../core/render/inline.ts";

/**
 * Slack text helpers. Slack treats `<…>` as links and mentions (`<!channel>` pings a whole
 * channel) and `&` as an entity, so every piece of text we did not build ourselves is escaped.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Text as a person typed it, from Slack's wire format: links and channel names as their
 * words, then `&amp; &lt; &gt;` decoded once, so it is escaped exactly once on the way out.
 * User and group mentions stay as Slack wrote them (`<@U…>`).
 */
export function fromSlack(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]+))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Plain text that Slack must not format: escaped, and the characters mrkdwn would read as
 * bold, strike or code swapped for look-alikes (mrkdwn has no escape character). Underscores
 * only count at word edges, so `snake_case` is left alone.
 */
export function neutralSlack(text: string): string {
  return remembered(neutralMemo, text, MEMO_SIZE, neutralSlackOnce);
}

function neutralSlackOnce(text: string): string {
  return escapeSlack(text)
    .replace(/\*/g, "∗")
    .replace(/~/g, "∼")
    .replace(/`/g, "ˋ")
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace("_", "＿"));
}

/**
 * A mrkdwn text object. `verbatim`: Slack applies our formatting and our own `<@U…>` and `<#C…>`,
 * but does not auto-link a URL or parse a channel name or mention that a person typed.
 */
export const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text, verbatim: true });

/**
 * The same text always converts to the same mrkdwn, and most of it is the knowledge's (answers,
 * labels, sources), converted again for every answer shown: the last conversions are kept.
 */
const MEMO_SIZE = 2_000;
const mrkdwnMemo = new Map<string, string>();
const neutralMemo = new Map<string, string>();

/** A Slack user id can be mentioned as `<@U…>`; anything else is shown as a name. */
const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/** The core's markdown (`**bold**`, `_italic_`, `` `code` ``, "- " bullets, escapes, mentions) as Slack mrkdwn. */
export function toMrkdwn(text: string): string {
  return remembered(mrkdwnMemo, text, MEMO_SIZE, toMrkdwnOnce);
}

function toMrkdwnOnce(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      emit(inline(line.replace(/^- /, "• ")), {
        text: neutralSlack,
        bold: (s) => `*${s}*`,
        italic: (s) => `_${s}_`,
        code: (s) => `\`${escapeSlack(s).replace(/`/g, "ˋ")}\``,
        mention: (id, name) => (SLACK_USER.test(id) ? `<@${id}>` : neutralSlack(name)),
      }),
    )
    .join("\n");
}

/** Cuts text to `max` characters, marking the cut. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Splits text into chunks of at most `max` characters, preferring line breaks, then spaces,
 * so a long answer becomes several sections instead of being refused by Slack.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    if (cut < max / 2) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}
