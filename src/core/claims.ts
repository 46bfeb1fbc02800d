import type { Answerable } from "./answerable.ts";
import type { Asker } from "./ask.ts";
import type { QuestionWords } from "./followUp.ts";
import { rawWords } from "./matcher/text.ts";
import { firstSentence } from "./replies/answers.ts";
import { GENERAL_VERBS, pointsAbout } from "./replies/facets.ts";

/** Words that name a document, as people ask which one says something. */
const DOC =
  "(?:doc|docs|document|documents|source|sources|section|sections|paper|papers|one of (?:the|your) (?:docs|documents|sources))";
/**
 * Verbs of saying, in the forms a question puts them in; verbs of a topic ("which document covers
 * CI pipelines?" asks for that answer) only before "that" ("which doc mentions that …").
 */
const SAYS = String.raw`(?:(?:say|says|said|claim|claims|state|states|back up|backs up|back|backs|support|supports|recommend|recommends|argue|argues|suggest|suggests)|(?:mention|mentions|talk about|talks about|cover|covers|describe|describes|discuss|discusses)(?= that\b))`;
const HOW = "(?:exactly |actually |specifically |really )?";

/**
 * "which doc says the containers inside VM thing?", "Which document says that a single kernel
 * compromise can reach many workloads?", "where do the docs say images are easier to audit?",
 * "Does the process-centric document actually claim that containers give a better audit trail?"
 * (blind trial 26: each got a whole answer again, or another topic's).
 */
const ASKS_WHERE_SAID = [
  // (Not "which one": "which one backs up faster?" asks which option; an independent review's.)
  new RegExp(String.raw`\b(?:which|what)\s+(?:of the\s+)?${DOC}\s+${HOW}${SAYS}\s+(.+)`, "i"),
  new RegExp(
    String.raw`\bwhere\s+(?:do|does|did)\s+(?:the\s+|your\s+)?(?:${DOC}|it|they)\s+${HOW}${SAYS}\s+(.+)`,
    "i",
  ),
  // Asked yes or no, at the start of a sentence: not "what does the 2026 document say about microVMs?".
  new RegExp(
    String.raw`^(?:(?:so|and|but|ok)\s+)?(?:does|do|did)\s+(?:the\s+)?[\w' -]{0,40}?\b${DOC}\s+${HOW}${SAYS}\s+(?!about\b)(.+)`,
    "i",
  ),
];

/** What a claim says nothing with beside the words it points back with ("that", "the … bit"). */
const EMPTY_CLAIM = new Set([
  "that",
  "this",
  "it",
  "so",
  "the",
  "thing",
  "bit",
  "part",
  "point",
  "stuff",
  "one",
  "there",
  "up",
]);

/**
 * The claim a message asks the source of ("that a single kernel compromise can reach many
 * workloads"), or undefined when it asks for none, or only of "that" (the answer before's sources,
 * followUp.ts).
 */
