import type { AskOutcome } from "./ask.ts";

/** The five documents, however a question names them ("the docs", "any of the 5 sources"). */
const DOCUMENTS =
  "(?:(?:any|one|either)\\s+(?:of\\s+)?)?(?:the\\s+|your\\s+)?(?:5\\s+|five\\s+)?(?:docs?|documents?|documentation|sources?|papers?|articles?)|any\\s+of\\s+them";
/**
 * How a question asks whether the documents take something up at all: "do the docs say anything
 * about lock-in?", "Do the documents talk about being dependent on one cloud vendor at all?",
 * "does any of the five documents discuss one shared cluster versus a cluster per business unit?",
 * "is cost covered in the sources?", "anything in the docs on network policies?" (blind trials 28
 * and 29: best guesses were presented as answers).
 */
const FRAMINGS = [
  // (Not "what does the doc say about boot times?", which asks what it says.)
  `(?<!\\b(?:what|how|where|why|which)\\s+)\\b(?:do|does|did)\\s+(?:${DOCUMENTS})\\s+(?:\\w+\\s+)?(?:mention|cover|discuss|talk|say|speak|address|touch|go\\s+into|get\\s+into|deal\\s+with)(?:\\s+(?:anything|something|much))?(?:\\s+(?:about|on|of|regarding|with))?\\b`,
  `\\b(?:is\\s+there\\s+)?(?:anything|something|much)\\s+(?:in|from)\\s+(?:${DOCUMENTS})\\s+(?:on|about|regarding)\\b`,
  `\\b(?:covered|mentioned|discussed)\\s+(?:at\\s+all\\s+)?(?:in|by)\\s+(?:${DOCUMENTS})\\b`,
];
const ASKS_COVERAGE = new RegExp(FRAMINGS.join("|"), "i");
const FRAMING_GLOBAL = new RegExp(FRAMINGS.join("|"), "gi");

export function asksAboutCoverage(question: string): boolean {
  return ASKS_COVERAGE.test(question.replace(/[’']/g, ""));
}

/**
 * What a coverage question asks about, without the framing: "do the docs discuss cost?" is
 * "cost", "is kubernetes covered in the docs?" is "kubernetes". The framing words make the matcher
 * unsure of the very topic it has an entry for (an independent review's: "No, none discusses
 * that" for cost, Kubernetes and team skills).
 */
export function coverageTopic(question: string): string {
  return question
    .replace(/[’']/g, "")
    .replace(FRAMING_GLOBAL, " ")
    .replace(/\b(?:at\s+all|is|are|any|directly)\b/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A question asking whether the documents take something up is answered as its topic alone
 * would be, a best guess or "did you mean" included, with two differences: the topic is ours
 * whatever its words, since it is asked of the documents, so an offer made for want of a subject
 * word is an ordinary "did you mean" ("do the docs talk about team skills?"); and a topic declined
 * alone gets a plain no ("do the docs cover pizza toppings?").
 */
export function coverageOutcome(
  question: string,
  outcome: AskOutcome,
  ask: (text: string) => AskOutcome,
): AskOutcome {
  if (!asksAboutCoverage(question)) return outcome;
  const topic = coverageTopic(question);
  const alone = /\p{L}{2,}/u.test(topic) ? ask(topic) : outcome;
  if (alone.kind === "no-match" && alone.why === "no-subject-word") return { ...alone, why: "unsure" };
  if (alone.kind === "out-of-scope") return { ...alone, coverage: true };
  return alone.kind === "answer" || alone.kind === "no-match" ? alone : outcome;
}
