import { describe, expect, it } from "vitest";
import { answerEntryId, renderReply } from "../../../src/adapters/slack/blocks.ts";
import { escapeSlack, splitText, toMrkdwn } from "../../../src/adapters/slack/mrkdwn.ts";
import { citeAll } from "../../../src/core/replies/common.ts";
import type { Button, Part, Reply } from "../../../src/core/reply.ts";
import { checkBlockKitLimits } from "./harness.ts";

const docA = { doc: "003_a.txt", title: "Document A", short: "Doc A", sectioning: "headings" as const };

const reply = (parts: Part[], summary = "summary"): Reply => ({
  kind: "answer",
  parts,
  summary,
  placement: "here",
  visibility: "public",
});
const json = (v: unknown) => JSON.stringify(v);

describe("mrkdwn", () => {
  it("escapes &, < and > so <!channel> cannot ping anyone", () => {
    expect(escapeSlack("a & b <!channel> <@U1> x>y")).toBe("a &amp; b &lt;!channel&gt; &lt;@U1&gt; x&gt;y");
  });

  it("converts **bold** to *bold*, keeps _italic_ and `code`, turns bullets into •", () => {
    expect(toMrkdwn("**Why:** _really_ `docker run`\n- one\n- two <x>")).toBe(
      "*Why:* _really_ `docker run`\n• one\n• two &lt;x&gt;",
    );
  });

  it("splits long text at line breaks into chunks within the limit", () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ${"x".repeat(60)}`).join("\n");
    const chunks = splitText(text, 3000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(3000);
    expect(chunks.join("\n")).toBe(text);
    expect(splitText("y".repeat(7000), 3000).map((c) => c.length)).toEqual([3000, 3000, 1000]);
  });
});

describe("renderReply", () => {
  it("renders every part type", () => {
    const [m] = renderReply(
      reply([
        { type: "heading", text: "Boot time" },
        { type: "text", text: "**Fast** start" },
        { type: "fields", fields: [{ label: "Isolation", value: "strong" }] },
        { type: "bars", bars: [{ label: "vms", score: 3, max: 6, highlight: true }] },
        { type: "sources", sources: citeAll([{ doc: "003_a.txt", section: "Intro" }], [docA]) },
        { type: "context", text: "note" },
        {
          type: "buttons",
          role: "feedback",
          label: "Was this helpful?",
          buttons: [{ label: "👍 Helpful", action: { type: "feedback", entryId: "e1", vote: "up" } }],
        },
        { type: "divider" },
      ]),
    );
    expect(m!.blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "section",
      "section",
      "context",
      "context",
      "context",
      "actions",
      "divider",
    ]);
    expect(json(m!.blocks[1])).toContain("*Fast* start");
    expect(json(m!.blocks[3])).toContain("```");
    expect(json(m!.blocks[3])).toContain("██████░░░░░░");
    expect(json(m!.blocks[4])).toContain("📚 Sources: 003 · Doc A, “Intro”");
    const button = (m!.blocks[7] as { elements: { action_id: string; value: string }[] }).elements[0]!;
    expect(button.action_id).toBe("vmvc:0");
    expect(JSON.parse(button.value)).toEqual({ type: "feedback", entryId: "e1", vote: "up" });
  });

  it("escapes knowledge and user text everywhere, including the fallback", () => {
    const [m] = renderReply(
      reply(
        [
          { type: "heading", text: "<!here>" },
          { type: "text", text: "<!channel>" },
          { type: "fields", fields: [{ label: "<!everyone>", value: "a<b" }] },
          { type: "context", text: "by <@U1>" },
          { type: "sources", sources: citeAll([{ doc: "004_d.txt", section: "<s>" }], []) },
          {
            type: "buttons",
            role: "choices",
            label: "<l>",
            buttons: [{ label: "<b>", action: { type: "help" } }],
          },
        ],
        "<!channel> summary",
      ),
    );
    const s = json(m);
    expect(s).not.toMatch(/<!|<@|<s>|<b>|<l>|a<b/);
    expect(m!.text).toBe("&lt;!channel&gt; summary");
  });

  it("keeps every Block Kit limit for oversized replies", () => {
    const buttons: Button[] = Array.from({ length: 60 }, (_, i) => ({
      label: `${"long label ".repeat(10)} ${i}`,
      action: { type: "ask", entryId: `e${i}`, via: "related" },
    }));
    const parts: Part[] = [
      { type: "heading", text: "h".repeat(200) },
      { type: "text", text: "word ".repeat(2000) },
      {
        type: "fields",
        fields: Array.from({ length: 23 }, (_, i) => ({ label: `f${i}`, value: "v".repeat(2500) })),
      },
      ...Array.from({ length: 40 }, (): Part => ({ type: "divider" })),
      { type: "buttons", role: "followups", buttons },
    ];
    const messages = renderReply(reply(parts));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(checkBlockKitLimits({ ...m })).toEqual([]);
    const all = messages.flatMap((m) => m.blocks);
    expect(all.filter((b) => b.type === "section" && "fields" in b && b.fields)).toHaveLength(3);
    expect(all.filter((b) => b.type === "actions")).toHaveLength(3);
    const ids = all.flatMap((b) =>
      b.type === "actions" ? b.elements.map((e) => (e as { action_id: string }).action_id) : [],
    );
    expect(new Set(ids).size).toBe(60);
  });

  it("drops a button whose value would be over 2000 characters", () => {
    const big = {
      label: "big",
      action: { type: "ask", entryId: "x".repeat(120), via: "related", askedId: "y".repeat(64) },
    } as Button;
    const huge = {
      label: "huge",
      action: { type: "ask", entryId: "z".repeat(2100), via: "related" },
    } as Button;
    const [m] = renderReply(reply([{ type: "buttons", role: "followups", buttons: [big, huge] }]));
    expect(json(m)).toContain('"big"');
    expect(json(m)).not.toContain('"huge"');
  });

  it("adds extra buttons (Share in channel) and finds the answer's entry", () => {
    const r = reply([
      { type: "text", text: "a" },
      {
        type: "buttons",
        role: "feedback",
        buttons: [{ label: "👍", action: { type: "feedback", entryId: "e9", vote: "up" } }],
      },
    ]);
    expect(answerEntryId(r)).toBe("e9");
    const [m] = renderReply(r, {
      extraButtons: [{ label: "Share in channel", action: { type: "share", entryId: "e9" } }],
    });
    const actions = m!.blocks.filter((b) => b.type === "actions");
    expect(json(actions.at(-1))).toContain("Share in channel");
    expect(answerEntryId({ ...r, kind: "notice" })).toBeUndefined();
  });

  it("always has a text fallback and at least one block", () => {
    const [m] = renderReply(reply([], ""));
    expect(m!.text.length).toBeGreaterThan(0);
    expect(m!.blocks).toHaveLength(1);
  });
});
