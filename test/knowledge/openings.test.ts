import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { checkOpenings, openingProblem } from "../../src/knowledge/openings.ts";
import { knowledgeDir } from "../../src/paths.ts";

const k = loadKnowledge(knowledgeDir);
const stopwords = new Set(k.lexicon.stopwords);

describe("first sentences that stand on their own", () => {
  it("rejects a bare yes, no, often, probably, usually, sometimes or generally", () => {
    const q = "Do we need Kubernetes to run containers?";
    for (const answer of [
      "Yes: you can get many container benefits without operating Kubernetes.",
      "No. Kubernetes is one orchestrator among several.",
      "Often, but not automatically.",
      "Probably not by much: the gain is small.",
      "Usually, teams start with Docker Compose.",
      "Sometimes; it depends on the team.",
      "Generally yes, on both counts.",
    ])
      expect(openingProblem(answer, q, stopwords), answer).toMatch(/without naming its subject/);
  });

  it("accepts an opener whose clause names the subject, and any other first word", () => {
    const q = "Do we need Kubernetes to run containers?";
    expect(openingProblem("Usually containers run fine without Kubernetes.", q, stopwords)).toBeUndefined();
    expect(openingProblem("No Kubernetes is needed to run a container.", q, stopwords)).toBeUndefined();
    expect(openingProblem("You can run containers without Kubernetes: …", q, stopwords)).toBeUndefined();
    expect(openingProblem("Nothing forces you to.", q, stopwords)).toBeUndefined();
  });

  it("finds no such answer in the knowledge base, and names the entry when one is added", () => {
    expect(checkOpenings(k)).toEqual([]);
    const first = k.faq[0]!;
    const broken = { ...k, faq: [{ ...first, answer: "Yes, for most teams." }, ...k.faq.slice(1)] };
    expect(checkOpenings(broken)).toEqual([
      expect.stringMatching(new RegExp(`^faq ${first.id}: answer opens with "yes"`)),
    ]);
  });
});
