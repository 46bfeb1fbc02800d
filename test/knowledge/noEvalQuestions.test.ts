import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { stemmer } from "stemmer";
import { describe, expect, it } from "vitest";
import { answerablesOf } from "../../src/core/answerable.ts";
import { readSet } from "../../src/eval/sets.ts";
import { repoRoot } from "../../src/paths.ts";
import { knowledge } from "../helpers/bot.ts";
import { evalDir, hasShared } from "../helpers/paths.ts";

// A question the model has been trained on measures nothing, so no phrasing the matcher learns
// from may be an evaluation question, nor one with a word or a clause added, cut or swapped
// ("what skills does our ops team need" for "what skills does my ops team need").

/** Words that say nothing about what is asked; the rest are compared by stem, as sets. */
const FILLER = new Set(
  "a an the to of in on at for with and or is are be it its i we you my our your me us this that these those do does can could should would will what whats how why which".split(
    " ",
  ),
);
const contentStems = (text: string) =>
  new Set(
    (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !FILLER.has(w)).map((w) => stemmer(w)),
  );
const normal = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ");

/** A text as the rule compares it: its words in order, and its content stems. */
interface Compared {
  normal: string;
  stems: Set<string>;
}
const compared = (text: string): Compared => ({ normal: normal(text), stems: contentStems(text) });

/**
 * Why `phrasing` counts as a copy of `question`, or undefined: the same text; the question, of
 * three words or more, word for word inside it; the question inside the phrasing with at most
 * three content words added; the phrasing inside the question with at most two cut; or, from four
 * content words up, the same words but one. Words are compared as written and stemmed, not
 * through the lexicon's synonyms: "VM" and "virtual machine" differ here (with synonyms, short
 * questions such as "how do we secure vms" sit inside dozens of natural phrasings).
 */
function copyOf(phrasing: Compared, question: Compared): string | undefined {
  if (phrasing.normal === question.normal) return "the same text";
  if (question.normal.trim().split(" ").length >= 3 && phrasing.normal.includes(question.normal))
    return "the question word for word with more around it";
  const { stems: p } = phrasing;
  const { stems: q } = question;
  let shared = 0;
  for (const w of p) if (q.has(w)) shared++;
  if (q.size >= 3 && shared === q.size && p.size - shared <= 3) return "the question with words added";
  if (p.size >= 3 && shared === p.size && q.size - shared <= 2) return "the question with words cut";
  if (p.size >= 4 && p.size === q.size && shared === p.size - 1) return "the question with one word swapped";
  return undefined;
}
const copyOfText = (phrasing: string, question: string) => copyOf(compared(phrasing), compared(question));

/**
 * Pairs the rule above flags that were read and are not copies: another question in similar
 * words. Each says why; a new flag is a copy to reword until someone reads it and adds it here.
 */
const NOT_COPIES: Record<string, string> = {
  "How do VMs and containers compare at a glance? ~ Compare the cost of VMs and containers":
    "a summary of every aspect, not the cost",
  "can our vm admins run containers ~ Can I run containers within VMs?": "who runs containers, not where",
  "are containers faster than vms ~ And why does it boot faster than a VM?": "speed at run time, not at boot",
  "How do VM and container isolation differ? ~ What is the difference between container and VM?":
    "isolation only, not the difference in general",
  "How do VM and container isolation differ? ~ What is the difference between a VM and a container?":
    "isolation only, not the difference in general",
};

const fixtures = resolve(repoRoot, "test/fixtures");
const publicSet = resolve(evalDir, "questions.jsonl");
const evalFiles = [
  ...readdirSync(fixtures)
    .filter((f) => /questions.*\.jsonl$/.test(f))
    .map((f) => resolve(fixtures, f)),
  ...(existsSync(publicSet) ? [publicSet] : []),
];
const evalQuestions = evalFiles.flatMap((f) => readSet(f).map((l) => l.q));

// A glossary term is asked about as its name, "what is <name>" and "<name> meaning" (answerable.ts
// makes these from the term and its aliases); a question about the term cannot help sharing them.
const generatedFromTerms = new Set(
  knowledge.glossary
    .flatMap((g) => [g.term, ...g.aliases])
    .flatMap((t) => [t, `what is ${t}`, `${t} meaning`]),
);
/** What the matcher learns from: FAQ questions, alternates and keywords, glossary, intents, off-topic examples. */
const phrasings = [
  ...answerablesOf(knowledge)
    .flatMap((e) => [...e.phrasings, ...e.keywords])
    .filter((p) => !generatedFromTerms.has(p)),
  ...Object.values(knowledge.intents).flat(),
  ...knowledge.lexicon.offTopic,
];

describe("no evaluation question is in what the matcher learns from", () => {
  it("reads every evaluation set, the public one too where ../shared is present", () => {
    expect(evalFiles.length).toBeGreaterThanOrEqual(11);
    if (hasShared) expect(evalFiles).toContain(publicSet);
    expect(evalQuestions.length).toBeGreaterThan(1000);
    expect(phrasings.length).toBeGreaterThan(1500);
  });

  it("has no phrasing that is an evaluation question, nor one with a word or a clause added, cut or swapped", () => {
    const asked = evalQuestions.map((q) => ({ q, c: compared(q) }));
    const copies: string[] = [];
    for (const p of phrasings) {
      const c = compared(p);
      for (const { q, c: qc } of asked) {
        const why = copyOf(c, qc);
        if (why && !NOT_COPIES[`${p} ~ ${q}`])
          copies.push(`${JSON.stringify(p)} is ${why}: ${JSON.stringify(q)}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it("lists as read only pairs the rule still flags", () => {
    const stale = Object.keys(NOT_COPIES).filter((pair) => {
      const [p, q] = pair.split(" ~ ") as [string, string];
      return !(phrasings.includes(p) && evalQuestions.includes(q) && copyOfText(p, q));
    });
    expect(stale).toEqual([]);
  });

  it("catches the copies it is meant to catch, and not a different question", () => {
    expect(
      copyOfText("What skills does our ops team need?", "what skills does my ops team need"),
    ).toBeDefined();
    expect(
      copyOfText(
        "What does blast radius mean here, and which model limits it?",
        "What does blast radius mean here?",
      ),
    ).toBe("the question word for word with more around it");
    expect(
      copyOfText(
        "which skills will my ops team need for containers next year",
        "what skills does my ops team need for containers",
      ),
    ).toBe("the question with words added");
    expect(copyOfText("is kubernetes hard to learn", "is kubernetes hard to learn for sysadmins")).toBe(
      "the question with words cut",
    );
    expect(copyOfText("best use cases for containers", "good use cases for containers")).toBe(
      "the question with one word swapped",
    );
    expect(copyOfText("Can we run containers inside VMs?", "Can I run containers within VMs?")).toBe(
      "the question with one word swapped",
    );
    expect(
      copyOfText("how do we back up a kubernetes cluster", "what is a kubernetes cluster"),
    ).toBeUndefined();
    expect(
      copyOfText(
        "when to use containers",
        "When using Windows 11 and Docker Desktop, can I run WSL and Hyper-V VMs side by side?",
      ),
    ).toBeUndefined();
  });
});
