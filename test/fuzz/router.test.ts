import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS } from "../../src/core/ask.ts";
import { parseCommand } from "../../src/core/router.ts";
import { createStore } from "../../src/store/index.ts";
import { knowledge, makeBot, turn } from "../helpers/bot.ts";
import { hostileSamples, hostileText } from "./hostile.ts";
import { replySchemaCheck } from "./replyShape.ts";

const TYPES = ["help", "ask", "compare", "checklist", "recommend", "topics", "myths", "stats"];

describe("router and matcher under random and hostile text", () => {
  it("parses anything into one known command", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const c = parseCommand(text);
        expect(TYPES).toContain(c.type);
        if (c.type === "ask") expect(text).toContain(c.question.slice(0, 50));
      }),
      { numRuns: 500 },
    );
  });

  it("takes 'checklist for …' and 'checklist please' as the command, a question about checklists as a question", () => {
    for (const text of [
      "checklist for the logistics client (Tomas, Mia pls chime in)",
      "checklist please",
      "checklist",
    ])
      expect(parseCommand(text), text).toEqual({ type: "checklist" });
    for (const text of [
      "checklist for migrating to containers?",
      "checklist items we should review",
      "walkthrough for beginners: what is a container",
    ])
      expect(parseCommand(text).type, text).toBe("ask");
  });

  it("reads 'recommend' and 'checklist' misspelt a letter or two as the commands (a blind trial's was declined), not the words near them", () => {
    expect(parseCommand("recomend smth: 3 devs, 1 go api, deploy daily")).toEqual({
      type: "recommend",
      description: "smth: 3 devs, 1 go api, deploy daily",
    });
    expect(parseCommand("reccomend we run 40 services").type).toBe("recommend");
    expect(parseCommand("cheklist")).toEqual({ type: "checklist" });
    for (const text of [
      "recommended setup for a small team?",
      "recommendation for databases in containers?",
      "record the deploys somewhere?",
      "recomend",
    ])
      expect(parseCommand(text).type, text).toBe("ask");
  });

  it("a leading /vmvc changes nothing", () => {
    const body = hostileText.filter((s) => !/^[\s:,]*\/?vmvc\b/i.test(s) && !/^[\s:,]/.test(s));
    fc.assert(
      fc.property(body, (text) => {
        expect(parseCommand(`/vmvc ${text}`)).toEqual(parseCommand(text));
      }),
      { numRuns: 300 },
    );
  });

  it("the matcher answers every question with a known outcome, declining long ones before matching", async () => {
    const bot = makeBot(await createStore("memory:"));
    fc.assert(
      fc.property(hostileText, (text) => {
        const outcome = bot.qa.asker.ask(text);
        expect(["answer", "intent", "no-match", "out-of-scope", "smalltalk", "empty", "too-long"]).toContain(
          outcome.kind,
        );
        if (text.length > MAX_QUESTION_CHARS) expect(outcome.kind).toBe("too-long");
      }),
      { numRuns: 500 },
    );
  });

  it("Bot.handle replies to any text with well-formed replies and never throws", async () => {
    const store = await createStore("memory:");
    const bot = makeBot(store);
    await fc.assert(
      fc.asyncProperty(hostileText, fc.string({ unit: "binary", maxLength: 40 }), async (text, name) => {
        const replies = await bot.handle(turn({ text, user: { id: "u-fuzz", name } }));
        expect(replies.length).toBeGreaterThan(0);
        for (const r of replies) expect(replySchemaCheck(r)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(await store.ping()).toBe(true);
  });

  it("a 100 KB question gets the clear too-long reply", async () => {
    const bot = makeBot(await createStore("memory:"));
    for (const text of hostileSamples.filter((s) => s.length > MAX_QUESTION_CHARS && s.trim())) {
      const [r] = await bot.handle(turn({ text: `ask ${text}` }));
      expect(r?.summary).toBe(knowledge.responses.decline.tooLong);
    }
  });
});
