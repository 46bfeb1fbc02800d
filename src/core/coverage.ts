import type { AskOutcome } from "./ask.ts";

/** The five documents, however a question names them ("the docs", "any of the 5 sources", "they"). */
const DOCUMENTS =
  "(?:(?:any|one|either)\\s+(?:of\\s+)?)?(?:the\\s+|your\\s+)?(?:5\\s+|five\\s+)?(?:docs?|documents?|sources?|papers?|articles?)|they|any\\s+of\\s+them";
/**
 * Asks whether the documents take something up at all: "do the docs say anything about lock-in?",
 * "Do the documents talk about being dependent on one cloud vendor at all?", "does any of the five
 * documents discuss one shared cluster versus a cluster per business unit?", "is cost covered in
 * the sources?", "anything in the docs on network policies?" (blind trials 28 and 29: best guesses
 * were presented as answers).
 */
const ASKS_COVERAGE = new RegExp(
  [
    // (Not "what does the doc say about boot times?", which asks what it says.)
    `(?<!\\b(?:what|how|where|why|which)\\s+)\\b(?:do|does|did)\\s+(?:${DOCUMENTS})\\s+(?:\\w+\\s+)?(?:mention|cover|discuss|talk|say|speak|address|touch|go\\s+into|get\\s+into|deal\\s+with)\\b`,
    `\\b(?:anything|something|much)\\s+(?:in|from)\\s+(?:${DOCUMENTS})\\s+(?:on|about|regarding)\\b`,
    `\\b(?:covered|mentioned|discussed)\\s+(?:at\\s+all\\s+)?(?:in|by)\\s+(?:${DOCUMENTS})\\b`,
  ].join("|"),
  "i",
);

export function asksAboutCoverage(question: string): boolean {
  return ASKS_COVERAGE.test(question.replace(/[’']/g, ""));
}

/**
 * A question asking whether the documents take something up gets no best guess presented as the
 * answer: the guess and its runner-ups are offered as the closest they come, and a decline says
 * they do not discuss it. A sure answer stands ("anything in the docs on network policies?").
 */
export function coverageOutcome(question: string, outcome: AskOutcome): AskOutcome {
  if (!asksAboutCoverage(question)) return outcome;
  if (outcome.kind === "answer" && outcome.unsure)
    return {
      kind: "no-match",
      confidence: outcome.confidence,
      suggestions: [outcome.entry, ...(outcome.alternatives ?? [])].slice(0, 3),
      why: "coverage",
      ...(outcome.unnamed ? { unnamed: outcome.unnamed } : {}),
    };
  if (outcome.kind === "no-match" && outcome.why !== "write") return { ...outcome, why: "coverage" };
  if (outcome.kind === "out-of-scope") return { ...outcome, coverage: true };
  return outcome;
}
