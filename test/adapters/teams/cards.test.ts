import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  byteSize,
  cardOf,
  escapeCard,
  MAX_CARD_BYTES,
  renderReply,
} from "../../../src/adapters/teams/cards.ts";
import { citeAll } from "../../../src/core/replies/common.ts";
import type { Part, Reply } from "../../../src/core/reply.ts";

const docA = { doc: "003_a.txt", title: "Document A", short: "Doc A", sectioning: "headings" as const };

const reply = (parts: Part[], extra: Partial<Reply> = {}): Reply => ({
  kind: "answer",
  parts,
  summary: "Summary",
  placement: "here",
  visibility: "public",
  ...extra,
});

describe("Teams Adaptive Card rendering", () => {
  it("renders every part type as the documented card element", () => {
    const card = cardOf(
      reply([
        { type: "heading", text: "Title" },
        { type: "text", text: "**Bold** and _italic_\n- one\n- two" },
        { type: "fields", fields: [{ label: "Isolation", value: "Strong" }] },
        {
          type: "bars",
          bars: [
            { label: "VMs", score: 3, max: 6, highlight: true },
            { label: "Containers", score: 6, max: 6 },
          ],
        },
        { type: "divider" },
        { type: "sources", sources: citeAll([{ doc: "003_a.txt", section: "Intro" }], [docA]) },
        { type: "context", text: "Question 1 of 11" },
        {
          type: "buttons",
          role: "choices",
          buttons: [
            { label: "Yes", action: { type: "help" }, style: "primary" },
            { label: "No", action: { type: "myths" }, style: "danger" },
          ],
        },
        {
          type: "buttons",
          role: "feedback",
          label: "Was this helpful?",
          buttons: [{ label: "👍 Helpful", action: { type: "feedback", entryId: "x", vote: "up" } }],
        },
      ]),
    );
    expect(card).toMatchObject({
      type: "AdaptiveCard",
      version: "1.5",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    });
    const [heading, text, facts, bar1, bar2, sources, context, choices, feedbackLabel, feedback] = card.body;
    expect(heading).toEqual({
      type: "TextBlock",
      text: "Title",
      weight: "Bolder",
      size: "Medium",
      wrap: true,
    });
    // A single newline does not break a line in Teams: paragraphs get a blank line, list items stay a list.
    expect(text).toEqual({ type: "TextBlock", text: "**Bold** and _italic_\n\n- one\n- two", wrap: true });
    expect(facts).toEqual({ type: "FactSet", facts: [{ title: "Isolation", value: "Strong" }] });
    // One row per bar: label, monospace bar, score.
    expect(bar1).toMatchObject({ type: "ColumnSet" });
    expect(JSON.stringify(bar1)).toContain("▶ VMs");
    expect(JSON.stringify(bar2)).toContain("████████████");
    expect(JSON.stringify(bar2)).toContain('"fontType":"Monospace"');
    expect(sources).toMatchObject({ type: "TextBlock", size: "Small", isSubtle: true, separator: true });
    expect(String(sources?.text)).toContain("Sources: 003 · Doc A, “Intro”");
    expect(context).toMatchObject({ type: "TextBlock", text: "Question 1 of 11", isSubtle: true });
    expect(choices).toEqual({
      type: "ActionSet",
      actions: [
        { type: "Action.Submit", title: "Yes", data: { vmvc: { type: "help" } }, style: "positive" },
        { type: "Action.Submit", title: "No", data: { vmvc: { type: "myths" } }, style: "destructive" },
      ],
    });
    expect(feedbackLabel).toMatchObject({ text: "Was this helpful?" });
    expect(feedback).toMatchObject({ type: "ActionSet" });
    expect(card.fallbackText).toContain("Bold and italic");
  });

  it("wraps the card as an Adaptive Card attachment with a summary", () => {
    const message = renderReply(reply([{ type: "text", text: "hi" }], { summary: "**Short** summary" }));
    expect(message.type).toBe("message");
    expect(message.summary).toBe("Short summary");
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  });

  it("keeps user text as a string value: JSON-looking input cannot add card elements", () => {
    const evil = '"}, {"type":"Action.OpenUrl","url":"https://evil.example"} ]}';
    const card = cardOf(reply([{ type: "text", text: evil }]));
    expect(card.body).toHaveLength(1);
    expect(card.body[0]?.text).toBe(escapeCard(evil));
    expect(JSON.stringify(card)).not.toMatch(/"type":"Action.OpenUrl"/);
  });

  it("clips button titles to 75 characters", () => {
    const card = cardOf(
      reply([
        {
          type: "buttons",
          role: "suggestions",
          buttons: [{ label: "x".repeat(200), action: { type: "help" } }],
        },
      ]),
    );
    // Too long for a button that never wraps: a clickable row of wrapping text instead.
    expect(card.body.some((e) => e.type === "ActionSet")).toBe(false);
    const row = card.body[0] as unknown as {
      selectAction: { title: string };
      items: { text: string; wrap: boolean }[];
    };
    expect(row.selectAction.title.length).toBeLessThanOrEqual(75);
    expect(row.items[0]!.wrap).toBe(true);
  });

  it("keeps every card under the Teams size limit, however long the reply", () => {
    const partArb: fc.Arbitrary<Part> = fc.oneof(
      fc.record({ type: fc.constant("text" as const), text: fc.string({ maxLength: 20_000 }) }),
      fc.record({ type: fc.constant("heading" as const), text: fc.string({ maxLength: 2_000 }) }),
      fc.record({ type: fc.constant("context" as const), text: fc.string({ maxLength: 5_000 }) }),
      fc.record({
        type: fc.constant("fields" as const),
        fields: fc.array(
          fc.record({ label: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 3_000 }) }),
          { maxLength: 40 },
        ),
      }),
      fc.record({
        type: fc.constant("buttons" as const),
        role: fc.constant("choices" as const),
        buttons: fc.array(
          fc.record({ label: fc.string({ maxLength: 100 }), action: fc.constant({ type: "help" as const }) }),
          { maxLength: 8 },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 60 }), (parts) => {
        const message = renderReply(reply(parts));
        expect(byteSize(message)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      }),
      { numRuns: 60 },
    );
  });

  it("clips a single huge text rather than dropping it", () => {
    const message = renderReply(
      reply([
        { type: "heading", text: "Keep me" },
        { type: "text", text: "word ".repeat(20_000) },
      ]),
    );
    const body = message.attachments[0]!.content.body;
    expect(body[0]?.text).toBe("Keep me");
    expect(String(body[1]?.text).endsWith("…")).toBe(true);
    expect(byteSize(message)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});
