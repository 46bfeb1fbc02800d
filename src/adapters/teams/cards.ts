import { emit, inline } from "../../core/render/inline.ts";
import { plainText, scoreBar, stripMarkdown } from "../../core/render/plainText.ts";
import { sourceList } from "../../core/render/sources.ts";
import type { Button, Part, Reply } from "../../core/reply.ts";

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

/** `vmvc` value of a submit that sends a pick from a choice set (activity.ts reads it back). */
export const PICK = "pick";

/** Teams shows at most this many actions in one action set (its host config's `maxActions`). */
export const MAX_ACTIONS = 6;

/**
 * Button titles never wrap in Teams: a row of buttons must fit the narrowest card (a phone,
 * about 360 px, less the card's padding) or its labels are cut off. Widths are estimated
 * from Teams' 14 px Segoe UI: about 7.5 px a character, plus the button's padding.
 */
const ROW_PX = 300;
const buttonPx = (label: string) => [...label].length * 7.5 + 36;
const GAP_PX = 8;

/** Plain text with everything Adaptive Card markdown would read as syntax escaped. */
export function escapeCard(text: string): string {
  return text.replace(/[\\*_`[\]<>~]/g, "\\$&").replace(/^(\s*)([-+#]|\d+[.)])/, "$1\\$2");
}

/** One line of core markdown in Teams' subset: bold, italic; code shown as plain text. */
function cardInline(text: string): string {
  return emit(inline(text), {
    text: escapeCard,
    bold: (s) => `**${s}**`,
    italic: (s) => `_${s}_`,
    code: escapeCard,
    mention: (_id, name) => escapeCard(name),
  });
}

/**
 * Core markdown as TextBlock markdown. A single newline does not break a line in Teams, so
 * lines are separate paragraphs (`\n\n`), except between the items of one "- " list.
 */
export function cardText(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const item = (l: string) => /^\s*- /.test(l);
  let out = "";
  lines.forEach((line, i) => {
    if (i > 0) out += item(line) && item(lines[i - 1]!) ? "\n" : "\n\n";
    out += item(line) ? `- ${cardInline(line.replace(/^\s*- /, ""))}` : cardInline(line);
  });
  return out;
}

const textBlock = (text: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});

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

const subtle = (text: string): CardElement => textBlock(text, { size: "Small", isSubtle: true });

/** Buttons packed into rows that fit the narrowest card, each row an action set of at most 6. */
function buttonRows(buttons: Button[]): CardElement[] {
  const rows: Button[][] = [];
  let width = 0;
  for (const b of buttons) {
    const w = buttonPx(b.label);
    const row = rows[rows.length - 1];
    if (row && row.length < MAX_ACTIONS && width + GAP_PX + w <= ROW_PX) {
      row.push(b);
      width += GAP_PX + w;
    } else {
      rows.push([b]);
      width = w;
    }
  }
  return rows.map((row, i) => ({
    type: "ActionSet",
    actions: row.map(submit),
    ...(i > 0 ? { spacing: "Small" } : {}),
  }));
}

/** Options too long for a button: rows of wrapping text, each one clickable. */
function linkRows(buttons: Button[]): CardElement[] {
  return buttons.map((b, i) => ({
    type: "Container",
    spacing: i === 0 ? "Default" : "Small",
    selectAction: { type: "Action.Submit", title: clip(b.label, MAX_TITLE), data: { vmvc: b.action } },
    items: [textBlock(`▸ ${escapeCard(b.label)}`, { color: "Accent" })],
  }));
}

/** A list as one choice set and one submit: how Teams shows more options than it has buttons for. */
function choiceSet(buttons: Button[], submitTitle: string, n: number, expanded: boolean): CardElement[] {
  const id = `vmvc.pick.${n}`;
  return [
    {
      type: "Input.ChoiceSet",
      id,
      style: expanded ? "expanded" : "compact",
      wrap: true,
      isRequired: true,
      choices: buttons.map((b) => ({ title: clip(b.label, 200), value: JSON.stringify(b.action) })),
      ...(expanded ? {} : { value: JSON.stringify(buttons[0]!.action) }),
    },
    {
      type: "ActionSet",
      actions: [
        {
          type: "Action.Submit",
          title: clip(submitTitle, MAX_TITLE),
          style: "positive",
          associatedInputs: "auto",
          data: { vmvc: PICK, vmvcInput: id },
        },
      ],
    },
  ];
}

function buttonElements(p: Extract<Part, { type: "buttons" }>, n: number): CardElement[] {
  // Checklist answers carry their explanation in the label: a list of options, never cut off.
  if (p.role === "choices" && p.submit) return choiceSet(p.buttons, p.submit, n, true);
  if (p.buttons.length > MAX_ACTIONS && p.submit) return choiceSet(p.buttons, p.submit, n, false);
  if (p.buttons.some((b) => buttonPx(b.label) > ROW_PX)) return linkRows(p.buttons);
  return buttonRows(p.buttons);
}

/** Score bars, one row each: label, a monospace bar and the score. */
function barRows(p: Extract<Part, { type: "bars" }>): CardElement[] {
  return p.bars.map((b, i) => ({
    type: "ColumnSet",
    spacing: i === 0 ? "Default" : "None",
    columns: [
      {
        type: "Column",
        width: "stretch",
        items: [
          textBlock(
            `${b.highlight ? "▶ " : ""}${escapeCard(b.label)}`,
            b.highlight ? { weight: "Bolder" } : b.ruledOut ? { isSubtle: true } : {},
          ),
        ],
      },
      {
        type: "Column",
        width: "auto",
        items: [textBlock(scoreBar(b), { fontType: "Monospace", wrap: false })],
      },
      { type: "Column", width: "auto", items: [textBlock(String(b.score))] },
    ],
  }));
}

/** A grid as column sets: a header row, then one row per line, the first column narrower. */
function tableRows(p: Extract<Part, { type: "table" }>, max: number): CardElement[] {
  const widths = p.columns.map((_, i) => (i === 0 ? 2 : 3));
  const row = (cells: string[], header: boolean, i: number): CardElement => ({
    type: "ColumnSet",
    spacing: header ? "Default" : "Small",
    separator: !header && i > 0,
    columns: cells.map((c, j) => ({
      type: "Column",
      width: widths[j] ?? 3,
      items: [
        textBlock(
          header ? escapeCard(c) : cardText(clip(c, Math.min(max, 400))),
          header ? { weight: "Bolder", isSubtle: true, size: "Small" } : {},
        ),
      ],
    })),
  });
  return [row(p.columns, true, 0), ...p.rows.map((r, i) => row(r, false, i))];
}

/** One part as card elements; `max` clips long text so the whole card fits; `n` numbers inputs. */
function elements(p: Part, max: number, n: number): CardElement[] {
  switch (p.type) {
    case "heading":
      return [textBlock(cardInline(clip(p.text, 300)), { weight: "Bolder", size: "Medium" })];
    case "subtitle":
      return [{ ...subtle(cardText(clip(p.text, 300))), spacing: "None" }];
    case "text":
      return [textBlock(cardText(clip(p.text, max)))];
    case "fields":
      return [
        {
          type: "FactSet",
          facts: p.fields.slice(0, 30).map((f) => ({
            title: cardInline(clip(f.label, 100)),
            value: cardText(clip(f.value, Math.min(max, 1000))),
          })),
        },
      ];
    case "bars":
      return barRows(p);
    case "sources": {
      if (p.sources.length === 0) return [];
      const list = sourceList(p.sources, Math.min(max, 1500), p.more, (s) => escapeCard(s.label), p.limit);
      return [subtle(`Sources: ${list}`)];
    }
    case "context":
      return [subtle(cardText(clip(p.text, max)))];
    case "table":
      return tableRows(p, max);
    case "picker":
      if (p.options.length === 0) return [];
      return [subtle(`**${escapeCard(clip(p.label, 200))}**`), ...choiceSet(p.options, p.submit, n, false)];
    case "buttons": {
      if (p.buttons.length === 0) return [];
      const label = p.label;
      const els = buttonElements(p, n);
      return label ? [subtle(escapeCard(clip(label, 200))), ...els] : els;
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
    const els = elements(p, max, out.length);
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
