import { rawWords } from "../matcher/text.ts";

/** Said before what is meant, and skipped: "hmm, we do have a platform team". */
const INTERJECTIONS = new Set([
  "hey",
  "hi",
  "hello",
  "howdy",
  "hmm",
  "hm",
  "um",
  "uh",
  "ok",
  "okay",
  "so",
  "well",
  "lol",
  "yeah",
  "yes",
  "right",
  "oh",
  "ah",
  "and",
  "also",
  "actually",
  "honestly",
]);

/** A sentence opening with one of these asks, bids or supposes: "isnt customer code untrusted". */
const OPENERS = new Set([
  // questions, with and without their negation
  ...["what", "whats", "why", "how", "when", "where", "which", "who", "whom", "whose"],
  // (not "were": it is also "we're", as in "strict, we're audited")
  ...["is", "are", "am", "was", "do", "does", "did", "have", "has", "had"],
  ...["can", "could", "should", "would", "will", "may", "might", "must", "shall"],
  ...["isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "havent", "hasnt"],
  ...["cant", "couldnt", "shouldnt", "wouldnt", "wont", "mustnt"],
  // requests
  ...["explain", "tell", "describe", "define", "show", "compare", "list", "give", "help", "please", "pls"],
  // suppositions
  ...["suppose", "imagine", "assume", "say", "consider", "if", "what-if"],
]);

/** Those whose wants are requirements: "the regulators want real separation". */
const REQUIRERS = new Set([
  ...["regulator", "regulators", "auditor", "auditors", "law", "laws", "rules"],
  ...["contract", "contracts", "customers", "clients"],
]);

/** After "would", these say an option would do: "would be fine", "would work". */
// (And a judgement given with it: "I would say strong", "so I would call it moderate rather than
// none", blind trial 28's; not "I would go with hard isolation but …", a wish: an independent
// review's.)
const WOULD_DO = new Set(["fine", "ok", "okay", "work", "do", "say", "call"]);

/** Question words that also open a clause inside a statement. */
const RELATIVES = new Set(["when", "which", "where", "who", "whom", "whose"]);

/**
 * Anywhere in the message, these make it a supposition, hearsay, a wish or a doubt: what it says
 * may not be so ("we lack a platform team", "we plan to deploy daily", "I doubt we run untrusted
 * code" read the other way round or as today's facts).
 */
const HEDGES = new Set([
  // what is to come ("we will have a platform team next quarter")
  "will",
  "gonna",
  "might",
  "eventually",
  "someday",
  "wonder",
  "doubt",
  "lack",
  "lacking",
  "hiring",
  "plan",
  "planning",
  "hope",
  "hoping",
  "maybe",
  "probably",
  "wish",
  "if",
  "whether",
  "suppose",
  "supposing",
  "imagine",
  "hypothetically",
  "ideally",
  // Not "said": "like I said, small platform team" is ours.
  "says",
  "heard",
  "apparently",
  "claims",
  "anyone",
  "anybody",
  "someone",
]);

/** Verbs of running a platform, after "someone else". */
const RUNS = new Set([
  "run",
  "runs",
  "running",
  "manage",
  "manages",
  "managing",
  "operate",
  "operates",
  "host",
  "hosts",
  "handle",
  "handles",
]);

/**
 * Told, seen, known or thought, in rawWords' spelling: what others do, passed on, is no fact of the
 * team ("we were told netflix deploys daily", "we know our competitor deploys daily"). Not a skill
 * the team knows well ("we know docker pretty well but never ran kubernetes", a blind trial's was
 * set aside as hearsay).
 */
export const HEARSAY =
  /\b(?:heard|read that|told|saw that|seen that|know that|we know(?!\s+(?:\S+\s+){1,2}?(?:pretty\s+|very\s+|really\s+|quite\s+|fairly\s+)?well\b)|think|thinks|thought|rumou?r|apparently)\b/;

/** After "want to": what asks or avoids rather than states a need. */
const ENQUIRIES = new Set([
  "avoid",
  "see",
  "know",
  "understand",
  "learn",
  "find",
  "try",
  "check",
  "explore",
  "compare",
]);

/** A text's clauses, as rawWords. */
const clausesOf = (text: string) =>
  text
    .split(/[.!;:,\n]+|\s[-–—]\s/)
    .map(rawWords)
    .filter((w) => w.length > 0);

/**
 * Does a message ask or request something: a question mark, or a clause opening as a question or
 * a request, also after a comma or a dash ("we deploy daily, can containers handle that")?
 */
export function asksSomething(text: string): boolean {
  if (text.includes("?")) return true;
  return clausesOf(text).some((words, n) => {
    let i = 0;
    while (i < words.length - 1 && INTERJECTIONS.has(words[i]!)) i++;
    // After a comma, "when", "which", "where" and "who" open a clause of what is said ("bursty,
    // when a big experiment kicks off"), not a question.
    // "we use EKS, dont want to run our own control plane": a negation with its subject left out,
    // not a question (blind trial 24's was answered as one in a checklist's thread).
    if (NEGATIONS.has(words[i]!) && SAID_AFTER_NEGATION.has(words[i + 1] ?? "")) return false;
    return OPENERS.has(words[i]!) && (n === 0 || !RELATIVES.has(words[i]!));
  });
}

/** Negated auxiliaries that open a question ("dont you think …?") or a statement without its subject. */
const NEGATIONS = new Set(["dont", "doesnt", "didnt", "cant", "wont"]);
/** After them, verbs of a statement: "dont want to run clusters", "dont need GPUs". */
const SAID_AFTER_NEGATION = new Set([
  "want",
  "need",
  "have",
  "care",
  "like",
  "use",
  "run",
  "mind",
  "expect",
  "plan",
  "require",
  "trust",
  "know",
]);

/**
 * Does a message typed in a checklist's thread state something, as an answer to its question
 * would ("we have a dedicated platform team", "really spiky, huge peaks on launch days"), rather
 * than ask, request, suppose or report ("isnt customer code untrusted", "explain hard isolation",
 * "suppose we had a platform team", "Bob says we run untrusted code")? In that thread a statement
 * is most likely about the team, whoever it names (a blind trial's "game servers keep match
 * state in memory" was one), so it need not say "we".
 */
export function statesSomething(
  text: string,
  /** A wish states the answer (checklist `wishes`: "we want defence in depth" is a requirement). */
  wishesCount = false,
): boolean {
  const sentences = clausesOf(text);
  if (sentences.length === 0 || asksSomething(text)) return false;
  const all = sentences.flat();
  // A wish ("we really want a platform team", "our CTO wants …"), not a requirement of those who
  // set them ("the regulators want real separation").
  // Even where a wish states the answer, wanting to avoid, see or learn something does not
  // ("we want to avoid anything regulated", "we want to see what strong isolation costs").
  const enquiry = all.some(
    (w, i) => (w === "want" || w === "wants") && all[i + 1] === "to" && ENQUIRIES.has(all[i + 2] ?? ""),
  );
  if (enquiry) return false;
  const wish =
    !wishesCount &&
    all.some((w, i) => (w === "want" || w === "wants" || w === "wanted") && !REQUIRERS.has(all[i - 1] ?? ""));
  // What would be, not what is ("running our own clusters would be a nightmare"), unless it only
  // says an option would do ("a managed cluster like GKE would be fine").
  // With wishes, a preference states one too ("we would rather use EKS than run our own").
  const would = all.some(
    (w, i) =>
      w === "would" &&
      !all.slice(i + 1, i + 3).some((f) => WOULD_DO.has(f)) &&
      !(wishesCount && all[i + 1] === "rather"),
  );
  // "someone" hedges ("someone mentioned GPUs", "someone else mentioned EKS"), but "someone else"
  // running it names who runs it: "we'd want someone else to run it" (blind trial 18's).
  const runsIt = (i: number) =>
    all[i + 1] === "else" &&
    (RUNS.has(all[i + 2] ?? "") || (all[i + 2] === "to" && RUNS.has(all[i + 3] ?? "")));
  return !wish && !would && !all.some((w, i) => HEDGES.has(w) && !(w === "someone" && runsIt(i)));
}

/**
 * A time to come, in rawWords' spelling: typed in a checklist's thread, what it says is a plan,
 * no answer of today ("next year we switch the architecture to microservices").
 */
export const PLANNED =
  /\b(?:next (?:year|quarter|month|sprint|week)|later this year|in the future|soon|at some point|down the road|eventually|someday|one day|once we)\b/;

/** Words that may open a request to the bot: "so can you …", "hey, could you …". */
const NOT_NAMES = new Set([
  ...["so", "ok", "okay", "and", "but", "hey", "hi", "hello", "also", "then", "now", "well", "oh", "hmm"],
  ...["how", "why", "what", "when", "where", "who", "which", "you", "we", "i", "they", "it", "this", "that"],
  ...["vmvc", "bot", "please", "pls", "thanks", "sorry", "yes", "no", "actually", "just", "maybe", "then"],
]);

/**
 * Does a message typed in a checklist's thread speak to someone else: "@chloe do we have GPUs in
 * prod?", "tom can you check with security first"? (The bot's own mention is gone by then.)
 */
export function addressesSomeoneElse(text: string): boolean {
  if (/^\s*@\w/.test(text) || /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/.test(text)) return true;
  const opening = /^\s*([a-z]+)\s*[,:]?\s+(?:can|could|would|will|do|did|pls|please)\s+you\b/i.exec(text);
  return opening !== null && !NOT_NAMES.has(opening[1]!.toLowerCase());
}

/** Words that make a sentence of a phrase: a person spoken of, or a verb of being, having or running. */
const SENTENCE_WORDS = new Set([
  ...["we", "our", "us", "ours", "i", "my", "they", "their", "its", "theres", "there"],
  ...["is", "are", "was", "were", "isnt", "arent", "have", "has", "had", "run", "runs", "keep", "keeps"],
  ...["use", "uses", "got", "do", "does", "dont", "doesnt"],
]);

/**
 * Does a message state a fact as a sentence ("the hypervisor is vmware", "backups run every night
 * to s3"), rather than name a topic ("databases in containers", "pros and cons of microvms"),
 * which in a checklist's thread is still a question?
 */
export function statesAsSentence(text: string): boolean {
  const words = rawWords(text);
  // Not a question put as one: "i dont understand what a container image is", "my question is
  // about hypervisors", "we were told containers boot in milliseconds".
  if (words.some((w) => INDIRECT.has(w))) return false;
  return statesSomething(text) && words.some((w) => SENTENCE_WORDS.has(w));
}

/** Words of a question put as a statement: a question word, "question", hearsay. */
const INDIRECT = new Set(["what", "why", "how", "whether", "question", "told", "heard", "wonder"]);
