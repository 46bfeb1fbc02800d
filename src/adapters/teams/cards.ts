import { plainText, stripMarkdown, textBar } from "../../core/render/plainText.ts";
import type { Button, ButtonRole, Part, Reply } from "../../core/reply.ts";

/**
 * Replies rendered as Adaptive Cards 1.5 for Teams. Pure: no SDK, no I/O. Cards are built as
 * objects (never by string concatenation), so user text can only ever be a string value.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Teams refuses messages over about 28 KB; stay well under it, envelope included. */
export const MAX_CARD_BYTES = 24 * 1024;
const MAX_TITLE = 75;
/** Text clip lengths tried in turn until the card fits. */
const CLIPS = [4000, 1500, 600, 200] as const;

export type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCard {
  type: "AdaptiveCard";
  version: "1.5";
  $schema: string;
  body: CardElement[];
  fallbackText: string;
  msteams: { width: "Full" };
}

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

/** What a reply becomes on the wire: a message with one card and a plain-text summary. */
export interface CardMessage {
  type: "message";
  summary: string;
  attachments: CardAttachment[];
}

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

function submit(b: Button): CardElement {
  const action: CardElement = {
    type: "Action.Submit",
    title: clip(b.label, MAX_TITLE),
    data: { vmvc: b.action },
  };
  if (b.style === "primary") action.style = "positive";
  if (b.style === "danger") action.style = "destructive";
  return action;
}

const subtle = (text: string): CardElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  size: "Small",
  isSubtle: true,
});

function buttonLabel(role: ButtonRole, label: string | undefined): string | undefined {
  return label ?? (role === "feedback" ? "Was this helpful?" : undefined);
}

/** One part as card elements; `max` clips long text so the whole card fits. */
function elements(p: Part, max: number): CardElement[] {
  switch (p.type) {
    case "heading":
      return [{ type: "TextBlock", text: clip(p.text, 300), weight: "Bolder", size: "Medium", wrap: true }];
    case "subtitle":
      return [{ ...subtle(clip(p.text, 300)), spacing: "None" }];
    case "text":
      return [{ type: "TextBlock", text: clip(p.text, max), wrap: true }];
    case "fields":
      return [
        {
          type: "FactSet",
          facts: p.fields
            .slice(0, 30)
            .map((f) => ({ title: clip(f.label, 100), value: clip(f.value, Math.min(max, 1000)) })),
        },
      ];
    case "bars": {
      const width = Math.max(...p.bars.map((b) => b.label.length));
      const lines = p.bars.map(
        (b) => `${b.highlight ? "▶" : " "} ${b.label.padEnd(width)}  ${textBar(b.score, b.max)}  ${b.score}`,
      );
      return [{ type: "TextBlock", text: lines.join("\n"), fontType: "Monospace", wrap: true }];
    }
    case "sources": {
      const list = p.sources.map((s) => s.label).join("; ");
      return [subtle(clip(`Sources: ${list}`, Math.min(max, 1500)))];
    }
    case "context":
      return [subtle(clip(p.text, max))];
    case "buttons": {
      if (p.buttons.length === 0) return [];
      const label = buttonLabel(p.role, p.label);
      const set: CardElement = { type: "ActionSet", actions: p.buttons.map(submit) };
      return label ? [subtle(clip(label, 200)), set] : [set];
    }
    case "divider":
      // A divider becomes a separator line above the next element.
      return [];
  }
}

function body(parts: Part[], max: number): CardElement[] {
  const out: CardElement[] = [];
  let separate = false;
  for (const p of parts) {
    if (p.type === "divider") {
      separate = out.length > 0;
      continue;
    }
    const els = elements(p, max);
    const first = els[0];
    if (separate && first) {
      first.separator = true;
      first.spacing = "Medium";
      separate = false;
    }
    out.push(...els);
  }
  return out;
}

export function cardOf(reply: Reply, max: number = CLIPS[0]): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    version: "1.5",
    $schema: SCHEMA,
    body: body(reply.parts, max),
    fallbackText: clip(stripMarkdown(plainText([reply])), Math.min(max, 2000)),
    msteams: { width: "Full" },
  };
}

export const byteSize = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** A reply as a Teams message: its card (clipped until it fits) and the summary for notifications. */
export function renderReply(reply: Reply): CardMessage {
  let message: CardMessage | undefined;
  for (const max of CLIPS) {
    message = {
      type: "message",
      summary: clip(stripMarkdown(reply.summary), 250),
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: cardOf(reply, max) }],
    };
    if (byteSize(message) <= MAX_CARD_BYTES) return message;
  }
  // Still too big (hundreds of parts): keep the first elements that fit.
  const card = message!.attachments[0]!.content;
  while (card.body.length > 1 && byteSize(message) > MAX_CARD_BYTES) card.body.pop();
  card.body.push(subtle("(Shortened to fit a Teams message.)"));
  return message!;
}
