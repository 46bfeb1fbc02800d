import { z } from "zod";
import { ANSWER_KEYS } from "../core/decision/contract.ts";

/** Ids are kebab-case so they read well in logs, button values and URLs. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case: lowercase letters, digits and single dashes");

export const sourceSchema = z.strictObject({
  doc: z
    .string()
    .regex(/^\d{3}_[0-9a-f]+\.txt$/, "must be a seed file name such as 000_37885c9a698fb19c.txt"),
  section: z.string().min(3),
});

const sources = z.array(sourceSchema).min(1, "every claim needs at least one source");

/** One seed document: its file name, and how the bot names it when citing. */
export const documentSchema = z.strictObject({
  doc: sourceSchema.shape.doc,
  /** The title the document gives itself; absent when it has none (001). */
  title: z.string().min(3).optional(),
  short: z.string().min(2).max(40),
  sectioning: z.enum(["headings", "paragraphs"]),
});

export const faqEntrySchema = z.strictObject({
  id: idSchema,
  topic: idSchema,
  question: z.string().min(8).max(200),
  alternates: z.array(z.string().min(2).max(200)).min(4, "needs at least 4 alternate phrasings"),
  // The first sentence must answer the question on its own.
  answer: z.string().min(20).max(700),
  details: z.string().min(20).max(2500),
  sources,
  related: z.array(idSchema).default([]),
  // Words that should lead here even though they appear in no phrasing (rare; prefer alternates).
  keywords: z.array(z.string().min(2)).default([]),
  // The side an entry says when to choose (a lexicon.yaml `sides` name): of two entries that say
  // when to choose opposite sides, the one a question asks for by its order ("containers instead
  // of VMs") answers it (matcher/preference.ts).
  favours: z.string().min(1).optional(),
  // The checklist questions (checklist.yaml keys) the entry's subject bears on: asked after a
  // recommendation that answered one, the answer adds what that answer meant for the pick ("where
  // does the database go?" after a mixed platform: data on VMs).
  bearsOn: z.array(z.enum(ANSWER_KEYS)).default([]),
});

export const topicSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(3).max(60),
  description: z.string().min(10).max(300),
});

export const compareAspectSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(2).max(40),
  // The one-line contrast the compact `compare` table shows.
  short: z.strictObject({ vms: z.string().min(3).max(60), containers: z.string().min(3).max(60) }),
  aliases: z.array(z.string().min(2)).default([]),
  vms: z.string().min(3).max(400),
  containers: z.string().min(3).max(400),
  note: z.string().max(600).optional(),
  sources,
});

export const mythSchema = z.strictObject({
  id: idSchema,
  myth: z.string().min(8).max(160),
  verdict: z.enum(["false", "partly true", "misleading"]),
  summary: z.string().min(20).max(500),
  entry: idSchema,
  sources,
});

export const glossaryTermSchema = z.strictObject({
  id: idSchema,
  term: z.string().min(2).max(60),
  // How the term is asked about in titles and buttons ("What is Kubernetes?"); default "What is <term>?".
  question: z.string().min(5).max(120).optional(),
  aliases: z.array(z.string().min(2)).default([]),
  definition: z.string().min(20).max(600),
  sources,
  related: z.array(idSchema).default([]),
  /**
   * People name it in passing ("a Dockerfile", "the compose file", "our registry"): an answer
   * that does not speak of it leaves no gap worth saying (ask.ts uncoveredOf).
   */
  inPassing: z.boolean().default(false),
});

/** Words the matcher treats as the same: abbreviations, synonyms, product names. */
/** A lexicon's one-word subject terms (domainTerms and generalTerms), lowercased. */
export function oneWordSubjectTerms(l: { domainTerms: string[]; generalTerms: string[] }): Set<string> {
  return new Set(
    [...l.domainTerms, ...l.generalTerms].map((t) => t.toLowerCase()).filter((t) => !/\s/.test(t)),
  );
}

/** Is a word one of those terms, or a plural of one ("kernels", "patches")? */
export function isSubjectTerm(terms: ReadonlySet<string>, word: string): boolean {
  return terms.has(word) || terms.has(word.replace(/e?s$/, ""));
}

