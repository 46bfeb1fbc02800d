import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;

import type { Action } from "../../core/action.ts";
import { deepFrozen } from "../../core/deepFrozen.ts";
import { scoreBar, stripMarkdown } from "../../core/render/plainText.ts";
import { sourceList } from "../../core/render/sources.ts";
import type { Button, Part, Reply } from "../../core/reply.ts";
import { clipText, escapeSlack, mrkdwn, neutralSlack, splitText, toMrkdwn } from "./mrkdwn.ts";

/** Block Kit limits (https://api.slack.com/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
} as const;

export const ACTION_PREFIX = "vmvc:";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Extra buttons appended at the end (e.g. "Share in channel" on an ephemeral answer). */
  extraButtons?: Button[];
}

const section = (text: string): KnownBlock => ({ type: "section", text: mrkdwn(text) });

/** Mrkdwn text as one or more sections, each within the section text limit. */
function sections(mrkdwn: string): KnownBlock[] {
  return splitText(mrkdwn, LIMITS.sectionText).map(section);
}

function buttonBlocks(buttons: Button[], ids: Ids): KnownBlock[] {
  const elements = buttons.flatMap((b) => {
    const value = JSON.stringify(b.action satisfies Action);
    // A value over the limit would make Slack refuse the whole message; such a button is dropped.
    if (value.length > LIMITS.buttonValue) return [];
    return [
      {
        type: "button" as const,
        action_id: `${ACTION_PREFIX}${ids.next++}`,
        text: {
          type: "plain_text" as const,
          text: clipText(escapeSlack(b.label), LIMITS.buttonText),
          emoji: true,
        },
        value,
        ...(b.style ? { style: b.style } : {}),
      },
    ];
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.elementsPerActions) {
    blocks.push({ type: "actions", elements: elements.slice(i, i + LIMITS.elementsPerActions) });
  }
  return blocks;
}

/**
 * What a frozen part renders to, and each of those blocks' JSON: a frozen part (an entry's
 * answer, details, sources and related questions, shared between its answers by the core) renders
 * the same every time, given the number of buttons before it (its action ids count on from there).
 */
const keptBlocks = new WeakMap<Part, Map<number, { blocks: readonly KnownBlock[]; ids: number }>>();
const blockJson = new WeakMap<KnownBlock, Buffer>();

/** Action ids within one message: `vmvc:0`, `vmvc:1`, … */
interface Ids {
  next: number;
}

function partBlocks(part: Part, ids: Ids): readonly KnownBlock[] {
  if (!Object.isFrozen(part)) return renderPart(part, ids);
  let byStart = keptBlocks.get(part);
  if (!byStart) {
    byStart = new Map();
    keptBlocks.set(part, byStart);
  }
  const start = ids.next;
  let kept = byStart.get(start);
  if (!kept) {
    const rendered = renderPart(part, ids);
    for (const b of rendered) {
      deepFrozen(b);
      blockJson.set(b, Buffer.from(JSON.stringify(b)));
    }
    kept = { blocks: Object.freeze(rendered), ids: ids.next - start };
    byStart.set(start, kept);
  }
  ids.next = start + kept.ids;
  return kept.blocks;
}

/**
 * `{ ...fields, text, blocks }` as UTF-8 JSON: the bytes of what JSON.stringify gives, with the
 * bytes of kept blocks reused instead of serialised and encoded again (an answer's text is most
 * of an ack, and turning it into JSON and UTF-8 on every request cost more than the matching).
 */
export function messageJson(fields: Record<string, string>, m: SlackMessage): Buffer {
  let head = "{";
  for (const [k, v] of Object.entries(fields)) head += `${JSON.stringify(k)}:${JSON.stringify(v)},`;
  const chunks: Buffer[] = [Buffer.from(`${head}"text":${JSON.stringify(m.text)},"blocks":[`)];
  for (let i = 0; i < m.blocks.length; i++) {
    const b = m.blocks[i]!;
    if (i > 0) chunks.push(COMMA);
    chunks.push(blockJson.get(b) ?? Buffer.from(JSON.stringify(b)));
  }
  chunks.push(CLOSE);
  return Buffer.concat(chunks);
}
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]}");

