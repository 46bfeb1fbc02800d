import type { Answerable } from "../answerable.ts";
import type { QuestionWords } from "../followUp.ts";

/** At most this many of an answer's detail points are quoted for one follow-up. */
const MAX_POINTS = 3;

/**
 * Verbs too general to pick a point by ("how does that work?", "and running it?"): the matcher's
 * rarity does not tell them from subject words, as few entries' phrasings happen to use them.
 */
export const GENERAL_VERBS: ReadonlySet<string> = new Set([
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
  "keep",
  "give",
  "put",
]);

/**
 * The points of an answer's details ("- **VMs:** …" lines) that a follow-up taken back to it asks
 * about: those sharing its words beyond the answer's own question ("and for VMs?" after the
 * databases answer: the points that speak of VMs), the rarest words first, in the answer's order.
 * With `orAnswer`, when no point does, the sentences of the answer itself that do ("is gpu
 * passthrough better with VMs?" after the GPU answer, whose answer, not its details, speaks of
 * passthrough: it was told "that takes me back to my answer above" and nothing more, a blind
 * trial's). None when none does.
 */
export function pointsAbout(
  entry: Answerable,
  followUp: string,
  words: QuestionWords,
  orAnswer = false,
): string[] {
  const topic = new Set(words.stems(entry.question));
  const own = words.stems(followUp);
  const asked = [...new Set(own)].filter(
    (s) => !topic.has(s) && words.knows(s) && !GENERAL_VERBS.has(s) && !words.weak?.(s),
  );
  const points = detailPoints(entry);
  if (asked.length === 0) return pointsOfSide(points, followUp, own, words);
  const about = (candidates: string[]) =>
    candidates
      .map((point, i) => {
        const own = new Set(words.stems(point));
        return { i, point, score: asked.reduce((sum, s) => sum + (own.has(s) ? words.rarity(s) : 0), 0) };
      })
      .filter((p) => p.score > 0)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, MAX_POINTS)
      .sort((a, b) => a.i - b.i)
      .map((p) => p.point);
  const found = about(points);
  if (found.length > 0 || !orAnswer) return found;
  // The answer's sentences, split as ask.ts sentencesOf does, as points of their own.
  return about(entry.answer.split(/(?<=[.?!])\s+/).map((s) => `- ${s.trim()}`));
}

/** What marks a drawback in an answer (lexicon.yaml caveatMarks), as written. */
export interface CaveatMarks {
  labels: readonly string[];
  sentences: readonly string[];
}

/** A pattern of whole phrases, any case: "costs" in "Costs to factor in", not in "costsheet". */
function phrases(list: readonly string[]): RegExp | undefined {
  if (list.length === 0) return undefined;
  const escaped = list.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join("|")})(?![\\p{L}\\p{N}-])`, "iu");
}

/** Patterns made once per list of marks (the lexicon's, loaded once). */
const patternsOf = new WeakMap<CaveatMarks, { label?: RegExp; sentence?: RegExp }>();

/**
 * The drawbacks an answer names, for "what's the catch?" when its points speak of none in words
 * the synonyms read as one: the points labelled as one ("- **Its price:** …"), else its sentences
 * that say one ("The catch is that fast container scaling assumes …"), quoted as points. None when
 * it names none.
 */
function caveatsOf(entry: Answerable, marks: CaveatMarks): string[] {
  let patterns = patternsOf.get(marks);
  if (!patterns) {
    const label = phrases(marks.labels);
    const sentence = phrases(marks.sentences);
    patterns = { ...(label ? { label } : {}), ...(sentence ? { sentence } : {}) };
    patternsOf.set(marks, patterns);
  }
  const { label, sentence } = patterns;
  const labelled = label ? detailPoints(entry).filter((point) => label.test(labelOf(point))) : [];
  if (labelled.length > 0) return labelled.slice(0, MAX_POINTS);
  if (!sentence) return [];
  return entry.answer
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .filter((s) => sentence.test(s))
    .slice(0, MAX_POINTS)
    .map((s) => `- ${s.trim()}`);
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
  words: QuestionWords,
  caveats: { asked: boolean; marks: CaveatMarks },
): string[] {
  const points = pointsAbout(entry, followUp, words, !caveats.asked);
  return points.length > 0 || !caveats.asked ? points : caveatsOf(entry, caveats.marks);
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
    // "how much overhead does a vm add, like percent", "what percent slower?" (a blind trial's got
    // no word that the documents give none); not "90 percent of our apps are java".
    /\b(?:like|what|roughly|approx|approximately|how many)\s+(?:a\s+)?(?:percent|per cent|percentage|%)(?=\W|$)|\bpercent(?:age)?[\s-]?wise\b/.test(
      q,
    ) ||
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