/** lexicon.yaml failureReports: the phrases that report a failure, and the words that narrow them. */
const failureReportsSchema = z.strictObject({
  phrases: z.array(z.string().min(2)),
  notBefore: z.array(z.string().min(1)),
  hypothetical: z.array(z.string().min(1)),
  when: z.array(z.string().min(1)),
  firstPerson: z.array(z.string().min(1)),
  relatives: z.array(z.string().min(1)),
  pointers: z.array(z.string().min(1)),
  debugging: z.array(z.string().min(1)),
});
export type FailureReportLists = z.infer<typeof failureReportsSchema>;

export const lexiconSchema = z
  .strictObject({
    // "k8s" -> "kubernetes"; a value may be several words ("vm" -> "virtual machine").
    synonyms: z.record(z.string().min(1), z.string().min(1)),
    // Words that carry no topic (how, what, we, should ...).
    stopwords: z.array(z.string().min(1)),
    // Words that never make a question in scope on their own (good, best, use ...).
    weakwords: z.array(z.string().min(1)).default([]),
    definitionCues: z.array(z.string().min(1)).default([]),
    domainTerms: z.array(z.string().min(1)).min(1),
    // Subject words that chats use for much else too ("patch", "ci", "database"): alone they make a
    // question ours only when the model is sure (params.ts decide.generalWordsOnly).
    generalTerms: z.array(z.string().min(1)).default([]),
    // Questions about something else entirely, written by us: the matcher learns an off-topic
    // class from them, so "optimize this sql query" is declined though "sql" is a known word.
    offTopic: z.array(z.string().min(1)).default([]),
    // A subject word's other senses: two words as written, one of them a one-word domain or
    // general term ("virtual functions", "neural network", "rbf kernel"). That occurrence of the
    // subject word does not make a question ours.
    otherSenses: z.array(z.string().min(3)).default([]),
    // Products and tools of our subject that none of the five documents names (gVisor, Proxmox),
    // one word each, as they are written: an answer to a question naming one says that the
    // documents never mention it (a test checks every name against the documents and answers).
    // A name: one word (hyphens allowed), or a phrase of such words ("live migration").
    notInDocuments: z
      .array(z.string().regex(/^[\p{L}\p{N}]+(?:[- ][\p{L}\p{N}]+)*$/u, "words and hyphens"))
      .default([]),
    // Words that frame a question ("difference between X and Y", "pros and cons"), as written:
    // the exact-word scoring (src/core/matcher/lexical.ts) ignores them, so the one entry whose
    // phrasings use them does not pull every question framed that way.
    framingWords: z.array(z.string().regex(/^[a-z]+$/, "one lower-case word")).default([]),
    // How the answer should be said, not what it is about ("in plain english", "eli5"): left out of
    // a question before it is matched (src/core/ask.ts withoutStyle), as whole words.
    styleRequests: z.array(z.string().min(2)).default([]),
    // A report of something failing ("X not working", "it throws this error"): offered, never
    // answered (src/core/failureReport.ts says how the other lists narrow it). Without it, none is.
    failureReports: failureReportsSchema.optional(),
    // What marks an answer's drawback, as written, matched as whole words: in the bold label of a
    // detail point ("- **The catch:** …") or in a sentence of the answer ("The catch is that …").
    // "what's the catch?" right after an answer quotes those (src/core/replies/facets.ts).
    caveatMarks: z
      .strictObject({ labels: z.array(z.string().min(2)), sentences: z.array(z.string().min(2)) })
      .default({ labels: [], sentences: [] }),
    // The sides our comparisons are between, each as a reply names it and as people write it:
    // "and for VMs?" after a question about containers asks that question about VMs.
    sides: z
      .array(z.strictObject({ as: z.string().min(1), words: z.array(z.string().min(1)).min(1) }))
      .default([]),
    // How a question asks for one side or against it, by word order (matcher/preference.ts).
    preference: z
      .strictObject({
        /** Between two sides: the first is asked for ("containers instead of VMs"). */
        over: z.array(z.string().min(2)).default([]),
        /** Right before a side named alone: it is asked against ("when not to use containers"). */
        against: z.array(z.string().min(2)).default([]),
        /** Right after a side named alone: it is asked against ("when are VMs a bad idea"). */
        badAfter: z.array(z.string().min(2)).default([]),
      })
      .default({ over: [], against: [], badAfter: [] }),
  })
  .superRefine((l, ctx) => {
    // A word is ours or general, never both: the general tier would silently not apply.
    const ours = new Set(l.domainTerms.map((t) => t.toLowerCase()));
    l.generalTerms.forEach((t, i) => {
      if (ours.has(t.toLowerCase()))
        ctx.addIssue({ code: "custom", path: ["generalTerms", i], message: `"${t}" is in domainTerms too` });
    });
    const subject = oneWordSubjectTerms(l);
    const stopwords = new Set(l.stopwords);
    l.otherSenses.forEach((phrase, i) => {
      const words = phrase.toLowerCase().split(/[\s-]+/);
      const problem =
        words.length !== 2
          ? "must be two words"
          : words.filter((w) => isSubjectTerm(subject, w)).length !== 1
            ? "must have exactly one one-word domain or general term"
            : words.some((w) => stopwords.has(w))
              ? "has a stopword, which is never beside anything"
              : undefined;
      if (problem)
        ctx.addIssue({ code: "custom", path: ["otherSenses", i], message: `"${phrase}" ${problem}` });
    });
  });

