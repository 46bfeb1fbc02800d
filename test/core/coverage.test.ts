import { describe, expect, it } from "vitest";
import { asksAboutCoverage } from "../../src/core/coverage.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, knowledge, makeBot, turn } from "../helpers/bot.ts";

const texts = (r: Reply) => r.parts.flatMap((p) => (p.type === "text" ? [p.text] : []));
const { notDirectly, notDiscussed } = knowledge.responses.decline;

async function replyTo(question: string): Promise<Reply> {
  const bot = makeBot(await createStore("memory:"));
  const [r] = await bot.handle(turn({ text: question }));
  return r!;
}

describe("a question whether the documents take something up", () => {
  it("offers a best guess as the closest they come, not as the answer (blind trial 29's)", async () => {
    const q = "does any of the five documents discuss one shared cluster versus a cluster per business unit?";
    const bot = makeBot(await createStore("memory:"));
    const alone = bot.qa.asker.ask(q);
    // Without the question's framing the matcher only guesses.
    expect(alone.kind === "answer" && alone.unsure).toBe(true);
    const [r] = await bot.handle(turn({ text: q }));
    expect(r!.kind).toBe("decline");
    expect(texts(r!)).toContain(notDirectly);
    const offered = buttons([r!]).flatMap((b) => (b.action.type === "ask" ? [b.action.entryId] : []));
    expect(offered[0]).toBe(alone.kind === "answer" ? alone.entry.id : "");
    expect(offered.length).toBeGreaterThan(1);
  });

  it("says plainly that none discusses what the matcher declines", async () => {
    for (const q of ["do the docs say anything about lock-in?", "do they cover pizza toppings?"]) {
      const r = await replyTo(q);
      expect(r.kind, q).toBe("decline");
      expect(texts(r), q).toContain(notDiscussed);
    }
  });

  it("answers what they surely take up, and leaves other questions as they were", async () => {
    for (const q of [
      "anything in the docs on network policies for segmenting one service?",
      "do the docs mention firecracker?",
    ]) {
      const r = await replyTo(q);
      expect(r.kind, q).toBe("answer");
      expect(texts(r).join(" "), q).not.toContain(notDirectly);
    }
    // The same words, not asked of the documents: declined as before.
    const plain = await replyTo("what about vendor lock-in?");
    expect(texts(plain)).not.toContain(notDiscussed);
  });

  it("reads the ways people ask it", () => {
    for (const q of [
      "Do the documents talk about being dependent on one cloud vendor at all?",
      "do any of the 5 docs compare them directly? do they mention lock-in",
      "is cost covered in the sources?",
      "anything from the docs about rollbacks",
      "does either of the sources touch on GPUs?",
    ])
      expect(asksAboutCoverage(q), q).toBe(true);
    for (const q of [
      "do containers cover our needs?",
      "what does the doc say about boot times",
      "do they scale?",
    ])
      expect(asksAboutCoverage(q), q).toBe(false);
  });
});
