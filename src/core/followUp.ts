import { z } from "zod";
import type { StateStore } from "../store/store.ts";
import { updateKey } from "../store/update.ts";
import type { Answerable } from "./answerable.ts";
import type { Asker, AskOutcome } from "./ask.ts";
import { claimAsked, claimSource } from "./claims.ts";
import { rawWords } from "./matcher/text.ts";
import { pointsAbout } from "./replies/facets.ts";
import type { Side, Sides } from "./sides.ts";
import type { Turn } from "./turn.ts";
import { asksSomething, HEARSAY, PLANNED, statesSomething } from "./walkthrough/statement.ts";

/**
 * Every knob of follow-up resolution, in one place. A follow-up ("and for VMs?", "why?", "what
 * are the risks?") is a short question that does not stand on its own; it is matched together
 * with the topic of the last answered entry of the same conversation, thread and person.
 */
export const FOLLOW_UP = {
  /** How long the last answered entry is remembered (30 minutes). */
  ttlMs: 30 * 60 * 1000,
  /** Of how many of the team's recent messages about itself the answers are kept (rememberTold). */
  toldKept: 8,
  /** A question with more content words than this is a new question, whatever came before. */
  maxWords: 4,
  /**
   * A question declined for naming no subject still follows up when the model finds its words
   * this likely to belong to one entry ("what are the risks?" 0.38, "how long does that take?"
   * 0.22), and more likely than to the off-topic class: they are the subject's words. Off-topic
   * questions stay below ("what's a good pizza place nearby" 0.03) or belong to the off-topic
   * class ("who will win the election": 0.13 against 0.63), so they are declined as before.
   */
  minOwnConfidence: 0.1,
  /**
   * "what about …" naming a topic but no subject word is answered as a question of our subject
   * when the model gives its entry at least this probability (the matcher's `sure`): "what about
   * the learning curve?" 0.6, "… the people side, like skills?" 0.34; "what about my git commit
   * history?" 0.08 stays declined.
   */
  minInSubject: 0.3,
  /**
   * A short question: at most this many content words. Only a short question follows up for
   * naming no subject ("what are the risks?" has one content word, "how long does that take?"
   * two; off-topic questions that borrow a subject word are longer: "my laptop fan is very
   * loud") or for pointing back ("is that safe?"; in "is it cheaper to run containers", "it"
   * points nowhere).
   */
  shortQuestion: 2,
  /**
   * A request for a verdict on the answer before ("so bottom line: leave it where it is for now?",
   * 4 content words; "thats a lot of new tools. overkill for one box?", 5) has at most this many.
   */
  verdictWords: 6,
  /**
   * A question naming no subject word that the matcher only offers an entry for (from
   * params.decide.withoutSubjectWord) counts as a sure offer from this probability, and below it
   * as the decline it was until that threshold came down from this value (2026-12-01).
   */
  sureOffer: 0.85,
  /** A question opening with one of these continues the one before ("and for VMs?", "so how long"). */
  connectives: ["and", "but", "so", "also", "or", "then", "plus", "vs", "versus"],
  /** Besides the connectives, a question made of stopwords opening with one of these asks about what was said ("why?", "how so?"). */
  openers: ["why", "how", "what", "which", "really", "when", "where"],
  /** A question using one of these points back at the one before ("how long does that take?"). */
  pointers: ["that", "it", "this", "those", "these", "them", "they", "its"],
  /**
   * A word at least this rare across the entries (Matcher.rarity) names a topic of its own: "cost"
   * 4.1, "backups" 5.9, "monitoring" 4.3, "security" 3.0. The sides and settings every answer
   * speaks of are commoner: "VMs" 1.5, "containers" 1.3, "Kubernetes" 1.9, "production" 2.8. A
   * follow-up naming a topic is never answered with the previous entry again ("and cost?").
   */
  topicRarity: 3,
  /**
   * A question made only of these words and `sourceVerbs` (and stopwords), one of these at least,
   * asks where the answer before comes from: "source?", "which document says that?",
   * "citation?". Not "source code?", nor "say more?".
   */
  sourceWords: [
    "source",
    "cite",
    "citation",
    "reference",
    "document",
    "doc",
    "docs",
    "link",
    "proof",
    "evidence",
  ],
  // "prove it. which document says that?" (blind trial 20's, declined).
  sourceVerbs: ["say", "says", "said", "come", "comes", "prove"],
  /**
   * The same for a request to say the answer before more simply: "can you explain that simpler",
   * "tl;dr?", "in plain english?", "I not understand, can you say more simple please".
   */
  simplerWords: [
    "simpler",
    "simply",
    "simplify",
    "plainer",
    "eli5",
    "tldr",
    "summary",
    "summarize",
    "summarise",
    "layman",
    "shorter",
    "shorten",
    "gist",
  ],
  simplerOthers: [
    "simple",
    "short",
    "brief",
    "briefly",
    "plain",
    "easy",
    "easier",
    "say",
    "english",
    "version",
    "words",
    "terms",
    "five",
    "5",
    "year",
    "old",
    // "ok thats a lot. can you explain it like im 5", "no jargon pls"
    "thats",
    "jargon",
    "more",
    // "too long. tldr"
    "long",
    // "can you explain it in one sentence"
    "explain",
    "sentence",
    "line",
    "nutshell",
    // "give me the tl;dr for my board"
    "give",
    "board",
    "boss",
    "manager",
    "managers",
    "management",
    "ceo",
    "cto",
    "exec",
    "execs",
    "executives",
    "stakeholders",
    // "the short version of this rec, 2 lines max", "too long lol. tl;dr?" (blind trial 22's)
    ...["rec", "recommendation", "1", "2", "3", "two", "three", "max", "maximum", "most", "lol", "u"],
    ...["pls", "plz"],
    // "you keep giving me walls of text, can you be shorter?", "too long, didn't read" (a blind
    // trial's were declined)
    ...["keep", "giving", "wall", "walls", "text", "didnt", "read"],
    // "explain that like im not technical" (a blind trial's was declined)
    ...["technical", "nontechnical", "techie", "like", "not", "non"],
  ],
  /**
   * Who it is for and where it goes, beside a phrase of simplerPhrases only ("simpler pls, 2 lines i
   * can paste to my boss", "a short version I can put in an architecture decision record"): with a
   * word of simplerWords alone they name what to shorten ("summarize this email for me").
   */
  simplerPurpose: [
    ...["producer", "pi", "team", "client", "clients", "customer", "customers", "need"],
    ...["pm", "dean", "director", "vp", "hq", "cfo", "auditor", "auditors", "final", "explain", "im"],
    ...["paste", "put", "send", "share", "copy", "post", "slide", "slides", "email", "slack"],
    ...["adr", "architecture", "decision", "record"],
  ],
  /** Phrases that ask the same whatever else is said: "in plain english?", "short version please". */
  simplerPhrases: [
    "plain english",
    // "can you keep it short?" (an independent review's got the monitoring entry)
    "keep it short",
    "keep it brief",
    "short version",
    "in short",
    "plain words",
    "dont understand",
    "not understand",
    "do not understand",
    "too long",
    "one sentence",
    "one line",
    "one-line",
    "one liner",
    "one-liner",
    "two-line",
    "two lines",
    "2 lines",
    "two sentences",
    "2 sentences",
    "three sentences",
    "3 sentences",
    "more simple",
    "in a nutshell",
    "like im 5",
    "like im five",
    "like i am 5",
    "like i am five",
    "like a 5 year old",
    "like a five year old",
    "not technical",
    "non technical",
    "nontechnical",
    "not a techie",
  ],
  /** The phrases of simplerPhrases that ask for a shorter version outright, beside which simplerPurpose words may stand. */
  simplerRequests: [
    ...["short version", "shorter version", "in short", "one line", "one-line", "one liner", "one-liner"],
    // "so what would you pick for us in one sentence" (a blind trial's restarted the checklist)
    ...["one sentence", "1 sentence", "briefly"],
    ...["two-line", "two lines", "2 lines", "two sentences", "2 sentences", "three sentences", "3 sentences"],
    ...["in a nutshell", "tldr", "tl dr", "simpler", "not technical", "non technical", "nontechnical"],
    // "a 2 line version of the final rec", "the one line version", "3 sentences max" (blind trial 23's)
    ...[
      "2 line",
      "two line",
      "1 line",
      "3 line",
      "2-line",
      "line version",
      "sentence version",
      "3 sentences max",
      // "can you say it more simply, like an analogy I could use with my CEO?" (blind trial 25's)
      "more simply",
      "an analogy",
      "eli5",
      "explain like",
      // "can you explain more simple, like with analogy?", "two or three plain sentences for …"
      // (blind trial 26's)
      ...["more simple", "with analogy", "simple words", "simple terms", "simpler terms", "plain sentences"],
      ...["laymans terms", "layman terms"],
      // "explain it for our CFO, no jargon" (blind trial 27's was declined)
      ...["no jargon", "without jargon", "less jargon", "jargon free", "non technical", "nontechnical"],
    ],
  ],
  /** How many entries answered before the last one a conversation keeps (FollowUpContext.earlier). */
  earlierKept: 4,
  /** A question about the recommendation just shown has at most this many words ("why not kubernetes then?"). */
  recommendationWords: 9,
  /** The words the options are named with ("what would make you say containers again?"). */
  optionWords: [
    ...["vm", "vms", "virtual", "machine", "machines", "container", "containers", "microvm", "microvms"],
    ...["kubernetes", "k8s", "mixed", "platform", "hybrid", "shaped", "development"],
  ],
  /** Besides them, the words of asking what would change the recommendation ("what would have to be different …"). */
  changeFrame: [
    ...["different", "true", "make", "say", "take", "else", "something", "anything", "again", "instead"],
    ...["condition", "conditions", "circumstance", "circumstances", "flip", "tip", "mind", "otherwise"],
    // "… for you to say go full containers in prod instead?"
    ...["go", "full", "fully", "prod", "production", "everything"],
    // "… for a mixed platform to win instead?", "… just VMs across the board?", "which of my
    // answers …", "… that Kubernetes on VMs comes out?" (blind trial 25's)
    // "what has to be true before the app moves into containers?" (blind trial 27's got a guess)
    // ("has" is read as "ha", high availability: the frame word as the matcher reads it.)
    ...["move", "moves", "moving", "migrate", "migrates", "app", "application", "before", "has"],
    // "what would have to change in our situation before a mixed platform became the better
    // choice?" (blind trial 28's got an FAQ entry)
    ...["situation", "became", "becomes", "become", "better", "until"],
    ...[
      "win",
      "wins",
      "come",
      "comes",
      "out",
      "across",
      "board",
      "just",
      "answer",
      "answers",
      "need",
      "switch",
    ],
  ],
  /**
   * Besides the options and the recommendation's own words, the words of asking how to move to
   * it: "what would it take to switch?", "how do we get there?", "where do we start?", "how hard
   * would the migration be?" (blind trial 31's was declined).
   */
  gettingThereFrame: [
    ...["take", "switch", "move", "migrate", "migration", "transition", "adopt", "get", "there"],
    ...["start", "started", "begin", "first", "next", "step", "steps", "path", "way", "roll", "out"],
    ...["hard", "difficult", "much", "work", "effort", "go", "about", "team", "then", "now", "here"],
    ...["make", "exactly"],
    // Openings of thanks or agreement ("cool, how do we get there?", "makes sense. next steps?")
    ...["ok", "okay", "cool", "great", "alright", "nice", "thanks", "thank", "sense", "right"],
  ],
  /** "why not the runner up?", "why not the other one?": the option that came second. */
  runnerUpWords: ["runner", "second", "other", "alternative", "next"],
  /**
   * ...and at most one content word besides these: "why did you recommend that?", "why not
   * kubernetes?", "what would change the recommendation?"; not "why do containers start faster
   * than vms?", a question of its own.
   */
  recommendationOwnWords: [
    "recommend",
    "recommendation",
    "rec",
    "pick",
    "choice",
    "choose",
    "chose",
    "result",
    "suggest",
    "option",
    "change",
    "answer",
  ],
  /**
   * A short question made of these (besides the recommendation's own words and stopwords), one of
   * them at least, asks for the recommendation's caveats: "what's the catch?", "any downsides?",
   * "what are the risks?", "cons?" (blind trial 17's, all declined as outside our subject).
   */
  caveatWords: [
    ...["catch", "downside", "drawback", "risk", "con", "gotcha", "pitfall", "caveat", "tradeoff"],
    ...["trade-off", "weakness", "problem", "issue", "disadvantage", "minus"],
    // "any limitations?" (a review's, declined once "limits" asked about the bot only with "you").
    "limitation",
    // "what should we watch out for?", "what could go wrong?"
    ...["watch", "wrong"],
  ],
  /** Words besides those a caveat question may use: "the biggest risk?", "any hidden gotchas?". */
  caveatOthers: ["main", "biggest", "big", "hidden", "potential", "aware", "known", "real", "anything"],
  /**
   * Words that point back at the answer as a whole, which a caveat question may use beside a word
   * that only names a drawback (caveatNames): "the downsides of that approach?" (blind trial 19's,
   * declined). Not beside "problem", "issue" or "wrong": "but that approach is wrong" complains.
   */
  caveatPointers: ["approach", "pattern", "plan", "strategy"],
  /** The caveat words that name nothing but a drawback. */
  caveatNames: [
    ...["catch", "downside", "drawback", "risk", "con", "gotcha", "pitfall", "caveat", "tradeoff"],
    ...["trade-off", "weakness", "disadvantage", "limitation"],
  ],
  /**
   * A caveat question right after an answer ("what's the catch?", "and the gotchas?") is asked as
   * this: the lexicon reads "downsides" as the drawbacks the answers' details speak of, where
   * "catch" and "gotcha" are no words of the knowledge's (they were declined as off topic).
   */
  caveatsAsked: "what are the downsides?",
} as const;

/**
 * Where the answer before comes from, asked outright and nothing else: "where does the info come
 * from?", "where's that from?", "where did you get that?" (a blind trial's first was declined).
 * Only of the answer, its info or claim, never of a thing of our subject ("where does the kernel
 * come from?") nor of "data" (where data lives is a question of storage); not "it", nor with more
 * after it ("where does it come from, the hypervisor or the guest os?" after the overhead answer
 * asks about overhead: a review's).
 */
