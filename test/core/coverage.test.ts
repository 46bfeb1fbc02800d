import { describe, expect, it } from "vitest";
import { asksAboutCoverage, coverageTopic } from "../../src/core/coverage.ts";
import { plainText } from "../../src/core/render/plainText.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, knowledge, makeBot, turn } from "../helpers/bot.ts";

const texts = (r: Reply) => r.parts.flatMap((p) => (p.type === "text" ? [p.text] : []));
const { notDiscussed, noSubjectMatch } = knowledge.responses.decline;

async function replyTo(question: string): Promise<Reply> {
  const bot = makeBot(await createStore("memory:"));
  const [r] = await bot.handle(turn({ text: question }));
  return r!;
}
const subtitle = (r: Reply) => {
  const s = r.parts.find((p) => p.type === "subtitle");
  return s?.type === "subtitle" ? s.text : "";
};

describe("a question whether the documents take something up", () => {
  it("is answered as its topic alone, without the framing words that made the matcher unsure (review 34)", async () => {
    const bot = makeBot(await createStore("memory:"));
    for (const [q, topic] of [
      ["do the docs discuss cost?", "cost?"],
      ["is kubernetes covered in the docs?", "kubernetes ?"],
      ["do the sources say anything about startup time?", "startup time?"],
    ] as const) {
      expect(coverageTopic(q), q).toBe(topic);
      const alone = bot.qa.asker.ask(topic);
      expect(alone.kind, topic).toBe("answer");
      const [r] = await bot.handle(turn({ text: q }));
      expect(r!.kind, q).toBe("answer");
      expect(subtitle(r!), q).toBe(`Answering: ${alone.kind === "answer" ? alone.entry.question : ""}`);
    }
  });

  it("names a topic the documents never mention, and keeps a long topic's best guess one (review 35)", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [lockIn] = await bot.handle(turn({ text: "do the docs say anything about lock-in?" }));
    expect(lockIn!.kind).toBe("decline");
    expect(plainText([lockIn!])).toContain("never mention lock-in");
    expect(texts(lockIn!)).toContain(notDiscussed);
    const q = "does any of the five documents discuss one shared cluster versus a cluster per business unit?";
    const alone = bot.qa.asker.ask(q);
    expect(alone.kind === "answer" && alone.unsure).toBe(true);
    const [long] = await bot.handle(turn({ text: q }));
    expect(plainText([long!])).toContain(knowledge.responses.answer.bestGuess);
    // "which docs mention cost?" and "do they say anything about cost?" ask of the topic too.
    for (const asked of ["which docs mention cost?", "do they say anything about cost?"]) {
      const [r] = await makeBot(await createStore("memory:")).handle(turn({ text: asked }));
      expect(subtitle(r!), asked).toBe(`Answering: ${bot.qa.asker.entry("cost-comparison")!.question}`);
    }
  });

  it("says plainly that none discusses a topic declined alone", async () => {
    const r = await replyTo("do the docs cover pizza toppings?");
    expect(r.kind).toBe("decline");
    expect(texts(r)).toContain(notDiscussed);
    // The same words, not asked of the documents: declined as outside what the bot knows.
    const plain = await replyTo("pizza toppings?");
    expect(texts(plain)).not.toContain(notDiscussed);
  });

  it("offers what the topic is only offered for alone as an ordinary 'did you mean', since it is asked of the documents", async () => {
    const bot = makeBot(await createStore("memory:"));
    const alone = bot.qa.asker.ask("team skills?");
    expect(alone.kind === "no-match" && alone.why).toBe("no-subject-word");
    const [r] = await bot.handle(turn({ text: "do the docs talk about team skills?" }));
    expect(texts(r!)).not.toContain(noSubjectMatch);
    const offered = buttons([r!]).flatMap((b) => (b.action.type === "ask" ? [b.action.entryId] : []));
    expect(offered).toEqual(alone.kind === "no-match" ? alone.suggestions.map((s) => s.id) : []);
  });

  it("reads the ways people ask it, and not what asks what they say", () => {
    for (const q of [
      "Do the documents talk about being dependent on one cloud vendor at all?",
      "do any of the 5 docs mention lock-in",
      "is cost covered in the sources?",
      "anything from the docs about rollbacks",
      "does either of the sources touch on GPUs?",
      "does the documentation cover cost?",
    ])
      expect(asksAboutCoverage(q), q).toBe(true);
    for (const q of [
      "do containers cover our needs?",
      "what does the doc say about boot times",
      "do they scale?",
      "do they talk to each other over localhost?",
      "do they scale well?",
    ])
      expect(asksAboutCoverage(q), q).toBe(false);
  });
});
