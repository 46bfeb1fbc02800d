import type { Answerable } from "../answerable.ts";
import type { QuestionWords } from "../followUp.ts";

/** At most this many of an answer's detail points are quoted for one follow-up. */
const MAX_POINTS = 3;

/**
 * Verbs too general to pick a point by ("how does that work?", "and running it?"): the matcher's
 * rarity does not tell them from subject words, as few entries' phrasings happen to use them.
 */
const GENERAL_VERBS = new Set([
  "work",
  "run",
  "use",
  "make",
  "get",
  "need",
  "go",
  "take",
  "happen",
  "mean",
  "do",
]);

/**
 * The points of an answer's details ("- **VMs:** …" lines) that a follow-up taken back to it asks
 * about: those sharing its words beyond the answer's own question ("and for VMs?" after the
 * databases answer: the points that speak of VMs), the rarest words first, in the answer's order.
 * None when no point does.
 */
export function pointsAbout(entry: Answerable, followUp: string, words: QuestionWords): string[] {
  const topic = new Set(words.stems(entry.question));
  const own = words.stems(followUp);
  const asked = [...new Set(own)].filter((s) => !topic.has(s) && words.knows(s) && !GENERAL_VERBS.has(s));
  const points = detailPoints(entry);
  if (asked.length === 0) return pointsOfSide(points, followUp, own, words);
  const scored = points.map((point, i) => {
    const own = new Set(words.stems(point));
    return { i, point, score: asked.reduce((sum, s) => sum + (own.has(s) ? words.rarity(s) : 0), 0) };
  });
  return scored
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, MAX_POINTS)
    .sort((a, b) => a.i - b.i)
    .map((p) => p.point);
}

/**
 * What marks a drawback in an answer: a point labelled with it ("- **The catch:** …", "- **Its
 * price:** …") or a sentence of the answer that says it ("The catch is that …"). Not "risk" nor
 * "limit": "Order of risk" and "low-risk step" name none.
 */
const CAVEAT_CUE =
  /\b(?:catch|caveats?|the price|its price|trade-?offs?|downsides?|drawbacks?|weak spots|not free|pitfalls?|gotchas?)\b/i;

/**
 * "what's the catch?" right after an answer whose points speak of no drawback: the points
 * labelled as one, else the answer's sentences that name one ("The catch is that fast container
 * scaling assumes stateless services"), quoted as points. None when it names none.
 */
function caveatsOf(entry: Answerable): string[] {
  const labelled = detailPoints(entry).filter((point) => CAVEAT_CUE.test(labelOf(point)));
  if (labelled.length > 0) return labelled.slice(0, MAX_POINTS);
  return entry.answer
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .filter((sentence) => CAVEAT_CUE.test(sentence))
    .slice(0, MAX_POINTS)
    .map((sentence) => `- ${sentence.trim()}`);
}

/** An answer's detail points ("- **VMs:** …" lines), as written. */
function detailPoints(entry: Answerable): string[] {
  return entry.details
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("- "));
}

/** A point's bold label ("VMs" of "- **VMs:** …"), or "". */
function labelOf(point: string): string {
  return /^- \*\*([^*]+)\*\*/.exec(point)?.[1] ?? "";
}

/**
 * The points a follow-up taken back to an answer asks about (pointsAbout); for a caveat question
 * ("what's the catch?") whose words find none, the drawbacks the answer names (caveatsOf).
 */
export function pointsAsked(
  entry: Answerable,
  followUp: string,
  caveats: boolean,
  words: QuestionWords,
): string[] {
  const points = pointsAbout(entry, followUp, words);
  return points.length > 0 || !caveats ? points : caveatsOf(entry);
}

/** Does a follow-up ask for figures ("exact numbers?", "how many MB per container?")? */
export function asksForFigures(followUp: string): boolean {
  const q = followUp.toLowerCase();
  // "exact numbers?", "how much exactly?", "how many ms …", "benchmarks?"; not "what documents do
  // you use exactly?" nor "what is the exact difference?".
  return (
    /\b(?:exact|precise)\s+(?:numbers?|figures?|values?|times?|sizes?|amounts?|percentages?)\b/.test(q) ||
    /\bhow (?:much|many|long|fast|big|large|small)\b[^?]*\b(?:exactly|precisely)\b/.test(q) ||
    /\b(?:numbers|figures|benchmarks?|statistics|stats|percentages?|iops)\b/.test(q) ||
    /\bhow many (?:ms|mb|gb|seconds|milliseconds|minutes|megabytes|gigabytes|percent)\b/.test(q) ||
    // "how fast do firecracker vms boot in ms?" (not "in seconds": the documents say seconds).
    // (Asked how much: not "windows containers in ms azure".)
    (/\bhow (?:fast|quick|quickly|long|much|many|big|large|small)\b/.test(q) &&
      /\bin (?:ms|milliseconds|microseconds|mb|gb|megabytes|gigabytes)\b/.test(q)) ||
    // "what's the CPU overhead of a hypervisor in percent?", "overhead in %".
    /\bin (?:percent|per cent|percentage|%)(?=\W|$)/.test(q) ||
    // A duration of work ("how long will migrating 400 vms take", "how long to learn k8s"), not a
    // start-up time, which the documents give in rough ranges.
    (/\bhow long (?:will|would|does|do|should|to|is)\b[^?]*\b(?:take|learn|migrat\w*|last)\b/.test(q) &&
      !/\b(?:start|starts|boot|boots|startup|start-up)\b/.test(q))
  );
}

/**
 * "and for VMs?" after an answer whose question names both sides already (the scaling answer):
 * the points labelled with that side ("- **VMs:** …"), else none.
 */
function pointsOfSide(points: string[], followUp: string, own: string[], words: QuestionWords): string[] {
  const side = words.sides?.only(followUp, own);
  if (!side) return [];
  return points.filter((point) => words.sides?.names(labelOf(point), side)).slice(0, MAX_POINTS);
}