const WHERE_FROM =
  /^\W*(?:(?:ok|okay|so|and|but|hmm|wait|sorry)\W+)*(?:where(?:'s|s|\s+is|\s+does|\s+did|\s+do)\s+(?:(?:the|this|that|all\s+(?:the|this|that)|your)\s+)?(?:info|information|answer|advice|guidance|claim|stuff|that|this)?\s*(?:(?:come|comes|coming)\s+)?from|where\s+(?:did|do)\s+(?:you|u)\s+(?:get|find|read|see)\s+(?:(?:that|this|it|the)(?:\s+(?:info|information|idea|claim|answer|advice|numbers?|figures?))?|all\s+(?:that|this))|who\s+(?:says|said|claims|claimed)\s+(?:that|this|so|it)|says\s+who|according\s+to\s+(?:whom|who|what|which\s+(?:source|document|doc)))(?:\s+(?:exactly|then|again|btw|tho|though|pls|please|lol|from))?\W*$/i;

/**
 * Does a message ask only what to use ("so what do you recommend for that?", "what should i use for
 * the students then", "which one would you pick")? Right after a question that described the team,
 * it asks for a recommendation from what that question said (a blind trial's were read as an empty
 * description, or declined). Nothing after it but "then", "for that", "for us" and the like: not
 * "what should we use for secrets management?", "what should we do if a node dies?", "what do you
 * recommend we name the cluster?" (a review's).
 */
const ASKS_WHAT_TO_USE =
  /^\W*(?:(?:ok|okay|so|wait|hmm|then|and|but|well|right|alright|cool|thanks|sure)\W+)*(?:(?:what|which(?:\s+(?:one|option))?)\s+(?:should|would|do|could|shall)\s+(?:we|i|you|u)\s+(?:use|pick|choose|go\s+(?:with|for)|run(?:\s+(?:it|this|them))?(?:\s+on)?|build\s+on|host\s+(?:it\s+)?on|do|recommend|suggest)|(?:what\s+)?(?:do|would|could|can)\s+(?:you|u)\s+(?:recommend|suggest)|(?:what(?:'s|s|\s+is)\s+)?your\s+(?:recommendation|advice|suggestion|pick)|what(?:'s|s|\s+is|\s+would\s+be)\s+(?:the\s+)?best\s+(?:setup|set\s*up|option|choice|platform|approach|bet|way\s+to\s+go)|(?:(?:any|a|the|ur)\s+)?(?:recommendation|verdict)(?:\s+(?:please|pls|plz))?|what\s+now|now\s+what)(?:\s+(?:then|now|here|instead|tho|though|in\s+(?:that|this|our|my)\s+case|given\s+(?:that|this)|(?:we|i)\s+(?:do|use|pick|choose|go\s+with)|for\s+(?:that|this|it|us|me|them|those|these|(?:the|our|my)\s+(?:students|team|users|customers|company|case|situation|setup|devs|developers|engineers|org|organisation|organization)|(?:a|our)\s+(?:small\s+|tiny\s+)?(?:team|company|shop|startup)(?:\s+like\s+(?:ours|us))?)))*\W*$/i;

/**
 * "what now?", "now what?" and nothing else: no question of any entry's, whatever its words match
 * ("now" is a word of "Are VMs obsolete now that containers exist?", which a blind trial got
 * after an answer).
 */
const WHAT_NOW =
  /^\W*(?:(?:ok|okay|so|and|then|well|right|alright|hmm|cool|thanks)\W+)*(?:what\s+now|now\s+what)\W*$/i;

export function asksWhatNow(question: string): boolean {
  return WHAT_NOW.test(question);
}

export function asksWhatToUse(question: string): boolean {
  return ASKS_WHAT_TO_USE.test(question) || asksGivenWhatWasSaid(question);
}

/**
 * Does a question ask for the pick for the team from what it said before, whatever the matcher
 * makes of its words: "given all that, vms or containers?", "based on what i told you, what
 * should we run on?" (a blind trial's got the both-VMs-and-containers answer, or was declined)?
 */
export function asksGivenWhatWasSaid(question: string): boolean {
  const given = GIVEN_ALL_THAT.exec(question);
  if (given) {
    const rest = question.slice(given[0].length);
    return (
      rest.trim() === "" || ASKS_WHAT_TO_USE.test(rest) || SIDES_CHOICE.test(rest) || OUR_PICK.test(rest)
    );
  }
  return OUR_PICK.test(question) || SIDES_FOR_US.test(question);
}
/**
 * Other words for the pick for the team: "what's best for our team?", "which option fits us
 * best?", "what would you pick in our shoes", "is that enough info for a rec?" (a blind trial's
 * were declined).
 */
const OUR_PICK =
  /^\W*(?:(?:ok|okay|so|and|then|well|right|alright|hmm)\W+)*(?:what(?:'s|s|\s+is|\s+would\s+be)\s+(?:the\s+)?best(?:\s+(?:option|choice|fit|bet))?\s+for\s+(?:us|our\s+(?:team|case|setup|situation))|which\s+(?:option|one|platform|choice)\s+(?:fits|suits)\s+(?:us|our\s+(?:team|case|setup|situation))(?:\s+best)?|what\s+would\s+(?:you|u)\s+(?:pick|choose|use|go\s+with|do)\s+(?:in\s+our\s+(?:shoes|place|position)|if\s+(?:you|u)\s+were\s+us|for\s+us)|is\s+(?:that|this)\s+enough\s+(?:info|information|to\s+go\s+on)(?:\s+for\s+a\s+(?:rec|recommendation))?)\W*$/i;
/** "given all that", "based on what i told you", "with all this in mind" opening a question. */
const GIVEN_ALL_THAT =
  /^\W*(?:(?:ok|okay|so|and|then|well|right|alright)\W+)*(?:given|based\s+on|considering|with)\s+(?:all\s+(?:of\s+)?)?(?:that|this|those|these|everything|the\s+above|what\s+(?:i|we)(?:\s+have|'ve)?\s+(?:said|told\s+you|described)(?:\s+above)?)(?:\s+in\s+mind|\s+said)?\W*/i;
/** One of our sides, as a pick: "vms", "containers", "kubernetes", "a mix". */
const PICK =
  "(?:vms?|virtual\\s+machines?|containers?|docker|kubernetes|k8s|microvms?|a\\s+mix(?:ed\\s+platform)?|both)";
/** "vms or containers?", "k8s vs vms for us": a pick between two. */
const SIDES_CHOICE = new RegExp(
  `^\\W*(?:which\\W+)?(${PICK})\\s+(?:or|vs\\.?|versus)\\s+(${PICK})(?:\\s+(?:then|for\\s+us|here|for\\s+our\\s+case))?\\W*$`,
  "i",
);
/** "so VMs or containers for us?": a pick between two, for the team. */
const SIDES_FOR_US = new RegExp(
  `^\\W*(?:(?:ok|okay|so|and|then|well)\\W+)*${PICK}\\s+(?:or|vs\\.?|versus)\\s+${PICK}\\s+(?:for\\s+(?:us|our\\s+team|our\\s+case)|in\\s+our\\s+case)\\W*$`,
  "i",
);

/**
 * Does a question only make sense after an answer? "why?", "how so?", "and then?", "what about
 * it?", "source?", "tl;dr?": no content word of its own besides what asks for sources or a
 * shorter version, and opening with a word that asks about something said before or pointing
 * back. With nothing before it, such a question is not off topic: it needs the question it
 * follows.
 */
export function pointsBack(
  question: string,
  words: QuestionWords,
): "sources" | "simpler" | "bare" | undefined {
  const raw = rawWords(question);
  const own = words.stems(question);
  const pointer = pointsAt(raw);
  // Or a word for a source in a message that names nothing of our subject: "Which section is that
  // from exactly? I'd like to cite it on the slide." (blind trial 24's were declined).
  const sourceAsked =
    WHERE_FROM.test(question) ||
    (own.length > 0 &&
      (onlyOf(words, own, FOLLOW_UP.sourceWords, FOLLOW_UP.sourceVerbs) ||
        // (Pointing back, and asking for no writing: not "is there an open source alternative?",
        // "how do I document our setup?", "can you write a short design doc section on this?", an
        // independent review's; general words only then: "which section is that from?".)
        (pointer &&
          own.some((s) => stemsOf(words, FOLLOW_UP.sourceWords).has(s)) &&
          !/\bopen[\s-]source\b|\b(?:write|draft|create|make)\b/i.test(question) &&
          words.subjectless?.(question, true) === true)));
  if (sourceAsked)
    // "what are your sources?" asks about the bot's, not the answer's ("your source for that?" does).
    return pointer || !raw.some((w) => w === "you" || w === "your") ? "sources" : undefined;
  if (asksSimpler(raw, own, words, question)) return "simpler";
  // "is that right?", "are you sure?": its reasons (a blind trial's, after a recommendation, were
  // declined).
  if (CHECKS_IT.test(raw.join(" "))) return "bare";
  if (own.length > 0) return undefined;
  const bare =
    ([...FOLLOW_UP.connectives, ...FOLLOW_UP.openers] as readonly string[]).includes(raw[0] ?? "") || pointer;
  return bare ? "bare" : undefined;
}

/**
 * A request to say the answer before more simply ("explain that simpler", "tl;dr?", "in plain
 * english?", "i don't understand"), not a question about the thing ("is there a simpler way?",
 * "in plain words, what is a hypervisor?": a phrase counts only with nothing else said).
 */
function asksSimpler(raw: string[], own: string[], words: QuestionWords, question: string): boolean {
  // A drawback asked for is no request for a shorter answer: "any non technical downsides?" (an
  // independent review's got the gist).
  if (own.some((s) => stemsOf(words, FOLLOW_UP.caveatNames).has(s))) return false;
  // Hyphens as spaces: "a 3-line version" is "3 line" and "line version".
  const phrase = raw.join(" ").replace(/-/g, " ");
  const simplerOnly = (s: string) =>
    stemsOf(words, FOLLOW_UP.simplerWords).has(s) || stemsOf(words, FOLLOW_UP.simplerOthers).has(s);
  return (
    (!/^(?:is|are|does|do|was|were|will|would) /.test(phrase) &&
      onlyOf(words, own, FOLLOW_UP.simplerWords, FOLLOW_UP.simplerOthers)) ||
    (FOLLOW_UP.simplerPhrases.some((p) => ` ${phrase} `.includes(` ${p} `)) &&
      own.every((s) => simplerOnly(s) || s === "understand")) ||
    // Who it is for and where it goes only beside a request for a shorter version, in a message
    // that asks nothing ("the slide is too long", "what should go in the short version of an
    // architecture decision record?": review 27's).
    (FOLLOW_UP.simplerRequests.some((p) => ` ${phrase} `.includes(` ${p} `)) &&
      !/^(?:is|are|does|do|was|were|will|would|what|which|how|where|when|why|who|should)\b/.test(phrase) &&
      // (Or asked of the answer itself, whoever it is for: "Could you put that in two or three
      // plain sentences for a non-technical member of our audit committee?"; not "explain it in
      // simple terms: what is a hypervisor?", which asks another question.)
      ((/\b(?:put|say|explain|write|make|give|sum|summarize|summarise|boil|rephrase|reword)\s+(?:that|this|it)\b/.test(
        phrase,
      ) &&
        !/\b(?:what|which|how|why|when|where|who|in the context of|about|regarding)\b/.test(phrase) &&
        // (Nor with something after a colon or dash: "explain it in simple terms for our database
        // team: can postgres run in containers?", an independent review's.)
        !/[:;]\s*\S|\s[-–—]\s*\S/.test(question)) ||
        // (Or any words, where none is of our subject: "tldr for my cofounder, shes not technical",
        // "Please give me short version for my manager, he don't read long text": blind trial 24's
        // were declined.)
        own.every((s) => simplerOnly(s) || stemsOf(words, FOLLOW_UP.simplerPurpose).has(s)) ||
        words.subjectless?.(question) === true))
  );
}

/**
 * A request for it simpler in the first clause, the rest saying why ("simpler pls, im not an infra
 * person", "simpler please, im not a security guy"): not a subject of its own after it ("explain
 * this in simple terms - containers for databases", an independent review's).
 */
export function asksSimplerSayingWhy(question: string, words: QuestionWords): boolean {
  const [head, ...rest] = question.split(/[,;:]|\s[-—–]\s/);
  return (
    rest.length > 0 &&
    asksSimpler(rawWords(head!), words.stems(head!), words, head!) &&
    !asksSomething(rest.join(",")) &&
    // (What the person is not counts whatever it names: "im not a security guy".)
    (words.subjectless?.(rest.join(","), true) !== false || ABOUT_THE_ASKER.test(rest.join(",").trim()))
  );
}

/** The asker saying what they are not, or new to it: "im not a security guy", "we're new to this". */
// (Not "im not sure what namespaces are", which asks about them: review 35's.)
const ABOUT_THE_ASKER =
  /^(?:i[’']?m|i\s+am|im|we[’']?re|we\s+are)\s+(?:not\s+(?:a|an|the|very|really|that|so|too|into|technical|techy|familiar|comfortable|experienced|used)\b(?!\s+sure)|new\b|just\b|only\b|a\s+beginner\b)/i;

/** Words the team speaks of itself with. */
const PRONOUNS = ["we", "our", "us", "ours", "i", "my", "me", "weve"];

/** The team speaking of itself ("were" and "im" being "we're" and "I'm" without apostrophes). */
const WE = new Set([...PRONOUNS, "were", "im"]);

/** About ourselves: "we", "our team", or what there is ("what if there was a legacy app?"). */
const FIRST_PERSON = new Set([...PRONOUNS, "team", "there"]);

/**
 * Or opening with a part of the situation the checklist asks about, and naming no technology:
 * "and if the traffic was actually steady?", not "what if traffic spikes while a VM is booting?";
 * also who sets the rules ("what if the customer makes the audit very strict?") and a regime or
 * an option before the part ("what if soc2 becomes a hard requirement?", "with strict compliance?").
 */
const SITUATION_PART =
  /^(?:(?:the\s+|our\s+|that\s+|a\s+|all\s+(?:the\s+|our\s+)?)?(?:big\s+|main\s+|new\s+|biggest\s+)?(?:customers?|clients?|auditors?|audits?|regulators?)\b|(?:the\s+|our\s+|all\s+(?:the\s+|our\s+)?)?(?:(?:strict|moderate|light|heavy|no|strong|hard|standard|high|low|medium|spiky|steady|mixed)\s+)?(?:soc\s*-?\s*2|pci(?:-dss)?|hipaa|gdpr|sox|fedramp|iso\s*-?\s*27001|traffic|load|demand|usage|workload|workloads|app|apps|services?|everything|state|data|database|db|compliance|platform\s+maturity|maturity|isolation|deploy\s+frequency|orchestration(?:\s+appetite)?|architecture|special\s+hardware)\b)/i;
/** A word of one of the checklist's answers, as a part of the situation is said to become it. */
const SITUATION_VALUE =
  /\b(?:spiky|bursty|steady|flat|strict|moderate|light|regulated|hard|strong|standard|high|medium|low|frequent|daily|weekly|monthly|quarterly|rare|stateful|stateless|monolith|microservices|mixed|doubles|triples|quadruples|spikes|surges)\b/i;

const TECHNOLOGY = new Set([
  "vm",
  "vms",
  "container",
  "containers",
  "kubernetes",
  "k8s",
  "docker",
  "pod",
  "pods",
]);

/** Taking something away: "we drop the untrusted code requirement" is "we have no untrusted code …". */
const REMOVAL =
  /^(?:we|i)\s+(?:drop|dropped|remove|removed|scrap|scrapped|retire|retired|decommission|decommissioned|lose|lost|no\s+longer\s+(?:have|need)|(?:didnt|didn't|did\s+not|dont|don't|do\s+not)\s+need|got\s+rid\s+of|get\s+rid\s+of)\s+(?:the\s+|our\s+|that\s+)?(?!to\b|down\b|from\b|by\b|half\b|some\b|a\s+bit\b|\d)/i;

/**
 * Does a message lean on the conversation before it? It opens with a connective, points back, or
 * speaks of the recommendation: "and for the matchmaking service?", "is there a risk of vendor
 * lock-in with what you recommend?"; not "how do i bake bread?".
 */
export function leansOnConversation(question: string, words: QuestionWords): boolean {
  const raw = rawWords(question);
  return opensWithConnective(raw) || pointsAt(raw) || mentionsRecommendation(question, words);
}

/** What a message that speaks of the recommendation asks of it: its sources, its gist, or why. */
export function askedOfIt(question: string, words: QuestionWords): "sources" | "simpler" | "why" | "caveats" {
  const own = words.stems(question);
  // "going back to the original recommendation — what's the catch?" (its reasons, before).
  const rest = question.replace(BACK_TO_IT, "");
  if (rest !== question && asksForCaveats(rest, words, true)) return "caveats";
  if (own.some((s) => stemsOf(words, FOLLOW_UP.sourceWords).has(s))) return "sources";
  // ("short version of the recommendation pls": blind trial 23's got its whole list of reasons.)
  const said = ` ${rawWords(question.replace(/\btl\s*;?\s*dr\b/gi, "tldr")).join(" ")} `;
  if (
    own.some((s) => stemsOf(words, FOLLOW_UP.simplerWords).has(s)) ||
    FOLLOW_UP.simplerRequests.some((p) => said.includes(` ${p} `))
  )
    return "simpler";
  return "why";
}

/**
 * Does a message speak of the recommendation already given, by that word ("explain the
 * recommendation", "sources for what you recommended"), not ask for a new one ("give me a new
 * recommendation", "help me pick a platform")?
 */
export function speaksOfTheRecommendation(question: string): boolean {
  if (asksForTheRecommendation(question)) return true;
  // ("tl;dr of the rec?": rawWords splits "tl;dr".)
  const raw = rawWords(question.replace(/\btl\s*;?\s*dr\b/gi, "tldr"));
  return (
    raw.some((w) => /^(?:recommend(?:s|ed|ation|ations)?|recs?)$/.test(w)) &&
    raw.some((w) => ASKS_OF_IT.has(w)) &&
    !raw.some((w) => ["new", "another", "different", "fresh", "second", "other", "redo"].includes(w))
  );
}

/** Words an option is named with before "pick" or "rec": "the VM pick", "the microvm rec". */
const OPTION_NAME_WORDS = [
  ...["vm", "vms", "container", "containers", "microvm", "microvms", "kubernetes", "k8s", "on"],
  ...["mixed", "platform", "hybrid", "shaped", "development", "final"],
];

/** The recommendation given, pointed at: "the recommendation", "your rec", "the microvm rec", "you recommended". */
const THE_RECOMMENDATION = new RegExp(
  `\\b(?:(?:the|this|that|your|ur|my|our)\\s+(?:(?:${OPTION_NAME_WORDS.join("|")})[\\s-]+){0,3}(?:recommendation|rec|verdict)|(?:you|u)\\s+(?:recommended|recommend|suggested|picked|chose))\\b`,
  "i",
);

/**
 * Does a message ask something of the recommendation given, pointing at it ("which documents is
 * the recommendation based on?", "tl;dr of the rec?", "source for what you recommended?"), not at
 * what is recommended in general ("why is it recommended to run one process per container?",
 * "what do the docs recommend for databases?": review 27's)?
 */
export function pointsAtTheRecommendation(question: string): boolean {
  if (speaksOfTheRecommendation(question) && THE_RECOMMENDATION.test(question)) return true;
  // "which of the five docs actually back the VM pick the most?" (blind trial 27's got the
  // rollback answer: "back" is a word of rolling back).
  const raw = rawWords(question.replace(/\btl\s*;?\s*dr\b/gi, "tldr"));
  return THE_PICK.test(raw.join(" ")) && raw.some((w) => ASKS_OF_IT.has(w));
}

/**
 * The pick given, by an option's words or none, in rawWords' spelling: "the VM pick", "your
 * container choice", "this verdict", ending the clause or before a word of degree ("… the VM pick
 * the most?"). Not "a pick", "help me pick", nor a choice of something ("the choice between vms
 * and containers", "the container choice for databases", "the container choice reduces costs":
 * an independent review's).
 */
const THE_PICK = new RegExp(
  `\\b(?:the|this|that|your|ur)\\s+(?:(?:${OPTION_NAME_WORDS.join("|")})\\s+){0,3}(?:pick|choice|verdict)(?:$|\\s+(?:the\\s+)?(?:most|best|so|then|here|again|is|was|now|at\\s+all|really|directly|strongly)\\b)`,
);

/**
 * Asks for the recommendation and nothing else: "so what's the recommendation?", "ok what is your
 * verdict then" (not "what's your recommendation for a bank?", which may ask for a new one).
 */
const ASKS_FOR_IT =
  /^\s*(?:(?:so|ok|okay|and|alright|right|then|hmm|um)[\s,]+)*(?:what(?:['’]?s|\s+is)|whats)\s+(?:the|your|ur|our)\s+(?:recommendation|rec|verdict|pick|call)(?:\s+(?:then|now|again|here|for us))?\s*[?.!]*\s*$/i;

/**
 * Which option to take, and nothing else: "ugh so which one is right", "so which one should we
 * pick?", "so which would you pick?" (blind trial 17's; with no recommendation shown, the checklist),
 * "what would you pick for us?", maybe "… in one sentence" (a later blind trial's).
 */
const ASKS_WHICH_ONE =
  /^\s*(?:(?:so|ok|okay|and|alright|right|then|hmm|um|ugh|uh|well)[\s,]+)*(?:which(?:\s+(?:one|option|of\s+them|of\s+these))?\s+(?:is\s+(?:it|right|best|better|the\s+right\s+one)|should\s+(?:we|i)\s+(?:pick|choose|use|go\s+with|take)|(?:should|would|do)\s+(?:we|i|you)\s+(?:pick|choose|go\s+with|recommend)|wins)|what\s+(?:would|do|should)\s+(?:you|u)\s+(?:pick|choose|go\s+with)(?:\s+for\s+(?:us|me))?)(?:\s+(?:then|now|here|for\s+us|in\s+the\s+end))?(?:[\s,]+(?:in\s+(?:one|a|1)\s+(?:sentence|line)|in\s+short|briefly|tl;?dr))?\s*[?.!]*\s*$/i;

/**
 * The recommendation without the what-if shown since, by a word for it: "whats the rec without
 * that?", "the original recommendation?", "forget the what-if" (blind trial 23's could not drop one),
 * "ok go back to the original - what was it?" (a blind trial's got the rollback entry offered).
 */
const WITHOUT_THE_WHAT_IF =
  /\b(?:(?:rec|recommendation|pick|verdict|answer)\s+without\s+(?:that|this|it|those|the\s+what[\s-]?if)|(?:real|original|actual|first)\s+(?:rec|recommendation)|(?:forget|drop|undo|ignore|scrap)\s+(?:the|that|this)\s+what[\s-]?if|(?:go|going|get|take\s+(?:me|us))\s+back\s+to\s+(?:the\s+|our\s+)?(?:original|first|real|actual|own)(?:\s+(?:rec|recommendation|one|answer|pick|verdict|answers))?(?=\s*(?:[-—–,.;:!?]|$))|what\s+was\s+(?:the\s+|our\s+)?original|what\s+was\s+it\s+(?:originally|at\s+first|before\s+the\s+what[\s-]?ifs?))\b/i;

/** Does a message ask for the recommendation without the what-if shown since? */
export function asksForTheOriginal(question: string): boolean {
  return WITHOUT_THE_WHAT_IF.test(question);
}

/** Does a message ask for the recommendation given, and nothing else ("so what's the recommendation?")? */
export function asksForTheRecommendation(question: string): boolean {
  return ASKS_FOR_IT.test(question);
}

/**
 * Does a message ask which option to take ("so which one should we pick?")? About a recommendation
 * only while it is the last thing shown: after an answer comparing two products it asks of those.
 */
export function asksWhichOne(question: string): boolean {
  return ASKS_WHICH_ONE.test(question);
}

/** What asks about a recommendation given: its reasons, its sources, its gist. */
const ASKS_OF_IT = new Set([
  ...["explain", "why", "reason", "reasons", "justify", "detail", "details", "behind"],
  ...["source", "sources", "cite", "citation", "citations"],
  // "which documents is the recommendation based on?"
  ...["document", "documents", "doc", "docs", "reference", "references", "based", "basis", "evidence"],
  ...["tldr", "summary", "summarize", "summarise", "short", "simpler", "gist"],
  // "need a 3 line version of this recommendation for my director" (blind trial 28's)
  ...["version", "line", "lines"],
  // "what do you recommend again?", "so what was the recommendation?"
  ...["again", "remind", "repeat", "was"],
]);

/** Does a message speak of the recommendation ("why did you recommend that?", "why this pick?")? */
export function mentionsRecommendation(question: string, words: QuestionWords): boolean {
  const own = stemsOf(words, FOLLOW_UP.recommendationOwnWords);
  return words.stems(question).some((s) => own.has(s));
}

/**
 * The openings of a correction to what a recommendation understood: "you missed that", "wait, you
 * forgot the main thing -", "I forgot to mention". (Not "you forgot to ask about GPUs": that says
 * nothing of the team.)
 */
const CORRECTION =
  /^(?:(?:wait|hold on|hmm+|oh|ah|sorry|oops|btw|but|ok|okay)[\s,.!:;-]+)*(?:you\s+(?:missed|forgot|overlooked|ignored|left\s+out|didn'?t\s+(?:consider|catch|get|see))(?!\s+to\b)|i\s+forgot\s+to\s+(?:say|mention|add)|forgot\s+to\s+(?:say|mention|add))\b(?:\s+(?:that|the\s+fact\s+that|one\s+thing|the\s+main\s+thing|something))?[\s,.!:;-]*/i;
/**
 * Or what opens a correction or an addition without saying so: "no wait, pci light = moderate",
 * "oh wait actually the oracle db is moving to a managed db", "oh btw we do have a platform team".
 */
const AMENDMENT =
  /^(?:(?:no|nope|oh|ah|hmm+|ok|okay|sorry|oops)[\s,.!:;-]+)*(?:wait|actually|btw|by\s+the\s+way|correction)(?:[\s,.!:;-]+(?:wait|actually|btw))*[\s,.!:;-]+/i;

/**
 * Or a statement that says what has changed since ("and we dont have legacy stuff anymore, all
 * rewritten as microservices": a blind trial's got the legacy answer, and legacy stayed yes): the
 * whole of it, after a linking word.
 */
const CHANGED_SINCE =
  /^(?:(?:and|also|plus|oh|btw|so)[\s,]+)*(?=[^?]*\b(?:anymore|any\s+more|no\s+longer|nowadays|these\s+days)\b)/i;

/** "we actually …", "our app is actually …", "its actually …": the subject, then the opening's word. */
const ACTUALLY_AFTER_SUBJECT =
  /^(?:(?:no|nope|oh|ah|hmm+|ok|okay|sorry|oops|wait)[\s,.!:;-]+)*((?:we|we'?re|we'?ve|(?:our|the)\s+(?:[\w-]+\s+)?[\w-]+(?:\s+(?:is|are))?|it'?s|it\s+is|they'?re|they\s+are)\s+)(?:actually|really)\b[\s,]*/i;

/**
 * After an amendment's opening, what the team runs named with "the": "wait the training jobs
 * checkpoint to s3 so theyre basically stateless" (a blind trial's was declined). In rawWords' spelling.
 */
const OUR_SYSTEM =
  /^(?:the|these|those|our)\s+(?:[\w-]+\s+)?(?:app|apps|application|applications|services?|jobs?|workers?|workloads?|db|database|system|stack|monolith|api|apis|backend|frontend)\b/;
/** Whose demand or shipping it is, named after it: "at netflix", "for most sites", "usually". */
const ELSEWHERE_NAMED =
  /\b(?:at|for|in|of)\s+(?:most|many|some|all|big|large|typical|other|every)\b|\b(?:usually|typically|generally|normally|in\s+general)\b|\bat\s+(?!peak\b|night\b|times\b|launch\b|lunch\b|the\b|month\b|quarter\b|year\b|weekends?\b)[a-z]+$/;
/**
 * A clause about the demand or shipping of what the team runs, with no owner named: "traffic is
 * spiky around black friday", "load is steady", "releases are monthly" (a blind trial's were read
 * as no one's). In rawWords' spelling.
 */
const OUR_DEMAND =
  /^(?:the\s+)?(?:traffic|load|demand|usage|requests|deploys|deployments|releases|release\s+cadence|deploy\s+cadence)\s+(?:is|are|isnt|arent|goes|gets|comes|come|stays|stay)\b/;

/** Another time or place than the team's today: "at my last job", "we used to". */
const ELSEWHERE =
  /\b(?:(?:last|previous|old|former|other)\s+(?:job|company|team|employer|place)|used\s+to)\b/i;

/** Weaker openings ("also", "fyi", "update"): an amendment only where it names what it changes ("also compliance is moderate now"). */
const BY_THE_WAY = /^(?:also|fyi|update|oh\s+and)[\s,.!:;-]+/i;

/**
 * After an amendment's opening, the team as the subject: "we …", or "our" and a part of what it
 * runs ("our stuff is basically stateless"); not "our competitor", "our customers", "our ops lead".
 * Or what is so for the team: "a managed orchestrator is fine for us" (blind trial 20's, answered
 * as a question about orchestrators); not "that makes sense to us".
 */
const TEAM_SUBJECT =
  /\b(?:we|weve)\b|^(?:(?:so|and|but|yeah|ok|okay|honestly|well|hey|hi|hello|hiya|yo)\s+)*were\b|\bour\s+(?:team|stuff|apps?|applications?|services?|stack|systems?|code|platform|infra|infrastructure|data|db|database|load|traffic|workloads?|deploys|releases|servers|cluster)\b|\bfor\s+us\b/i;

/**
 * Does a plain statement tell the team's own case, as an answer the recommendation lacks: one of the
 * answers read in it (`evidence`, their words) said of the team ("we dont want to run kubernetes
 * ourselves, no legacy stuff"), not addressed to the bot about what it said ("your answer assumes
 * we deploy daily, we don't"), nor what may or ought to be ("we should deploy daily"), nor another's
 * ("my friend's startup has 200 microservices", "netflix deploys hundreds of times a day": a
 * review's rewrote the team's answers).
 */
export function toldOfTheTeam(statement: string, evidence: readonly string[]): boolean {
  // (In the clause that says it: "to answer your questions, we deploy weekly" tells it; so do "PCI
  // applies to us", "the app handles card data" and a clause with no subject of its own, "…, no
  // legacy stuff"; "our biggest customer has strict compliance" and "clients require HIPAA" do not.)
  const clauses = clausesOf(statement);
  // After the speaker says who they are ("bank here", "ML team here"), what the message says of a
  // system with no other party is theirs: "bank here. core banking is a big java monolith" (a
  // blind trial's was kept as no one's, and "what do you recommend?" knew nothing).
  // (The message's first clause, after a greeting: not "im new here", "the docs are here".)
  const introduced = introducesItself(clauses);
  // (Words read across clauses, "monolith … microservices", only where each part is the team's:
  // not "we have a monolith but my cousin's company runs microservices", a second review's.)
  return evidence.some((e) => e.split(" … ").every((part) => partTold(clauses, part, introduced)));
}
/**
 * Does the message's first clause, after a greeting, say who is speaking ("bank here", "team of 4
 * devs, …": INTRODUCES_ITSELF)?
 */
export function introducesItself(text: string | string[]): boolean {
  const clauses = typeof text === "string" ? clausesOf(text) : text;
  const opening = clauses.findIndex((c) => !GREETING_ONLY.test(rawWords(c).join(" ")));
  return opening >= 0 && INTRODUCES_ITSELF.test(rawWords(clauses[opening]!).join(" "));
}
/**
 * A clause that says who is speaking: "bank here", "hi, ML team here", "hospital IT here"; a noun
 * phrase, not "im new here", "the docs are here", "same here", "glad to be here". Or the team by
 * its size, opening a telegraphic description: "team of 4 devs, php monolith, …", "6 person
 * startup", "3 engineers" (a blind trial's facts were kept as no one's).
 */
const INTRODUCES_ITSELF =
  /^(?:(?:hi|hey|hello|yo|hiya)\s+)?(?:(?!(?:\S+\s+){0,3}?(?:i|im|is|are|was|were|be|new|same|glad|happy|it|its|this|that|these|those|the|docs?|link|problem|issue|context|info|everyone|all|you|we|were)\s)(?:[a-z0-9-]+\s+){1,3}here|(?:(?:a|an|our|small|tiny)\s+)?team\s+of\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)(?:\s+(?:devs?|developers?|engineers?|people|ppl|folks|admins?|sres?))?|(?:a\s+)?(?:\d+|small|tiny|two|three|four|five|six|seven|eight|nine|ten)\s+(?:person|people|man|dev|developer|engineer)\s+(?:team|startup|shop|company|agency|studio)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:devs|developers|engineers)(?:\s+here)?)$/;
const GREETING_ONLY =
  /^(?:hi|hey|hello|yo|hiya|morning|good\s+morning)(?:\s+(?:all|everyone|there|folks|team))?$/;

/** Whether the clause holding `words` tells of the team. */
function partTold(clauses: string[], words: string, introduced = false): boolean {
  const at = clauseIndex(clauses, words);
  if (at < 0) return false;
  // A clause with no subject of its own has the nearest one's before it: "my friend's startup runs
  // 200 microservices and deploys daily, is it overkill?" (a review's), not "my friends and I run
  // 40 microservices, deploy daily".
  let told = tellsOfTheTeam(clauses[at]!, words, introduced);
  for (let i = at - 1; told === "subjectless" && i >= 0; i--)
    told = tellsOfTheTeam(clauses[i]!, "", introduced);
  return told !== false;
}

/** Whether one clause tells of the team, or has no subject of its own (then the one before's counts). */
function tellsOfTheTeam(clause: string, evidence: string, introduced = false): boolean | "subjectless" {
  const words = rawWords(clause);
  const said = words.join(" ").replace(LEADING_LINK, "");
  if (words.some((w) => NOT_TOLD.has(w)) || WANTED_OF_US.test(said)) return false;
  // Beside another party ("a startup i advise", "their app", "my dad's company"), only a clause
  // the team opens ("we …", "i run …"), or that asks it of the team ("clients require us to …").
  if (OTHER_PARTY.test(said)) return TEAM_OPENS.test(said) || REQUIRED_OF_US.test(said);
  if (TEAM_IN_CLAUSE.test(said) || OUR_SYSTEM.test(said)) return true;
  // (Not of others named after it: "deploys are daily at netflix", "traffic is spiky for most
  // e-commerce sites", an independent review's.)
  if (OUR_DEMAND.test(said)) return !ELSEWHERE_NAMED.test(said);
  const rest = said.split(" ");
  // A short clause with a subject of its own that is not the team: "netflix deploys weekly" (an
  // independent review's correction took netflix's deploys for the team's).
  if (rest.length === 3 && OTHERS_DOING.has(rest[1]!)) return false;
  // (Not another's by name, even then: "bank here. netflix runs thousands of microservices".)
  if (introduced && !ANOTHER_TEAM.test(said) && !OTHERS_DOING.has(rest[1] ?? "")) return true;
  return rest.length <= 3 ||
    ELLIPTICAL_OPENERS.has(rest[0]!) ||
    (evidence !== "" && opensWith(said, evidence))
    ? "subjectless"
    : false;
}
/** Verbs of what a system does, said of a third person: after a name, that name is the subject. */
const OTHERS_DOING = new Set([
  "deploys",
  "releases",
  "ships",
  "runs",
  "uses",
  "has",
  "hosts",
  "keeps",
  "stores",
]);
/** Words of a clause addressed to the bot, or of what may or ought to be. */
const NOT_TOLD = new Set(["you", "your", "u", "ur", "should", "could", "might", "would", "ought"]);
/**
 * What others want of the team, or it wishes, not what it does: "management wants us to deploy
 * daily", "my boss wishes we deployed daily".
 */
const WANTED_OF_US =
  /\b(?:wants?|wanted|asks?|asked|tells?|told|expects?|expected|pushing|pushes|forcing|forces)\s+(?:us|me)\s+to\b|\b(?:wish|wishes|wished|hope|hopes|hoped)\s+(?:that\s+)?(?:we|i)\b|\bif\s+only\s+we\b/;
/** What another requires of the team is the team's: "clients require us to be HIPAA compliant". */
const REQUIRED_OF_US =
  /\b(?:require|requires|required|need|needs|expect|expects|oblige|obliges|demand|demands)\s+(?:us\b|\w+(?:\s+\w+)?\s+(?:from|of)\s+us\b)/;
/** Words that only link a clause to the one before ("also", "plus"), in rawWords' spelling. */
const LEADING_LINK = /^(?:(?:also|plus|yes|yeah|and|so|oh|btw|fyi|ok|okay)\s+)+/;
/** Words that open a clause with no subject of its own ("no legacy stuff", "only linux"). */
const ELLIPTICAL_OPENERS = new Set(["no", "not", "zero", "none", "nothing", "only", "just", "mostly"]);
/**
 * Other people by their relation to the speaker, in rawWords' spelling ("friends" is also
 * "friend's"): one list for a clause (OTHER_PARTY) and a message (ANOTHER).
 */
const RELATIONS =
  "friends?|buddy|buddys|roommates?|flatmates?|teammates?|cousins?|brothers?|sisters?|dads?|moms?|mums?|parents?|uncles?|aunts?|wifes?|husbands?|partners?|colleagues?|coworkers?|neighbou?rs?|competitors?|rivals?|boss|bosses";
/**
 * An outfit the speaker knows, advises or worked for ("i know a bank that …", "a startup i advise
 * …", "at my previous job"), in rawWords' spelling: one pattern for a clause and a message.
 */
const OUTFITS = String.raw`\b(?:know|knew|advise|advised|met|heard\s+of|consult\s+for)\s+(?:a|an|some|one)\b|\b(?:a|an|some|one)\s+(?:\w+\s+)?(?:bank|startup|company|business|firm|shop|org|agency|hospital|school)\s+(?:i|we)\s+\w+|\b(?:old|previous|former|last)\s+(?:job|company|employer|workplace)\b`;
/** Another team of the speaker's organisation: "the mobile team", "other teams", "the sister team". */
const ANOTHER_TEAM = /\b(?:\w+\s+team|other\s+teams?|another\s+team)\b/;
/**
 * Another party in a clause: a relation, a customer or supplier, "their" ("i guess their app is
 * stateless"; not "they" or "them", often the team's own: "hipaa applies to them"), another
 * outfit ("the other studio we talked to deploys daily"), or an outfit by name.
 */
const OTHER_PARTY = new RegExp(
  `\\b(?:${RELATIONS}|customers?|clients?|vendors?|suppliers?|their|(?:another|other)\\s+(?:teams?|company|companies|startups?|studios?|shops?|agency|agencies|firms?|business|businesses|orgs?|organisations?|organizations?))\\b|${OUTFITS}`,
);
/** The team opening a clause, in rawWords' spelling: "we …", "i run …" (not "i know …", "i guess …"). */
const TEAM_OPENS =
  /^(?:we|weve|were|wed)\b|^i\s+(?!know|knew|have|had|met|advise|heard|think|guess|told|said)\w+/;
/**
 * The team in a clause with no other party, in rawWords' spelling: "we", "i", "us", "everything",
 * "our" anything ("our company"), "my team", "it" or "the whole thing" opening it (the system just
 * described).
 */
const TEAM_IN_CLAUSE =
  /\b(?:we|weve|wed|i|im|ive|us|everything|our)\b|^(?:were|it|its|the\s+whole\s+thing|all\s+of\s+it)\b|\bmy\s+(?:\w+\s+)?(?:team|company|startup|org|business|employer|app|apps|product|services?|stack|infra)\b/;
/** Does the clause open with the words read in it ("strict compliance here", "HIPAA required")? */
const opensWith = (said: string, evidence: string): boolean => said.startsWith(rawWords(evidence).join(" "));

/** A statement's clauses: split at punctuation, dashes and "and", "but", "while", "whereas". */
const clausesOf = (statement: string): string[] =>
  statement.split(/[,;:.!?]|\s[-—–]\s|\s(?:and|but|while|whereas)\s/i).filter((c) => c.trim() !== "");

/** Which of `clauses` holds `words` (the first of words read across clauses, "monolith … small services"). */
function clauseIndex(clauses: string[], words: string): number {
  const first = words.split(" … ")[0]!.toLowerCase();
  return clauses.findIndex((c) => c.toLowerCase().includes(first));
}

/** The clause of `statement` that holds `words`. */
function clauseHolding(statement: string, words: string): string | undefined {
  const clauses = clausesOf(statement);
  return clauses[clauseIndex(clauses, words)];
}

/**
 * Does a message speak of another's case ("my friend's startup runs 200 microservices …", "a
 * friend of ours deploys daily")? Then only what it tells of the team, clause by clause
 * (toldOfTheTeam), is the team's to recommend from, however "in our case?" follows it (a third
 * review's took the friend's).
 */
export function speaksOfAnother(text: string): boolean {
  return ANOTHER.test(rawWords(text).join(" "));
}
/** Another's case, in rawWords' spelling. */
const ANOTHER = new RegExp(
  `\\b(?:(?:my|a|our|i\\s+have\\s+a)\\s+(?:\\w+\\s+){0,2}(?:${RELATIONS})|a\\s+(?:\\w+\\s+)?(?:clients?|customers?)|(?:another|a\\s+different|some\\s+other)\\s+(?:team|company|startup|org|organisation|organization))\\b|${OUTFITS}`,
);

/**
 * "the game servers use GPUs for physics sim", "the app is a monolith": a statement of a system
 * with no subject of the team's, nor of anyone else's ("the mobile team …", "the docs …"). After
 * the team has told of itself, it is the team's system (a blind trial's game studio lost its GPUs).
 */
export function tellsOfTheSystem(text: string): boolean {
  return (
    THE_SYSTEM.test(text) &&
    !SAYS.test(text) &&
    // (Hearsay too: toldAsItIs.)
    toldAsItIs(text) &&
    !speaksOfAnother(text) &&
    !asksSomething(text)
  );
}
/**
 * "ok and what about our internal patient portal, it's a react + python api, we ship weekly":
 * another part of the team's systems, described after it is named (a blind trial's was "not
 * covered" after the recommendation for another part).
 */
export function describesAnotherPart(text: string): boolean {
  const m = ANOTHER_PART.exec(text);
  // (A system named, then described: not "what about the database, is it stateful?" nor "how
  // about the security side - is a VM enough for HIPAA?", questions of their own; an independent
  // review's.)
  return m !== null && !asksSomething(text.slice(m[0].length));
}
/** "what about our <system>," and where its description starts. */
const ANOTHER_PART = new RegExp(
  `^\\W*(?:(?:ok|okay|so|and|also|now|then)\\W+)*(?:what|how)\\s+about\\s+(?:our|my|the)\\s+(?:[\\w.+#-]+\\s+){0,4}?(?:${[
    "portal",
    "app",
    "apps",
    "application",
    "applications",
    "service",
    "services",
    "api",
    "apis",
    "site",
    "sites",
    "website",
    "shop",
    "platform",
    "backend",
    "frontend",
    "system",
    "systems",
    "tool",
    "tools",
    "product",
    "products",
    "workload",
    "workloads",
    "pipeline",
    "stack",
    "project",
    "monolith",
    "microservices",
  ].join("|")})\\s*(?:[,:;—–]|\\s-\\s)\\s*`,
  "i",
);
/** A statement opening with "the" and a thing, not a party nor a source. */
const THE_SYSTEM =
  /^\W*(?:(?:and|also|oh|btw|plus|fyi)\W+)*the\s+(?!(?:\w+\s+){0,2}?(?:team|teams|squad|company|companies|org|orgs|organisation|organization|department|dept|client|clients|customer|customers|vendor|vendors|parent|competitor|competitors|competition|industry|market|players|consultant|consultants|analyst|analysts|experts?|report|reports|survey|study|gartner|docs?|documents?|documentation|article|blog|internet|guy|guys|people|folks|everyone|everybody|rest|other|others|sources?|bot|answer|recommendation)\b)\w+/i;
/** What someone says or advises: "the consultant says we should …" is no fact of the team's. */
const SAYS =
  /\b(?:says|said|say|claims|claimed|recommends|recommended|suggests|suggested|advises|advised|thinks|reckons|insists)\b/i;

/**
 * Does a message speak as the team of its own case ("we're three devs …", "our app is a
 * monolith"), not of another's ("netflix deploys daily", "at my last job we …", "my friend's
 * startup …"), nor pass on what others say ("we heard …", "the docs say teams should …")?
 */
export function speaksAsTheTeam(text: string): boolean {
  const words = rawWords(text).join(" ");
  return (
    (TEAM_SUBJECT.test(words) || introducesItself(text)) &&
    !ELSEWHERE.test(text) &&
    !HEARSAY.test(words) &&
    !speaksOfAnother(text)
  );
}

/**
 * Does a message tell how things are for the team today, not how they were, may be, will be or
 * are wished to be, nor what someone says of it: not "we were in PCI scope until last year", "we
 * deployed monthly back in 2019", "not sure if we're in PCI scope", "hypothetically, if we were
 * in PCI scope …", "we're planning to go stateless", "management wants us to deploy daily", "Bob
 * thinks we deploy daily" (an independent review's were kept as the team's answers)?
 */
export function toldAsItIs(text: string): boolean {
  const said = rawWords(text).join(" ");
  return (
    !ELSEWHERE.test(text) &&
    !HEARSAY.test(said) &&
    !PLANNED.test(said) &&
    !WANTED_OF_US.test(said) &&
    !NOT_AS_IT_IS.test(said)
  );
}
/** Another time, a doubt, a supposition or a plan, in rawWords' spelling. */
const NOT_AS_IT_IS =
  /\b(?:until|last\s+year|back\s+in|previously|formerly|not\s+sure\s+(?:if|whether)|unsure|might|hypothetically|if\s+(?:we|i)\s+(?:were|was|had|did|went|moved|needed|got|ran)|whether|suppose|imagine|planning|plan\s+to|going\s+to|gonna|will|hope|hopes|hoping|want\s+to|wants\s+to|considering|old\s+(?:system|setup|stack|platform|app|apps|infra))\b/;

/**
 * Does the clause of `statement` that holds `words` have the team as its subject ("we release
 * monthly", not "our competitor deploys daily and we hate it")?
 */
export function saidOfTheTeam(statement: string, words: string): boolean {
  const clause = clauseHolding(statement, words);
  return clause !== undefined && TEAM_SUBJECT.test(rawWords(clause).join(" "));
}

/**
 * "you missed that we're regulated, strict compliance", "wait, you forgot the main thing - we run
 * customer code. doesn't that matter?": what the person says the recommendation left out, to decide
 * again with it: the statements after the opening, up to the first question, if the message opens
 * that way and states something there.
 */
export function correction(
  question: string,
  /** Or statements that name what they change ("architecture is mixed, not monolith"). */
  namesAnswer: (statement: string) => boolean = () => false,
): string | undefined {
  const text = question.trim();
  // Passed on, not the team's own ("actually we know netflix deploys daily").
  if (HEARSAY.test(rawWords(text).join(" "))) return undefined;
  const corrects = CORRECTION.exec(text);
  // "we actually deploy daily", "its actually a monolith": the opening's word after the subject
  // (a blind trial's was answered as a question, while "actually we deploy daily" was taken).
  const inline = corrects ? undefined : ACTUALLY_AFTER_SUBJECT.exec(text);
  const amended = corrects ? undefined : (inline ?? AMENDMENT.exec(text) ?? CHANGED_SINCE.exec(text));
  const aside = corrects || amended ? undefined : BY_THE_WAY.exec(text);
  const opening = corrects ?? amended ?? aside;
  if (!opening) return undefined;
  const rest = inline ? `${inline[1] ?? ""}${text.slice(inline[0].length)}` : text.slice(opening[0].length);
  // The clauses before the first one that asks ("we run customer code, doesn't that matter?").
  const said: string[] = [];
  for (const clause of rest.split(/(?<=[.!?,;:])\s+|\s[-—–]\s/)) {
    if (asksSomething(clause)) break;
    said.push(clause);
  }
  const statement = said
    .join(" ")
    .replace(/[,;:\s]+$/, "")
    .trim();
  // About the team ("we", "our"): "you missed that kubernetes needs a platform team" is a claim
  // about Kubernetes, not a fact about us. (Pronouns only, "were" being "we're" without its
  // apostrophe: "a platform team" names no one.) After an amendment's opening, the team as the
  // subject, today; after "also" or "fyi", only answers given by name.
  const team = aside
    ? false
    : amended
      ? // The team as the subject of a clause: "the card data is handled by stripe, we're not in
        // PCI scope" (a blind trial's correction) has it as the second's. Our system only opening
        // the whole: "actually netflix deploys weekly, the services there are bigger" is netflix's
        // (an independent review's).
        (statement.split(/[,;.]\s+/).some((c) => TEAM_SUBJECT.test(rawWords(c).join(" "))) ||
          OUR_SYSTEM.test(rawWords(statement).join(" "))) &&
        !ELSEWHERE.test(statement) &&
        !speaksOfAnother(statement)
      : rawWords(statement).some((w) => WE.has(w));
  return (team || namesAnswer(statement)) && statesSomething(statement, true) ? statement : undefined;
}

/**
 * A statement giving answers by name with no opening, right after a recommendation ("we deploy
 * quarterly and our platform maturity is low"): the whole message, to decide again with, when it
 * asks nothing, concedes nothing ("compliance is strict, but only for the other product") and
 * reports nothing ("we heard compliance is strict elsewhere"). A statement about the team that names
 * no question is not enough (an independent review's: "we sell to banks that are heavily
 * regulated", "we heard netflix deploys daily" re-decided).
 */
export function plainAmendment(
  question: string,
  namesAnswer: (statement: string) => boolean,
): string | undefined {
  const text = question.trim();
  if (!statesSomething(text, true) || ELSEWHERE.test(text) || CONCEDES.test(text)) return undefined;
  const words = rawWords(text).join(" ");
  return (namesAnswer(text) || OF_WHAT_WE_RUN.test(words)) && !PLANNED.test(words) ? text : undefined;
}

/**
 * A statement whose subject is what the team runs, right after the recommendation about it: "it's
 * one monolith", "and it's stateless", "everything is stateless" (blind trial 17's), with its
 * architecture, state or load within a word or two ("it's a java monolith and we deploy
 * quarterly"). In rawWords' spelling ("it's" is "its"). Not "it's a bad fit for strict
 * compliance" (the recommended option, not ours), "it's stateless-ish", "… stateless mostly";
 * nor "we …": "we sell to banks that are heavily regulated" and "we are fine with a managed
 * orchestrator" said no answer of the team's (independent reviews').
 */
const OF_WHAT_WE_RUN =
  /^(?:(?:and|also|oh|ok|okay|well|yeah|yes|so|plus|actually|honestly)\s+)*(?:its|it\s+is|everything\s+is|everythings|all\s+of\s+it\s+is|the\s+whole\s+thing\s+is|theyre\s+all|they\s+are\s+all)\s+(?:all\s+|just\s+|only\s+|fully\s+|100\s+)?(?:(?:one|a|an|a\s+single)\s+)?(?:[a-z0-9.+#]+\s+)?(?:monolith|stateless|stateful|microservices|\d+\s+services|spiky|bursty|steady)(?!-)(?:$|\s+(?!mostly\b|ish\b|kind\b|sort\b|for\b|apart\b|aside\b))/;

/** A concession, a report or another time or place: what follows or precedes it may not be the team's answer. */
const CONCEDES =
  /\b(?:but|though|although|however|i get it|only for|other product|told|heard|read|think|thought|believe|ago|last year|next year|back in|moot)\b/i;

/** Words that may open a question asking why: "ok and why not microvms?", "but then why not vms". */
export const WHY_OPENING_WORDS = "but|so|and|ok|okay|hmm|then";
/** Those words before "why", in rawWords' spelling. */
export const WHY_OPENERS = `(?:(?:${WHY_OPENING_WORDS}) )*`;
/** A question asking why, after those words, in rawWords' spelling. */
const ASKS_WHY_FIRST = new RegExp(`^${WHY_OPENERS}why\\b`);

/** The openings of a supposition: "what if", "and if", "would it change if", "suppose". */
const WHAT_IF =
  /^(?:(?:(?:and|but|so|ok|okay|hmm|ugh|um|uh|well|right|alright|fine|honestly)[\s,]+)*(?:what\s+(?:if|about\s+if|happens\s+if|would\s+(?:change|happen)\s+if)|how\s+about\s+if|(?:would|does)\s+(?:it|that|this|the\s+recommendation)\s+change\s+if|suppose|supposing|imagine|(?:let'?s\s+|lets\s+)?say|assume|assuming|pretend|hypothetically(?:\s+if)?)|(?:(?:and|but|so|ok|okay|hmm|ugh|um|uh|well|right|alright|fine|honestly)[\s,]+)?if)\s+/i;
/** "with strict compliance?", "and with compliance moderate?": a short supposition without a verb. */
const WITH_ONLY = /^(?:(?:and|but|so|ok|okay|hmm|what)[\s,]+)?with\s+(?=(?:\S+\s+){0,4}\S+\s*[?.!]*\s*$)/i;

/** Words asking about the pick: "would that change your answer?", "… the recommendation?". */
const PICK_WORDS =
  /\b(?:change|changes|answer|recommendation|recommend|recommended|pick|picked|verdict|choose|chosen)\b/i;

/** What a supposition would replace, up to a joining word or a break: "instead of quarterly". */
// (Up to a "for" that says which answer: "'strong' instead of 'hard' for isolation", blind trial 27's.)
const REPLACED =
  /(?:,\s*|\s+)(?:instead\s+of|rather\s+than|in\s+place\s+of)(?:\s+(?!(?:and|but|plus|also|with|while|for)\b)[^\s,;]+)+/gi;

/** What a message says a supposition would replace ("instead of hard on q1"), if anything. */
export function replacedIn(question: string): string | undefined {
  return new RegExp(REPLACED.source, "i").exec(question)?.[0];
}

/**
 * "what if we had 50 services?", "and if we deployed daily?", "suppose we needed strict
 * compliance": a change to the situation of the recommendation just shown, to decide again. The
 * supposition without its opening and question mark ("we had 50 services"), which the situation
 * reader reads as a statement (an "if" clause alone it takes for a condition, not a fact).
 */
export function supposition(question: string): string | undefined {
  let text = question.trim();
  let opening = WHAT_IF.exec(text) ?? WITH_ONLY.exec(text);
  // After a lead-in that asks nothing: "Let me put it another way: what if compliance were
  // moderate instead?", "Honestly our auditors have been flexible — if we treated compliance as
  // moderate rather than strict, would the answer change?" (blind trial 24's got an FAQ entry).
  for (const lead of opening ? [] : text.matchAll(/(?:[.!:;]|\s[-—–])\s+(?=\S)/g)) {
    const rest = text.slice(lead.index + lead[0].length);
    const later = WHAT_IF.exec(rest);
    // A bare "if" only with the pick asked about in words ("… — if we treated compliance as
    // moderate, would the answer change?"; not "our team is 5 people. if we use kubernetes, is it
    // worth it?", an independent review's).
    const bare = later !== null && /^(?:\W*(?:and|but|so|ok|okay)\W+)?if\s+$/i.test(later[0]);
    const asksPickInWords = PICK_WORDS.test(rest);
    if (later && (!bare || asksPickInWords) && !asksSomething(text.slice(0, lead.index))) {
      [text, opening] = [rest, later];
      break;
    }
  }
  if (!opening) return undefined;
  // Without its question mark: the reader takes what a question asks for no fact ("do we need isolation?").
  // Nor what it would replace: "every week instead of quarterly" reads both, which conflict.
  let supposed = text
    .slice(opening[0].length)
    .replace(/[?!.\s]+$/, "")
    // (Up to what the sentence goes on with: "… rather than quarterly and have no compliance rules".)
    .replace(REPLACED, "")
    .replace(/,\s*(?:and\s+|but\s+)?not\s+[^,;]+$/i, "");
  // About our own situation ("we", "our"), and nothing asked after it: "suppose a container
  // escapes, what happens?" and "if we share a kernel, is it safe?" are questions of their own.
  const words = rawWords(supposed);
  // A short tail asks for the new pick ("what then?", "would that change it?", "would you still
  // say VMs?"); a longer one is a question of its own ("if we share a kernel, is it safe to run
  // untrusted code?", "If we did go down the VM route for the GPU nodes, I'm wondering how we'd
  // migrate …": blind trial 24's was decided again).
  // After a question mark, a question about the pick is a tail ("… patient data? same
  // recommendation?"); a statement says why, and the supposition is what comes before it ("what
  // if our load was spiky? black friday triples our traffic": an independent review's).
  const afterMark = /\?\s*(\S.*)$/.exec(supposed);
  const asksAgain =
    afterMark !== null &&
    (/\?\s*$/.test(question) ||
      PICK_WORDS.test(afterMark[1]!) ||
      /\b(?:same|still|change|different)\b/i.test(afterMark[1]!));
  if (afterMark && !asksAgain) supposed = supposed.slice(0, afterMark.index);
  const tail =
    /(?:,|\s[-—–]|[.!?…])\s*((?:is|are|what|how|should|can|could|do|does|would|will|which|why|who|i['’]?m\s+wondering|im\s+wondering|i\s+wonder|wondering)\b.*)$/i.exec(
      supposed,
    ) ?? (asksAgain ? afterMark : null);
  // About us or a part of our situation before any question after it ("suppose a container
  // escapes, what happens to us?" is not); a part with no technology named.
  const before = rawWords(tail ? supposed.slice(0, tail.index) : supposed);
  // ("i'd said strong …": rawWords reads "i'd" as "id".)
  const ours =
    before.some((w) => FIRST_PERSON.has(w)) ||
    /\b(?:i|we)['’](?:d|ve|ll|m|re)\b/i.test(tail ? supposed.slice(0, tail.index) : supposed);
  // (Also after what brings it about, with a value of ours: "the big enterprise deal lands and load
  // gets spiky"; not "a node dies and the database is gone", an independent review's.)
  const part =
    (SITUATION_PART.test(supposed) ||
      supposed
        .split(/\s+and\s+|,\s*/)
        .slice(1)
        .some((piece) => SITUATION_PART.test(piece) && SITUATION_VALUE.test(piece))) &&
    !words.some((w) => TECHNOLOGY.has(w));
  // (Or the system itself: "what if it weren't legacy?", a blind trial's got the legacy answer.)
  const itself =
    /^(?:it|its|it['’]s)\s+(?:is|was|were|werent|weren['’]t|wasnt|wasn['’]t|isnt|isn['’]t|had|didnt|didn['’]t|did|does|doesnt|doesn['’]t)\b/i.test(
      supposed.trim(),
    );
  if (!ours && !part && !itself) return undefined;
  // (Or one that asks about the pick in more words: "does the database change ur answer?".)
  const asksPick = (t: string) =>
    rawWords(t).length <= 4 || PICK_WORDS.test(t) || /\b(?:still|stay|stays|worth)\b/i.test(t);
  const said = !tail ? supposed : asksPick(tail[1]!) ? supposed.slice(0, tail.index) : undefined;
  // Packaging a part as it is changes the platform, not the situation: "what if we containerize
  // the monolith too, without rewriting it?" is a question of its own (blind trial 18's read
  // "monolith" and moved a mixed platform to VMs).
  if (said !== undefined && PACKAGING.test(said)) return undefined;
  // Splitting it into services is having services: "what if we split the monolith into services?"
  // read "monolith" alone.
  if (said !== undefined && SPLITTING.test(said)) return SPLIT;
  // A supposition's "was" and "were" say what would be ("what if platform maturity was high?"),
  // which the reader, reading descriptions of today, takes for the past: read as "is" and "are".
  return (
    said
      ?.replace(REMOVAL, REMOVED)
      .replace(/\bwas\b/gi, "is")
      .replace(/\bwere\b/gi, "are")
      // An option quoted ("what if I answered 'strong' …"): its word, as the reader reads words.
      .replace(/(^|\s)['"“‘]([^'"”’]+)['"”’](?=\s|$|[,.;:!?])/g, "$1$2")
  );
}

/** We or I package something as it is: "we containerize the monolith", "we put it in a container". */
const PACKAGING =
  /^(?:we|i)\s+(?:(?:just|also|then|first|simply)\s+)?(?:containeri[sz]e|dockeri[sz]e|package|wrap|lift\s+and\s+shift|put\s+(?:it|them|the\s+\w+|our\s+\w+)\s+in(?:to)?\s+(?:a\s+)?containers?)\b/i;

/** We split or break something into services: "we split the monolith into microservices". */
const SPLITTING =
  /^(?:we|i)\s+(?:(?:just|also|then|first|finally)\s+)?(?:split|break|broke|decompose|carve)\b.*\binto\s+(?:\d+\s+|many\s+|lots\s+of\s+|small(?:er)?\s+|several\s+)?(?:micro)?services\b/i;
/** What a split becomes, for the reader. */
const SPLIT = "we have microservices";

/** What REMOVAL becomes, for the reader: "we have no untrusted code requirement". */
const REMOVED = "we have no ";

/**
 * The words the person took something away with, for quoting them instead of the reader's "no":
 * "drop the" in "what if we drop the untrusted code requirement?", "forget the" in "forget the
 * windows servers".
 */
export function removalWords(question: string): string | undefined {
  const opening = WHAT_IF.exec(question.trim());
  if (!opening) return forgetting(question)?.words;
  const m = REMOVAL.exec(question.trim().slice(opening[0].length));
  return m ? m[0].replace(/^(?:we|i)\s+/i, "").trim() : undefined;
}

/** Words that name nothing to take away: "forget it", "ignore that", "drop everything". */
const NOTHING_NAMED =
  /^(?:it|that|this|them|those|these|everything|all|all\s+(?:that|this)|about\s+(?:it|that))$/i;
/**
 * Things of the conversation, not of the team's case: "forget the what-if" asks for the team's own
 * recommendation again (WITHOUT_THE_WHAT_IF), "ignore the last answer" for nothing to be changed.
 */
const OF_THE_CONVERSATION =
  /\b(?:what[\s-]?ifs?|answers?|questions?|messages?|recs?|recommendations?|checklist|conversation|context|instructions?|prompts?|chat|thread|reply|replies|last\s+one|previous\s+one)$/i;
/** "forget", "ignore", "leave out": asking to take something the team said out of the reading. */
const FORGET_VERB =
  "(?:forget(?:\\s+about)?|ignore|disregard|drop|scratch|leave\\s+out|take\\s+out|cross\\s+out|remove|strike)";
/**
 * Why, and what next, after the thing: "…, we're retiring it", "…, it's not that critical. now
 * what?" (a blind trial's were "not covered").
 */
const WHY_FORGOTTEN =
  "(?:\\s*[,;—–-]\\s*(?:(?:as|since|because|cause|cuz)\\s+)?(?:we(?:'re|’re|\\s+are|re)|it(?:'s|’s|\\s+is|s)|they(?:'re|’re|\\s+are)|that(?:'s|’s|\\s+is))\\s+[^.?!]{1,60})?(?:[.!]+\\s*(?:(?:ok|so|and)\\s+)?(?:now\\s+what|what\\s+now|what\\s+then|so\\s+what\\s+now))?";
/** "forget the windows servers", "pls ignore the gpu part": the thing, after the verb. */
const FORGET_THING = new RegExp(
  `^\\W*(?:(?:ok|okay|so|also|and|actually|oh|wait|sorry|please|pls|plz|btw)\\W+)*${FORGET_VERB}\\s+(?:(?:the|our|that|those|all\\s+the)\\s+)?((?:[\\w.+#-]+\\s+){0,3}?[\\w.+#-]+?)(?:\\s+(?:please|pls|plz|then|for\\s+now))?${WHY_FORGOTTEN}\\W*$`,
  "i",
);
/**
 * "the windows part is being retired next year, ignore it": the thing, said to be going away,
 * then the request to leave it out.
 */
const GOING_AWAY = new RegExp(
  `^\\W*(?:(?:ok|okay|so|also|and|actually|oh|wait|sorry|btw)\\W+)*(?:(?:the|our)\\s+)?((?:[\\w.+#-]+\\s+){0,3}?[\\w.+#-]+?)\\s+(?:is|are|will\\s+be|gets?)\\s+(?:being\\s+|getting\\s+|going\\s+to\\s+be\\s+)?(?:retired|decommissioned|phased\\s+out|sunset|shut\\s+down|turned\\s+off|switched\\s+off|gone|going\\s+away|on\\s+its\\s+way\\s+out)\\b[^.;,!?—–-]*[.;,!—–-]+\\s*(?:so\\s+)?(?:(?:please|pls|plz|just)\\s+)?${FORGET_VERB}\\s+(?:it|that|them|those|this|these|about\\s+it)\\W*$`,
  "i",
);

/**
 * "forget the windows servers", "the windows part is being retired next year, ignore it": a part
 * of what the team said, to leave out of its reading. The thing, as it was named ("windows part"),
 * and the words it was taken away with, to quote instead of the reader's "no" ("forget the").
 */
export function forgetting(
  question: string,
): { thing: string; words: string; statement: string } | undefined {
  const text = question.trim();
  const named = FORGET_THING.exec(text);
  const going = named ? undefined : GOING_AWAY.exec(text);
  const thing = (named ?? going)?.[1]?.trim();
  if (!thing || NOTHING_NAMED.test(thing) || OF_THE_CONVERSATION.test(thing)) return undefined;
  const words = named
    ? named[0].slice(0, named[0].toLowerCase().indexOf(thing.toLowerCase())).replace(/^\W+/, "").trim()
    : // (The person's own verb for it, "ignore", not words of ours.)
      ([...text.matchAll(new RegExp(FORGET_VERB, "gi"))].pop()?.[0] ?? "");
  // (As the reader reads a what-if's removal: "we have no windows servers".)
  return { thing, words, statement: `${REMOVED}${thing}` };
}

/** What a question about the recommendation just shown asks. */
/**
 * What it would take for the recommendation to be another, in rawWords' spelling: "what would
 * have to be different …", "what would make you say containers again", "what would it take for
 * you to pick VMs", "under what conditions would you recommend something else". (Not "what if …":
 * a supposition, decided again.)
 */
const ASKS_WHAT_CHANGES_IT = new RegExp(
  `^${WHY_OPENERS}(?:(?:what|which)\\s(?:\\w+\\s)?(?:would|could|might|will)\\s(?:(?:have|need|needs)\\sto\\s)?(?:make\\s(?:you|u|it|the\\srecommendation)\\s(?:recommend|pick|choose|say|suggest|go\\swith|switch|prefer|change)|be\\s(?:different|true)|change|flip|tip)|what\\s(?:has|have|needs|need)\\sto\\s(?:be\\s(?:different|true)|change|happen)|what\\swould\\sit\\stake\\s(?:for\\s(?:you|u|it)\\s)?to\\s(?:recommend|pick|choose|switch|change|flip|say)|under\\swhat\\s(?:conditions|circumstances)\\swould)\\b`,
);

/** A lead-in pointing back at the recommendation: "back to the rec:", "re the recommendation -". */
const BACK_TO_IT =
  /^\s*(?:(?:ok|okay|so)[\s,]+)?(?:(?:going|coming|getting|circling)\s+)?(?:back\s+to|about|re|regarding)\s+(?:the|your|ur)\s+(?:(?:original|first|earlier)\s+)?(?:rec|recommendation)\s*[:,\-—–]\s*/i;

/** Pointing at the bot or its recommendation, in rawWords' spelling: "you", "your mind", "the recommendation". */
const ASKED_OF_US =
  /\b(?:you|u|your|ur|(?:the|this|that)\s+(?:recommendation|rec|pick|verdict|answer)|(?:our|my)\s+answers?|make\s+it|to\s+(?:win|come\s+out))\b/;

/** Options by the words they are named with, as a pattern in rawWords' spelling. */
const OPTION_WORDS =
  "containers?|kubernetes|k8s|microvms?|vms?|virtual\\s+machines|mixed|hybrid|container\\s+shaped";

/**
 * The conditions for an option, with the option named after the move: "what has to be true before
 * the app moves into containers?" (blind trial 27's), "… before a mixed platform became the better
 * choice?" (blind trial 28's). Not "what has to change in the app before it moves to containers?",
 * "what has to be true before we go to production?" (an independent review's).
 */
const BEFORE_AN_OPTION = new RegExp(
  `\\b(?:be\\s+(?:true|different)\\s+before\\s+(?:\\w+\\s+){1,3}(?:moves?|goes|go|migrates?|switch(?:es)?)\\s+(?:to|into|onto)\\s+(?:\\w+\\s+)?(?:${OPTION_WORDS})|(?:before|until)\\s+(?:(?:a|the)\\s+)?(?:\\w+\\s+)?(?:${OPTION_WORDS})\\s+(?:(?:\\w+\\s+)?platform\\s+)?(?:became|becomes|become|wins|won))\\b`,
);

/**
 * How to move to the recommendation, in rawWords' spelling (an opening of thanks or agreement
 * allowed): "what would it take to switch?", "how do we get there?", "where do we start?",
 * "next steps?", "how hard would the migration be?", "… to switch to microvms?". Not "what would it
 * take for you to switch?", which asks what would change the recommendation (ASKS_WHAT_CHANGES_IT),
 * nor "how do we start a container?": after the asking, only the option or the recommendation.
 */
const GETTING_THERE = new RegExp(
  `^(?:(?:ok|okay|so|and|alright|right|great|cool|thanks|nice|got\\s+it|makes\\s+sense)\\s+)*(?:${[
    "what\\s+(?:would|will|does|did|do)\\s+it\\s+take\\s+(?:(?:for\\s+)?(?:us|me|the\\s+team|our\\s+team)\\s+)?to\\s+(?:switch|move|migrate|transition|adopt|get\\s+(?:there|started)|go\\s+there|do\\s+(?:it|that|this)|make\\s+(?:the|that)\\s+(?:switch|move|transition))",
    "how\\s+(?:do|would|could|should|can|will|might)\\s+(?:we|i|one|a\\s+team)\\s+(?:get\\s+(?:there|started)|start|begin|switch|migrate|move|transition|adopt|make\\s+the\\s+(?:switch|move|transition)|go\\s+about\\s+(?:it|that|this)|roll\\s+(?:it|that|this)\\s+out)",
    "how\\s+to\\s+(?:get\\s+(?:there|started)|start|begin|switch|migrate|transition|make\\s+the\\s+(?:switch|move|transition)|go\\s+about\\s+it|roll\\s+it\\s+out)",
    "where\\s+(?:do|would|should|can)\\s+(?:we|i)\\s+(?:start|begin)",
    "what\\s+(?:should|do|would|must|can)\\s+(?:we|i)\\s+do\\s+first",
    // "how do we adopt containers?": the option as the verb's object, not after a "to".
    `how\\s+(?:do|would|could|should|can|will|might)\\s+(?:we|i|one|a\\s+team)\\s+(?:go\\s+about\\s+)?adopt(?:ing)?\\s+(?:(?:the|a)\\s+)?(?:it|that|this|them|${OPTION_WORDS})(?:\\s+(?:on\\s+vms|platform|development))?`,
    "(?:(?:what\\s+(?:are|r)|whats|what\\s+is)\\s+(?:the|our)\\s+)?(?:first|next)\\s+steps?",
    "(?:whats|what\\s+is|what\\s+would\\s+be)\\s+(?:the|our)\\s+(?:migration\\s+path|path\\s+there|way\\s+there)",
    "how\\s+(?:hard|difficult|much\\s+(?:work|effort))\\s+(?:is|would|will)\\s+(?:it|that|the\\s+(?:switch|move|migration|transition))(?:\\s+be)?",
  ].join(
    "|",
  )})(?:\\s+(?:then|now|from\\s+here|exactly))?(?:\\s+(?:to|with|into|onto|toward|towards)\\s+(?:(?:the|a|that|this)\\s+)?(?:it|that|this|there|(?:recommended\\s+)?(?:rec|recommendation|setup|option|one|plan)|(?:${OPTION_WORDS})(?:\\s+(?:on\\s+vms|platform|development))?))?(?:\\s+(?:then|now|from\\s+here))?$`,
);

/**
 * "what would it take to switch?", "how do we get there?" after a recommendation: how to move to
 * it, or to the option it names ("… to switch to microvms?"), with nothing else named.
 */
export function asksHowToGetThere(question: string, words: QuestionWords): boolean {
  const asked = question.replace(BACK_TO_IT, "");
  const raw = rawWords(asked);
  if (raw.length === 0 || raw.length > FOLLOW_UP.recommendationWords + 3) return false;
  if (!GETTING_THERE.test(raw.join(" "))) return false;
  return words
    .stems(asked)
    .every(
      (s) =>
        stemsOf(words, FOLLOW_UP.gettingThereFrame).has(s) ||
        stemsOf(words, FOLLOW_UP.optionWords).has(s) ||
        stemsOf(words, FOLLOW_UP.recommendationOwnWords).has(s),
    );
}

export type RecommendationQuestion = "why" | "why-not" | "change" | "sources" | "simpler" | "caveats";

/**
 * "why?", "why did you recommend that?" (why); "why not kubernetes?", "why that and not
 * containers?" (why-not); "what would change the recommendation?" (change; "what would
 * change if we had 50 services?" is a supposition, see supposition()). Read from the words
 * alone: only asked where a recommendation was shown.
 */
export function aboutRecommendation(
  question: string,
  words: QuestionWords,
): RecommendationQuestion | undefined {
  // "why not microVMs? firecracker sounded perfect": the question that opens the message, when the
  // rest asks nothing of its own ("why? what is a hypervisor anyway" asks about hypervisors).
  const opening = /^[^?]+\?/.exec(question.trim())?.[0];
  const after = opening ? question.trim().slice(opening.length) : "";
  if (opening && after.trim().length > 0 && !asksSomething(after)) {
    const about = aboutRecommendation(opening, words);
    if (about) return about;
  }
  // "tell me more", "elaborate": the card was the whole of it, so its reasons in full (a blind
  // trial's was declined as outside what the bot knows).
  if (asksForWhole(question)) return "why";
  // (Not of "a small team of 2 people", which the recommendation's reasons do not weigh: a review's.)
  if (
    APPLIES_TO_US.test(question.replace(/[’']/g, "")) &&
    !/\ba\s+(?:small\s+|tiny\s+)?team\b/i.test(question)
  )
    return "why";
  // "back to the rec: what would have to be true …" (blind trial 22's).
  const asked = question.replace(BACK_TO_IT, "");
  const raw = rawWords(asked);
  // "what would have to be different for the recommendation to change?", "what would make you
  // recommend something else?" (blind trial 22's started a checklist, or were declined).
  // Nothing named besides the recommendation, its options and the frame: not "what would change
  // the performance of my vm?", "how does monitoring change?" (blind trial 24's).
  const namesNothingElse = () =>
    words
      .stems(asked)
      .every(
        (s) =>
          stemsOf(words, FOLLOW_UP.recommendationOwnWords).has(s) ||
          stemsOf(words, FOLLOW_UP.optionWords).has(s) ||
          stemsOf(words, FOLLOW_UP.changeFrame).has(s),
      );
  if (
    ASKS_WHAT_CHANGES_IT.test(raw.join(" ")) &&
    // Of the bot or its recommendation, comparing nothing: not "what would be different between
    // vms and containers?", "what would be different with containers?" (review 27's).
    (ASKED_OF_US.test(raw.join(" ")) || BEFORE_AN_OPTION.test(raw.join(" "))) &&
    !raw.some((w) => ["if", "between", "vs", "versus", "or", "compared"].includes(w)) &&
    raw.length <= 2 * FOLLOW_UP.recommendationWords &&
    namesNothingElse()
  )
    return "change";
  if (raw.length === 0 || raw.length > FOLLOW_UP.recommendationWords) return undefined;
  if (asksForCaveats(question, words, true)) return "caveats";
  const text = raw.join(" ");
  const about: RecommendationQuestion | undefined =
    // ("and what would change it?" too: blind trial 22's followed up the answer before.)
    new RegExp(`^${WHY_OPENERS}(?:what|which|would|could|how|does|do|did)\\b`).test(text) &&
    /\bchang(?:e|es|ed|ing)\b/.test(text) &&
    namesNothingElse()
      ? "change"
      : !ASKS_WHY_FIRST.test(text)
        ? undefined
        : /\b(?:not|isnt|arent|instead|rather|over)\b/.test(text)
          ? "why-not"
          : "why";
  if (!about) return undefined;
  // Little else said: one word of its own, or an option's up to three ("why not kubernetes on vms?").
  const own = stemsOf(words, FOLLOW_UP.recommendationOwnWords);
  const rest = words.stems(question).filter((s) => !own.has(s)).length;
  return rest <= (about === "why-not" ? 3 : 1) ? about : undefined;
}

/**
 * Words that open a caveat question without a question mark: "whats the catch", "any downsides".
 * Not "the": "the answer is wrong" complains (a second review's).
 */
const CAVEAT_OPENERS = new Set([
  ...["what", "whats", "any", "anything", "are", "is", "so", "and", "ok", "okay", "but"],
  ...["main", "biggest", "how", "catch", "cons", "downsides", "drawbacks", "risks", "pitfalls"],
  ...["caveats", "gotchas", "tradeoffs", "trade-offs"],
]);
/** A negation, the bot addressed, or a plain "gotcha" (understood): no caveat asked for. */
const NOT_ASKING_CAVEATS = new Set([
  "no",
  "not",
  "nothing",
  "none",
  "never",
  "dont",
  "you",
  "gotcha",
  "thanks",
]);

/** Every word a caveat question may use: its own, its others and the recommendation's. */
const CAVEAT_QUESTION_WORDS: readonly string[] = [
  ...FOLLOW_UP.caveatWords,
  ...FOLLOW_UP.caveatOthers,
  ...FOLLOW_UP.recommendationOwnWords,
];

/**
 * "what's the catch?", "any downsides?", "what should we watch out for?": only words of caveats
 * (FOLLOW_UP.caveatWords), the recommendation's own ("downsides of this pick?") and stopwords.
 * Not "what are the risks of running databases in containers?", a question of its own.
 */
export function asksForCaveats(
  question: string,
  words: QuestionWords,
  /**
   * Of a recommendation, an option may be named beside a word that points at it as a plan: "whats
   * the biggest risk with the mixed plan?" (blind trial 27's was declined). Not after an answer:
   * "what are the risks of containers?" asks a question of its own.
   */
  ofOptions = false,
): boolean {
  // Of the bot, not the answer: "what are your limitations?" (small talk; a review's got caveats).
  if (/\b(?:your|ur|you|u)\b/i.test(question)) return false;
  // Its last sentence after remarks that ask nothing: "nice, this sounds like what i need. but
  // whats the catch?" (blind trial 28's was declined).
  const sentences = question.trim().split(/(?<=[.!])\s+/);
  if (sentences.length > 1 && !asksSomething(sentences.slice(0, -1).join(" ")))
    return asksForCaveats(sentences.at(-1)!, words, ofOptions);
  // Or its last clause after a "but": "sounds nice but whats the catch?" (blind trial 31's was declined).
  const clauses = question.trim().split(/\s+but\s+/i);
  if (clauses.length > 1 && !asksSomething(clauses.slice(0, -1).join(" ")))
    return asksForCaveats(clauses.at(-1)!, words, ofOptions);
  const raw = rawWords(question);
  // Asked, not said: "no problem, thanks!", "not an issue for us", "you got it wrong", "ok gotcha"
  // and "this recommendation is wrong" are no questions (an independent review's).
  const asked = /\?\s*$/.test(question) || CAVEAT_OPENERS.has(raw[0] ?? "");
  if (!asked || raw.some((w) => NOT_ASKING_CAVEATS.has(w))) return false;
  const stems = words.stems(question);
  const caveats = stemsOf(words, FOLLOW_UP.caveatWords);
  const allowed = stemsOf(words, CAVEAT_QUESTION_WORDS);
  const named = stemsOf(words, FOLLOW_UP.caveatNames);
  // "that approach" only beside a word that names a drawback (FOLLOW_UP.caveatPointers).
  const pointers = stems.some((s) => named.has(s))
    ? stemsOf(words, FOLLOW_UP.caveatPointers)
    : new Set<string>();
  // (Words that name one of the options: not "hybrid", which names none of them, "the risks of a
  // hybrid approach?" is a question; an independent review's got the pick's caveats.)
  const options =
    ofOptions && stems.some((s) => pointers.has(s) || stemsOf(words, FOLLOW_UP.recommendationOwnWords).has(s))
      ? stemsOf(
          words,
          FOLLOW_UP.optionWords.filter((w) => w !== "hybrid"),
        )
      : new Set<string>();
  return (
    stems.some((s) => caveats.has(s)) &&
    stems.every((s) => allowed.has(s) || pointers.has(s) || options.has(s))
  );
}

/**
 * A question about a recommendation that says nothing else: "why not?", "why not the runner up?"
 * (the option that came second), "what would change the recommendation?".
 */
export function saysNothingElse(question: string, words: QuestionWords): boolean {
  const said = new Set([
    ...stemsOf(words, FOLLOW_UP.recommendationOwnWords),
    ...stemsOf(words, FOLLOW_UP.runnerUpWords),
  ]);
  return words.stems(question).every((s) => said.has(s));
}

/** "why not the other one?", "why not the runner up?": about the option that came second, and nothing else. */
export function asksRunnerUp(question: string, words: QuestionWords): boolean {
  // Raw words too: "other" and "one" are stopwords, so "why not the other one?" has no stem.
  const second = new Set<string>([...stemsOf(words, FOLLOW_UP.runnerUpWords), ...FOLLOW_UP.runnerUpWords]);
  return (
    saysNothingElse(question, words) &&
    [...words.stems(question), ...rawWords(question)].some((w) => second.has(w))
  );
}

/** The last answered entry of one conversation, thread and person. */
export interface FollowUpContext {
  entryId: string;
  /** The id its question was kept under (Bot's asked store), for a typed "that's not what I asked". */
  askedId?: string;
  /** The words of the question that was answered with it (absent for an entry reached by a button). */
  asked?: string;
  /** When it was answered (epoch ms; 0 if not kept). */
  at?: number;
  /**
   * The entries answered before it here, most recent first (at most FOLLOW_UP.earlierKept), with
   * the words each was asked in: one asked for again in other words is not printed again.
   */
  earlier?: { entryId: string; asked?: string }[];
  /**
   * How it was shown: in short ("In short: …"), when "tell me more" asks for the whole of it; or
   * whole after that, when it asks for nothing new.
   */
  length?: "short" | "whole";
  /**
   * The question as typed, kept only where it speaks of another's case: its clauses tell which of
   * what it says is the team's ("my friends and I run 40 microservices, deploy daily").
   */
  typed?: string;
}

/** What resolution reads of a question's words (QuestionAnswering's). */
export interface QuestionWords {
  /** Content stems, in order. */
  stems: (text: string) => string[];
  /** How rare a stem is across the entries (Matcher.rarity). */
  rarity: (stem: string) => number;
  /** Whether the knowledge uses a stem at all (Matcher.knows). */
  knows: (stem: string) => boolean;
  /** Whether a stem is weak (lexicon.yaml weakwords): too general to pick a point of an answer by. */
  weak?: (stem: string) => boolean;
  /** The sides comparisons are between, to ask the question before about another ("and for VMs?"). */
  sides?: Pick<Sides, "only" | "swap" | "names" | "onlySide">;
  /**
   * Whether the matcher finds no word of our subject in a text (it declines the text, or only
   * offers an entry, for want of one): "tldr for my cofounder, shes not technical" names nothing
   * of ours, "short version of the licensing costs?" does. `orGeneral`: general words alone
   * (lexicon.yaml generalTerms: "slide", "ci") name nothing of ours either.
   */
  subjectless?: (text: string, orGeneral?: boolean) => boolean;
}

interface Stored extends FollowUpContext {
  schema: 1;
}

/** Context never crosses conversations, threads or people: all four are in the key. */
const keyOf = (turn: Turn) =>
  `followup:${turn.platform}:${turn.conversation}:${turn.thread ?? "-"}:${turn.user.id}`;
/** The same for the last recommendation shown: its checklist answers. */
/** In a thread anyone may ask about it (a checklist there is everyone's); elsewhere, the person who saw it. */
const recommendationKeyOf = (turn: Turn) =>
  turn.thread
    ? `followup-rec:${turn.platform}:${turn.conversation}:${turn.thread}`
    : `followup-rec:${turn.platform}:${turn.conversation}:-:${turn.user.id}`;

/** The same for a description offered the checklist (rememberDescribed). */
const describedKeyOf = (turn: Turn) => `followup-desc:${keyOf(turn).slice("followup:".length)}`;
const storedDescribed = z.object({ schema: z.literal(1), text: z.string().max(4000), at: z.number() });

/**
 * The same for what the team told of itself, message by message (rememberTold): "what do you
 * recommend?" after "we deploy 20 times a day", "traffic is steady" reads them all. Like the
 * recommendation they go into, everyone's in a thread.
 */
const toldKeyOf = (turn: Turn) => `followup-told:${recommendationKeyOf(turn).slice("followup-rec:".length)}`;
/** One message's answers: each checklist key's value and the words it was read from. */
const toldAnswers = z.record(z.string(), z.object({ value: z.string(), evidence: z.string().max(400) }));
const storedTold = z.object({
  schema: z.literal(1),
  said: z.array(z.object({ understood: toldAnswers, at: z.number() })).max(FOLLOW_UP.toldKept),
});
/** The answers one message told of the team (FollowUpContexts.rememberTold). */
export type ToldAnswers = z.infer<typeof toldAnswers>;

const storedRecommendation = z.object({
  schema: z.literal(1),
  answers: z.record(z.string(), z.string().nullable()),
  /** After a what-if: the answers the team gave, which the next what-if or correction starts from. */
  actual: z.record(z.string(), z.string().nullable()).optional(),
  at: z.number().optional(),
  behind: z.boolean().optional(),
});

/** The last recommendation shown: its checklist answers, and when (epoch ms; 0 if not kept). */
export interface ShownRecommendation {
  answers: Record<string, string | null>;
  /**
   * The answers the team gave: `answers` itself, except after a what-if, whose supposed answers
   * were shown and must not carry over into the next what-if or correction.
   */
  actual: Record<string, string | null>;
  at: number;
  /** A comparison or a list was shown after it: only "what would change it?" and "why not X?" are about it. */
  behind: boolean;
}

/** Where the last answered entry of each conversation, thread and person is kept (the StateStore). */
export class FollowUpContexts {
  /** The last time given out (see tick). */
  private last = 0;

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The clock, never the same value twice in this process: what was shown later always has the
   * later time, also within one millisecond. (With a recommendation brought forward to now + 1, an
   * answer shown in that same millisecond counted as shown before it, and "why?" after the answer
   * got the recommendation's reasons: a test failed so on a busy machine.)
   */
  private tick(): number {
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }

  /**
   * An answer was shown. The recommendation before it is kept: "what would change it?" still asks
   * about it, while "why?" is about whichever of the two came last (their `at`: in a thread, the
   * recommendation is everyone's and the answer one person's).
   */
  async remember(turn: Turn, context: FollowUpContext): Promise<void> {
    await this.store.set<Stored>(
      keyOf(turn),
      { schema: 1, ...context, at: this.tick() },
      { ttlMs: FOLLOW_UP.ttlMs },
    );
  }

  /**
   * A recommendation was shown: "why?", "what would change it?" are about it (its checklist
   * answers). `actual`: for a what-if's, the answers it supposed a change to.
   */
  async rememberRecommendation(
    turn: Turn,
    answers: Record<string, string | null>,
    actual?: Record<string, string | null>,
  ): Promise<void> {
    const at = this.tick();
    await Promise.all([
      this.store.set(
        recommendationKeyOf(turn),
        { schema: 1, answers, ...(actual ? { actual } : {}), at },
        { ttlMs: FOLLOW_UP.ttlMs },
      ),
      this.store.delete(keyOf(turn)),
    ]);
  }

  /**
   * A description of the team offered the checklist from what was understood, with no answer shown
   * ("we run 40 microservices and deploy daily, is k8s overkill?" got "did you mean"): "what would
   * you recommend in our case?" next reads it.
   */
  async rememberDescribed(turn: Turn, text: string): Promise<void> {
    await this.store.set(
      describedKeyOf(turn),
      { schema: 1, text, at: this.tick() },
      { ttlMs: FOLLOW_UP.ttlMs },
    );
  }

  /**
   * The answers a message told of the team ("we deploy about 20 times a day": deploys frequent,
   * from "20 times a day"), kept with the last few before it until a recommendation is decided,
   * so one asked for later reads what was said over several messages, not only the last one.
   * Only the answers and the words they were read from are kept, not the message.
   */
  async rememberTold(turn: Turn, understood: ToldAnswers): Promise<void> {
    const said = { understood, at: this.tick() };
    await updateKey<unknown, void>(this.store, toldKeyOf(turn), FOLLOW_UP.ttlMs, (current) => {
      const before = this.toldOf(current?.value);
      return { value: { schema: 1, said: [...before, said].slice(-FOLLOW_UP.toldKept) }, result: undefined };
    });
  }

  /** A recommendation took in what the team told (or decided without it, a checklist's): none is kept. */
  async forgetTold(turn: Turn): Promise<void> {
    await this.store.delete(toldKeyOf(turn));
  }

  /** What rememberTold kept, oldest first, each message's no longer than FOLLOW_UP.ttlMs ago. */
  async recallTold(turn: Turn): Promise<ToldAnswers[]> {
    return this.toldOf((await this.store.get(toldKeyOf(turn)))?.value).map((s) => s.understood);
  }

  /** A kept list's messages still within FOLLOW_UP.ttlMs (the key lives on while messages are added). */
  private toldOf(value: unknown): z.infer<typeof storedTold>["said"] {
    const parsed = storedTold.safeParse(value);
    const since = this.now() - FOLLOW_UP.ttlMs;
    return parsed.success ? parsed.data.said.filter((s) => s.at > since) : [];
  }

  /** The description kept by rememberDescribed, with when it was said. */
  async recallDescribed(turn: Turn): Promise<{ text: string; at: number } | undefined> {
    const parsed = storedDescribed.safeParse((await this.store.get(describedKeyOf(turn)))?.value);
    return parsed.success ? parsed.data : undefined;
  }

  async recallRecommendation(turn: Turn): Promise<ShownRecommendation | undefined> {
    const parsed = storedRecommendation.safeParse((await this.store.get(recommendationKeyOf(turn)))?.value);
    return parsed.success
      ? {
          answers: parsed.data.answers,
          actual: parsed.data.actual ?? parsed.data.answers,
          at: parsed.data.at ?? 0,
          behind: parsed.data.behind === true,
        }
      : undefined;
  }

  /**
   * After a reply about something else (a comparison, a new walkthrough), no answer to follow up
   * on; and, unless `recommendationToo` is false, no recommendation either.
   */
  async forget(turn: Turn, recommendationToo = true): Promise<void> {
    if (recommendationToo) {
      await Promise.all([
        this.store.delete(keyOf(turn)),
        this.store.delete(recommendationKeyOf(turn)),
        this.store.delete(toldKeyOf(turn)),
      ]);
      return;
    }
    // The recommendation stays, behind what was shown after it.
    await Promise.all([
      this.store.delete(keyOf(turn)),
      this.changeRecommendation(turn, (kept) => (kept.behind ? undefined : { ...kept, behind: true })),
    ]);
  }

  /** A reply about the recommendation brings it forward again: "why?" after it is about it. */
  async bringForward(turn: Turn): Promise<void> {
    await this.changeRecommendation(turn, (kept) => ({ ...kept, behind: false, at: this.tick() }));
  }

  /** Changes the kept recommendation, if there is one (a versioned write; `undefined`: no change). */
  private async changeRecommendation(
    turn: Turn,
    change: (kept: z.infer<typeof storedRecommendation>) => z.infer<typeof storedRecommendation> | undefined,
  ): Promise<void> {
    await updateKey<unknown, void>(this.store, recommendationKeyOf(turn), FOLLOW_UP.ttlMs, (current) => {
      const kept = storedRecommendation.safeParse(current?.value);
      const value = kept.success ? change(kept.data) : undefined;
      return value ? { value, result: undefined } : { result: undefined };
    });
  }

  async recall(turn: Turn): Promise<FollowUpContext | undefined> {
    const stored = await this.store.get<Stored>(keyOf(turn));
    if (stored?.value.schema !== 1 || typeof stored.value.entryId !== "string") return undefined;
    const { entryId, asked, askedId, at, earlier, length, typed } = stored.value;
    // (Kept by an older version, or damaged: read what is whole.)
    const kept = Array.isArray(earlier)
      ? earlier.filter(
          (e): e is { entryId: string; asked?: string } =>
            typeof e?.entryId === "string" && (e.asked === undefined || typeof e.asked === "string"),
        )
      : [];
    return {
      entryId,
      ...(typeof asked === "string" ? { asked } : {}),
      ...(typeof askedId === "string" ? { askedId } : {}),
      at: typeof at === "number" ? at : 0,
      ...(kept.length > 0 ? { earlier: kept } : {}),
      ...(length === "short" || length === "whole" ? { length } : {}),
      ...(typeof typed === "string" ? { typed } : {}),
    };
  }
}

/**
 * "tell me more", "full answer please", "show the whole answer": the whole of an answer shown in
 * short (a review's got its gist again). In rawWords' spelling, courtesy words aside.
 */
export function asksForWhole(question: string): boolean {
  return WHOLE_ASKED.test(rawWords(question).join(" "));
}
const WHOLE_ASKED =
  /^(?:(?:ok|okay|so|and|now|pls|please|can|could|would|you|u|maybe)\s+)*(?:(?:tell|give|show)\s+(?:me\s+|us\s+)?)?(?:(?:go\s+)?(?:into\s+|in\s+)?more(?:\s+(?:details?|info|information|depth))?|(?:the\s+)?(?:full|whole|long|longer|complete|entire)\s+(?:answer|version|thing|one)|expand|elaborate|go\s+on|in\s+detail|details?)(?:\s+(?:on|about)\s+(?:that|it|this))?(?:\s+(?:please|pls|plz|thanks|thx))?$/;

/** Why a question was taken as a follow-up (recorded in the insights, shown in tests). */
export type FollowUpReason =
  /** Declined alone for naming no subject, though its words are the subject's ("what are the risks?", "why?"). */
  | "no-subject"
  /** Alone only "did you mean"; with the topic, one answer, and not the previous one again. */
  | "ambiguous"
  /** It opens with a connective or points back ("and for VMs?", "is that safe?"). */
  | "continues"
  /** It asks where the answer before comes from ("source?"): that answer's sources. */
  | "sources"
  /** It asks to say the answer before more simply ("tl;dr?"): that answer in short. */
  | "simpler"
  /** A bare "why?" ("how so?", "how come?"): the reasons the answer before gives. */
  | "reasons"
  /** "which one is right?", "which source do you trust more?": where the documents disagree in it. */
  | "disagreement"
  /** "which doc says that a kernel compromise can reach many workloads?": the points saying it (claims.ts). */
  | "claim"
  /** "yes or no for us?", "so bottom line: leave it?": the answer before in short, and the checklist for a verdict. */
  | "verdict"
  /** "give me 3 bullets", "as bullet points pls": the answer before's points, each in short. */
  | "bullets"
  /** "tell me more", "show the whole answer": the whole of the answer before, if shown in short. */
  | "whole";

/**
 * Asks for the answer before as bullet points, and nothing else: "give me 3 bullets", "as bullet
 * points pls", "can you put that in 3 bullets for my vp" (a blind trial's were declined).
 */
const BULLETS =
  /^\W*(?:(?:ok|okay|so|and|now|pls|please|plz|can\s+(?:you|u)|could\s+(?:you|u))\W+)*(?:(?:give|put|make|turn|write|list|sum|summari[sz]e)\s+(?:me\s+|us\s+)?(?:(?:it|that|this|them)\s+)?(?:up\s+)?)?(?:(?:in|into|as)\s+)?(?:(\d|one|two|three|four|five|six|a\s+few|some|the\s+key|key|the\s+main|main)\s+)?(?:bullets?|bullet\s+points?|bulleted\s+list|bullet\s+list)(?:\s+(?:for|to)\s+(?:my|our|the)\s+\w+(?:\s+\w+)?)?(?:\s+(?:pls|please|plz|max|only|thx|thanks))?\W*$/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * How many bullet points a message asks for the answer before in ("give me 3 bullets": 3; "as
 * bullet points": 0, as many as it has), or undefined when it asks for none.
 */
export function bulletsAsked(question: string): number | undefined {
  const m = BULLETS.exec(question.replace(/[’']/g, "").trim());
  if (!m) return undefined;
  const n = m[1]?.toLowerCase();
  return n === undefined ? 0 : (NUMBER_WORDS[n] ?? (/^\d$/.test(n) ? Number(n) : 0));
}

/**
 * Says the answer just given missed the question: "that's not what i asked", "wrong answer",
 * "thats vm to containers, opposite of what i asked", "that doesn't answer my question" (blind
 * trials 28 and 29's got the same answer again, or a decline).
 */
const PUSHBACK = new RegExp(
  [
    // "(that's) not what i asked", "not quite what i meant"; not "our migration wasnt what we wanted".
    String.raw`(?:^|[,.;:!?]\s*|\b(?:thats|that|this|its|it|but|no|nope|sorry|hmm|hm|um)\s+)(?:not|isnt|wasnt|nothing\s+like)\s+(?:quite\s+|really\s+|exactly\s+)?what\s+(?:i|we)\s+(?:asked|meant|wanted|was\s+looking\s+for|am\s+looking\s+for|im\s+looking\s+for|was\s+asking|were\s+asking|am\s+asking|im\s+asking|are\s+asking)\b`,
    String.raw`(?:^|[,.;:!?]\s*|\b(?:thats|that|this|its|it|but|no|nope|sorry|hmm|hm|um)\s+)(?:not|isnt|wasnt)\s+(?:quite\s+|really\s+|exactly\s+)?what\s+(?:im|i\s+am|were|we\s+are)\s+(?:asking|looking\s+for)\b`,
    // ("that's not what I need"; not "its not what we need right now, we're 3 people", agreement.)
    String.raw`\b(?:thats|that\s+is|thats\s+just)\s+not\s+what\s+i\s+(?:need|needed)\b|\bnot\s+what\s+i\s+needed\b`,
    String.raw`\bopposite\s+of\s+what\s+(?:i|we)\b`,
    String.raw`\bwrong\s+one\s+again\b`,
    String.raw`\bwrong\s+(?:answer|question|topic)\b`,
    String.raw`\b(?:thats|that\s+is|that\s+was|you\s+picked|you\s+gave\s+me)\s+(?:the\s+)?wrong\s+(?:one|thing)\b`,
    String.raw`\b(?:you|u)\s+(?:misunderstood|misread|got\s+(?:me|my\s+question)\s+wrong)\b`,
    String.raw`\b(?:doesnt|didnt|does\s+not|did\s+not)\s+answer\s+(?:it|that|this|my\s+question|the\s+question|our\s+question)\b`,
    String.raw`\bi\s+(?:didnt|did\s+not)\s+ask\s+(?:that|this|about\s+that|for\s+that)\b`,
    String.raw`\bdifferent\s+question\b`,
    String.raw`\b(?:pasted|posted|sent|gave|said|repeated|showed)\s+(?:me\s+|us\s+)?(?:the\s+)?(?:same|that)\s+(?:(?:thing|answer|text|stuff|reply)\s+)?again\b`,
    String.raw`\bsame\s+(?:answer|thing|reply)\s+again\b`,
    String.raw`\brepeating\s+yourself\b`,
    String.raw`\bthats\s+not\s+(?:it|the\s+question|my\s+question)\b`,
    // "you already said that" (a blind trial's was declined).
    String.raw`\b(?:you|u)\s+already\s+(?:said|told\s+(?:me|us)|gave\s+(?:me|us))\s+(?:that|this|it)\b`,
  ].join("|"),
);

/**
 * Says the answer just given is wrong, whatever claim follows it after a pause or "because": "thats
 * wrong, ASGs scale in like 60s with warm pools", "that's not true", "i disagree", "that's outdated"
 * (a blind trial's were declined, or got the same answer again). Not that it answered another
 * question (PUSHBACK), nor a statement that goes on without a pause: "its wrong to run docker as
 * root", "its outdated software from 2005", "i disagree with my boss", "its not true isolation
 * then" (a review's).
 */
const CONTESTS =
  /^\W*(?:(?:no|nope|nah|hmm|um|well|but|ok|okay|sorry|honestly|lol|idk)\W+)*(?:(?:thats|that\s+is|this\s+is|thats\s+just|its|it\s+is|youre|you\s+are|ur)\s+(?:just\s+|simply\s+|totally\s+|completely\s+|plain\s+|so\s+|flat\s+out\s+|kinda\s+|a\s+bit\s+)?(?:wrong|incorrect|not\s+(?:true|right|correct|accurate)|false|outdated|out\s+of\s+date|misleading|inaccurate|nonsense|bs|bullshit)|i\s+(?:disagree|dont\s+(?:think\s+so|agree|buy\s+(?:it|that))|doubt\s+(?:it|that))(?:\s+with\s+(?:you|u|that|this|it|the\s+answer|your\s+answer))?|not\s+in\s+my\s+experience|(?:that|this)\s+(?:doesnt|does\s+not)\s+match\s+(?:my|our)\s+experience)(?:\s+(?:at\s+all|anymore|any\s+more|there|now|again|imo|imho|tbh|lol|mate|though|tho|man|dude|in\s+(?:my|our)\s+(?:experience|case)|for\s+(?:us|me|our\s+case)|(?:about|on)\s+(?:that|this|it)))*(?=\s*(?:$|[,.;:!—–-]|\s(?:because|since|as|cause|cuz|bc|we|i|our|my)\b))/;

/**
 * Does a message say the answer just given is wrong (CONTESTS), rather than that it missed the
 * question, or ask something ("its not true that containers are always more secure, right?")?
 */
export function contests(message: string): boolean {
  const text = message.toLowerCase().replace(/[’']/g, "").trim();
  return CONTESTS.test(text) && !PUSHBACK.test(text) && !text.includes("?");
}

/** Whether a text names something of our subject: answered or offered, and not for want of a subject word. */
export function namesOurSubject(outcome: AskOutcome): boolean {
  return outcome.kind === "answer" || (outcome.kind === "no-match" && outcome.why !== "no-subject-word");
}

/**
 * Only says the answer before missed (PUSHBACK), with no question of its own beside it, nor
 * another sentence naming our subject (`namesSubject`): "No, sorry, I asked about the VMs. What is
 * bad with VMs?" asks that question instead.
 */
export function pushesBack(message: string, namesSubject: (text: string) => boolean = () => false): boolean {
  const text = message.toLowerCase().replace(/[’']/g, "").trim();
  if (!PUSHBACK.test(text)) return false;
  // What is left once the pushback is taken out names nothing of our subject:
  // "that didnt answer it. utilization/packing, vms vs containers" (blind trial 30's), "i think
  // you misread the question, i meant databases specifically" and "that's not it, containers are
  // more secure than vms" are asked as what they say (review 34's).
  const rest = text.replace(new RegExp(PUSHBACK.source, "g"), " ");
  // ("thats vm to containers, opposite of what i asked" says what the wrong answer was about.)
  if (OPPOSITE.test(text) && !rest.includes("?")) return true;
  // (A question of no subject of ours beside it is frustration: "thats not what i asked lol, is
  // this thing even working", "wrong answer. how is this even related": review 35's.)
  return !/\p{L}{2,}/u.test(rest) || !namesSubject(rest);
}

const OPPOSITE = /\bopposite\s+of\s+what\s+(?:i|we)\b/;

/** The verb of something said or argued: "says", "is the one pushing", "recommends". */
const CLAIM_VERB =
  /\b(?:says?|said|claims?|claiming|argues?|arguing|push(?:es|ing)?|recommends?|recommending|backs?|backing|suggests?|suggesting|mentions?|talks?\s+about|disagrees?|agrees?|has|have|gives?|shows?|supports?|favou?rs?|prefers?)\b/i;
/** The sides, which every answer names: "which doc argues for containers?" names no other topic. */
const SIDE_WORDS = /\b(?:vms?|virtual\s+machines?|containers?|microvms?|docker|kubernetes|k8s)\b/gi;
/** Asks which of the documents says or argues something: "which doc is the one pushing microvms". */
const WHICH_DOCUMENT =
  /\bwhich\s+(?:(?:of\s+the\s+)?(?:\d+|five)\s+)?(?:docs?|documents?|sources?|papers?|articles?)\b(?!\s+(?:do|would|should|can)\s+(?:you|u|i|we)\b)/i;

/**
 * Asks, and says nothing else, whether what was just said holds for the asker: "is that true for
 * us?", "does that apply to our case?", "what does that mean for a team of 2 admins" (blind trials'
 * got a myth or a decline after a recommendation, and only the sources after an answer). About a recommendation, that is why it is theirs; about an
 * answer, a verdict for their case (the documents give none).
 */
const APPLIES_TO_US =
  /^\W*(?:(?:ok|okay|so|but|and|hmm|wait|right)\W+)*(?:(?:is|does|would|will|do|are)\s+(?:that|this|it|these|those|all\s+(?:that|this))\s+(?:(?:still|also|really|actually|even)\s+)?(?:true|apply|applies|hold|holds|the\s+case|relevant|valid)|what\s+does\s+(?:that|this|it|all\s+(?:that|this))\s+mean|how\s+does\s+(?:that|this|it|all\s+(?:that|this))\s+apply)\s+(?:for|to|in|with)\s+(?:us|me|our\s+(?:case|team|setup|situation|company)|my\s+(?:case|team|setup|situation|company)|(?:a|our)\s+(?:small\s+|tiny\s+)?team(?:\s+(?:of|with)\s+(?:\d+|two|three|four|five|six|a\s+few)(?:\s+[a-z]+)?)?)(?:\s+(?:too|as\s+well|also|either|then|exactly|in\s+practice|specifically))?\W*$/i;

/** Words asking for a verdict whatever else is said: "yes or no", "y/n", "bottom line", "overkill", "worth it". */
const VERDICT_WORDS = /\b(?:yes\s+or\s+no|y\s*\/\s*n|yay\s+or\s+nay)\b/;
/** Words asking for a verdict in a question ("bottom line: I need this by friday" asks nothing). */
const VERDICT_ASKED =
  /\b(?:bottom\s+line|verdict|short\s+answer|in\s+a\s+word|overkill|worth\s+(?:it|the\s+(?:effort|hassle|trouble|cost)))\b/;
/** "do i need that tho?", "would we even need it?": whether the thing just answered is needed. */
const NEEDS_IT = /\b(?:do|would|will)\s+(?:i|we)\s+(?:\w+\s+)?need\s+(?:it|that|this|them|those|one|any)\b/;
/** A question ending in a tag asking to confirm: "so probably not for us, right?", "basically no savings right?". */
const CONFIRM_TAG = /(?:^|[,\s])(?:right|correct|yeah)\s*\?+$/;
/** A request to a person ("can you send me the slides? y/n"), not to the bot for a verdict. */
const REQUEST = /\b(?:can|could|will|would)\s+(?:you|u|someone|anyone|somebody)\b/;
/**
 * What ties a verdict request to the asker's case or the answer, once its verdict words are
 * taken out: "for us", "for one box", "for the card service", a hedge ("basically", "probably"),
 * or a pointer back ("leave it where it is"; not the "it" of "worth it": "is kubecon worth it?").
 */
const FOR_CASE = /\bfor\s+(?:us|our|me|my|one|a|an|the|this|that|such|small|single|just|\d+)\b/;
const TIED = new RegExp(`${FOR_CASE.source}|\\b(?:basically|probably|essentially|so\\s+no|so\\s+yes)\\b`);
/** A question word opening a clause, or asking ("so with portainer where do i find the logs?"; not "leave it where it is"). */
const NEW_QUESTION =
  /(?:^|[,.;:!?]\s*)(?:what|where|which|how|why|who|when)\b|\b(?:what|where|which|how|why|who|when)\s+(?:do|does|did|is|are|was|can|could|should|would|will)\b/;
/** Opening with "so": "so bottom line …", "ok so leave it where it is for now?". */
const OPENS_WITH_SO = /^(?:(?:ok(?:ay)?|right|alright|hm+)[,.\s]+)?so\b/;

/**
 * Asks for a yes or no, or the bottom line, of the answer just given for the asker's own case
 * (blind trials 28 and 29: "so bottom line: leave it where it is for now?", "do i need that tho?
 * y/n", "overkill for one box?", "so probably not for us, right?", each declined as not covered):
 * `asked` in words that ask for one, `confirming` only by opening with "so" or a closing tag.
 */
export function asksForAVerdict(question: string): "asked" | "confirming" | undefined {
  const text = question.toLowerCase().replace(/[’']/g, "").trim();
  if (REQUEST.test(text)) return undefined;
  if (APPLIES_TO_US.test(text)) return "asked";
  if (VERDICT_WORDS.test(text) || NEEDS_IT.test(text) || (text.includes("?") && VERDICT_ASKED.test(text)))
    return "asked";
  // (Not a new question that opens with "so": "so, what code editor do you use?".)
  const rest = text.replace(OPENS_WITH_SO, "").trim();
  if (NEW_QUESTION.test(rest)) return undefined;
  return text.endsWith("?") && (CONFIRM_TAG.test(text) || OPENS_WITH_SO.test(text))
    ? "confirming"
    : undefined;
}

/**
 * Whether a message asking for a verdict is about the answer before, once its verdict words are
 * taken out: tied to the asker's case or pointing back (TIED, "do i need that"), and naming at
 * most one word the knowledge never uses beyond short ones like "tho", beside one it does use
 * ("ok but that's generic. yes or no for the card service?"; not "lunch at 1? y/n", "is kubecon
 * worth it?", "so the cluster is down, right?": review 34's).
 */
function aboutTheAnswer(words: QuestionWords, text: string): boolean {
  const lower = text.toLowerCase().replace(/[’']/g, "");
  const rest = lower
    .replace(new RegExp(VERDICT_WORDS.source, "g"), " ")
    .replace(new RegExp(VERDICT_ASKED.source, "g"), " ")
    .replace(CONFIRM_TAG, " ");
  const tied = NEEDS_IT.test(lower) || TIED.test(rest) || pointsAt(rawWords(rest));
  const own = words.stems(rest);
  const unknown = own.filter((s) => s.length > 3 && !words.knows(s)).length;
  const known = own.filter((s) => s.length > 3 && words.knows(s)).length;
  // A word the knowledge never uses before "for" names a subject of its own ("is nomad worth it
  // for us?", "is istio overkill for 10 services?": review 36's), not the asker's kit after it.
  // (In the sentence that asks: "ok but that's generic. yes or no for the card service?".)
  const asking =
    rest
      .split(/(?<=[.!?])\s+/)
      .filter((t) => t.trim())
      .at(-1) ?? rest;
  const head = FOR_CASE.exec(asking);
  const before = head ? asking.slice(0, head.index) : asking;
  if (head && words.stems(before).some((s) => s.length > 3 && !words.knows(s))) return false;
  // (Nor a number of the knowledge's unknown: "bottom line for 2025?".)
  if (own.some((s) => s.length > 3 && !words.knows(s) && /^\d+$/.test(s))) return false;
  // (One word of the asker's own kit after "for" is theirs to name: "worth it for 3 droplets?".)
  return tied && (unknown === 0 || (unknown === 1 && (known >= 1 || FOR_CASE.test(rest))));
}

/**
 * Asks which of the documents is right, or which the bot trusts more: "which one is right lol",
 * "why the sources disagree there? which one you trust more", "so who is right?" (three blind
 * trials' were declined as outside what the bot knows).
 */
const WHICH_IS_RIGHT =
  /\b(?:which|who)(?:\s+(?:one|source|sources|document|documents|doc|docs|side|of\s+them))?\s+(?:is|s|are)\s+(?:right|correct|true|wrong)\b|\b(?:which|who)(?:\s+(?:one|source|document|doc|side|of\s+them))?\s+(?:do\s+|would\s+)?(?:you|u)\s+(?:trust|believe|go\s+with|side\s+with|agree\s+with)\b|\bwhy\s+(?:do\s+)?(?:the\s+)?(?:sources|documents|docs)\s+disagree\b/i;

/** Does a message ask which of the documents is right where they disagree? */
export function asksWhichIsRight(question: string): boolean {
  return WHICH_IS_RIGHT.test(question.replace(/[’']/g, ""));
}

export interface Resolution {
  outcome: AskOutcome;
  /** The text the matcher ranked: the question, or the previous topic followed by it. */
  matched: string;
  /**
   * Set when the answer came from the context: the entry followed up on, and why; for a claim,
   * the entry whose points say it (the one before or not) and those points.
   */
  followUp?: { of: Answerable; reason: FollowUpReason; points?: string[] };
  /** With a follow-up, what the question got on its own (a reply may offer it beside). */
  alone?: AskOutcome;
}

/**
 * Matches `question`, using `context` when the question does not stand on its own:
 * 1. Only a short question (at most FOLLOW_UP.maxWords content words) can be a follow-up, and only
 *    one the matcher would answer, suggest for or decline (not a greeting or a command).
 * 2. It is matched together with the previous entry's canonical question (its topic). It follows
 *    up when that is answered and (FollowUpReason):
 *    - alone it was declined for naming no subject, yet has no content words at all ("why?") or
 *      only words the knowledge uses, which the model places in the subject (minOwnConfidence):
 *      "what are the risks?", not "what's the weather like today?";
 *    - alone it only got "did you mean", and with the topic it gets an entry other than the
 *      previous one (repeating the last answer would not resolve anything);
 *    - it opens with a connective, or is short and points back ("and for VMs?", "is that safe?"),
 *      and alone it was answered or suggested (an off-topic "and the weather?" stays declined),
 *      unless it names a topic of its own (FOLLOW_UP.topicRarity) and the topic before only
 *      brings the previous answer back ("and what about backups?" after the databases answer).
 * 3. Otherwise the question's own outcome stands: a new question ("what is a container?", "what
 *    about cost?"), "did you mean", or a decline.
 */
export function resolve(
  asker: Pick<Asker, "ask" | "entry">,
  words: QuestionWords,
  question: string,
  context: FollowUpContext | undefined,
): Resolution {
  const found = resolveMatch(asker, words, question, context);
  const previous = context && asker.entry(context.entryId);
  if (!previous || (found.followUp && !READ_AS_QUESTION.has(found.followUp.reason))) return found;
  // "ok but that's generic. yes or no for the card service?": the documents give no verdict for one
  // team's case; the answer before in short, and the checklist that weighs the case, do. Only when
  // the message, read as a question, gets nothing or only that answer again (blind trial 30's "so
  // basically the scraper and the node api first, wordpress+mysql last?" got it word for word); a
  // follow-up with an answer of its own keeps it ("do we really need it for 3 services?" after
  // Kubernetes: when an orchestrator is needed, review 34's).
  const verdict = asksForAVerdict(question);
  if (!verdict) return found;
  // ("does that apply to our case?" says nothing else, whatever it reads as alone: the checklist.)
  if (APPLIES_TO_US.test(question.replace(/[’']/g, ""))) return aboutPrevious(previous, question, "verdict");
  const o = found.outcome;
  const again = o.kind === "answer" && o.entry.id === previous.id;
  const nothing =
    words.stems(question).length <= FOLLOW_UP.verdictWords &&
    ((o.kind === "no-match" && o.why === "no-subject-word") ||
      (o.kind === "out-of-scope" && (o.rule === "no-subject-word" || o.rule === "general-words-only")));
  // "so VMs or microVMs?" after an answer that offers both ("separate VMs, or microVM runtimes"):
  // a pick between its own options, not what either is (a blind trial's got the microVM definition).
  const between = SIDES_CHOICE.exec(question.toLowerCase().replace(OPENS_WITH_SO, "").trim());
  const said = between ? new Set(words.stems(previous.answer)) : undefined;
  const offersBoth =
    between !== null &&
    [between[1]!, between[2]!].every((side) => {
      const stems = words.stems(side);
      return stems.length > 0 && stems.every((s) => said!.has(s));
    });
  return again || offersBoth || (nothing && aboutTheAnswer(words, question))
    ? aboutPrevious(previous, question, "verdict")
    : found;
}

/** Follow-up reasons that only read the message as a question in the conversation's subject. */
const READ_AS_QUESTION = new Set<FollowUpReason>(["continues", "no-subject", "ambiguous"]);

function resolveMatch(
  asker: Pick<Asker, "ask" | "entry">,
  words: QuestionWords,
  question: string,
  context: FollowUpContext | undefined,
): Resolution {
  const alone = asker.ask(question);
  const previous = context && asker.entry(context.entryId);
  // "which doc says that a kernel compromise can reach many workloads?": where that is said, in
  // the answer before or in the one the claim matches alone, whatever the message matches.
  const claim = claimAsked(question);
  const said = claim === undefined ? undefined : claimSource(asker, words, claim, previous);
  if (said)
    return {
      outcome: {
        kind: "answer",
        entry: said.entry,
        confidence: 1,
        ...(said.unnamed ? { unnamed: [...said.unnamed] } : {}),
      },
      matched: claim!,
      followUp: { of: said.entry, reason: "claim", points: said.points },
    };
  if (!previous) return { outcome: alone, matched: question };
  if (asksForWhole(question)) return aboutPrevious(previous, question, "whole");
  // "example?" right after an answer asks for one of it, not for the case studies' entry it gets
  // alone (a blind trial's "whats a dockerfile >> example?" got the case studies): the answer,
  // with what it got alone one press away.
  if (asksForExample(question) && offeredAlone(alone)[0]?.id !== previous.id)
    return { ...aboutPrevious(previous, question, "no-subject"), alone };
  // "what are your sources?" right after an answer: that answer's ("which documents do you use?"
  // asks about the five documents whatever came before).
  if (alone.kind === "smalltalk" && alone.which === "documents" && /\bsources?\b/i.test(question))
    return aboutPrevious(previous, question, "sources");
  if (alone.kind !== "answer" && alone.kind !== "no-match" && alone.kind !== "out-of-scope")
    return { outcome: alone, matched: question };
  // "which doc says the rearchitecting part?", "which doc is the one pushing microvms": the answer
  // before's sources, when the message is no question the matcher answers on its own (blind trial
  // 30's were declined; "which document covers ci pipelines?" is one, even a best guess).
  // Only for something said, of the answer before: not "which docs mention cost?" after another
  // answer, nor "which document is the most recent?" (review 35's).
  if (WHICH_DOCUMENT.test(question) && (alone.kind !== "answer" || alone.entry.id === previous.id)) {
    const said = CLAIM_VERB.exec(question);
    const what = said ? question.slice(said.index + said[0].length).replace(SIDE_WORDS, " ") : "";
    const named = /\p{L}{3,}/u.test(what) ? asker.ask(what) : undefined;
    if (said && (named?.kind !== "answer" || named.entry.id === previous.id))
      return aboutPrevious(previous, question, "sources");
  }
  // (Naming nothing of our subject and no choice: "which is right for us, k8s or nomad?" asks which
  // option, an independent review's.)
  if (asksWhichIsRight(question) && !/\bor\b/i.test(question) && words.subjectless?.(question, true) === true)
    return aboutPrevious(previous, question, "disagreement");
  const own = words.stems(question);
  const raw = rawWords(question);
  // Made only of words asking for it, however many ("give me a short version I can put in an
  // architecture decision record", blind trial 22's).
  if (asksSimpler(raw, own, words, question)) return aboutPrevious(previous, question, "simpler");
  if (bulletsAsked(question) !== undefined) return aboutPrevious(previous, question, "bullets");
  // Likewise a word for a source where nothing of our subject is named ("Which section is that
  // from exactly? I'd like to cite it on the slide.").
  if (pointsBack(question, words) === "sources") return aboutPrevious(previous, question, "sources");
  if (own.length > FOLLOW_UP.maxWords) return { outcome: alone, matched: question };
  if (onlyOf(words, own, FOLLOW_UP.sourceWords, FOLLOW_UP.sourceVerbs))
    return aboutPrevious(previous, question, "sources");

  if (asksSimplerSayingWhy(question, words)) return aboutPrevious(previous, question, "simpler");
  // "why?", "how so?", "why is that?": nothing but asking why, of an answer that gives reasons.
  // (And "is that right?", "are you sure?": its reasons, what it rests on.)
  const asked = raw.join(" ");
  if (previous.details && ((own.length === 0 && ASKS_WHY.test(asked)) || CHECKS_IT.test(asked)))
    return aboutPrevious(previous, question, "reasons");

  const continues = opensWithConnective(raw) || (own.length <= FOLLOW_UP.shortQuestion && pointsAt(raw));
  // A question naming no subject word is declined alone, or only offered an entry when the model
  // is sure of it ("how do i undo my last git commit"): a follow-up like a declined one, never
  // "ambiguous" (the topic before would make it an answer on some other subject's words).
  // An offer the model is less sure of (below sureOffer) was a decline until the matcher offered
  // from even odds, and is read as one here: "my bad" right after an answer got the rollback
  // answer once read as a sure offer (review 27).
  const unsureOffer =
    alone.kind === "no-match" && alone.why === "no-subject-word" && alone.confidence < FOLLOW_UP.sureOffer;
  const noSubject = (alone.kind === "out-of-scope" && alone.rule === "no-subject-word") || unsureOffer;
  const offeredOnly = alone.kind === "no-match" && alone.why === "no-subject-word" && !unsureOffer;
  const declined = alone.kind === "out-of-scope" || offeredOnly || unsureOffer;
  const subjectless =
    (noSubject || offeredOnly) &&
    own.length <= FOLLOW_UP.shortQuestion &&
    // Every word one the knowledge uses: "what's the weather like today?" is not about the answer.
    own.every(words.knows) &&
    (own.length === 0 ||
      (alone.confidence >= FOLLOW_UP.minOwnConfidence &&
        alone.confidence > (alone.kind === "out-of-scope" ? alone.offTopic : 0)));
  // A word at least FOLLOW_UP.topicRarity rare names a topic of its own ("backups", "skills").
  const newTopic = own.some((s) => words.rarity(s) >= FOLLOW_UP.topicRarity);
  // "is that secure?" after the networking answer asks it of networking: that answer's points on
  // it, when it has some, not the entry the topic has alone (blind trial 20: the general container
  // security myth after networking and a mixed platform). Only a yes/no question about the thing
  // just answered ("is that …?", "does it …?"), and not one a term's own entry answers ("is that
  // the same as helm?", "is this a pod?": a second review's, each got a point of the answer).
  // The quoted points must name the topic itself ("same" in "is that the same as X?" is no topic
  // a point can answer), and what the question gets alone stays offered beside them.
  const topics = own.filter((s) => words.rarity(s) >= FOLLOW_UP.topicRarity);
  if (
    topics.length > 0 &&
    own.length <= FOLLOW_UP.shortQuestion &&
    YES_NO_ABOUT_IT.test(raw.join(" ")) &&
    !COMPARES.test(raw.join(" ")) &&
    !(alone.kind === "answer" && alone.entry.kind === "term") &&
    pointsAbout(previous, question, words).some((point) => words.stems(point).some((s) => topics.includes(s)))
  )
    return { ...aboutPrevious(previous, question, "continues"), alone };
  // "what about the people side, like skills?": a topic of its own named without a subject word.
  // The conversation gives the subject: the question is answered as if it had named one, when the
  // model is sure enough of an entry (with the topic before, the answer before would win).
  if (noSubject && asksAbout(raw) && own.length <= FOLLOW_UP.maxWords && own.every(words.knows) && newTopic) {
    const inSubject = answeredInSubject(asker, words, question, previous, alone);
    if (inSubject) return inSubject;
  }
  if (declined && !subjectless) return { outcome: alone, matched: question };
  // Answered alone, neither continuing nor subjectless: no reason below can hold, whatever the
  // topic would add, so the second match is not run.
  if (!subjectless && !continues && alone.kind !== "no-match") return { outcome: alone, matched: question };

  // "and for VMs?" after "In which situations are containers the better choice?": that question
  // about VMs, when it has an entry of its own that asks about VMs (else the start-up answer
  // covers both sides).
  const side = continues ? words.sides?.only(question, own) : undefined;
  const swapped = side && words.sides?.swap(previous.question, side);
  if (side && swapped) {
    const other = asker.ask(swapped);
    if (
      other.kind === "answer" &&
      other.entry.id !== previous.id &&
      words.sides?.names(other.entry.question, side)
    )
      return { outcome: other, matched: swapped, followUp: { of: previous, reason: "continues" } };
    // Or, when the matcher takes the swapped question back to the entry before, the related entry
    // that asks it of that side alone ("and for containers?" after "When should we choose virtual
    // machines?": "In which situations are containers the better choice?"): only after a question
    // about one side alone, and only an entry whose question, asked of the side before, comes back
    // to the entry before ("How are containers hardened?" is no golden image pipeline).
    const aboutOther = words.sides?.onlySide(previous.question);
    const mirrors = (e: Answerable, before: Side) => {
      const back = words.sides?.swap(e.question, before);
      const again = back ? asker.ask(back) : undefined;
      // (Or offers it first, torn between the two: "How are containers hardened and secured?".)
      return (
        (again?.kind === "answer" && again.entry.id === previous.id) ||
        (again?.kind === "no-match" && again.why === "close" && again.suggestions[0]?.id === previous.id)
      );
    };
    // Torn between the entry before and a related one that asks it of that side alone ("How are
    // containers hardened and secured?" after the VM hardening answer): that one.
    const torn =
      other.kind === "no-match" &&
      other.why === "close" &&
      other.suggestions.some((o) => o.id === previous.id)
        ? other.suggestions.find(
            (e) =>
              e.id !== previous.id &&
              (previous.related.includes(e.id) || e.related.includes(previous.id)) &&
              words.sides?.onlySide(e.question) === side,
          )
        : undefined;
    const counterpart =
      torn ??
      (aboutOther && aboutOther !== side && (other.kind !== "answer" || other.entry.id === previous.id)
        ? previous.related
            .map((id) => asker.entry(id))
            .find(
              (e) => e !== undefined && words.sides?.onlySide(e.question) === side && mirrors(e, aboutOther),
            )
        : undefined);
    if (counterpart)
      return {
        // (The confidence recorded is the matcher's in the swapped question.)
        outcome: {
          kind: "answer",
          entry: counterpart,
          confidence: "confidence" in other ? other.confidence : 0,
        },
        matched: swapped,
        followUp: { of: previous, reason: "continues" },
      };
  }

  const matched = `${previous.question} ${question}`;
  const combined = asker.ask(matched);
  if (combined.kind !== "answer") return { outcome: alone, matched: question };
  const reason: FollowUpReason | undefined = subjectless
    ? "no-subject"
    : continues
      ? "continues"
      : alone.kind === "no-match" && combined.entry.id !== previous.id
        ? "ambiguous"
        : undefined;
  if (!reason) return { outcome: alone, matched: question };
  // "and what about backups?": alone it is about backups; with the topic before, only the last
  // answer again, which would not resolve anything.
  if (reason === "continues" && newTopic && combined.entry.id === previous.id)
    return { outcome: alone, matched: question };
  // Likewise named without a subject word, which alone the model was sure of and only offered for
  // that ("and cost wise?" after the scaling answer): answered in the conversation's subject; not
  // one that points back ("is that safe?" asks about the answer before, and is offered the other).
  if (offeredOnly && newTopic && !pointsAt(raw) && combined.entry.id === previous.id) {
    const inSubject = answeredInSubject(asker, words, question, previous, alone);
    if (inSubject) return inSubject;
  }
  // The same answer either way: the question stood on its own after all.
  if (alone.kind === "answer" && alone.entry.id === combined.entry.id)
    return { outcome: alone, matched: question };
  // "also, what about windows?" after the start-up answer: with the topic before, an entry that
  // never names Windows (the start-up myth); alone, surely the one that does.
  const names = (e: Answerable) =>
    words
      .stems(`${e.phrasings.join(" ")} ${e.keywords.join(" ")} ${e.answer}`)
      .some((s) => topics.includes(s));
  // Torn alone, and the topic before settles it on an entry that names none of the question's own
  // topics: the topic before spoke, not the question ("do we need kubernetes for 3 containers lol"
  // after "what is a microvm?" got the microVMs entry, a blind trial's). Its own offers stay.
  if (reason === "ambiguous" && topics.length > 0 && !names(combined.entry))
    return { outcome: alone, matched: question };
  if (
    reason === "continues" &&
    alone.kind === "answer" &&
    !alone.unsure &&
    names(alone.entry) &&
    !names(combined.entry)
  )
    return { outcome: alone, matched: question };
  return { outcome: combined, matched, followUp: { of: previous, reason }, alone };
}

/**
 * The question answered as if it named a subject word (the conversation gives it one), when the
 * model gives an entry other than the one before at least FOLLOW_UP.minInSubject.
 */
function answeredInSubject(
  asker: Pick<Asker, "ask">,
  words: QuestionWords,
  question: string,
  previous: Answerable,
  alone: AskOutcome,
): Resolution | undefined {
  const inSubject = asker.ask(question, true);
  if (inSubject.kind !== "answer" || inSubject.entry.id === previous.id) return undefined;
  if (inSubject.confidence < FOLLOW_UP.minInSubject) return undefined;
  // The topic word as written is the entry's too, not only its stem: "what about my manager?" is
  // no question about managed services (a second review's).
  if (!namesTopicOf(inSubject.entry, question, words)) return undefined;
  return { outcome: inSubject, matched: question, followUp: { of: previous, reason: "no-subject" }, alone };
}

/**
 * Does a question name, as written, a topic word of the entry (a word rare enough across entries,
 * FOLLOW_UP.topicRarity, in its phrasings, keywords or answer)? "what would my team need to learn"
 * does for the capabilities a team needs; "how long would that take?" for start-up times does not.
 */
export function namesTopicOf(entry: Answerable, question: string, words: QuestionWords): boolean {
  const written = new Set(
    rawWords(`${entry.phrasings.join(" ")} ${entry.keywords.join(" ")} ${entry.answer}`).map(singular),
  );
  const topics = rawWords(question).filter((w) => {
    const [stem] = words.stems(w);
    return stem !== undefined && words.rarity(stem) >= FOLLOW_UP.topicRarity;
  });
  return topics.some((w) => written.has(singular(w)));
}

/** A word without a plural "s" ("skills" and "skill" are one). */
const singular = (w: string) => (w.length > 3 ? w.replace(/s$/, "") : w);

/** Nothing but asking why: "why?", "how so?", "how come?", "why is that?", "but why". */
const ASKS_WHY =
  /^(?:(?:and|but|so|ok|okay|hmm)\s)?(?:why|how so|how come)(?:\s(?:is|was)\s(?:that|it)|\sthat|\sso)?$/;
/**
 * Asking whether what was said holds, in rawWords' spelling: "is that right?", "are you sure?",
 * "really?", also with a doubt after it ("are you sure? that seems wrong", a blind trial's was
 * declined as not covered).
 */
const CHECKS_IT =
  /^(?:(?:and|but|so|ok|okay|hmm|wait|um)\s)?(?:(?:is|was)\s(?:that|it|this)\s(?:right|true|correct|so|accurate)|(?:are\s)?(?:you|u)\s(?:sure|certain)|really)(?:\s(?:that|this|it)\s(?:seems|sounds|looks)\s(?:wrong|off|odd|weird|strange|backwards|too\s\w+)|\s(?:seems|sounds)\s(?:wrong|off|odd|weird|strange))?$/;

/** A question about the previous answer itself ("source?", "tl;dr?"): that entry, by the context alone. */
function aboutPrevious(previous: Answerable, question: string, reason: FollowUpReason): Resolution {
  return {
    outcome: { kind: "answer", entry: previous, confidence: 1 },
    matched: question,
    followUp: { of: previous, reason },
  };
}

/** The entry a question got alone, answered or first offered. */
function offeredAlone(alone: AskOutcome): Answerable[] {
  return alone.kind === "answer" ? [alone.entry] : alone.kind === "no-match" ? alone.suggestions : [];
}

/** "example?", "any examples?", "can you give an example of that?": an example, and nothing else. */
export function asksForExample(question: string): boolean {
  return /^(?:(?:ok|okay|so|and|hmm|any|got|have|can|could|you|u|give|me|us|show|some|pls|please)\s+)*(?:an?\s+)?(?:example|examples|eg)(?:\s+(?:pls|please|plz|of\s+(?:that|it|this|one)))?$/.test(
    rawWords(question).join(" "),
  );
}

/** Words of acknowledgement before a connective: "ok and for VMs?" (blind trial 18's got the VM definition). */
const ACKNOWLEDGEMENTS = new Set([
  "ok",
  "okay",
  "k",
  "kk",
  "cool",
  "right",
  "alright",
  "hmm",
  "yeah",
  "got",
  "gotcha",
]);
/** Where the connective a question opens with stands, after acknowledgements, or -1. */
const connectiveAt = (raw: string[]) => {
  let at = 0;
  while (ACKNOWLEDGEMENTS.has(raw[at] ?? "") || (raw[at - 1] === "got" && raw[at] === "it")) at++;
  return (FOLLOW_UP.connectives as readonly string[]).includes(raw[at] ?? "") ? at : -1;
};
/** Does a question (its raw words) open with a connective: "and for VMs?", "so how long", "ok and …"? */
const opensWithConnective = (raw: string[]) => connectiveAt(raw) >= 0;
/**
 * Does it open with "what about" or "how about" (after a connective): it asks the same of
 * something else, so the conversation gives it its subject ("what about the people side, like
 * skills?"), up to FOLLOW_UP.maxWords content words instead of FOLLOW_UP.shortQuestion.
 */
const asksAbout = (raw: string[]) => {
  const at = connectiveAt(raw) + 1;
  return (raw[at] === "what" || raw[at] === "how") && raw[at + 1] === "about";
};
/**
 * A question about what was just answered: "is that secure?", "does it scale?", "how secure is
 * that?"; or which of the sides it weighs is so: "and which is faster?" after the rollback answer
 * (a blind trial's got the application-performance answer).
 */
const YES_NO_ABOUT_IT =
  /^(?:(?:and|so|but|ok|okay)\s+)*(?:(?:(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have)|how\s+\w+\s+(?:is|are))\s+(?:it|that|this|they|those|these|its)|which(?:\s+one)?\s+(?:is|are|would\s+be|gets|does))\b/;
/** A comparison, which the other thing's own entry answers: "is that the same as helm?", "is it like a vm?". */
const COMPARES = /\b(?:same|like|compare|compared|better|worse|different|differ|vs|versus|than)\b/;
/** Does it use a word that points back: "is that safe?", "how long does it take?"? */
const pointsAt = (raw: string[]) => raw.some((w) => (FOLLOW_UP.pointers as readonly string[]).includes(w));

/** Are a question's content stems one of `key` at least, and else only `others`? */
function onlyOf(
  words: QuestionWords,
  own: string[],
  key: readonly string[],
  others: readonly string[],
): boolean {
  const keys = stemsOf(words, key);
  const rest = stemsOf(words, others);
  return own.some((s) => keys.has(s)) && own.every((s) => keys.has(s) || rest.has(s));
}

/** The stems of a word list of FOLLOW_UP, worked out once per QuestionWords (every question asks). */
const listStems = new WeakMap<QuestionWords, Map<readonly string[], Set<string>>>();
function stemsOf(words: QuestionWords, list: readonly string[]): Set<string> {
  let byList = listStems.get(words);
  if (!byList) {
    byList = new Map();
    listStems.set(words, byList);
  }
  let stems = byList.get(list);
  if (!stems) {
    stems = new Set(words.stems(list.join(" ")));
    byList.set(list, stems);
  }
  return stems;
}
