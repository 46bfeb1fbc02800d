import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { answerablesOf } from "../../../src/core/answerable.ts";
import type { LexicalPostings } from "../../../src/core/matcher/lexical.ts";
import { Matcher } from "../../../src/core/matcher/matcher.ts";
import { knowledge } from "../../helpers/bot.ts";

const dir = mkdtempSync(join(tmpdir(), "vmvc-matcher-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entries = answerablesOf(knowledge);
// minExamples 0: today's knowledge stands in for a large one, which alone is cached by default.
const cache = { dir, minExamples: 0 };
const questions = [
  "can we run databases in containers",
  "what is a hypervisr",
  "kubernetes on vms pros",
  "recipe for banana bread",
];

describe("the trained-model cache (cache.ts)", () => {
  it("stores a trained model, and a second matcher loads it and answers exactly the same", () => {
    const trained = new Matcher(entries, knowledge.lexicon, { cache });
    expect(trained.cacheStatus).toBe("stored");
    expect(readdirSync(dir).filter((f) => f.endsWith(".v8"))).toHaveLength(1);
    const loaded = new Matcher(entries, knowledge.lexicon, { cache });
    expect(loaded.cacheStatus).toBe("loaded");
    for (const q of questions) expect(loaded.match(q), q).toEqual(trained.match(q));
    // Explanations need the training phrasings as vectors, which a loaded model makes on demand.
    expect(loaded.explain(questions[0]!)).toEqual(trained.explain(questions[0]!));
  });

  it("keeps the exact-word index under a key of its own: loaded when it matches, built afresh and stored when not", () => {
    const uncached = new Matcher(entries, knowledge.lexicon);
    const loaded = new Matcher(entries, knowledge.lexicon, { cache });
    expect([loaded.cacheStatus, loaded.exactWordsFrom]).toEqual(["loaded", "cache"]);
    for (const q of questions) expect(loaded.explain(q).words, q).toEqual(uncached.explain(q).words);
    // Other framing words change only the index: the model still loads, the index is rebuilt,
    // answers as one built from scratch with them, and is stored for the next start.
    const lexicon = { ...knowledge.lexicon, framingWords: [] };
    const other = new Matcher(entries, lexicon, { cache });
    expect([other.cacheStatus, other.exactWordsFrom]).toEqual(["loaded", "built"]);
    const q = "what is the difference between a docker image and a container";
    expect(other.explain(q).words).toEqual(new Matcher(entries, lexicon).explain(q).words);
    expect(other.explain(q).words).not.toEqual(loaded.explain(q).words);
    expect(new Matcher(entries, lexicon, { cache }).exactWordsFrom).toBe("cache");
    // Words moved from an answer into its details are another knowledge base (the index scores
    // the two apart), though they make the same text.
    const moved = entries.map((e, i) =>
      i === 0
        ? {
            ...e,
            answer: e.answer.split(" ").slice(0, -3).join(" "),
            details: `${e.answer.split(" ").slice(-3).join(" ")} ${e.details}`,
          }
        : e,
    );
    expect(new Matcher(moved, knowledge.lexicon, { cache }).cacheStatus).toBe("stored");
  });

  it("rebuilds an exact-word index that is damaged or does not fit the knowledge, and stores it whole", () => {
    new Matcher(entries, knowledge.lexicon, { cache });
    const [file] = readdirSync(dir).filter((f) => f.endsWith(".v8"));
    const path = join(dir, file!);
    const whole = deserialize(readFileSync(path));
    const damages: ((p: LexicalPostings) => void)[] = [
      (p) => {
        p.count = 5;
      },
      (p) => {
        p.weights[0] = Number.POSITIVE_INFINITY;
      },
      (p) => {
        p.offsets = p.offsets.slice(0, 10);
      },
      (p) => {
        p.entries[0] = 100_000;
      },
      (p) => {
        p.words.reverse();
        p.words.push(p.words[0]!);
      },
      (p) => {
        p.weights = p.weights.slice(1);
      },
      (p) => {
        p.count = 2 ** 40;
      },
    ];
    const q = "is postgres ok inside docker for prod across a few hosts";
    const expected = new Matcher(entries, knowledge.lexicon).match(q);
    for (const [i, damage] of damages.entries()) {
      const copy = deserialize(serialize(whole));
      damage(copy.lexical.postings);
      writeFileSync(path, serialize(copy));
      const m = new Matcher(entries, knowledge.lexicon, { cache });
      expect([m.cacheStatus, m.exactWordsFrom], `damage ${i}`).toEqual(["loaded", "built"]);
      expect(m.match(q), `damage ${i}`).toEqual(expected);
      expect(new Matcher(entries, knowledge.lexicon, { cache }).exactWordsFrom, `damage ${i}`).toBe("cache");
    }
  });

  it("trains afresh when the knowledge changes (another key) or the file is damaged", () => {
    const changed = entries.map((e, i) =>
      i === 0 ? { ...e, phrasings: [...e.phrasings, "one more way to ask"] } : e,
    );
    expect(new Matcher(changed, knowledge.lexicon, { cache }).cacheStatus).toBe("stored");
    // The earlier model is removed: one model a knowledge base, not one per version of it.
    expect(readdirSync(dir).filter((f) => f.endsWith(".v8"))).toHaveLength(1);
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), "not a model");
    const again = new Matcher(entries, knowledge.lexicon, { cache });
    expect(again.cacheStatus).toBe("stored");
    expect(again.match(questions[0]!)).toEqual(new Matcher(entries, knowledge.lexicon).match(questions[0]!));
  });

  it("is off for a knowledge base small enough to train at start-up, and reports an unwritable directory", () => {
    expect(new Matcher(entries, knowledge.lexicon, { cache: { dir } }).cacheStatus).toBe("off");
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    expect(
      new Matcher(entries, knowledge.lexicon, { cache: { dir: join(file, "sub"), minExamples: 0 } })
        .cacheStatus,
    ).toBe("not-stored");
  });
});