const sentence = z.string().min(5);
/** Button labels: Slack shows at most 75 characters. */
const label = z.string().min(1).max(75);

/** Commands said in plain words ("help me decide"): each intent's phrasings train a class of its own. */
export const intentsSchema = z.strictObject({
  checklist: z.array(z.string().min(1)).min(8),
  /** A description of the asker's own situation that asks what to choose: `recommend`. */
  recommend: z.array(z.string().min(1)).min(8),
});
export type IntentId = keyof z.infer<typeof intentsSchema>;

/** The bot's own copy that is not guidance: greetings, help, declines, errors, walkthrough cards. */
export const responsesSchema = z.strictObject({
  greeting: z.strictObject({ patterns: z.array(z.string().min(1)), reply: z.string().min(5) }),
  thanks: z.strictObject({ patterns: z.array(z.string().min(1)), reply: z.string().min(5) }),
  // "what can't you do?", "can you answer in spanish?": what the bot does not do, and what it does.
  limits: z.strictObject({ patterns: z.array(z.string().min(1)), reply: z.string().min(5) }),
  // "please keep answers short" and "full answers again": answers in short from then on, or in full.
  shortAnswers: z.strictObject({
    patterns: z.array(z.string().min(1)),
    reply: z.string().min(5),
    // Said to `vmvc ask`, which answers each question on its own: nothing is kept to apply.
    notKept: z.string().min(5),
    // Beside the answer to a question asked with the request ("keep answers short, what is a microVM?").
    keptBeside: z.string().min(5),
  }),
  fullAnswers: z.strictObject({
    patterns: z.array(z.string().min(1)),
    reply: z.string().min(5),
    // Said when answers were full already: nothing to go back from.
    already: z.string().min(5),
    // Said to `vmvc ask`, which answers in full unless a question asks for one line.
    notKept: z.string().min(5),
  }),
  acknowledgement: z.strictObject({
    patterns: z.array(z.string().min(1)),
    // Words a greeting, thanks or acknowledgement may come with ("thanks, that helps").
    courtesyWords: z.array(z.string().min(1)),
    reply: z.string().min(5),
  }),
  help: z.strictObject({
    // Whole messages that mean "what can you do?" as well as the `help` command.
    patterns: z.array(z.string().min(1)),
    intro: z.string().min(5),
    commands: z
      .array(z.strictObject({ usage: z.string(), description: z.string(), example: z.string() }))
      .min(1),
  }),
  // "what are your sources?" asked of the bot, not of an answer: the five documents.
  documents: z.strictObject({
    // Whole messages only: "what are your sources for that?" asks for the last answer's sources.
    patterns: z.array(z.string().min(1)),
    intro: z.string().min(5),
    /** A document with no title of its own: {short} our name for it. */
    untitled: z.string().includes("{short}"),
    /** After the list: how answers cite them. */
    cited: z.string().min(5),
  }),
  decline: z.strictObject({
    noMatch: z.string().min(5),
    // "Did you mean" for a question naming no word of our subject that the matcher is sure of.
    noSubjectMatch: z.string().min(5),
    // The same in a conversation on our subject ("whats the first step concretely" after an answer).
    noSubjectMatchInConversation: z.string().min(5),
    /** A request to write code, a config or verse: not what the bot does. */
    cannotWrite: z.string().min(5),
    failureReport: z.string().min(5),
    outOfScope: z.string().min(5),
    // A question in our subject's words that the documents do not answer ("live migration").
    notCovered: z.string().min(5),
    notCoveredGeneral: z.string().min(5),
    tooLong: z.string().min(5),
    // Before an answer to one sentence of a longer message; {part} is that sentence.
    answeredPart: z.string().min(5),
    // Before "did you mean" or a decline for a question naming products the documents never
    // mention (lexicon notInDocuments); {names}: those products.
    notInDocuments: z.string().min(5).includes("{names}"),
    // A decline of a question naming such products, in one sentence (not the line above and a
    // decline that says the same again); {names}: those products.
    notCoveredNamed: z.string().min(5).includes("{names}"),
    // "do the docs say anything about X?" where X alone is declined: a plain no (coverage.ts).
    notDiscussed: z.string().min(5),
  }),
  // What an intent (intents.yaml) says where it cannot be acted on directly (the CLI).
  intents: z.strictObject({
    checklist: z.string().min(5),
    checklistButton: z.string().min(2),
    recommend: z.string().min(5),
  }),
  errors: z.strictObject({
    internal: sentence,
    storeUnavailable: sentence,
    staleAction: sentence,
    walkthroughFinished: sentence,
    /** "cancel" or "back" typed in a finished checklist's thread. */
    typedInFinished: sentence,
    walkthroughCancelled: sentence,
    walkthroughMissing: sentence,
    unknownEntry: sentence,
    unknownAspect: sentence,
    emptyQuestion: sentence,
    rateLimited: sentence,
    unreadableButton: sentence,
    textOnly: sentence,
    /** {max}: the longest message accepted, in characters. */
    messageTooLong: sentence,
    notInChannel: sentence,
    archivedChannel: sentence,
    statsRefused: sentence,
  }),
  /** {question}: the canonical question of the entry an answer gives, shown above it. */
  answer: z.strictObject({
    subtitle: z.string().min(5).includes("{question}"),
    /** Said above an unsure answer (below matcher params.decide.sure), whose runner-ups follow it. */
    bestGuess: sentence,
    /** Said above an unsure answer that has no runner-ups to offer. */
    bestGuessAlone: sentence,
    /** Above an answer to a question asking for a price (ask.ts asksForPrice). */
    noPrices: sentence,
    /** Above an answer to a question asking for exact figures (facets.ts asksForFigures). */
    noFigures: sentence,
    /** The label of those runner-ups. */
    alternatives: label,
    /** {names}: products the question names that the documents never mention (lexicon notInDocuments). */
    notInDocuments: z.string().min(5).includes("{names}"),
    /**
     * {names}: terms of ours the question names that the answer never speaks of ("can firecracker
     * do gpu passthrough?" answered on GPUs; ask.ts uncoveredOf).
     */
    notTogether: z.string().min(5).includes("{names}"),
    /** The label of the buttons to those terms' own answers. */
    onTheirOwn: label,
    /** Before the first sentence of an answer asked for in short ("one line please: …"). */
    inShort: label,
    /** The button under it that shows the whole answer. */
    wholeAnswer: label,
  }),
  feedback: z.strictObject({ up: sentence, down: sentence, alreadyRated: sentence }),
  /** Slack's assistant view (optional, paid plans): greeting, suggested prompts and the status line. */
  assistant: z.strictObject({
    greeting: sentence,
    promptsTitle: label,
    /** Slack shows at most four suggested prompts. */
    prompts: z
      .array(z.strictObject({ title: label, message: z.string().min(5).max(1000) }))
      .min(3)
      .max(4),
    /** Shown as "vmvc {status}" while the answer is being prepared. */
    status: z.string().min(3).max(100),
  }),
  /** {question}: the canonical question of the entry a follow-up was resolved against. */
  followUp: z.strictObject({
    following: z.string().min(5).includes("{question}"),
    // A follow-up that comes back to the answer just given ("why?" after it): that answer is
    // not repeated; this says so, under `following` and over its sources and related questions.
    sameAnswer: sentence,
    nothingMore: sentence,
    noExample: sentence,
    contestedDisagree: sentence,
    /** Before the points of the answer above that a follow-up taken back to it asks about. */
    onThat: sentence,
    /** A follow-up asking for figures the documents do not give ("exact numbers?"). */
    noFigures: sentence,
    /** A caveat question ("what's the catch?") of an answer whose details have no point of what gets harder. */
    noCatch: sentence,
    showAgain: label,
    // "source?" after an answer: over that answer's sources.
    sources: sentence,
    // "that's wrong, …" after an answer: that the bot only reports the documents, over its sources.
    contested: sentence,
    claim: z.string().min(5).includes("{question}"),
    strongestSources: sentence,
    // "tl;dr?" after an answer: over that answer's first sentence.
    simpler: sentence,
    // "give me 3 bullets" after an answer: over its points, each in short.
    bullets: sentence,
    verdict: sentence,
    verdictChecklist: sentence,
    // An answer bearing on a checklist answer of the recommendation shown (faq `bearsOn`): that
    // answer and what it meant for the pick.
    inYourCase: z.string().min(5).includes("{title}").includes("{answer}").includes("{reason}"),
    // A bare "why?" after an answer: over the reasons that answer gives (its details).
    reasons: sentence,
    /** "which one is right?" after an answer whose documents disagree, over the points where they do. */
    whichIsRight: sentence,
    /** The same after an answer where they do not. */
    noDisagreement: sentence,
    // "why?" after a recommendation: {title}, the recommendation's.
    recommendation: z.string().min(5).includes("{title}"),
    whatIf: z.string().min(5).includes("{title}").includes("{own}"),
    whatIfSame: z.string().min(5).includes("{title}"),
    gettingThere: z.string().min(5).includes("{title}"),
    noWayThere: z.string().min(5).includes("{title}"),
    gettingThereInstead: z.string().min(5).includes("{title}"),
    whatIfOwnOpen: z.string().min(5).includes("{title}"),
    // "what would change it?" when no single answer would.
    noPivot: sentence,
    // "what would change it toward X?" when X is the pick already.
    alreadyPicked: sentence,
    // "what's the catch?" about a recommendation whose answers raise no caveat.
    noCaveats: sentence,
    // "why?", "source?" with no answer before it to follow up on.
    nothingBefore: sentence,
    // "what would change it?" with no recommendation shown.
    noRecommendation: sentence,
  }),
  /** "Not what I asked": the button, the reply that offers the next best answers, and its label. */
  correction: z.strictObject({
    button: label,
    prompt: sentence,
    choicesLabel: label,
    noOthers: sentence,
    expired: sentence,
  }),
  /** {name}: who shared; {question}: the shared answer's question. */
  share: z.strictObject({ answerShared: sentence }),
  walkthrough: z.strictObject({
    /** {name}: who started it; {count}: how many questions. */
    started: sentence,
    startedSummary: sentence,
    alreadyRunning: sentence,
    /** {n} of {total}. */
    progress: sentence,
    skip: label,
    back: label,
    restart: label,
    cancel: label,
    continue: label,
    skipped: label,
    /** {choice}: the chosen answer; {name}: who chose it. */
    answeredBy: sentence,
    wentBack: sentence,
    restarted: sentence,
    cancelled: sentence,
    deliveryFailed: sentence,
    summaryShared: sentence,
    summaryTitle: label,
    /** {questions}: the titles of the questions left unanswered. */
    notAnswered: sentence,
    shareSummary: label,
    startNew: label,
    /** {count}: citations left out of a shortened list. */
    moreSources: sentence,
    answer: label,
    /** A walkthrough filled in from a description ({name}, {count}: questions it asks). */
    startedPrefilled: sentence,
    /** Beside an answer taken from the description on the final card. */
    fromDescription: label,
    /** A typed message in a walkthrough's thread that the bot cannot answer ("frequent"). */
    typedInThread: sentence,
    /** "what does that mean?" in a walkthrough's thread: {question} its title, {prompt}, {help}. */
    explainQuestion: sentence,
    /** Under an answer read from a typed sentence: {words} the words it was read from, {back} the Back button. */
    readFromWords: sentence,
    /** On the final card, beside a question this walkthrough never asked (it asked only some). */
    notAsked: label,
    /** The same for the last question, after which no Back follows ({words}). */
    readFromWordsLast: sentence,
    /** A sentence typed in the thread that reads as two answers to the current question ({question}). */
    readBothInThread: sentence,
    /** The answer before the current question changed by a typed correction ({name}, {question}, {before}, {after}, {words}). */
    correctedPrevious: sentence,
  }),
  compare: z.strictObject({
    heading: label,
    intro: sentence,
    allHeading: label,
    /** The aspects the short `compare` table shows (ids from compare.yaml). */
    keyAspects: z.array(idSchema).min(6).max(8),
    columns: z.strictObject({ aspect: label, vms: label, containers: label }),
    pick: label,
    placeholder: label,
    everything: label,
    /** {aspect}: the aspect's name. */
    aspectHeading: label,
    /** {aspect}, {vms}, {containers}: the notification text of one aspect's comparison. */
    aspectSummary: sentence,
  }),
  topics: z.strictObject({
    intro: sentence,
    /** {topic}: the topic name someone typed that matches none. */
    unknown: sentence,
    questions: label,
  }),
  ui: z.strictObject({
    /** {count}: how many citations were left out. */
    moreSources: sentence,
    show: label,
    helpful: label,
    related: label,
    browseTopics: label,
    help: label,
    startChecklist: label,
    readMore: label,
    mythsHeading: label,
    askMe: label,
    shareInChannel: label,
  }),
  /** The Slack App Home tab. */
  home: z.strictObject({
    header: label,
    intro: sentence,
    start: label,
    topics: label,
    myths: label,
    compare: label,
    quickNote: sentence,
    recentHeading: label,
    none: sentence,
    line: sentence,
    today: label,
    yesterday: label,
    daysAgo: label,
    inDm: label,
    active: label,
    finished: label,
    cancelled: label,
  }),
  /** `recommend <description>`: what was understood, and the pre-filled walkthrough. */
  situation: z.strictObject({
    heading: sentence,
    /** {value}: the answer's label; {words}: the description's words behind it. */
    understood: sentence,
    nothingUnderstood: sentence,
    /** {questions}: titles of the questions the description answered both ways. */
    conflicts: sentence,
    describe: sentence,
    /** {count}: open questions. */
    refine: label,
    refineOne: label,
    changeLabel: label,
    /** "what if …?" after a recommendation: the heading, and whether it stays ({title}) or moves ({before} to {title}). */
    whatIfHeading: label,
    /** A correction after a recommendation ("you missed that …"), decided again. */
    correctedHeading: label,
    whatIfSame: z.string().min(5).includes("{title}"),
    /** A what-if after another: it is weighed against the team's own answers, not that one's. */
    whatIfFromOwn: z.string().min(5),
    whatIfChanged: z.string().min(5).includes("{before}").includes("{title}"),
    /** A "what if …?" that changes no answer the reader can tell and is no question it can answer. */
    whatIfNothing: sentence,
    // "what if we had to pass SOC 2?" where the answers are stricter already ({questions}).
    whatIfCovered: sentence,
    correctionNothing: sentence,
    /** {answers}: what a statement told of the team while a recommendation stands that it did not change yet. */
    toldNoted: z.string().min(5).includes("{answers}"),
    /** {questions}: the checklist's titles, for a statement of the team that gives none of its answers. */
    toldNothing: z.string().min(5).includes("{questions}"),
    /** "start over", "forget all that": what was told and recommended is forgotten. */
    startedOver: sentence,
    /** {question}: a question named in a change request whose new option could not be read ("set isolation to strict"). */
    changeUnread: z.string().min(5).includes("{question}"),
    /** {question}: the title of the question to answer again. */
    change: label,
    /** {command}: a `decide` command line with the understood answers (the CLI has no buttons). */
    changeInTerminal: sentence,
    /** Under a question not answered that describes the asker's own situation and asks what to choose. */
    checklistFromHere: sentence,
  }),
});

export type Source = z.infer<typeof sourceSchema>;
export type DocumentInfo = z.infer<typeof documentSchema>;
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type Topic = z.infer<typeof topicSchema>;
export type CompareAspect = z.infer<typeof compareAspectSchema>;
export type Myth = z.infer<typeof mythSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Lexicon = z.infer<typeof lexiconSchema>;
export type Responses = z.infer<typeof responsesSchema>;
export type Intents = z.infer<typeof intentsSchema>;
