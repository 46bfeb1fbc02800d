/**
 * Slack text helpers. Slack treats `<…>` as links and mentions (`<!channel>` pings a whole
 * channel) and `&` as an entity, so every piece of text we did not build ourselves is escaped.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The core's markdown subset (`**bold**`, `_italic_`, `` `code` ``, "- " bullets) as escaped Slack mrkdwn. */
export function toMrkdwn(text: string): string {
  return escapeSlack(text)
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/^- /gm, "• ");
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