function renderPart(part: Part, ids: Ids): KnownBlock[] {
  switch (part.type) {
    case "heading": {
      const text = escapeSlack(stripMarkdown(part.text));
      if (text.length <= LIMITS.headerText)
        return [{ type: "header", text: { type: "plain_text", text, emoji: true } }];
      return sections(`*${text}*`);
    }
    case "subtitle":
      // Plain text in a context block: small and grey, and nothing in it is read as markup.
      return [
        {
          type: "context",
          elements: [{ type: "plain_text", text: clipText(part.text, LIMITS.contextText), emoji: true }],
        },
      ];
    case "text":
      return sections(toMrkdwn(part.text));
    case "fields": {
      const fields = part.fields.map((f) =>
        mrkdwn(clipText(`*${toMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, LIMITS.fieldText)),
      );
      const blocks: KnownBlock[] = [];
      for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
        blocks.push({ type: "section", fields: fields.slice(i, i + LIMITS.fieldsPerSection) });
      }
      return blocks;
    }
    case "bars": {
      const width = Math.max(0, ...part.bars.map((b) => b.label.length));
      const lines = part.bars.map(
        (b) => `${b.highlight ? "▶" : " "} ${b.label.padEnd(width)}  ${scoreBar(b)}  ${b.score}`,
      );
      return [section(clipText(`\`\`\`\n${escapeSlack(lines.join("\n"))}\n\`\`\``, LIMITS.sectionText))];
    }
    case "sources": {
      if (part.sources.length === 0) return [];
      const prefix = "📚 Sources: ";
      const list = sourceList(
        part.sources,
        LIMITS.contextText - prefix.length,
        part.more,
        (s) => neutralSlack(s.label),
        part.limit,
      );
      return [{ type: "context", elements: [mrkdwn(`${prefix}${list}`)] }];
    }
    case "table":
      // One section a row: the first cell as its text, the others as labelled fields.
      return part.rows.map((row) => ({
        type: "section" as const,
        text: mrkdwn(clipText(toMrkdwn(row[0] ?? ""), LIMITS.sectionText)),
        fields: row
          .slice(1, 1 + LIMITS.fieldsPerSection)
          .map((cell, i) =>
            mrkdwn(clipText(`*${toMrkdwn(part.columns[i + 1] ?? "")}:* ${toMrkdwn(cell)}`, LIMITS.fieldText)),
          ),
      }));
    case "picker": {
      const options = part.options
        .map((b) => ({
          text: { type: "plain_text" as const, text: clipText(b.label, LIMITS.optionText), emoji: true },
          value: JSON.stringify(b.action satisfies Action),
        }))
        .filter((o) => o.value.length <= LIMITS.optionValue)
        .slice(0, LIMITS.selectOptions);
      if (options.length === 0) return [];
      return [
        {
          type: "section",
          text: mrkdwn(`*${neutralSlack(part.label)}*`),
          accessory: {
            type: "static_select",
            action_id: `${ACTION_PREFIX}${ids.next++}`,
            placeholder: { type: "plain_text", text: clipText(part.placeholder, 150), emoji: true },
            options,
          },
        },
      ];
    }
    case "context":
      return [
        {
          type: "context",
          elements: [mrkdwn(clipText(toMrkdwn(part.text), LIMITS.contextText))],
        },
      ];
    case "buttons": {
      const label = part.label
        ? [
            {
              type: "context" as const,
              elements: [mrkdwn(`*${neutralSlack(part.label)}*`)],
            },
          ]
        : [];
      return [...label, ...buttonBlocks(part.buttons, ids)];
    }
    case "divider":
      return [{ type: "divider" }];
  }
}

/**
 * A reply as one or more Slack messages: Block Kit blocks within every limit, plus the
 * escaped `text` fallback that notifications and screen readers use. More than 50 blocks
 * are split over several messages; action ids are unique within each message.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const ids: Ids = { next: 0 };
  const blocks = reply.parts.flatMap((p) => partBlocks(p, ids));
  if (options.extraButtons?.length) blocks.push(...buttonBlocks(options.extraButtons, ids));
  const text = clipText(escapeSlack(reply.summary || "vmvc"), 3000);
  if (blocks.length === 0) return [{ text, blocks: [section(text)] }];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    messages.push({ text, blocks: blocks.slice(i, i + LIMITS.blocksPerMessage) });
  }
  return messages;
}

/** The entry an answer is about (its feedback buttons name it), for the "Share in channel" button. */
export function answerEntryId(reply: Reply): string | undefined {
  if (reply.kind !== "answer") return undefined;
  for (const part of reply.parts) {
    if (part.type !== "buttons") continue;
    for (const b of part.buttons) if (b.action.type === "feedback") return b.action.entryId;
  }
  return undefined;
}
