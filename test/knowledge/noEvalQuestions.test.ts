import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answerablesOf } from "../../src/core/answerable.ts";
import { readJsonl } from "../../src/eval/jsonl.ts";
import { repoRoot } from "../../src/paths.ts";
import { knowledge } from "../helpers/bot.ts";
import { evalDir } from "../helpers/paths.ts";

// A question the model has been trained on measures nothing, so no phrasing in knowledge/ may be
// an evaluation question, or one with a word or two swapped ("what skills does our ops team
// need" for "what skills does my ops team need").

/** Words that say nothing about what is asked; the rest are compared as sets. */
const FILLER = new Set(
  "a an the to of in on at for with and or is are be it its i we you my our your me us this that these those do does can could should would will what how why which".split(
    " ",
  ),
);
const contentWords = (text: string) =>
  new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !FILLER.has(w)));

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of content words above which a phrasing counts as a copy with a word or two changed. */
const NEAR_COPY = 0.75;

const fixtures = resolve(repoRoot, "test/fixtures");
const evalFiles = [
  ...readdirSync(fixtures)
    .filter((f) => /questions.*\.jsonl$/.test(f))
    .map((f) => resolve(fixtures, f)),
  resolve(evalDir, "questions.jsonl"),
].filter(existsSync);
const evalQuestions = evalFiles.flatMap((f) =>
  readJsonl(f, z.object({ q: z.string() }).loose()).map((l) => l.q),
);

// A glossary term is asked about as "what is X", "X meaning" or "X" (answerable.ts): phrasings
// made from its name, which a question about the term cannot help sharing.
const termForms = new Set(
  knowledge.glossary
    .flatMap((g) => [g.term, ...g.aliases])
    .flatMap((t) => [`what is ${t}`, `${t} meaning`, t]),
);
const normal = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ");
const phrasings = [
  ...answerablesOf(knowledge)
    .flatMap((e) => [...e.phrasings, ...e.keywords])
    .filter((p) => !termForms.has(p)),
  ...Object.values(knowledge.intents).flat(),
  ...knowledge.lexicon.offTopic,
];

describe("no evaluation question is in knowledge/", () => {
  it("reads the evaluation sets and the phrasings it compares", () => {
    expect(evalFiles.length).toBeGreaterThanOrEqual(11);
    expect(evalQuestions.length).toBeGreaterThan(1000);
    expect(phrasings.length).toBeGreaterThan(1500);
  });

  it("has no phrasing that is an evaluation question or one with a word or two changed", () => {
    const asked = evalQuestions.map((q) => ({ q, words: contentWords(q) })).filter((e) => e.words.size > 0);
    const copies: string[] = [];
    const exact = new Set(evalQuestions.map(normal));
    for (const p of phrasings) {
      if (exact.has(normal(p))) copies.push(`${JSON.stringify(p)} is an evaluation question`);
      const words = contentWords(p);
      // Two or three content words ("vm cost", "docker logs") are a topic, not a question.
      if (words.size < 4) continue;
      for (const e of asked)
        if (jaccard(words, e.words) >= NEAR_COPY)
          copies.push(`${JSON.stringify(p)} ~ ${JSON.stringify(e.q)}`);
    }
    expect(copies).toEqual([]);
  });

  it("would catch a copy with one word changed", () => {
    const question = evalQuestions.find((q) => contentWords(q).size >= 6)!;
    const words = [...contentWords(question)];
    const changed = new Set([...words.slice(1), "tweaked"]);
    expect(jaccard(changed, contentWords(question))).toBeGreaterThanOrEqual(NEAR_COPY);
  });
});
