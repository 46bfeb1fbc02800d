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
  // "which docs mention cost?": which of them do, asked of the topic (review 35's was declined).
  `\\bwhich\\s+(?:of\\s+the\\s+)?(?:docs?|documents?|sources?)\\s+(?:mention|cover|discuss|talk\\s+about|say\\s+anything\\s+about)\\b`,
  // "do they say anything about cost?" after the list of documents; not "do they talk to each other".
  `\\bdo\\s+they\\s+(?:say|mention|cover|discuss)\\s+(?:anything|something|much)(?:\\s+(?:about|on|of|regarding))?\\b`,
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

/** A topic of this many content words is matched with its framing. */
const LONG_TOPIC = 4;

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
  stems: (text: string) => string[],
): AskOutcome {
  if (!asksAboutCoverage(question)) return outcome;
  const topic = coverageTopic(question);
  // A topic of several words is matched as asked, framing and all, which dilutes it little: a best
  // guess stays one ("… discuss one shared cluster versus a cluster per business unit?" is no sure
  // density answer; review 35's). A short one, without the framing that drowns it.
  const long = stems(topic).length >= LONG_TOPIC;
  const alone = long ? outcome : /\p{L}{2,}/u.test(topic) ? ask(topic) : outcome;
  // A topic the documents never name ("do the docs say anything about lock-in?"): no.
  if (alone.kind !== "out-of-scope" && "unnamed" in alone && alone.unnamed && onlyNames(topic, alone.unnamed))
    return {
      kind: "out-of-scope",
      confidence: alone.confidence,
      rule: "nothing-close",
      offTopic: 0,
      generalOnly: false,
      unnamed: alone.unnamed,
      coverage: true,
    };
  if (alone.kind === "no-match" && alone.why === "no-subject-word") return { ...alone, why: "unsure" };
  if (alone.kind === "out-of-scope") return { ...alone, coverage: true };
  return alone.kind === "answer" || alone.kind === "no-match" ? alone : outcome;
}

/** Whether a topic is no more than the names the documents never mention (and a few small words). */
function onlyNames(topic: string, names: string[]): boolean {
  let rest = topic.toLowerCase();
  for (const n of names) rest = rest.split(n.toLowerCase()).join(" ");
  return (
    rest.replace(/\b(?:vendor|the|a|an|about|of|on|any|with|to|and|or|cloud)\b|[^\p{L}]/gu, "").length === 0
  );
}