export function claimAsked(question: string): string | undefined {
  const text = question.replace(/[’']/g, "'");
  for (const sentence of text.split(/(?<=[?!.])\s+/)) {
    for (const pattern of ASKS_WHERE_SAID) {
      const said = pattern.exec(sentence)?.[1];
      if (!said) continue;
      const claim = said
        // Not what it is for: "the rebuild-and-redeploy bit, I want to send it to a colleague".
        .replace(/,\s*(?:i|im|we|so|please|pls|for|to)\b.*$/i, "")
        .replace(/[?!.]+\s*$/, "")
        .replace(/^(?:that|the claim that|about)\s+/i, "")
        .trim();
      if (rawWords(claim).some((w) => !EMPTY_CLAIM.has(w))) return claim;
    }
  }
  return undefined;
}

export interface ClaimSource {
  /** The answer whose points say it. */
  entry: Answerable;
  /** Those points as the answer writes them, or its opening sentence when that says it. */
  points: string[];
  /** Products the claim names that the documents never mention ("podman"). */
  unnamed?: readonly string[];
}

/**
 * A point says a claim when it has at least this share of the claim's telling words (words the
 * knowledge uses, neither weak nor as common as the sides' own names): "a kernel vulnerability can
 * hit several workloads at once" says "a single kernel compromise can reach many workloads".
 */
const SAYS_IT = 1 / 3;

/**
 * A word this rare across the entries tells a claim apart; "containers" and "VMs" are in nearly
 * every point (an independent review's "which doc says containers start faster than VMs?" was
 * found in the databases answer before it).
 */
const TELLING_RARITY = 2;

/**
 * Where a claim is said: the points of the answer before or of the answer the claim matches on
 * its own (or the latter's opening when that says it), whichever say more of it; on a tie the one
 * before, unless the claim alone is surely the other's. Undefined when none says it: the message
 * is then asked as any other.
 */
export function claimSource(
  asker: Pick<Asker, "ask">,
  words: QuestionWords,
  claim: string,
  previous: Answerable | undefined,
): ClaimSource | undefined {
  // By the words as written, each its stems ("vms": "virtual machine" counts once).
  const asked = rawWords(claim)
    .map((w) =>
      words.stems(w).filter(
        (s) =>
          words.knows(s) &&
          !words.weak?.(s) &&
          !GENERAL_VERBS.has(s) &&
          // (A word no phrasing uses has no rarity and tells most: "exploit".)
          (words.rarity(s) >= TELLING_RARITY || words.rarity(s) === 0),
      ),
    )
    .filter((stems) => stems.length > 0);
  if (asked.length === 0) return undefined;
  const shared = (text: string) => {
    const own = new Set(words.stems(text));
    return asked.filter((stems) => stems.some((s) => own.has(s))).length;
  };
  // Never one word alone of several: "VMs: separate guest operating systems …" does not say
  // "keep databases on VMs".
  const enough = Math.max(Math.min(2, asked.length), SAYS_IT * asked.length);
  // Its points that say it, else its opening when that does ("are vms obsolete?" then "where do
  // the docs say vms are obsolete?"; "which doc says containers are cheaper?").
  const saying = (entry: Answerable, orOpening: boolean) => {
    const points = pointsAbout(entry, claim, words).filter((p) => shared(p) >= enough);
    const opening = firstSentence(entry.answer);
    if (points.length === 0 && orOpening && shared(opening) >= enough)
      return { points: [opening], most: shared(opening) };
    return { points, most: Math.max(0, ...points.map(shared)) };
  };
  const alone = asker.ask(claim);
  const unnamed = "unnamed" in alone ? alone.unnamed : undefined;
  const found = (entry: Answerable, points: string[]): ClaimSource => ({
    entry,
    points,
    ...(unnamed ? { unnamed } : {}),
  });
  const none = { points: [], most: 0 };
  const before = previous ? saying(previous, true) : none;
  const matched = alone.kind === "answer" ? alone.entry : undefined;
  const own = matched && matched.id !== previous?.id ? saying(matched, true) : none;
  // The answer before on a tie, unless the tie is on one word and the claim alone is surely the
  // other's ("which doc says containers are cheaper?" after containers in VMs, whose "cost of the
  // extra layer" shares only "cost"; "what source recommends starting with stateless services?"
  // after the migration answer shares two: an independent review's).
  const sure = alone.kind === "answer" && !alone.unsure;
  const tieGoesBefore = before.most >= 2 || !sure;
  if (
    previous &&
    before.points.length > 0 &&
    (before.most > own.most || (before.most === own.most && tieGoesBefore))
  )
    return found(previous, before.points);
  if (matched && own.points.length > 0) return found(matched, own.points);
  if (alone.kind !== "no-match") return undefined;
  for (const entry of alone.suggestions) {
    const { points } = saying(entry, false);
    if (points.length > 0) return found(entry, points);
  }
  return undefined;
}
