import { stemmer } from "stemmer";
import type { ChecklistQuestion } from "../../knowledge/decisionSchema.ts";
import { rawWords } from "../matcher/text.ts";

/** The content words of a text, stemmed ("bursty" and "bursts" are one), without `stopwords`. */
const contentWords = (text: string, stopwords: ReadonlySet<string>) =>
  rawWords(text)
    .filter((w) => !stopwords.has(w))
    .map((w) => stemmer(w));

/** A word that turns what follows round: "no legacy stuff" is not the label that says "legacy". */
const NEGATORS = new Set([
  "no",
  "not",
  "none",
  "nothing",
  "never",
  "without",
  "nor",
  "dont",
  "isnt",
  "arent",
  "doesnt",
]);

/** After an option's word, these say it fits: "standard is fine", "medium for us". */
const FITS = new Set(["is", "are", "was", "for", "fine", "please", "then", "it", "i", "we", "here"]);

/** Does a text say "no" or "not" anywhere (which turns a label's word round)? */
export const negated = (text: string) => rawWords(text).some((w) => NEGATORS.has(w));

/** Said before an option named outright: "I'd say strong, …", "probably medium". */
const LEADS =
  /^\s*(?:i'?d say|i would say|i think|i guess|probably|definitely|maybe|go with|i'?d go with|we'?d say)\s+/i;

/** A bare "no" or "yes" in other words, for the option valued "no" or "none", or "yes". */
const BARE = new Map<string, "no" | "yes">([
  ...["no", "nope", "nah", "none", "nothing", "not really", "nothing special", "none at all"].map(
    (w) => [w, "no"] as const,
  ),
  ...["yes", "yep", "yeah", "yup"].map((w) => [w, "yes"] as const),
]);

/** Is the text only a bare "no" or "yes" ("nope", "yeah")? */
export const bareYesOrNo = (text: string) => BARE.has(rawWords(text).join(" "));

/**
 * A choice named by its value, its label or its label's head ("standard", "Strict"), in rawWords
 * joined by spaces; or a bare "nope" for None, "yeah" for Yes.
 */
export function named(q: ChecklistQuestion, words: string): ChecklistQuestion["choices"][number] | undefined {
  const same = (label: string) => rawWords(label).join(" ") === words;
  const choice = q.choices.find((c) => same(c.value) || same(c.label) || same(c.label.split("—")[0]!));
  const bare = BARE.get(words);
  return choice ?? (bare && q.choices.find((c) => c.value === bare || (bare === "no" && c.value === "none")));
}

/** After a lead-in, the option alone: "probably medium", "I'd say high" (a hedge, but a choice). */
export function leadNamed(q: ChecklistQuestion, text: string): string | undefined {
  const said = text.replace(LEADS, "");
  return said === text ? undefined : named(q, rawWords(said).join(" "))?.value;
}

/**
 * The choice a typed answer names in so many words, if one does:
 * - alone after a lead-in: "probably medium";
 * - its value or label head first, before a comma or dash: "standard, it's all our own services",
 *   "strict, we're audited under SOC 2" (an option named outright beats what the rest implies);
 * - opening a later clause and said to fit: "Chloe here: standard is fine for us".
 * (Not by a word of its label alone: "linux" is in Yes's label, "automated" in Low's.)
 */
export function choiceNamed(
  q: ChecklistQuestion,
  text: string,
  stopwords: ReadonlySet<string>,
): string | undefined {
  const said = text.replace(LEADS, "");
  const alone = leadNamed(q, text);
  if (alone) return alone;
  // Before a comma, colon or a dash between words; not a hyphen inside one ("medium-sized company").
  const head = /^\s*(.+?)\s*(?:[,;:]|\s[-—–]\s|[—–])/.exec(said)?.[1];
  const first = head ? named(q, rawWords(head).join(" ")) : undefined;
  // "yes" and "no" begin much chatter ("no, sorry, wrong thread", "yes, let me check"): only
  // with more of the option's own words after them ("no, one OS family is fine"), or a bare
  // confirmation ("yes, we do", "no, we don't").
  const sense = BARE.get(rawWords(head ?? "").join(" "));
  const chatty = first && (first.value === "yes" || first.value === "no" || sense !== undefined);
  const rest = head ? said.slice(said.indexOf(head) + head.length) : "";
  // "nope, nothing special" says no twice.
  const confirms =
    (rawWords(rest).length <= 3 && contentWords(rest, stopwords).length === 0) ||
    (sense !== undefined && BARE.get(rawWords(rest).join(" ")) === sense);
  if (first && (!chatty || confirms || closestChoice(q, rest, stopwords, 1) === first.value))
    return first.value;
  if (negated(text)) return undefined;
  // An option opening a later clause and said to fit ("Chloe here: standard is fine for us"),
  // not an adjective of something else ("low latency matters").
  const clauses = said.split(/[,;:]|\s[-—–]\s|[—–]/).map(rawWords);
  const opening = new Set(
    clauses.flatMap((words) => {
      const option = words[0] === undefined ? undefined : named(q, words[0]);
      const fits = words.length === 1 || FITS.has(words[1]!);
      return option && fits && option.value !== "yes" && option.value !== "no" ? [option.value] : [];
    }),
  );
  return opening.size === 1 ? [...opening][0] : undefined;
}

/**
 * Between choices a text reads as both of ("a platform team of 6 with solid CI/CD and
 * observability": a high maturity and a medium one), the one whose label shares the most of its
 * words, when it shares at least two and more than any other.
 */
export function closestChoice(
  q: ChecklistQuestion,
  text: string,
  stopwords: ReadonlySet<string>,
  /** How many of its words a label must share at least. */
  least = 2,
): string | undefined {
  const words = new Set(contentWords(text, stopwords));
  const shared = q.choices
    .map((c) => ({
      value: c.value,
      n: new Set(contentWords(c.label, stopwords).filter((w) => words.has(w))).size,
    }))
    .sort((a, b) => b.n - a.n);
  const [best, next] = shared;
  return best && best.n >= least && best.n > (next?.n ?? 0) ? best.value : undefined;
}

/**
 * The choices whose `said` words the typed words hold (in rawWords' spelling), with those words;
 * not where a negator stands in the three words before them ("it's not all our own code").
 */
export function saidFor(q: ChecklistQuestion, typed: string[]): { value: string; words: string }[] {
  const at = (phrase: string[]) =>
    typed.findIndex((_, i) => phrase.every((w, k) => typed[i + k] === w) && phrase.length > 0);
  return q.choices.flatMap((c) => {
    for (const p of c.said) {
      const phrase = rawWords(p);
      const i = at(phrase);
      if (i >= 0 && !typed.slice(Math.max(0, i - 3), i).some((w) => NEGATORS.has(w)))
        return [{ value: c.value, words: phrase.join(" ") }];
    }
    return [];
  });
}
