import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { turnRequestSchema } from "../../src/adapters/playground/schema.ts";
import { renderReply } from "../../src/adapters/slack/blocks.ts";
import {
  blockActionsSchema,
  commandSchema,
  envelopeSchema,
  homeOpenedSchema,
  messageEventSchema,
  urlVerificationSchema,
} from "../../src/adapters/slack/payloads.ts";
import { decodeBody } from "../../src/adapters/slack/receiver.ts";
import { inboundActivitySchema, MAX_TEXT_CHARS, toInbound } from "../../src/adapters/teams/activity.ts";
import { cardOf } from "../../src/adapters/teams/cards.ts";
import type { Part, Reply } from "../../src/core/reply.ts";
import { hostileText } from "./hostile.ts";

const slackSchemas = [
  urlVerificationSchema,
  envelopeSchema,
  commandSchema,
  messageEventSchema,
  homeOpenedSchema,
  blockActionsSchema,
];

/** Random JSON, and objects that look almost like real payloads. */
const payload = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.record(
    {
      type: fc.oneof(
        fc.constantFrom("message", "app_mention", "block_actions", "url_verification"),
        fc.string(),
      ),
      command: fc.oneof(fc.constant("/vmvc"), fc.string()),
      text: hostileText,
      user: fc.oneof(fc.string(), fc.record({ id: fc.string() })),
      channel: fc.oneof(fc.string(), fc.integer()),
      ts: fc.string(),
      actions: fc.array(fc.record({ action_id: fc.string(), value: fc.string() })),
      response_url: fc.oneof(fc.webUrl(), fc.string()),
    },
    { requiredKeys: [] },
  ),
);

const reply = (parts: Part[]): Reply => ({
  parts,
  placement: "here",
  visibility: "public",
  summary: "s",
  kind: "answer",
});
const userParts = (t: string): Part[] => [
  { type: "heading", text: t },
  { type: "text", text: t },
  { type: "context", text: t },
  { type: "fields", fields: [{ label: t, value: t }] },
];

describe("Slack parsing and rendering", () => {
  it("decodes any body into a value or a JSON syntax error, and validates any payload without throwing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("application/json", "application/x-www-form-urlencoded", "", "text/plain"),
        fc.oneof(
          fc.string({ unit: "binary" }),
          payload.map((p) => JSON.stringify(p) ?? ""),
        ),
        payload,
        (type, raw, value) => {
          try {
            decodeBody(type, raw);
          } catch (error) {
            expect(error).toBeInstanceOf(SyntaxError);
          }
          for (const schema of slackSchemas) expect(typeof schema.safeParse(value).success).toBe("boolean");
        },
      ),
      { numRuns: 400 },
    );
  });

  it("escapes user text so it can neither mention, link nor break out of mrkdwn", () => {
    fc.assert(
      fc.property(hostileText, (t) => {
        for (const message of renderReply(reply(userParts(t)))) {
          const texts = JSON.stringify(message.blocks).match(/"text":"((?:[^"\\]|\\.)*)"/g) ?? [];
          for (const s of [message.text, ...texts.map((x) => JSON.parse(`{${x}}`).text as string)]) {
            expect(s).not.toMatch(/[<>]/);
            expect(s.replace(/&(amp|lt|gt);/g, "")).not.toContain("&lt");
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("Teams activity mapping and cards", () => {
  const activity = fc.record(
    {
      type: fc.oneof(fc.constantFrom("message", "conversationUpdate", "invoke"), fc.string()),
      serviceUrl: fc.constant("http://127.0.0.1:9/"),
      channelId: fc.constantFrom("msteams", "emulator"),
      from: fc.record({ id: fc.string({ minLength: 1 }), name: fc.option(fc.string(), { nil: undefined }) }),
      recipient: fc.record({ id: fc.constantFrom("28:bot", "28:other") }),
      conversation: fc.record({
        id: fc.oneof(fc.string({ minLength: 1 }), fc.constant("19:x@thread.tacv2;messageid=1")),
        conversationType: fc.option(fc.constantFrom("personal", "channel", "groupChat"), { nil: undefined }),
      }),
      text: fc.oneof(hostileText, fc.constant(undefined)),
      value: fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.record({ vmvc: fc.jsonValue() })),
      entities: fc.option(fc.array(fc.jsonValue()), { nil: undefined }),
      membersAdded: fc.option(fc.array(fc.record({ id: fc.constantFrom("28:bot", "29:u") })), {
        nil: undefined,
      }),
    },
    { requiredKeys: ["type", "serviceUrl", "channelId", "from", "recipient", "conversation"] },
  );

  it("maps any activity to a turn, a notice, a welcome or an ignore", () => {
    fc.assert(
      fc.property(fc.oneof(activity, payload), (raw) => {
        const parsed = inboundActivitySchema.safeParse(raw);
        if (!parsed.success) return;
        const inbound = toInbound(parsed.data, () => parsed.data.text ?? "");
        expect(["turn", "notice", "welcome", "ignore"]).toContain(inbound.kind);
        if (inbound.kind === "turn" && inbound.turn.text !== undefined)
          expect(inbound.turn.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
      }),
      { numRuns: 500 },
    );
  });

  it("puts user text only into text values: the card's shape never depends on it", () => {
    const shape = (card: unknown): unknown =>
      JSON.parse(JSON.stringify(card), (k, v) =>
        ["text", "fallbackText", "title", "value"].includes(k) && typeof v === "string" ? "" : v,
      );
    const plain = shape(cardOf(reply(userParts("x"))));
    fc.assert(
      fc.property(hostileText, (t) => {
        expect(shape(cardOf(reply(userParts(t))))).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });
});

describe("playground request schema", () => {
  it("accepts only well-formed turns and never throws", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          payload,
          fc.record(
            {
              session: fc.oneof(fc.constant("sess-12345"), fc.string()),
              text: hostileText,
              action: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        (raw) => {
          const r = turnRequestSchema.safeParse(raw);
          if (r.success) {
            expect(r.data.session).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
            expect((r.data.text === undefined) !== (r.data.action === undefined)).toBe(true);
            if (r.data.text !== undefined) expect(r.data.text.length).toBeLessThanOrEqual(4000);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
