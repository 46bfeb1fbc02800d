import { createHash, randomUUID } from "node:crypto";
import type { Knowledge } from "../knowledge/load.ts";
import { type StateStore, StoreUnavailableError } from "../store/store.ts";
import { ConflictError } from "../store/update.ts";
import type { Action } from "./action.ts";
import type { Answerable } from "./answerable.ts";
import { AnswerLengths } from "./answerLength.ts";
import { type AskOutcome, type ExplainSink, offeredBy } from "./ask.ts";
import { AskedQuestions } from "./asked.ts";
import { briefRequest, lengthAskedAhead } from "./brief.ts";
import { coverageOutcome } from "./coverage.ts";
import { type AnswerKey, isRecommendationId, type RecommendationId } from "./decision/contract.ts";
import { type Decision, decide, parseAnswers, reasonOfAnswer } from "./decision/index.ts";
import { Delivery, type DeliveryLog } from "./delivery/deliver.ts";
import type { DeliveryPort } from "./delivery/port.ts";
import { DEFAULT_RETRY, type RetryPolicy, realSleep, type Sleep } from "./delivery/retry.ts";
import { fill } from "./fill.ts";
import {
  aboutRecommendation,
  askedOfIt,
  asksForCaveats,
  asksForExample,
  asksForTheOriginal,
  asksForTheRecommendation,
  asksGivenWhatWasSaid,
  asksHowToGetThere,
  asksRunnerUp,
  asksSimplerSayingWhy,
  asksWhatNow,
  asksWhatToUse,
  asksWhichOne,
  bulletsAsked,
  contests,
  correction,
  describesAnotherPart,
  FOLLOW_UP,
  type FollowUpContext,
  FollowUpContexts,
  forgetting,
  introducesItself,
  leansOnConversation,
  mentionsRecommendation,
  namesOurSubject,
  namesTopicOf,
  plainAmendment,
  pointsAtTheRecommendation,
  pointsBack,
  pushesBack,
  type QuestionWords,
  type RecommendationQuestion,
  removalWords,
  replacedIn,
  resolve,
  type ShownRecommendation,
  saidOfTheTeam,
  saysNothingElse,
  speaksAsTheTeam,
  speaksOfAnother,
  speaksOfTheRecommendation,
  supposition,
  type ToldAnswers,
  tellsOfTheSystem,
  toldAsItIs,
  toldOfTheTeam,
  WHY_OPENERS,
  WHY_OPENING_WORDS,
} from "./followUp.ts";
import { Insights } from "./insights.ts";
import { rawWords } from "./matcher/text.ts";
import { buildQuestionAnswering, type QuestionAnswering } from "./questions.ts";
import { RateLimiter } from "./rateLimit.ts";
import { RecentAnswers } from "./recentAnswers.ts";
import { mention } from "./render/inline.ts";
import {
  answerReply,
  askReply,
  briefReply,
  bulletsReply,
  claimReply,
  contestedReply,
  disagreementReply,
  firstSentence,
  helpReply,
  noRecommendationReply,
  nothingBeforeReply,
  reasonsReply,
  sameAnswerReply,
  simplerReply,
  sourcesReply,
  unnamedLine,
  verdictReply,
} from "./replies/answers.ts";
import {
  aspectNamedAlone,
  type BrowseContext,
  compareReply,
  mythsReply,
  topicsReply,
} from "./replies/browse.ts";
import { button, reply } from "./replies/common.ts";
import { CORRECTION_CHOICES, correctionReply } from "./replies/correction.ts";
import { asksForFigures, pointsAsked } from "./replies/facets.ts";
import type { Part, Reply } from "./reply.ts";
import { type Command, parseCommand } from "./router.ts";
import { combinedReading } from "./situation/combine.ts";
import type { Reading, UnderstoodAnswers } from "./situation/extract.ts";
import { Situations } from "./situation/situations.ts";
import { computeStats, statsReply } from "./stats.ts";
import { mayReadStats, NO_STATS_ACCESS, type StatsAccess } from "./statsAccess.ts";
import type { Turn } from "./turn.ts";
import { bareYesOrNo, CHANGE_OPENINGS, CHANGE_VERBS } from "./walkthrough/choiceWords.ts";
import {
  caveatsPart,
  recommendationFollowUpParts,
  recommendationSources,
  shortLabel,
  strongestSources,
} from "./walkthrough/recommendationCard.ts";
import type { WalkthroughState } from "./walkthrough/state.ts";
import { addressesSomeoneElse, asksSomething, statesAsSentence } from "./walkthrough/statement.ts";
import { DEFAULT_SHOW_LEASE_MS, Walkthroughs } from "./walkthrough/walkthroughs.ts";

export interface BotDeps {
  knowledge: Knowledge;
  store: StateStore;
  now?: () => number;
  newId?: () => string;
  /** Turns per user per minute (RATE_LIMIT_PER_MINUTE); unset = no limit. */
  rateLimitPerMinute?: number;
  /** Gets the matcher's explanation of every question (the server logs it at debug level). */
  onExplain?: ExplainSink;
  /** Who may read `stats` on Slack and Teams; unset = nobody there (the CLI and playground may). */
  statsAccess?: StatsAccess;
  /** How the delivery loop retries failed platform calls; tests make it fast. */
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
  log?: DeliveryLog;
  /** How long the process posting a walkthrough card has it before a stale press may post it. */
  showLeaseMs?: number;
}

/**
 * A what-if that adds to the one before it: "and if we deployed daily?", "what
 * if we also deployed daily?", "… on top of that", "… spiky too?" (not "too small").
 */
const ADDS_TO_SUPPOSITION =
  /^\s*(?:(?:ok|okay|hmm+|so|right|alright)[\s,]+)*(?:and|plus|also)\b|\b(?:also|as well|on top of (?:that|this|it)|in addition|additionally)\b|\btoo\s*[?.!]*\s*$/i;
/**
 * A request to change an answer by name: "change orchestration appetite to medium", "pls set
 * compliance to strict", "hey, change compliance to none", "treat compliance as strict"
 * (choiceWords' openings and verbs), or "make isolation hard" in a few words (not "make a version
 * where compliance is strict", an independent review's).
 */
const CHANGE_REQUEST = new RegExp(
  // ("No. Change platform maturity to medium.": an opening closed by a full stop too, blind trial 22's.)
  String.raw`^\s*(?:${CHANGE_OPENINGS}[\s,.!;:-]+)*(?:${CHANGE_VERBS}[\s:]+[\w\s/-]{2,40}?\s+(?:to|as|=)\s+\S|make\s+(?:the\s+)?(?:[\w-]+\s+){1,3}[\w-]+[\s.!]*$)`,
  "i",
);
const quiet: DeliveryLog = { warn: () => {}, error: () => {} };
/** How many of a recommendation's reasons its short version gives. */
const SHORT_REASONS = 2;
/** Asks for the few sources that back a recommendation most ("which 2-3 docs back it most strongly?"). */
const ASKS_FEW_SOURCES =
  /\b(?:most|strongest|strongly|best|main|key|top|primary|two|three|couple|few|handful)\b|\b[1-3]\s*(?:-\s*[2-4]\s*)?(?:docs?|documents?|sources?|sections?)\b/i;

/** The entries answered before `id` here, most recent first, for FollowUpContext.earlier. */
function earlierThan(context: FollowUpContext | undefined, id: string): FollowUpContext["earlier"] {
  if (!context) return [];
  const last = { entryId: context.entryId, ...(context.asked !== undefined ? { asked: context.asked } : {}) };
  return [last, ...(context.earlier ?? [])].filter((e) => e.entryId !== id).slice(0, FOLLOW_UP.earlierKept);
}

const FEEDBACK_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** "one line please", "in one sentence", "a one-liner": the answer's first sentence alone. */
const asksForOneLine = (question: string): boolean =>
  /\b(?:one|1|single)[\s-]+(?:line|sentence)\b|\bone[\s-]?liner\b/i.test(question);
/** The checklist answers a description gave, as a walkthrough or `decide` takes them. */
const understoodAnswers = (reading: Reading): Record<string, string> =>
  Object.fromEntries(Object.entries(reading.understood).map(([k, u]) => [k, u.value]));
/** The entries a question got on its own: the one answered, then those offered. */
const gotAlone = (o: AskOutcome): Answerable[] => [
  ...(o.kind === "answer" ? [o.entry] : []),
  ...offeredBy(o),
];
/** Words that thank or agree: a message with one is no correction to say "I can't tell" about. */
const ACKNOWLEDGING = new Set(
  "thanks thank thx ty cheers appreciate great love helpful useful sense".split(" "),
);
/** Words of a "why not …?" frame around an option's name ("why is containers ruled out completely?"). */
const WHY_NOT_FRAME =
  "why not just plain simply use go with a managed service completely entirely ruled rule out excluded left instead rather than option one at all off table an rejected dropped even really then thing keep stay stick everything all move switch specifically specific for us our case situation setup here tho though honestly per each tenant tenants customer customers did whyd how come score scores scored scoring so low lower negative get got gets a lol rank ranked rated badly poorly last zero";

/**
 * The points a reply quotes of an answer given before: for a best guess taken back to it (a new
 * question, not a follow-up), only two or more, since one point picked by a shared word read as a
 * sure answer ("is docker swarm still a thing?" quoted the Dockerfile point; an independent
 * review's); with fewer, the reply only takes it back, the guess's runner-ups offered beside.
 */
function guessedPoints(points: string[], guessed: boolean): string[] {
  return guessed && points.length < 2 ? [] : points;
}

/** "why not …" and "why is/did you …" after the words that may open them, in rawWords' spelling. */
const WHY_NOT = new RegExp(`^${WHY_OPENERS}why not\\b`);
/**
 * "why did mixed platform score so low?", "why'd kubernetes on vms get a negative score": why not
 * that option, asked of its score (blind trial 27's got the option's definition or "did you mean").
 */
const WHY_SCORED_LOW = new RegExp(
  `^${WHY_OPENERS}(?:why|whyd|how come)\\b.*\\b(?:score|scores|scored|scoring|rank|ranked|rated|get|got|gets)\\b.*\\b(?:low|lower|negative|badly|poorly|last|zero)\\b`,
);
/**
 * "why VMs?", "why microVMs again?": "why" and straight after it a name, no verb ("why are VMs
 * slower?" asks a question of its own) and no pointer ("why that?" is a bare why).
 */
const WHY_OPTION = new RegExp(
  `^${WHY_OPENERS}why (?!(?:not|is|are|was|were|do|does|did|would|should|can|could|will|has|have|dont|doesnt|didnt|we|you|i|it|its|that|this|so|though|tho)\\b)`,
);
/**
 * The option a "why (not) …?" names: "why not containers?", or (`bare`) "why VMs?", where `versus`
 * is what "why VMs rather than the mixed platform?" sets it against.
 */
interface WhyNotNamed {
  option: RecommendationId;
  bare: boolean;
  versus?: RecommendationId;
}

/** "and X?", "what about X?", "how about X then?" (in rawWords' spelling); X is group 1. */
const WHAT_ABOUT =
  /^(?:(?:ok|okay|so|hmm|but|and)\s+)*(?:and|what about|how about|and what about|what of)\s+(.+?)(?:\s+(?:then|tho|though|instead))?$/;
/** Words beside the option in "what about X?": "what about just plain VMs?". */
const WHAT_ABOUT_FRAME = "the just plain option a an using use going with";

/** Checklist questions whose answers are requirements, which a what-if adds to rather than replaces. */
const REQUIREMENTS = new Set(["compliance", "isolation"]);
/** Words of a what-if that takes a requirement away or lowers it: "only SOC 2", "no longer PCI". */
const TAKES_AWAY =
  /\b(?:only|just|instead|no\s+longer|not|no|didn'?t|did\s+not|don'?t|drop(?:ped)?|without|relax(?:ed)?|lighter|less|lower|fewer|loosen(?:ed)?|removed?)\b|\b(?:we|it)\s*(?:weren'?t|wasn'?t|aren'?t|isn'?t|were\s+never|was\s+never|are\s+never)\s+(?:in\s+|under\s+|subject\s+to\s+)?(?:pci|hipaa|sox|soc|gdpr|fedramp|regulated|audited|in\s+scope)/i;

/** What sets the option asked about against the one it names first: "why VMs rather than the mixed platform?". */
const SET_AGAINST = /\b(?:rather than|instead of|over|and not|but not)\b(.*)$/;
/** Words of a "why X?" frame besides the option's name: "why VMs again?", "why microVMs tho?". */
const WHY_OPTION_FRAME =
  "again then tho though exactly really even so in the end for us here rather than instead of over and not but";
// ("why did plain containers get ruled out …?", blind trial 28's got the hardening answer.)
const WHY_IS = new RegExp(`^${WHY_OPENERS}why (?:is|are|was|were|did you|did|does|do)\\b`);
/** A sentence asking why, as written. */
const WHY_SENTENCE = new RegExp(`^\\W*(?:(?:${WHY_OPENING_WORDS})\\W+)*why\\b`, "i");

/**
 * The first sentence of a message that asks why, up to its first clause: "why not plain vms then"
 * of "why not plain vms then, we said we dont want k8s", "why not the container-shaped thing" of
 * "mgmt still wants containers. why not the container-shaped thing, …?".
 */
function whyClause(question: string): string {
  const asking =
    question
      .trim()
      // (Also after a lead-in: "one more on the recommendation: why was mixed platform ruled out?")
      .split(/(?<=[.!?…:])\s+|\s[-—–]\s+/)
      .find((s) => WHY_SENTENCE.test(s)) ?? question.trim();
  return /^[^?.,;:]+\??/.exec(asking)?.[0] ?? "";
}

/**
 * Commands and buttons whose reply is about something else than the last answer: `true` for a
 * new decision (a walkthrough, a description), which ends the recommendation too; `false` for a
 * comparison or a list, after which "what would change it?" still asks about the recommendation.
 */
const FORGETS_CONTEXT: ReadonlyMap<Command["type"] | Action["type"], boolean> = new Map([
  ["compare", false],
  ["topics", false],
  ["myths", false],
  ["checklist", true],
  ["recommend", true],
  ["checklist.start", true],
] as const);

/** One vote per person needs a stable key per person, not their id: store a one-way hash. */
const pseudonym = (userId: string) => createHash("sha256").update(userId).digest("hex").slice(0, 16);

/** A move to what follows, in rawWords' spelling: "switch to", "move over to", "migrate onto", "adopt". */
const MOVES_TO =
  /\b(?:(?:switch|switching|move|moving|migrate|migrating|transition|go|get)\s+(?:over\s+)?(?:to|into|onto)|adopt|adopting)\b/;

/** The team's own answers behind a recommendation shown for a what-if; none for their own. */
function whatIfOf(shown: ShownRecommendation): Record<string, string | null> | undefined {
  return shown.actual !== shown.answers ? shown.actual : undefined;
}

/**
 * The platform-neutral core: one entry point, `handle(turn)`, that every adapter calls with
 * what a person did and renders the replies it returns. It imports no platform SDK.
 */
export class Bot {
  readonly qa: QuestionAnswering;
  readonly walkthroughs: Walkthroughs;
  readonly insights: Insights;
  readonly situations: Situations;
  private readonly asked: AskedQuestions;
  /** The matcher's outcome and the situation reading of recently asked texts. */
  private readonly recent: RecentAnswers;
  private readonly followUps: FollowUpContexts;
  private readonly answerLengths: AnswerLengths;
  private readonly log: DeliveryLog;
  /** What follow-up resolution reads of a question's words; one object, so what it derives is kept. */
  private readonly questionWords: QuestionWords;
  private readonly browse: BrowseContext;
  private readonly knowledge: Knowledge;
  private readonly store: StateStore;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly limiter: RateLimiter | undefined;
  private readonly statsAccess: StatsAccess;
  private readonly delivery: Delivery;

  constructor(deps: BotDeps) {
    this.knowledge = deps.knowledge;
    this.store = deps.store;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => randomUUID().slice(0, 18));
    this.limiter = deps.rateLimitPerMinute ? new RateLimiter(deps.rateLimitPerMinute, this.now) : undefined;
    this.qa = buildQuestionAnswering(deps.knowledge, undefined, deps.onExplain);
    this.insights = new Insights(deps.store, this.now);
    this.situations = new Situations(deps.knowledge);
    this.recent = new RecentAnswers(this.qa.asker, this.situations, this.qa.stems, deps.onExplain);
    this.asked = new AskedQuestions(deps.store);
    this.followUps = new FollowUpContexts(deps.store, this.now);
    this.answerLengths = new AnswerLengths(deps.store);
    this.log = deps.log ?? quiet;
    this.questionWords = {
      stems: (t) => this.recent.stems(t),
      rarity: (s) => this.qa.rarity(s),
      knows: (s) => this.qa.knows(s),
      weak: (s) => this.qa.weak(s),
      sides: this.qa.sides,
      subjectless: (t, orGeneral = false) => {
        const o = this.recent.ask(t);
        return (
          (o.kind === "out-of-scope" && (orGeneral || !o.generalOnly)) ||
          (o.kind === "no-match" && o.why === "no-subject-word")
        );
      },
    };
    this.walkthroughs = new Walkthroughs({
      knowledge: deps.knowledge,
      store: deps.store,
      now: this.now,
      newId: this.newId,
      showLeaseMs: deps.showLeaseMs ?? DEFAULT_SHOW_LEASE_MS,
    });
    this.statsAccess = deps.statsAccess ?? NO_STATS_ACCESS;
    const errors = deps.knowledge.responses.errors;
    this.delivery = new Delivery(
      {
        followUp: (turn) => this.dispatch(turn),
        shown: (turn, step, ref) => this.walkthroughs.shown(turn, step, ref),
        continueReply: (action) => this.walkthroughs.continueReply(action),
        cannotPost: (code) =>
          this.notice(code === "is_archived" ? errors.archivedChannel : errors.notInChannel),
      },
      {
        retry: { ...DEFAULT_RETRY, ...deps.retry },
        sleep: deps.sleep ?? realSleep,
        log: this.log,
      },
    );
    const topicOf = new Map(deps.knowledge.faq.map((e) => [e.id, e.topic]));
    this.browse = {
      documents: deps.knowledge.documents,
      responses: deps.knowledge.responses,
      compare: deps.knowledge.compare,
      topics: deps.knowledge.topics,
      myths: deps.knowledge.myths,
      entries: this.qa.entries,
      topicOf: (id) => topicOf.get(id),
    };
  }

  /**
   * Handles one turn: what a person did, to the replies it gets. Expected outcomes (no match,
   * stale button) are replies; only faults throw. Every turn counts towards the rate limit.
   */
  async handle(turn: Turn): Promise<Reply[]> {
    if (this.limiter && !this.limiter.take(`${turn.platform}:${turn.user.id}`))
      return [this.notice(this.knowledge.responses.errors.rateLimited)];
    return this.dispatch(turn);
  }

  /** Sends `replies` through the surface's port: the one delivery loop (see delivery/deliver.ts). */
  deliver(turn: Turn, port: DeliveryPort, replies: Reply[]): Promise<void> {
    return this.delivery.deliver(turn, port, replies);
  }

  /** Handles a turn and delivers its replies. */
  async converse(turn: Turn, port: DeliveryPort): Promise<void> {
    await this.deliver(turn, port, await this.handle(turn));
  }

  /** What to tell the user when handling failed: the adapter's error hook calls this after logging. */
  errorReply(error: unknown): Reply {
    const e = this.knowledge.responses.errors;
    const transient = error instanceof StoreUnavailableError || error instanceof ConflictError;
    return this.notice(transient ? e.storeUnavailable : e.internal, "error");
  }

  /** For a button whose value could not be read (forged, or from an older version). */
  unreadableButton(): Reply {
    return this.notice(this.knowledge.responses.errors.unreadableButton);
  }

  /** A polite private reply with one of the bot's own sentences (adapters' notices). */
  say(key: "textOnly" | "messageTooLong", values: Record<string, string | number> = {}): Reply {
    return this.notice(fill(this.knowledge.responses.errors[key], values));
  }

  /**
   * Ends the person's follow-up context. With the store down the reply still goes out (a comparison
   * needs no store): at worst a later "why?" follows up on the answer before it.
   */
  private async forgetContext(turn: Turn, recommendationToo = true): Promise<void> {
    await this.unlessStoreDown("follow-up context not cleared", () =>
      this.followUps.forget(turn, recommendationToo),
    );
  }

  /** Work the reply does not depend on: with the store down it is logged and skipped, any other error thrown. */
  private async unlessStoreDown<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.log.warn({ err: error.message }, `${what}: store unavailable`);
      return undefined;
    }
  }

  private dispatch(turn: Turn): Promise<Reply[]> {
    if (turn.action) return this.act(turn, turn.action);
    return this.text(turn, turn.text ?? "");
  }

  private async text(turn: Turn, text: string): Promise<Reply[]> {
    const command = parseCommand(text);
    // A comparison, a list or a recommendation is the last thing shown: "why?" after it is not
    // about the answer before it.
    const forgets = FORGETS_CONTEXT.get(command.type);
    // (What the team told and the recommendation, read before they are forgotten: `recommend` may
    // be asked to go on from them.)
    const told = command.type === "recommend" ? await this.withTold(turn) : undefined;
    const shown =
      command.type === "recommend"
        ? await this.unlessStoreDown("recommendation not read", () =>
            this.followUps.recallRecommendation(turn),
          )
        : undefined;
    if (forgets !== undefined) await this.forgetContext(turn, forgets);
    switch (command.type) {
      case "help":
        return [this.fixed("help", () => helpReply(this.browse))];
      case "compare":
        return [compareReply(this.browse, command.aspect)];
      case "topics":
        return [topicsReply(this.browse, command.topic)];
      case "myths":
        return [this.fixed("myths", () => mythsReply(this.browse))];
      case "checklist":
        return [await this.walkthroughs.start(turn)];
      case "recommend":
        return [await this.recommend(turn, command.description, told, shown)];
      case "stats":
        if (!mayReadStats(this.statsAccess, turn))
          return [this.notice(this.knowledge.responses.errors.statsRefused)];
        return [await this.statsReply()];
      case "ask": {
        // In a running checklist's thread, a choice typed instead of pressed ("frequent", "skip")
        // answers it as the button would.
        const running = await this.walkthroughs.running(turn);
        // "restart" typed in the thread of a checklist that has ended starts a new one; "cancel" or
        // "back" there have nothing left to undo.
        const control =
          !running && turn.thread ? this.walkthroughs.typedControl(command.question) : undefined;
        if (control && (await this.walkthroughs.ended(turn))) {
          if (control !== "restart") return [this.notice(this.knowledge.responses.errors.typedInFinished)];
          await this.forgetContext(turn);
          return [await this.walkthroughs.start(turn)];
        }
        // "ok forget all that, start over": what the team told and the recommendation are forgotten
        // (a blind trial's got the start-up answer, and "what do you recommend" the old result).
        if (!running && startsOver(command.question)) {
          await this.forgetContext(turn);
          return [this.notice(this.knowledge.responses.situation.startedOver)];
        }
        // Said to someone else in the thread ("tom can you check with security first"): not for
        // the bot, which only reminds quietly how to answer.
        if (running && addressesSomeoneElse(command.question))
          return [this.walkthroughs.typedInThread(running, turn.thread)];
        // "no idea what that means": what the question and its options mean, not a skip.
        const explained =
          running && this.walkthroughs.asksWhatItMeans(running, command.question)
            ? this.walkthroughs.explainQuestion(running, turn.thread)
            : undefined;
        if (explained) return [explained];
        // An answer given to a question by its name ("no wait, the architecture answer should be
        // mixed"): the current question's, or a change to one answered before (never the current
        // question's, though "mixed" is one of its options too).
        const byName = running && this.walkthroughs.answerByName(running, command.question);
        if (running && byName) {
          if (byName.step !== running.step)
            return this.walkthroughs.correct(turn, running, byName, command.question.trim());
          const action = { type: "checklist.answer" as const, walkthroughId: running.id, ...byName };
          return this.press(turn, action, command.question.trim());
        }
        // "no wait, should be strong not standard": the answer before the current question,
        // changed (first: "no wait, should be mixed" at State is about Architecture before it).
        const changedLast = running && this.walkthroughs.correctionOf(running, command.question);
        if (running && changedLast)
          return this.walkthroughs.correct(turn, running, changedLast, command.question.trim());
        const typed = running && this.walkthroughs.typedPress(running, command.question);
        if (typed) return this.press(turn, typed);
        // "make it mixed", "it should be mixed": the current question's if it has that option, else
        // a correction of the one before.
        const weak = running && this.walkthroughs.correctionOf(running, command.question, true);
        if (running && weak) return this.walkthroughs.correct(turn, running, weak, command.question.trim());
        // A sentence that answers it ("we have a dedicated platform team"), read as `recommend` reads one.
        if (running) {
          const read = this.walkthroughs.readAnswer(running, command.question, (t) => this.recent.read(t));
          // Read from nothing or as two answers: the answer it opens with, if any.
          const opening =
            read === undefined || read === "both"
              ? this.walkthroughs.readOpening(running, command.question, (t) => this.recent.read(t))
              : this.walkthroughs.namedOpening(running, command.question, read.action.value);
          if (opening) return this.press(turn, opening.action, opening.words);
          if (read === "both") return [this.walkthroughs.typedInThread(running, turn.thread, true)];
          if (read) return this.press(turn, read.action, read.words);
          // "sorry correction - we release monthly, not quarterly": an answer given before, changed.
          const amended = correction(command.question);
          const fixed =
            amended &&
            this.walkthroughs.readCorrection(running, command.question, amended, (t) => this.recent.read(t));
          // The team's own, in the clause that says it: not "our competitor deploys daily".
          if (amended && fixed && saidOfTheTeam(amended, fixed.evidence))
            return this.walkthroughs.correct(turn, running, fixed, command.question.trim());
          // A bare "nope" to a question with no such option is no question for the matcher.
          if (bareYesOrNo(command.question)) return [this.walkthroughs.typedInThread(running, turn.thread)];
        }
        // "keep answers short, what is a microVM?": kept, and the question answered so.
        const ahead = lengthAskedAhead(command.question, (t) => this.qa.asker.smallTalkOf(t));
        // (With a remark after it, "keep answers short, i'm on mobile": the request alone.)
        if (ahead && ahead.question === undefined) return [await this.ask(turn, ahead.request, running)];
        if (ahead?.question !== undefined) {
          await this.answerLengths.set(turn, ahead.short);
          const answer = await this.ask(turn, ahead.question, running, ahead.short);
          return [ahead.short && answer.kind === "answer" ? this.shortFromNowOn(answer) : answer];
        }
        // "one line please: VMs or containers?": asked without the request, answered in short.
        // (Not a message that only asks for the answer before in short, "thats long lol. tldr?", or
        // for the recommendation's, "back to our rec. tldr?".)
        const request = briefRequest(command.question);
        const brief =
          request === undefined ||
          pointsBack(command.question, this.questionWords) === "simpler" ||
          // ("simpler please, im not a security guy": no question to answer in short, blind trial 30's.)
          asksSimplerSayingWhy(command.question, this.questionWords) ||
          pointsAtTheRecommendation(command.question)
            ? undefined
            : request;
        return [await this.ask(turn, brief ?? command.question, running, brief !== undefined)];
      }
    }
  }

  private async ask(turn: Turn, typed: string, running?: WalkthroughState, brief = false): Promise<Reply> {
    // "y not containers tho": "y" is how some type "why".
    // "ok back to our case, why not kubernetes on VMs?" asks "why not kubernetes on VMs?" (a blind
    // trial's got the backup answer for "back").
    const question = typed
      .replace(BACK_TO_OUR_CASE, (lead: string, _at: number, all: string) =>
        rawWords(all.slice(lead.length)).length >= 2 ? "" : lead,
      )
      .replace(/^(\s*(?:(?:ok|okay|but|so|and)\s+)*)y(?=\s+not\b)/i, "$1why");
    // A reply in the thread of something shown outside any thread (a DM, the playground, a slash
    // command): until the thread holds something of its own, what was shown outside counts (blind
    // trial 22's "why were containers ruled out?" in a recommendation's thread got an FAQ entry).
    // Not in a running checklist's thread, whose messages are about it.
    const outside = turn.thread && !running ? { ...turn, thread: undefined } : undefined;
    // The recommendation shown last, read from the store once, and only when a question needs it.
    let recalled: Promise<ShownRecommendation | undefined> | undefined;
    const recommendation = () => {
      recalled ??= this.followUps
        .recallRecommendation(turn)
        .then((r) => r ?? (outside ? this.followUps.recallRecommendation(outside) : undefined));
      return recalled;
    };
    // The answer shown last, likewise: a correction asks for it before the rest of the question does.
    let recalledContext: ReturnType<FollowUpContexts["recall"]> | undefined;
    const lastAnswer = () => {
      recalledContext ??= this.followUps
        .recall(turn)
        .then((c) => c ?? (outside ? this.followUps.recall(outside) : undefined));
      return recalledContext;
    };
    // "what if we had 50 services?" after a recommendation: decided again with that change; so is
    // "you missed that we're audited every year", with what it says was left out.
    const supposed = supposition(question);
    const namesAnswer = (s: string) => Object.keys(this.walkthroughs.answersByName(s)).length > 0;
    // "forget the windows servers", "the windows part is being retired, ignore it": a correction
    // that takes a part of what was told away, read as a what-if's removal is ("we have no …").
    const forgot = supposed ? undefined : forgetting(question);
    const corrected = supposed ? undefined : (correction(question, namesAnswer) ?? forgot?.statement);
    // "no wait, should be spiky" after a walkthrough: the one question with that option, changed
    // (in a running walkthrough's thread, its own questions were asked first).
    const byOption = supposed || corrected || running ? {} : this.walkthroughs.correctedOption(question);
    // "we deploy quarterly and our platform maturity is low": a statement about the team, with no
    // opening, changes the recommendation only while it is the last thing shown (below).
    // "change orchestration appetite to medium", "pls set compliance to strict": an answer changed
    // by name on request, whatever was shown after the recommendation (blind trial 18's, after an
    // answer, was taken back to it).
    const unread = !supposed && !corrected && !running && Object.keys(byOption).length === 0;
    // (In any sentence of the message: "I was giving you answers for the recommendation. change
    // state to mixed and architecture to mixed", blind trial 22's.)
    const request = unread
      ? question.split(/(?<=[.!?])\s+/).find((s) => CHANGE_REQUEST.test(s) && namesAnswer(s))
      : undefined;
    const commanded = request !== undefined;
    // "set isolation to strict please": a question asked for by name, with no option of its own
    // named (blind trial 23's got an FAQ entry): its options, as under the recommendation's
    // "Change: Isolation", with the recommendation's answers.
    const unreadChange = unread && !commanded ? this.walkthroughs.changesRequested(question) : [];
    if (unreadChange.length > 0) {
      const shown = await recommendation();
      if (shown) return this.changeUnread(turn, shown.actual, unreadChange);
    }
    // After a recommendation too short of answers to pick one, a statement the reader reads new
    // answers in adds them ("we dont want to run kubernetes ourselves, no legacy stuff": a blind
    // trial's answer to the questions it listed as deciding got the databases answer).
    const shownBefore = unread && !request ? await recommendation() : undefined;
    const wantsAnswers =
      shownBefore !== undefined &&
      decide(parseAnswers(shownBefore.answers), this.knowledge.decision).provisional;
    const readsNew = (s: string) =>
      toldOfTheTeam(
        s,
        Object.entries(this.recent.read(s).understood)
          .filter(([k, u]) => shownBefore?.answers[k] !== u.value)
          .map(([, u]) => u.evidence),
      );
    const plain = !unread
      ? undefined
      : request
        ? request.trim()
        : plainAmendment(question, (s) => namesAnswer(s) || (wantsAnswers && readsNew(s)));
    const changed = corrected ?? (Object.keys(byOption).length > 0 ? question.trim() : plain);
    // Taken only for the new answers told of the team: those alone are its answers ("we deploy
    // weekly, our biggest customer has strict compliance" tells the deploys, not the compliance).
    const toldOnly =
      plain !== undefined &&
      changed === plain &&
      !request &&
      plainAmendment(question, namesAnswer) === undefined;
    // Answers given by name ("correction - compliance: moderate") are to the recommendation's
    // answers, whatever was shown after it; so are those of a what-if ("what if isolation was only
    // standard?", which supposition() gives with "is").
    const stated = corrected ?? supposed ?? plain;
    const byNameOnly = stated ? this.walkthroughs.answersByName(stated, stated === supposed) : byOption;
    // "what if i'd said strong instead of hard on q1": one option in place of another of its question.
    const replaced = supposed !== undefined ? replacedIn(question) : undefined;
    const byName =
      Object.keys(byNameOnly).length === 0 && supposed !== undefined && replaced !== undefined
        ? this.walkthroughs.optionSwapped(supposed, replaced)
        : byNameOnly;
    const named =
      (corrected !== undefined || supposed !== undefined || commanded) && Object.keys(byName).length > 0;
    // Words a choice lists as said for it ("we'd rather use EKS"), where the reader understood
    // nothing of that question, or its description repeated ("one OS family only", "fine with a
    // managed orchestrator"), also where the reader read it both ways.
    const described = corrected ?? supposed;
    const { said, echoed } =
      described !== undefined ? this.walkthroughs.answersSaid(described) : { said: {}, echoed: {} };
    // A supposition that changes nothing the reader can tell ("what if our team doubled?"), unless
    // it is a question the matcher surely answers, says so rather than "outside what I know".
    let supposedNothing = false;
    if (supposed || changed) {
      const shown = await recommendation();
      // A plain statement is to the recommendation just shown, nothing after it; one that says it
      // corrects ("correction: we actually deploy weekly now") and reads answers, to the last one
      // shown, whatever was asked since (a blind trial's was declined after one question).
      const corrects =
        corrected !== undefined && Object.keys(this.recent.read(corrected).understood).length > 0;
      const last =
        shown &&
        (supposed !== undefined ||
          named ||
          corrects ||
          (!shown.behind && ((await lastAnswer())?.at ?? 0) < shown.at));
      const readAll = last
        ? this.quotedAsSaid(this.recent.read((supposed ?? changed)!), question)
        : undefined;
      // "what if we dropped windows?" where several operating systems were answered: one family
      // taken away leaves one (a blind trial's got the several-OS answer, and a later what-if still
      // counted Windows).
      const removing = supposed ?? forgot?.statement;
      const dropped =
        readAll &&
        removing !== undefined &&
        shown?.actual.multiOs === "yes" &&
        !("multiOs" in readAll.understood)
          ? this.osFamilyDropped(removing, question)
          : undefined;
      const all =
        readAll && dropped
          ? { ...readAll, understood: { ...readAll.understood, multiOs: { value: "no", evidence: dropped } } }
          : readAll;
      const added =
        all && supposed !== undefined && shown
          ? this.requirementsAdded(all.understood, shown.actual, supposed)
          : undefined;
      // A correction keeps what it tells of the team, as a plain amendment does ("actually netflix
      // deploys weekly, we're not in PCI scope": an independent review's took netflix's deploys).
      const read =
        all && toldOnly
          ? toldOnlyOf(all, plain)
          : all && corrected !== undefined && !forgot
            ? toldOnlyOf(all, corrected)
            : added && all
              ? { ...all, understood: added.kept }
              : all;
      // (Not one the reader read and found told of someone else.)
      const notTold = (k: string) =>
        all !== undefined && k in all.understood && !(k in (read?.understood ?? {}));
      const unread = read && {
        ...Object.fromEntries(
          Object.entries(said).filter(
            ([k]) => !(k in read.understood) && !read.conflicts.includes(k as AnswerKey) && !notTold(k),
          ),
        ),
        ...Object.fromEntries(Object.entries(echoed).filter(([k]) => !(k in read.understood))),
      };
      const reading = read && {
        ...read,
        // (A what-if's answers by name only where the reader read none: it quotes them as written.)
        understood: supposed
          ? { ...unread, ...byName, ...read.understood }
          : { ...unread, ...read.understood, ...byName },
        conflicts: read.conflicts.filter((k) => !(k in byName) && !(k in echoed)),
      };
      if (shown && reading && Object.keys(reading.understood).length > 0) {
        // A what-if is weighed against the team's own answers, not an earlier what-if's, unless it
        // adds to that one ("and if we deployed daily?"); a correction becomes their answer.
        const base = supposed && ADDS_TO_SUPPOSITION.test(question) ? shown.answers : shown.actual;
        const answers = { ...base, ...understoodAnswers(reading) };
        await this.rememberRecommendation(turn, answers, supposed ? shown.actual : undefined);
        const fromOwn = supposed !== undefined && base !== shown.answers;
        return this.situations.whatIfReply(reading, base, changed !== undefined, fromOwn);
      }
      // "what if we had to pass SOC 2?" where compliance is strict already: nothing to change, said so.
      if (added && added.covered.length > 0 && reading && Object.keys(reading.understood).length === 0) {
        const questions = added.covered.map((k) => this.questionTitle(k)).join(", ");
        const text = fill(this.knowledge.responses.situation.whatIfCovered, { questions });
        return reply("notice", [{ type: "text", text }], text);
      }
      supposedNothing = supposed !== undefined && shown !== undefined;
      // A correction of the recommendation just shown that the reader cannot place: said so, not
      // answered as a question about its words ("actually we have no platform team" got the
      // capabilities a modernising team needs; blind trials 19 and 20). Not when the message asks
      // something after it that has a sure answer ("actually we're on aws, can we use EKS?"), nor
      // thanks or agreement ("btw thanks, that's useful for us"; a second review's).
      if (corrected !== undefined && last && !rawWords(question).some((w) => ACKNOWLEDGING.has(w))) {
        const alone = this.recent.ask(question);
        const answered = alone.kind === "answer" && !alone.unsure;
        if (alone.kind !== "smalltalk" && !(answered && asksSomething(question))) {
          const text = this.knowledge.responses.situation.correctionNothing;
          return reply("notice", [{ type: "text", text }], text);
        }
      }
    }
    // "what would it take to switch?", "how do we get there?" while the recommendation is the last
    // thing shown, or naming it or an option: the documents' way there (blind trial 31's was declined).
    if (asksHowToGetThere(question, this.questionWords)) {
      const rec = await recommendation();
      const before = await lastAnswer();
      const last = rec !== undefined && !rec.behind && (!before || (before.at ?? 0) < rec.at);
      const named =
        mentionsRecommendation(question, this.questionWords) || this.optionNamed(question) !== undefined;
      const way = rec && (last || named) ? await this.gettingThere(turn, rec, question) : undefined;
      if (way) return way;
    }
    // "why?", "what would change it?" after a recommendation: about that recommendation.
    // "source?", "simpler pls", "how so?" after it too: its sources, its gist, its reasons.
    const pointing = this.pointing(question);
    // "so what's the recommendation?": its reasons again, whatever was shown after it.
    const restated = asksForTheRecommendation(question);
    // "whats the rec without that?" after a what-if: the team's own again.
    const original = asksForTheOriginal(question);
    // "so which one should we pick?": its reasons again, while it is the last thing shown.
    const whichOne = asksWhichOne(question);
    // "why not containers?" naming one of its options and nothing else.
    const optionWhyNot = this.whyNotNamed(question) ?? this.whatAboutOption(question);
    // "sources for the recommendation?": pointed at, whatever came after it; not in a description
    // of a workload, which asks for a new one ("based on this, what do you recommend: 20 services …").
    const speaksOf =
      pointsAtTheRecommendation(question) && Object.keys(this.recent.read(question).understood).length === 0;
    const about =
      (optionWhyNot ? "why-not" : undefined) ??
      // ("Short version of the original recommendation for our CTO": its gist, not its reasons.)
      // (Asked for in short, "… in one sentence", the brief request already taken off: its gist.)
      (restated || whichOne || original
        ? brief
          ? "simpler"
          : askedOfIt(question, this.questionWords)
        : undefined) ??
      aboutRecommendation(question, this.questionWords) ??
      (pointing === "bare" ? "why" : pointing) ??
      // "source for the VM recommendation? I need something to show management", "which documents
      // is the recommendation based on?" (blind trial 22's got an FAQ entry, or a new reading).
      (speaksOf ? askedOfIt(question, this.questionWords) : undefined);
    const shown = about ? await recommendation() : undefined;
    const context = await lastAnswer();
    // "that's not what i asked" typed under an answer: what its "Not what I asked" button gives
    // (the question's next matches), as a new message; not after a recommendation shown since.
    if (context?.askedId && pushesBack(question, (t) => namesOurSubject(this.recent.ask(t)))) {
      const since = await recommendation();
      if (!since || since.at < (context.at ?? 0)) {
        const r = await this.notThis({
          type: "not-this",
          askedId: context.askedId,
          entryId: context.entryId,
        });
        return { ...r, placement: "here" };
      }
    }
    // "thats wrong, ASGs scale in like 60s with warm pools" right after an answer: where that answer
    // comes from, to judge it by (a blind trial's got a decline, or the same answer again). Not
    // where another entry answers the claim, even as a best guess: it says what the documents say
    // of it ("that's not right, containers are more secure than vms": the myth's, review 34's).
    const claimAnswered = (alone: AskOutcome) =>
      alone.kind === "answer" && alone.entry.id !== context?.entryId;
    if (context && contests(question) && !claimAnswered(this.recent.ask(question))) {
      const since = await recommendation();
      const entry = !since || since.at < (context.at ?? 0) ? this.recent.entry(context.entryId) : undefined;
      if (entry) return this.following(contestedReply(entry, this.qa.context, context.askedId), entry);
    }
    // "what would change it?" can only be about a recommendation, however many answers came after
    // it; "why?", "why not X?", "source?" are about whichever came last.
    // After a comparison or a list, a bare "why?", "source?" or "tl;dr" is not about it either;
    // what names it ("why did you recommend that?", "why microvms?") still is.
    if (about && shown) {
      const last = !context || (context.at ?? 0) < shown.at;
      const namesIt =
        about === "why-not" ||
        mentionsRecommendation(question, this.questionWords) ||
        this.optionNamed(question) !== undefined;
      // "why not containers?" naming one of its options, and nothing else, asks about it whatever
      // came between: three blind trials asked so after other answers and got the option's
      // definition ("why not?" and "why not vms for the db?" follow the last answer).
      if (
        about === "change" ||
        // ("why VMs?" only while the recommendation is the last thing shown: after another answer
        // "why kubernetes?" and the like are questions of their own, review 27.)
        (optionWhyNot !== undefined && !optionWhyNot.bare) ||
        restated ||
        original ||
        speaksOf ||
        (last && (!shown.behind || namesIt))
      ) {
        // "so what's the recommendation?" after a what-if: the team's own, which is the one shown
        // from then on; so is one pointed at by name ("short version of the recommendation pls":
        // three blind trials' got the what-if's as if it were theirs), or without the what-if
        // ("whats the rec without that?").
        if ((restated || speaksOf || original) && shown.actual !== shown.answers) {
          await this.rememberRecommendation(turn, shown.actual);
          return this.recommendationFollowUp(shown.actual, about, question, optionWhyNot);
        }
        // Answered about it, it is the last thing shown again: "why?" next is about it too.
        if (shown.behind || !last) await this.bringForward(turn);
        return this.recommendationFollowUp(shown.answers, about, question, optionWhyNot, whatIfOf(shown));
      }
    }
    // "what would change it?" with no recommendation shown: there is none to change (not the
    // answer before, which it would get as a follow-up).
    if (about === "change" && !shown && saysNothingElse(question, this.questionWords))
      return noRecommendationReply(this.qa.context);
    // Nor is there a runner-up to say "why not" about ("why not the other one?"), unless an
    // answer came before it, whose other side it may mean.
    if (about === "why-not" && !shown && !context && asksRunnerUp(question, this.questionWords))
      return noRecommendationReply(this.qa.context);
    // A short question that does not stand on its own is matched with the last answered topic.
    // "what's the catch?" right after an answer asks for its downsides (FOLLOW_UP.caveatsAsked).
    const caveats = context !== undefined && asksForCaveats(question, this.questionWords);
    const asking = caveats ? FOLLOW_UP.caveatsAsked : question;
    const found = this.recent.resolution(asking, context?.entryId, () =>
      resolve(this.recent, this.questionWords, asking, context),
    );
    // "what's the catch?" asks for the drawbacks of the answer it follows, not for the entry on
    // the downsides of containers, which its stand-in question matches in that subject.
    // (After a glossary term, its first related entry, which speaks of it at length: "what are
    // microvms? >> what's the catch?" gets the microVMs entry's trade-offs, an independent review's.)
    const caveatsOf = (of: Answerable) =>
      of.kind === "term" ? (this.qa.asker.entry(of.related[0] ?? "") ?? of) : of;
    const resolved =
      caveats &&
      found.followUp &&
      found.outcome.kind === "answer" &&
      found.outcome.entry.id !== found.followUp.of.id
        ? { ...found, outcome: { ...found.outcome, entry: caveatsOf(found.followUp.of) } }
        : found;
    const { matched, followUp, alone } = resolved;
    // Right after a recommendation, a question leaning on it with no subject word of its own ("ok.
    // and what would my team need to learn to actually do this?", blind trial 25's) is asked in
    // its subject, answered when the model is sure of an entry then.
    // (Declined only: one offered as "did you mean" keeps its offer, "how long would that take?"
    // start-up times, an independent review's.)
    const declinedForNoSubject =
      resolved.outcome.kind === "out-of-scope" && resolved.outcome.rule === "no-subject-word";
    let inSubject: AskOutcome | undefined;
    if (!followUp && !running && declinedForNoSubject && leansOnConversation(question, this.questionWords)) {
      const shown = await recommendation();
      const last = shown && !shown.behind && (context?.at ?? 0) < shown.at;
      const asked = last ? this.recent.ask(question, true) : undefined;
      // A topic word of its answer named, as for a follow-up of an answer ("how long would that
      // take?" is no question about start-up times, an independent review's).
      if (
        asked?.kind === "answer" &&
        !asked.unsure &&
        asked.confidence >= FOLLOW_UP.minInSubject &&
        namesTopicOf(asked.entry, question, this.questionWords)
      )
        inSubject = asked;
    }
    // "do the docs say anything about lock-in?": a best guess is offered, not presented as the answer.
    const outcome = followUp
      ? resolved.outcome
      : coverageOutcome(
          question,
          inSubject ?? resolved.outcome,
          (t) => this.recent.ask(t),
          (t) => this.questionWords.stems(t),
        );
    const offTopic =
      outcome.kind === "out-of-scope" || (outcome.kind === "no-match" && outcome.why === "no-subject-word");
    // A bare word the comparison table has an aspect for, which the matcher would decline
    // ("failover", blind trial 18's): that aspect's comparison.
    const aspect =
      offTopic && !followUp && !running ? aspectNamedAlone(this.browse.compare, question) : undefined;
    if (aspect) return compareReply(this.browse, aspect.id);
    // (Also when it would only take the answer before back: "what if our team doubled?" after one.)
    const backToLast =
      followUp !== undefined && outcome.kind === "answer" && outcome.entry.id === followUp.of.id;
    // (Or only guess at it: "what if we hired a platform engineer?" is no question about hidden costs.)
    const guessed = outcome.kind === "answer" && outcome.unsure === true;
    // (Or only answer it in the conversation's subject, having named none: "what if our team doubled?".)
    const subjectGiven =
      followUp?.reason === "no-subject" && outcome.kind === "answer" && outcome.entry.id !== followUp.of.id;
    if (supposedNothing && (offTopic || backToLast || guessed || subjectGiven)) {
      const text = this.knowledge.responses.situation.whatIfNothing;
      return reply("notice", [{ type: "text", text }], text);
    }
    // Figures asked for right after an answer, in words of no subject ("how much exactly? like in
    // seconds for a match server"): about that answer, whose documents give none.
    const last =
      !followUp &&
      offTopic &&
      context &&
      asksForFigures(question) &&
      /\b(?:exact|exactly|precise|precisely)\b/i.test(question)
        ? this.recent.entry(context.entryId)
        : undefined;
    if (last) {
      await this.recordUnanswered(turn, question, "repeated", last.id);
      return sameAnswerReply(last, this.qa.context, undefined, { figures: true });
    }
    // What the message tells of the team is kept until a recommendation is decided, so one asked
    // for later reads all that was told over several messages ("we deploy about 20 times a day" …
    // "traffic is steady" … "so what do you recommend?" read the last message's alone). Not a
    // what-if, nor an answer typed in a running checklist's thread.
    const told =
      !supposed && !running
        ? (this.toldIn(question) ?? (await this.toldOfOurSystem(turn, question)))
        : undefined;
    if (told) await this.keepTold(turn, told);
    // "so what do you recommend for that?", "what should i use for the students then" right after a
    // question that described the team ("students submit random code … is it safe in docker?"):
    // what that question said, read as the description (a blind trial's got an empty reading, or
    // a decline), with what the team told before. Not where a recommendation was shown: that one
    // holds the team's answers, and what was told since changes it (toldOrReasons).
    const asksWhatOnly =
      asksWhatToUse(question) && Object.keys(this.recent.read(question).understood).length === 0;
    const unanswered =
      asksWhatNow(question) ||
      outcome.kind === "intent" ||
      (outcome.kind === "out-of-scope" && outcome.rule !== "off-topic-class") ||
      (outcome.kind === "no-match" && outcome.why === "no-subject-word");
    // (Or only read as the answer before again: "so what should we do?".)
    const askedOnlyWhat = context !== undefined && asksWhatOnly && (unanswered || backToLast);
    // ("given all that, vms or containers?" asks it whatever the matcher makes of its words.)
    const asksForOurs = asksWhatOnly && (unanswered || askedOnlyWhat || asksGivenWhatWasSaid(question));
    const shownRecommendation = asksForOurs ? await recommendation() : undefined;
    // "ok so given all that, what should we run on?" after one (a blind trial's was declined).
    if (shownRecommendation) return this.toldOrReasons(turn, shownRecommendation, question);
    const describedBefore = asksForOurs
      ? await this.withTold(turn, askedOnlyWhat && context ? this.describedIn(context) : undefined)
      : undefined;
    if (describedBefore) return this.situationReply(turn, describedBefore);
    // Or a description offered the checklist since the last answer, with no answer of its own.
    const offeredBefore =
      asksWhatOnly &&
      (outcome.kind === "intent" || outcome.kind === "out-of-scope" || outcome.kind === "no-match") &&
      !(await recommendation())
        ? await this.followUps.recallDescribed(turn)
        : undefined;
    const offeredReading =
      offeredBefore && offeredBefore.at > (context?.at ?? 0)
        ? this.teamReading(offeredBefore.text)
        : undefined;
    if (offeredReading) return this.situationReply(turn, offeredReading);
    // "what now?" with nothing told and no recommendation shown: how to get one, as "what do you
    // recommend?" gets, not the entry its words match (a blind trial's got "Are VMs obsolete now
    // that containers exist?" after an answer).
    if (!running && asksWhatNow(question)) return this.situationReply(turn, this.recent.read(question));
    if (outcome.kind === "intent") {
      // "explain the recommendation", "sources for the recommendation?": about the one shown, not
      // a new checklist (which would end it).
      // So is "what do you recommend?" said with nothing of a situation in it, after one (a blind
      // trial's got "I couldn't tell any of the checklist's answers from that description").
      // (Not "… for my other team?": another's case, a new one.)
      const saysNothingNew =
        (outcome.intent === "recommend" || asksWhatToUse(question)) &&
        Object.keys(this.recent.read(question).understood).length === 0 &&
        ofTheTeamsOwnCase(question);
      const rec = speaksOfTheRecommendation(question) || saysNothingNew ? await recommendation() : undefined;
      if (rec && saysNothingNew) return this.toldOrReasons(turn, rec, question);
      if (rec) return this.aboutRecommendation(turn, rec, question);
      // A description of one's situation (`recommend` in plain words) gets what was understood and
      // a recommendation; so does "help me decide" when it already says something about the workload.
      // (With what the team told of itself before, unless it is another case: "… for my other team?")
      const read = this.recent.read(question);
      const gathers =
        (outcome.intent === "recommend" ||
          asksWhatToUse(question) ||
          Object.keys(read.understood).length > 0) &&
        ofTheTeamsOwnCase(question);
      const reading = gathers ? ((await this.withTold(turn, read)) ?? read) : read;
      if (outcome.intent === "recommend" || Object.keys(reading.understood).length > 0)
        return this.situationReply(turn, reading);
      // "help me decide" is the checklist command in plain words.
      await this.forgetContext(turn);
      return this.walkthroughs.start(turn);
    }
    if (outcome.kind === "answer" || outcome.kind === "no-match" || outcome.kind === "out-of-scope") {
      // A long description matches some FAQ entry on its topic words; when it states several
      // answers and asks what to choose, it is a description (the entry stays one press away). So
      // is one that asks nothing, said as the team of its own case, unless it follows a
      // recommendation, which a statement of the team's changes only as the amendments above say
      // (not a new one from these answers alone).
      // (Notes opening with who is speaking hold what others ask too: "team of 4 devs, the client
      // mandates pci compliance" is the client's demand, an independent review's.)
      const readAll = this.recent.read(question);
      const introduced = introducesItself(question);
      const reading = introduced ? toldOnlyOf(readAll, question) : readAll;
      const shown = await recommendation();
      // "what about our patient portal, it's a react + python api, we ship weekly": another part
      // of the team's systems, described: decided from what it says, not the last recommendation.
      const anotherPart = describesAnotherPart(question) && Object.keys(reading.understood).length > 0;
      const describedWhole =
        anotherPart ||
        this.situations.describes(reading) ||
        (this.situations.states(reading, question, introduced) &&
          speaksAsTheTeam(question) &&
          shown === undefined);
      // One answer told of the team in a statement ("we deploy about 20 times a day" got a best
      // guess at the process-centric view).
      const toldAlone =
        !describedWhole && !followUp && !asksSomething(question) && statesAsSentence(question)
          ? told
          : undefined;
      const unsure = outcome.kind !== "answer" || outcome.unsure;
      // While a recommendation stands, one the amendments above did not take (other answers were
      // shown since, or it opened with "btw"): kept for it, and said so where the matcher has
      // nothing to answer ("traffic is steady" after a question in between was declined as outside
      // what the bot knows, a blind trial's); "what do you recommend?" then decides again with it.
      if (shown && toldAlone && (outcome.kind === "out-of-scope" || outcome.kind === "no-match")) {
        const changes = Object.entries(changedAnswers(toldAlone, shown));
        if (changes.length > 0) return this.toldNoted(changes.map(([key, u]) => [key, u.value]));
      }
      // Without one, where the matcher has no sure answer: what was understood, with what was
      // told before it, and the questions that would decide.
      const own = describedWhole ? reading : !shown && toldAlone && unsure ? toldAlone : undefined;
      if (own) {
        // (A description of another case gathers nothing: "my friend's startup runs 200
        // microservices …", "different scenario: …", an independent review's.)
        const gathered = ofTheTeamsOwnCase(question) ? ((await this.withTold(turn, own)) ?? own) : own;
        return this.situationReply(turn, gathered, outcome.kind === "answer" ? outcome.entry : undefined);
      }
      // A statement of the team that gives none of the checklist's answers and that the matcher
      // declines ("we're a team of 4 devs" was "outside what I know", a blind trial's), while the
      // team describes itself (something told, a recommendation shown) or says its size: what the
      // checklist asks about instead.
      if (
        offTopic &&
        !followUp &&
        !running &&
        Object.keys(reading.understood).length === 0 &&
        !asksSomething(question) &&
        statesAsSentence(question) &&
        speaksAsTheTeam(question) &&
        toldAsItIs(question) &&
        (TEAM_SIZE.test(question) || shown !== undefined || (await this.withTold(turn)) !== undefined)
      )
        return this.toldNothing();
      // "why?", "source?" with no answer before it needs the question it follows, which it is
      // asked for: a request for sources or a shorter version always ("source?" alone reads as
      // source code), a bare "why?" when declined or only guessed at. (In a running checklist's
      // thread it is most likely about the checklist: see below.)
      if (!followUp && !running && pointing) return this.nothingBefore(turn, question);
      const askedId = this.newId();
      const asked = rawWords(question).join(" ");
      const offered = offeredBy(outcome).map((s) => s.id);
      // Back to the entry just answered: that answer is not printed twice, neither for a follow-up
      // nor for another question of its own that is surely answered by it ("is docker a vm?" right
      // after the VMs-versus-containers answer); "Show that answer again" is one press away. The
      // same question asked again is answered again: it was wanted again.
      // So is one answered a few questions before, asked for again in other words (blind trial 24's
      // untrusted-code answer came back word for word four times).
      const answeredHere = (id: string) =>
        [...(context ? [context] : []), ...(context?.earlier ?? [])].some(
          (c) => c.entryId === id && c.asked !== undefined && c.asked !== asked,
        );
      // Also a best guess: the same answer printed again word for word was blind trials 26 and
      // 27's most common complaint; its runner-ups are offered beside it as before.
      const repeated = !followUp && outcome.kind === "answer" && answeredHere(outcome.entry.id);
      const same = (followUp && outcome.kind === "answer" && outcome.entry.id === followUp.of.id) || repeated;
      // In a running checklist's thread, what it cannot answer (or only guesses at, unless asked:
      // "we might set up some ci next quarter") is most likely an answer typed instead of
      // pressed; so is a sentence stating something it did not read as one ("the hypervisor is
      // vmware"), whatever the matcher makes of it (not a topic named: "databases in
      // containers"): no answer in the thread, nor a topic for the next message to follow up on.
      const typedInstead =
        running !== undefined &&
        (statesAsSentence(question) ||
          (!followUp && (outcome.kind !== "answer" || (outcome.unsure && !asksSomething(question)))) ||
          // ("details?" at a checklist question is about it, not the answer before.)
          followUp?.reason === "whole");
      // A follow-up only taken back to it is no new answer (a gap to report), nor is a question
      // naming what the documents never mention ("and for redis?"); sources or a shorter version
      // were asked for and given, and another question surely matched to it was answered.
      const takenBack =
        same &&
        (followUp
          ? followUp.reason !== "sources" &&
            followUp.reason !== "simpler" &&
            followUp.reason !== "reasons" &&
            followUp.reason !== "disagreement" &&
            followUp.reason !== "claim" &&
            followUp.reason !== "verdict"
          : outcome.kind === "answer" && (outcome.unnamed?.length ?? 0) > 0);

      // "tell me more" after an answer shown in short: the whole of it (one shown in short for
      // "keep answers short" is known by that preference, read below). Not in a running
      // checklist's thread, where "details?" is about its question.
      const wholeAsked = followUp?.reason === "whole" && !running;
      // "more detail" on a glossary term: the FAQ entry it leads to (the microVM term is two
      // sentences; "What are microVMs such as Firecracker …?" is the detail a blind trial wanted).
      const deeper =
        wholeAsked && followUp.of.kind === "term"
          ? followUp.of.related
              .map((id) => this.recent.entry(id))
              .find((e) => e !== undefined && e.kind !== "term")
          : undefined;
      const answered = deeper ?? (outcome.kind === "answer" ? outcome.entry : undefined);
      // A plain answer comes in short to someone who asked for short answers (not a follow-up's reply).
      const lengthAsked =
        (outcome.kind === "answer" && !outcome.unsure && !same && !brief && !followUp && !typedInstead) ||
        (wholeAsked && !deeper && context?.length === undefined);
      // Three independent writes and that read, sent together (one round trip to Redis instead of four).
      const [, , , wantsShort] = await Promise.all([
        this.insights.record({
          type: "question",
          askedId,
          at: this.now(),
          platform: turn.platform,
          question,
          outcome: takenBack
            ? "repeated"
            : outcome.kind === "answer"
              ? "answered"
              : outcome.kind === "no-match"
                ? "suggested"
                : "declined",
          confidence: outcome.confidence,
          ...(outcome.kind === "answer" ? { entryId: outcome.entry.id } : {}),
          // "Did you mean" entries, or a best guess's runner-ups offered beside it.
          ...(offered.length > 0 ? { suggestions: offered } : {}),
          ...(followUp ? { followUpOf: followUp.of.id } : {}),
        }),
        // Kept for "Not what I asked", which ranks the same text again.
        outcome.kind !== "out-of-scope" &&
          this.asked.save(askedId, {
            matched,
            ...(outcome.kind === "answer" ? { entryId: outcome.entry.id } : {}),
          }),
        answered &&
          !typedInstead &&
          this.followUps.remember(turn, {
            entryId: answered.id,
            asked,
            askedId,
            earlier: earlierThan(context, answered.id),
            ...(brief && outcome.kind === "answer" && !outcome.unsure && !same
              ? { length: "short" as const }
              : wholeAsked
                ? { length: "whole" as const }
                : {}),
            ...(speaksOfAnother(question) ? { typed: question } : {}),
          }),
        lengthAsked && this.unlessStoreDown("answer length not read", () => this.answerLengths.short(turn)),
      ]);
      if (typedInstead) return this.walkthroughs.typedInThread(running, turn.thread);
      const inShort = outcome.kind === "answer" && !outcome.unsure && !same && (brief || wantsShort === true);
      // (Once: the whole answer shown, "more" again is taken back to it.)
      const whole =
        wholeAsked &&
        !deeper &&
        (context?.length === "short" || (context?.length === undefined && wantsShort === true));
      const r = inShort
        ? briefReply(outcome.entry, this.qa.context, askedId, outcome.unnamed)
        : deeper
          ? answerReply(deeper, this.qa.context, askedId)
          : whole && answered
            ? answerReply(answered, this.qa.context, askedId)
            : followUp?.reason === "claim"
              ? claimReply(
                  followUp.of,
                  followUp.points ?? [],
                  this.qa.context,
                  askedId,
                  outcome.kind === "answer" ? outcome.unnamed : undefined,
                )
              : followUp?.reason === "sources"
                ? sourcesReply(followUp.of, this.qa.context, askedId)
                : followUp?.reason === "simpler"
                  ? simplerReply(followUp.of, this.qa.context, askedId, asksForOneLine(question))
                  : followUp?.reason === "bullets"
                    ? bulletsReply(followUp.of, this.qa.context, bulletsAsked(question) ?? 0, askedId)
                    : followUp?.reason === "verdict"
                      ? // (After a glossary term, the bottom line of the entry that weighs it: Kubernetes' is
                        // when an orchestrator is needed, not its definition; review 34's.)
                        verdictReply(caveatsOf(followUp.of), this.qa.context, askedId)
                      : followUp?.reason === "disagreement"
                        ? disagreementReply(followUp.of, this.qa.context, askedId)
                        : followUp?.reason === "reasons"
                          ? reasonsReply(followUp.of, this.qa.context, askedId)
                          : same
                            ? sameAnswerReply(outcome.entry, this.qa.context, askedId, {
                                alone: alone
                                  ? gotAlone(alone)
                                  : outcome.kind === "answer" && outcome.unsure
                                    ? [...(outcome.alternatives ?? [])]
                                    : repeated && outcome.kind === "answer"
                                      ? this.qa.asker.runnerUps(outcome.focus ?? question, outcome.entry.id)
                                      : [],
                                ...(outcome.unnamed ? { unnamed: outcome.unnamed } : {}),
                                points: guessedPoints(
                                  pointsAsked(outcome.entry, asking, this.questionWords, {
                                    asked: caveats,
                                    marks: this.knowledge.lexicon.caveatMarks,
                                  }),
                                  !followUp && outcome.kind === "answer" && outcome.unsure === true,
                                ),
                                figures: asksForFigures(question),
                                caveats,
                                named: repeated && outcome.entry.id !== context?.entryId,
                                more: wholeAsked && outcome.entry.related.length > 0,
                                example: asksForExample(question),
                              })
                            : askReply(
                                outcome,
                                this.qa.context,
                                askedId,
                                // Only a message that leans on it: not "how do i bake bread?". (Only
                                // offered entries: any message right after an answer or a recommendation.)
                                ((outcome.kind === "out-of-scope" &&
                                  leansOnConversation(question, this.questionWords)) ||
                                  (outcome.kind === "no-match" && outcome.why === "no-subject-word")) &&
                                  (context !== undefined || (await recommendation()) !== undefined),
                              );
      if (!followUp) {
        if (running) return r;
        if (outcome.kind === "answer" && !outcome.unsure)
          return same ? r : this.inYourCase(r, outcome.entry, recommendation);
        const offered = this.offerChecklist(r, reading, outcome);
        // (Kept for "what would you recommend in our case?" next, where no answer was shown.)
        if (offered !== r && outcome.kind !== "answer")
          await this.unlessStoreDown("description not kept", () =>
            this.followUps.rememberDescribed(turn, question),
          );
        return offered;
      }
      // (A claim's reply names the answer it quotes, which may not be the one before; the whole
      // answer has its own subtitle.)
      if (followUp.reason === "claim" || whole || deeper) return r;
      return this.following(r, followUp.of);
    }
    // "please keep answers short", "full answers again": kept before it is confirmed (with the store
    // down, the apology says it was not).
    if (
      outcome.kind === "smalltalk" &&
      (outcome.which === "shortAnswers" || outcome.which === "fullAnswers")
    ) {
      const short = outcome.which === "shortAnswers";
      // ("full answers again" to someone who never asked for short ones: nothing to go back from.)
      const wasShort = short || (await this.answerLengths.short(turn));
      await this.answerLengths.set(turn, short);
      const r = this.knowledge.responses;
      if (!wasShort)
        return reply("smalltalk", [{ type: "text", text: r.fullAnswers.already }], r.fullAnswers.already);
      // "tldr only" right after an answer shown in full: that answer too, in short, under the note
      // (a review's only got the confirmation). Not past a recommendation shown since.
      const full = short && context !== undefined && context.length !== "short";
      const since = full ? await recommendation() : undefined;
      const entry =
        full && (since?.at ?? 0) < (context.at ?? 0) ? this.recent.entry(context.entryId) : undefined;
      if (entry) return this.shortFromNowOn(briefReply(entry, this.qa.context));
    }
    return askReply(outcome, this.qa.context);
  }

  /** An answer in short under the note that answers come in short from now on. */
  private shortFromNowOn(answer: Reply): Reply {
    const text = this.knowledge.responses.shortAnswers.keptBeside;
    return { ...answer, parts: [{ type: "context", text }, ...answer.parts] };
  }

  /**
   * A what-if's answers, less a requirement it reads below the team's own unless it takes one away:
   * "what if we had to pass SOC 2?" with strict PCI compliance adds a regime, and read as moderate
   * it lowered theirs (a blind trial's); "what if we only had SOC 2?" still lowers it. Levels are
   * the order of the question's choices in checklist.yaml.
   */
  private requirementsAdded(
    understood: Reading["understood"],
    own: Record<string, string | null>,
    supposition: string,
  ): { kept: Reading["understood"]; covered: string[] } {
    if (TAKES_AWAY.test(supposition)) return { kept: understood, covered: [] };
    const level = (key: string, value: string | null | undefined) =>
      this.knowledge.decision.checklist
        .find((q) => q.key === key)
        ?.choices.findIndex((c) => c.value === value) ?? -1;
    const below = (key: string, value: string) =>
      REQUIREMENTS.has(key) && level(key, value) < level(key, own[key]);
    const entries = Object.entries(understood);
    return {
      kept: Object.fromEntries(entries.filter(([key, u]) => !below(key, u.value))),
      covered: entries.filter(([key, u]) => below(key, u.value)).map(([key]) => key),
    };
  }

  /** A reply about the answer `of`, saying so right under the question it answers (first, if none). */
  private following(r: Reply, of: Answerable): Reply {
    const note: Part = {
      type: "context",
      text: fill(this.knowledge.responses.followUp.following, { question: of.question }),
    };
    const [first, ...rest] = r.parts;
    return { ...r, parts: first?.type === "subtitle" ? [first, note, ...rest] : [note, ...r.parts] };
  }

  /** A follow-up with nothing before it to follow: recorded as declined, and asked for the whole question. */
  private async nothingBefore(turn: Turn, question: string): Promise<Reply> {
    await this.recordUnanswered(turn, question, "declined");
    return nothingBeforeReply(this.qa.context);
  }

  /** A question given no answer of its own (declined, or taken back to the answer `followUpOf`). */
  private async recordUnanswered(
    turn: Turn,
    question: string,
    outcome: "declined" | "repeated",
    followUpOf?: string,
  ): Promise<void> {
    await this.insights.record({
      type: "question",
      askedId: this.newId(),
      at: this.now(),
      platform: turn.platform,
      question,
      outcome,
      confidence: 0,
      ...(followUpOf ? { followUpOf } : {}),
    });
  }

  /**
   * What a message asks about the reply before it, if anything (followUp.ts pointsBack): never
   * small talk ("got it", "how are you?") or a command said in words, and a bare one ("how so?")
   * only where alone it is declined or only guessed at.
   */
  private pointing(question: string): ReturnType<typeof pointsBack> {
    const kind = pointsBack(question, this.questionWords);
    // "what are your sources for that?" is about the answer, though "what are your sources" is help.
    if (!kind || kind === "sources") return kind;
    const alone = this.recent.ask(question);
    if (alone.kind !== "answer" && alone.kind !== "no-match" && alone.kind !== "out-of-scope")
      return undefined;
    return kind === "bare" && alone.kind === "answer" && !alone.unsure ? undefined : kind;
  }

  /**
   * A message declined, only offered entries or answered with a best guess that still describes
   * the asker's situation and asks what to choose ("we're 5 devs, bursty traffic, what should we run?") gets the checklist,
   * started from what was understood.
   */
  private offerChecklist(r: Reply, reading: Reading, outcome: AskOutcome): Reply {
    const answers = understoodAnswers(reading);
    const count = Object.keys(answers).length;
    // On our subject ("how do i fix my printer manually?" is not: "manually" reads as a team's
    // maturity), and a description: two checklist answers or more (one is too often a chance word).
    const subjectless =
      (outcome.kind === "out-of-scope" && outcome.rule === "no-subject-word") ||
      (outcome.kind === "no-match" && outcome.why === "no-subject-word");
    const described = count >= 2;
    if (!reading.asksToChoose || subjectless || !described) return r;
    const text = this.knowledge.responses.situation.checklistFromHere;
    const start = button(
      this.knowledge.responses.intents.checklistButton,
      { type: "checklist.start", answers },
      "primary",
    );
    return {
      ...r,
      parts: [...r.parts, { type: "text", text }, { type: "buttons", role: "menu", buttons: [start] }],
    };
  }

  /** The checklist's questions `keys` to answer again, for a change request the reader could not read. */
  private async changeUnread(
    turn: Turn,
    answers: Record<string, string | null>,
    keys: AnswerKey[],
  ): Promise<Reply> {
    const given: Record<string, string> = {};
    for (const [k, v] of Object.entries(answers)) if (typeof v === "string") given[k] = v;
    const started = await this.walkthroughs.start(turn, { answers: given, ask: keys });
    const title = this.questionTitle(keys[0]!);
    const text = fill(this.knowledge.responses.situation.changeUnread, { question: title });
    return { ...started, parts: [{ type: "text", text }, ...started.parts] };
  }

  /**
   * `recommend <description>`: what was understood from it, and the recommendation. With nothing
   * of its own to read ("recommend", "recommend based on what I told you"), what the team told in
   * its messages before (`told`); added to it when it says so ("recommend we also need GPUs"): a
   * second blind trial's got "describe your situation", or lost what it had said.
   */
  private async recommend(
    turn: Turn,
    description: string,
    told?: Reading,
    /** The recommendation shown before: with nothing told since, the one it goes on from. */
    shown?: ShownRecommendation,
  ): Promise<Reply> {
    const reading = this.situations.read(description);
    const own = Object.keys(reading.understood).length > 0;
    if (told && (!own || ADDS_TO_TOLD.test(description)))
      return this.situationReply(turn, own ? combinedReading([told, reading]) : told);
    if (shown && !own && description.trim()) {
      await this.rememberRecommendation(turn, shown.answers, shown.actual);
      return this.recommendationFollowUp(shown.answers, "why", description, undefined, whatIfOf(shown));
    }
    if (!description.trim()) {
      const text = this.knowledge.responses.situation.describe;
      return reply("notice", [{ type: "text", text }], text);
    }
    return this.situationReply(turn, reading);
  }

  /** The reading of the question answered last here, if it says something about the team. */
  private describedIn(context: FollowUpContext): Reading | undefined {
    // (Not how it was, will be or may be: "we will be in PCI scope next year", toldAsItIs.)
    if (context.asked === undefined || !toldAsItIs(context.typed ?? context.asked)) return undefined;
    return this.teamReading(context.asked, context.typed);
  }

  /**
   * What a message says of the team, if anything: not another's ("my friend's startup runs 200
   * microservices …" then "in our case?"); beside another's, only what is told of the team, clause
   * by clause in the message as typed (`typed`, where `text` is its words alone, without commas):
   * "my friends and I run 40 microservices".
   */
  private teamReading(text: string, typed?: string): Reading | undefined {
    const all = this.recent.read(text);
    // (A statement too: "our client's security team says they need hard isolation, that's their
    // infra" then "so what's your recommendation?" read the client's need, a blind trial's.)
    const other = typed ?? (speaksOfAnother(text) || !asksSomething(text) ? text : undefined);
    const reading = other !== undefined ? toldOnlyOf(all, other) : all;
    return Object.keys(reading.understood).length > 0 ? reading : undefined;
  }

  /**
   * What a message tells of the team as it is today that a recommendation would read, if
   * anything: in a statement, said of the team clause by clause ("traffic is spiky around black
   * friday", "no legacy stuff"; not "netflix deploys daily", toldOfTheTeam); in a question,
   * only as the team ("we deploy daily, is k8s overkill?", not "is kubernetes good for spiky
   * traffic?"); never another time, a plan, a wish, a doubt or hearsay (toldAsItIs).
   */
  private toldIn(text: string): Reading | undefined {
    const all = this.recent.read(text);
    if (Object.keys(all.understood).length === 0 || !toldAsItIs(text)) return undefined;
    if (asksSomething(text) && !speaksAsTheTeam(text)) return undefined;
    const reading = toldOnlyOf(all, text);
    return Object.keys(reading.understood).length > 0 ? reading : undefined;
  }

  /**
   * "the game servers use GPUs for physics sim" after the team told of itself ("we're a game
   * studio, … launch weekends"): what it says of the system, the team's (followUp.ts tellsOfTheSystem).
   */
  private async toldOfOurSystem(turn: Turn, text: string): Promise<Reading | undefined> {
    if (!tellsOfTheSystem(text)) return undefined;
    const reading = this.recent.read(text);
    if (Object.keys(reading.understood).length === 0) return undefined;
    return (await this.withTold(turn)) ? reading : undefined;
  }

  /** Keeps what a message told of the team: bookkeeping, so the reply goes out whatever happens to it. */
  private async keepTold(turn: Turn, told: Reading): Promise<void> {
    try {
      await this.followUps.rememberTold(turn, told.understood as ToldAnswers);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) && !(error instanceof ConflictError)) throw error;
      this.log.warn({ err: error.message }, "what the team told not kept");
    }
  }

  /**
   * `reading` after what the team told of itself in its messages since the last recommendation
   * was decided (followUps.rememberTold): "we deploy about 20 times a day", "traffic is steady",
   * then "what do you recommend?" reads both (in a thread, what was told in it). With nothing
   * told and no `reading`, undefined.
   */
  private async withTold(turn: Turn, reading?: Reading): Promise<Reading | undefined> {
    const said =
      (await this.unlessStoreDown("what the team told not read", () => this.followUps.recallTold(turn))) ??
      [];
    const earlier = said.map(
      (understood): Reading => ({
        understood: understood as UnderstoodAnswers,
        conflicts: [],
        asksToChoose: false,
      }),
    );
    const all = reading ? [...earlier, reading] : earlier;
    return all.length > 0 ? combinedReading(all) : undefined;
  }

  /**
   * "what do you recommend?" with a recommendation shown: changed by what the team told of itself
   * since it was decided ("we're in a regulated industry, hipaa", answered as a question after
   * another answer: a blind trial's recommendation left it out), or else its reasons again.
   */
  private async toldOrReasons(turn: Turn, shown: ShownRecommendation, question: string): Promise<Reply> {
    return (await this.amendedByTold(turn, shown)) ?? this.aboutRecommendation(turn, shown, question);
  }

  /** What `question` asks of the recommendation shown (its reasons, sources …), which is the last thing shown again. */
  private async aboutRecommendation(
    turn: Turn,
    shown: ShownRecommendation,
    question: string,
  ): Promise<Reply> {
    await this.bringForward(turn);
    return this.recommendationFollowUp(
      shown.answers,
      askedOfIt(question, this.questionWords),
      question,
      undefined,
      whatIfOf(shown),
    );
  }

  /**
   * The recommendation shown, changed by what the team told of itself since it was decided, where
   * that differs from its answers (`reading`: one message's; by default, every message since), as
   * a correction changes it; undefined when nothing told changes it.
   */
  private async amendedByTold(
    turn: Turn,
    shown: ShownRecommendation,
    reading?: Reading,
  ): Promise<Reply | undefined> {
    const told = reading ?? (await this.withTold(turn));
    const changes = told ? changedAnswers(told, shown) : {};
    if (!told || Object.keys(changes).length === 0) return undefined;
    const changed: Reading = { ...told, understood: changes, conflicts: [] };
    await this.rememberRecommendation(turn, { ...shown.actual, ...understoodAnswers(changed) });
    await this.forgetTold(turn);
    return this.situations.whatIfReply(changed, shown.actual, true);
  }

  /** What a description answered and the recommendation, which "why?" and "what would change it?" then ask about. */
  private async situationReply(turn: Turn, reading: Reading, related?: Answerable): Promise<Reply> {
    const answers = understoodAnswers(reading);
    if (Object.keys(answers).length > 0) {
      await this.rememberRecommendation(turn, answers);
      await this.forgetTold(turn);
    } else await this.forgetContext(turn);
    return this.situations.reply(reading, related);
  }

  /** The recommendation is the last thing shown again; with the store down the reply still goes out. */
  private async bringForward(turn: Turn): Promise<void> {
    await this.unlessStoreDown("recommendation not brought forward", () => this.followUps.bringForward(turn));
  }

  /** As forgetContext: with the store down the reply still goes out. */
  private async rememberRecommendation(
    turn: Turn,
    answers: Record<string, string | null>,
    actual?: Record<string, string | null>,
  ): Promise<void> {
    await this.unlessStoreDown("recommendation context not kept", () =>
      this.followUps.rememberRecommendation(turn, answers, actual),
    );
  }

  /** What the team told was taken in by a recommendation; with the store down the reply still goes out. */
  private async forgetTold(turn: Turn): Promise<void> {
    await this.unlessStoreDown("what the team told not cleared", () => this.followUps.forgetTold(turn));
  }

  /** A walkthrough pressed on; when that finished it, its recommendation is what "why?" asks about. */
  private async press(
    turn: Turn,
    action: Extract<Action, { type: "checklist.answer" | "checklist.control" }>,
    readFrom?: string,
  ): Promise<Reply[]> {
    const replies = await this.walkthroughs.press(turn, action, readFrom);
    if (replies.some((r) => r.kind === "recommendation")) {
      // The result is saved and shown whatever happens here: at worst "why?" is not about it.
      const answers = await this.unlessStoreDown("recommendation context not kept", () =>
        this.walkthroughs.finishedAnswers(turn),
      );
      if (answers) {
        await this.rememberRecommendation(turn, answers);
        // (Its answers were given one by one: nothing told before it is read into it later.)
        await this.forgetTold(turn);
        // Whoever finished it may ask about it outside the thread too ("why not kubernetes?" typed
        // in the channel, where a blind trial's user asked): their last thing shown there.
        if (turn.thread) {
          const { thread: _inThread, ...outside } = turn;
          await this.rememberRecommendation(outside, answers);
        }
      }
    }
    return replies;
  }

  /**
   * "what would it take to switch?" about the recommendation shown last (or the option the question
   * names): the FAQ entry on moving to it, which becomes the answer follow-ups are about; where the
   * documents describe no such move, that, and what the option involves.
   */
  private async gettingThere(
    turn: Turn,
    shown: ShownRecommendation,
    question: string,
  ): Promise<Reply | undefined> {
    const { decision: knowledge, responses } = this.knowledge;
    const decision = decide(parseAnswers(shown.answers), knowledge);
    const named = this.optionNamed(question);
    const instead = named !== undefined && named !== decision.recommendation ? named : undefined;
    // Another option only where the question moves to it ("… switch to microvms?"): "where do we
    // start with kubernetes?" after Containers asks about learning it (an independent review's).
    if (instead && !MOVES_TO.test(rawWords(question).join(" "))) return undefined;
    // Too few answers for a recommendation: no pick to move to, but the questions that would decide.
    if (decision.provisional && !instead)
      return this.recommendationFollowUp(shown.answers, "change", question, undefined, whatIfOf(shown));
    const option = instead ?? decision.recommendation;
    const rec = knowledge.recommendations.find((r) => r.id === option);
    const title = rec?.title ?? option;
    const opening: Part = { type: "context", text: this.followUpOpening(decision, whatIfOf(shown)) };
    const entry = rec?.gettingThere ? this.qa.asker.entry(rec.gettingThere) : undefined;
    if (!entry) {
      const parts: Part[] = [opening, { type: "text", text: fill(responses.followUp.noWayThere, { title }) }];
      if (rec) parts.push({ type: "text", text: rec.summary });
      return reply("recommendation", parts, title);
    }
    await this.unlessStoreDown("follow-up context not kept", () =>
      this.followUps.remember(turn, { entryId: entry.id }),
    );
    const answer = answerReply(entry, this.qa.context);
    const way = instead ? responses.followUp.gettingThereInstead : responses.followUp.gettingThere;
    return { ...answer, parts: [opening, { type: "text", text: fill(way, { title }) }, ...answer.parts] };
  }

  /**
   * "Following up on the recommendation: …", or after a what-if, said as one beside what the
   * team's own answers give (blind trial 31's "3-line version" summed up a what-if's pick as if
   * it were theirs).
   */
  private followUpOpening(decision: Decision, own?: Record<string, string | null>): string {
    const { decision: knowledge, responses } = this.knowledge;
    const title = this.titleOf(decision);
    if (!own) return fill(responses.followUp.recommendation, { title });
    const ownDecision = decide(parseAnswers(own), knowledge);
    if (
      ownDecision.provisional === decision.provisional &&
      ownDecision.recommendation === decision.recommendation
    )
      return fill(responses.followUp.whatIfSame, { title });
    if (ownDecision.provisional) return fill(responses.followUp.whatIfOwnOpen, { title });
    return fill(responses.followUp.whatIf, { title, own: this.titleOf(ownDecision) });
  }

  /** A decision's title, or the provisional heading while too few answers pick one. */
  private titleOf(decision: Decision): string {
    return decision.provisional ? this.knowledge.decision.rules.labels.provisionalHeading : decision.title;
  }

  /** "why?", "why not kubernetes?", "what would change it?" about the recommendation shown last. */
  private recommendationFollowUp(
    answers: Record<string, string | null>,
    asked: RecommendationQuestion,
    question: string,
    /** The option a "why …?" asks about, where the question says which (whyNotNamed). */
    named?: WhyNotNamed,
    /** The team's own answers, when `answers` are a what-if's (whatIfOf). */
    own?: Record<string, string | null>,
  ): Reply {
    const { decision: knowledge, responses } = this.knowledge;
    const decision = decide(parseAnswers(answers), knowledge);
    const namedOption = named && this.askedOption(named, decision.recommendation);
    // "Why not X?": X's own case, the runner-up's when it names nothing else ("why not the other
    // one?"); about the pick itself or something that is no option ("why not nomad?"), the reasons.
    const option =
      asked !== "why-not"
        ? undefined
        : (namedOption ??
          this.optionNamed(whyClause(question)) ??
          this.optionNamed(question) ??
          (saysNothingElse(question, this.questionWords) ? decision.runnerUp : undefined));
    const about = asked === "why-not" && !option ? "why" : asked;
    const title = this.titleOf(decision);
    const parts: Part[] = [{ type: "context", text: this.followUpOpening(decision, own) }];
    // "why not gvisor instead?": no option of ours, and a product the documents never mention.
    if (asked === "why-not" && !option) {
      const alone = this.recent.ask(question);
      parts.push(...unnamedLine("unnamed" in alone ? alone.unnamed : undefined, responses));
    }
    const summary = knowledge.recommendations.find((r) => r.id === decision.recommendation)?.summary;
    const namedForCaveats = about === "caveats" ? this.optionNamed(question) : undefined;
    const otherNamed = namedForCaveats !== decision.recommendation ? namedForCaveats : undefined;
    // "which two or three sources back it most strongly?": those of its strongest reasons (blind
    // trial 27's got all 26 sections).
    if (about === "sources" && !decision.provisional && ASKS_FEW_SOURCES.test(question))
      parts.push(
        { type: "text", text: responses.followUp.strongestSources },
        strongestSources(decision, this.knowledge.documents, responses.walkthrough),
      );
    else if (about === "sources")
      parts.push(
        { type: "text", text: responses.followUp.sources },
        recommendationSources(decision, this.knowledge.documents, responses.walkthrough),
      );
    else if (about === "simpler" && summary && !decision.provisional) {
      // The pick, its two strongest reasons in a sentence each, and what would change it: the
      // option's summary alone read as a stock sentence to five blind-trial readers out of five.
      const reasons = decision.reasons.slice(0, SHORT_REASONS).map((r) => `- ${firstSentence(r.text)}`);
      parts.push(
        { type: "text", text: responses.followUp.simpler },
        { type: "text", text: firstSentence(summary) },
        ...(reasons.length > 0 ? [{ type: "text" as const, text: reasons.join("\n") }] : []),
        ...(decision.pivots.length > 0 ? recommendationFollowUpParts(decision, "change", knowledge) : []),
      );
    }
    // "whats the biggest risk with the mixed plan?" naming an option that is not the pick: what
    // counts against that option.
    else if (about === "caveats" && !decision.provisional && otherNamed)
      parts.push(...recommendationFollowUpParts(decision, "why-not", knowledge, otherNamed));
    // "what's the catch?": the caveats the card gave; when these answers raise none, the option's
    // own price, which its summary names ("at the price of larger resource footprints …").
    else if (about === "caveats" && !decision.provisional) {
      const caveats = caveatsPart(decision);
      if (caveats) parts.push(caveats);
      else if (summary)
        parts.push({ type: "text", text: responses.followUp.noCaveats }, { type: "text", text: summary });
    } else {
      const asking = about === "simpler" || about === "caveats" ? "why" : about;
      // ("What would have to change for a mixed platform to win?": the change toward it, if any.)
      const toward = asking === "change" ? this.optionNamed(question) : undefined;
      // (Toward the pick itself, "… for you to recommend VMs?" with VMs picked: it already is.)
      if (toward !== undefined && toward === decision.recommendation)
        parts.push({ type: "text", text: responses.followUp.alreadyPicked });
      else if (asking === "change" && decision.pivots.length === 0)
        parts.push({ type: "text", text: responses.followUp.noPivot });
      parts.push(...recommendationFollowUpParts(decision, asking, knowledge, option, toward));
    }
    return reply("recommendation", parts, title);
  }

  /** The words that take an operating-system family away in a what-if ("dropped windows"), if any. */
  private osFamilyDropped(supposed: string, question: string): string | undefined {
    // (The family alone or a part of the estate in it: "we have no windows servers".)
    const taken =
      /^we have no (?:(?:the|our)\s+)?(\S+)(?:\s+(?:servers?|boxes|machines|hosts|nodes|vms|part|bit|side|stuff|workloads?|apps?|estate|fleet|systems?))?$/i
        .exec(supposed.trim())?.[1]
        ?.toLowerCase();
    const families = Object.values(this.knowledge.situations.osFamilies?.families ?? {}).flat();
    if (!taken || !families.includes(taken)) return undefined;
    return `${removalWords(question) ?? "no"} ${taken}`;
  }

  /**
   * A what-if that took something away was read as having none ("we have no untrusted code …"):
   * its evidence quotes the person's own words ("drop the untrusted code"), not the reader's "no";
   * likewise "was" and "were".
   */
  private quotedAsSaid(reading: Reading, question: string): Reading {
    const removal = removalWords(question);
    // And "was"/"were", read as "is"/"are" (followUp.ts supposition), as written.
    const was = /\bwas\b/i.test(question);
    const were = /\bwere\b/i.test(question);
    if (!removal && !was && !were) return reading;
    const asWritten = (evidence: string) => {
      let e = removal && evidence.startsWith("no ") ? `${removal} ${evidence.slice(3)}` : evidence;
      if (was) e = e.replace(/\bis\b/i, "was");
      if (were) e = e.replace(/\bare\b/i, "were");
      return e;
    };
    const understood = Object.fromEntries(
      Object.entries(reading.understood).map(([k, u]) => [k, u && { ...u, evidence: asWritten(u.evidence) }]),
    );
    return { ...reading, understood };
  }

  /**
   * "why not just plain containers on a managed service?", "why is containers ruled out
   * completely? …": why not an option it names, in more words than aboutRecommendation takes.
   */
  private whyNotNamed(question: string): WhyNotNamed | undefined {
    const first = whyClause(question);
    // Nothing else asked after it: "why not vms, and how would backups work?" asks of backups
    // (but "why not kubernetes, is it because we are too small?" asks why not).
    const rest = question.slice(question.indexOf(first) + first.length);
    if (
      /^\W*(?:and|also|plus)\s+(?:how|what|which|when|where|can|could|should|do|does|is|are|would|will)\b/i.test(
        rest,
      )
    )
      return undefined;
    const text = rawWords(first).join(" ");
    // "why not …", or "why is/did you …" with a word for leaving it out; not "why are containers
    // not secure?", a question of its own.
    const whyNot = WHY_NOT.test(text);
    const leftOut =
      WHY_SCORED_LOW.test(text) ||
      (WHY_IS.test(text) &&
        (/\b(?:ruled out|rule out|excluded|left out|instead|rather than|off the table|not an option|rejected|dropped)\b/.test(
          text,
        ) ||
          // "why is the mixed platform out?"; not "why is the container out of memory?".
          /\bout$/.test(text)));
    // "why VMs?", "why VMs rather than the mixed platform?" (blind trial 22's got the option's
    // definition): an option named in full right after "why", and nothing else but what it is
    // set against ("why kubernetes?", "why use containers?" are questions of their own).
    const bare = !whyNot && !leftOut && WHY_OPTION.test(text);
    if (!whyNot && !leftOut && !bare) return undefined;
    const titleOf = (id: RecommendationId | undefined) => this.optionTitleStems(id);
    const against = bare ? SET_AGAINST.exec(text) : null;
    const named = against ? text.slice(0, against.index) : first;
    const option = this.optionNamed(named);
    if (!option) return undefined;
    const versus = against ? this.optionNamed(against[1]!) : undefined;
    if (against && !versus) return undefined;
    if (bare) {
      const said = new Set(this.qa.stems(text));
      const inFull = (id: RecommendationId) => titleOf(id).every((s) => said.has(s));
      if (!inFull(option) || (versus && !inFull(versus))) return undefined;
    }
    // Nothing asked besides the option ("why not use containers for the database as well?" asks
    // about databases): its title's words and words of the question's frame only.
    const title = new Set([...titleOf(option), ...titleOf(versus)]);
    const frame = new Set(this.qa.stems(bare ? WHY_OPTION_FRAME : WHY_NOT_FRAME));
    // (A score quoted is no word of its own: "… if they scored 7?")
    // (Nor someone it is likened to: "why not just VMs like the parent company?", a blind trial's
    // was "not covered".)
    const likened = first.replace(/\s+(?:just\s+)?like\s+(?:\S+\s+){0,3}\S+?\s*[?.!]*\s*$/i, "");
    const own = this.qa.stems(likened).filter((s) => !title.has(s) && !frame.has(s) && !/^\d+$/.test(s));
    if (own.length > 0) return undefined;
    return { option, bare, ...(versus ? { versus } : {}) };
  }

  /** The content words of an option's title ("Kubernetes on VMs": kubernetes, vm). */
  private optionTitleStems(id: RecommendationId | undefined): string[] {
    return this.qa.stems(this.knowledge.decision.recommendations.find((r) => r.id === id)?.title ?? "");
  }

  /** "I can't tell which of the checklist's answers that gives: it asks about …" (situation.toldNothing). */
  private toldNothing(): Reply {
    const questions = this.knowledge.decision.checklist.map((q) => q.title).join(", ");
    const text = fill(this.knowledge.responses.situation.toldNothing, { questions });
    return reply("notice", [{ type: "text", text }], text);
  }

  /** "Noted for your recommendation: Load pattern: Steady …" (situation.toldNoted). */
  private toldNoted(answers: [key: string, value: string][]): Reply {
    const named = answers.map(([key, value]) => this.answerLabel(key, value));
    const text = fill(this.knowledge.responses.situation.toldNoted, { answers: named.join(", ") });
    return reply("notice", [{ type: "text", text }], text);
  }

  /**
   * An answer whose subject an answer of the recommendation shown bears on (faq `bearsOn`): what
   * that answer meant for the pick, after the answer's first text ("where does the database go?"
   * after a mixed platform got only the general databases answer, a blind trial's). The team's own
   * answers, not a what-if's; nothing while the recommendation is short of answers.
   */
  private async inYourCase(
    r: Reply,
    entry: Answerable,
    recommendation: () => Promise<ShownRecommendation | undefined>,
  ): Promise<Reply> {
    if (!entry.bearsOn || entry.bearsOn.length === 0) return r;
    const shown = await recommendation();
    if (!shown) return r;
    const answers = parseAnswers(shown.actual);
    const decision = decide(answers, this.knowledge.decision);
    if (decision.provisional) return r;
    const notes = entry.bearsOn.flatMap((key) => {
      const value = answers[key];
      const reason = value
        ? reasonOfAnswer(answers, this.knowledge.decision, key, decision.recommendation)
        : undefined;
      if (!value || !reason) return [];
      const text = fill(this.knowledge.responses.followUp.inYourCase, {
        title: decision.title,
        answer: this.answerLabel(key, value),
        reason: reason.text,
      });
      return [{ type: "text" as const, text }];
    });
    if (notes.length === 0) return r;
    const at = r.parts.findIndex((p) => p.type === "text") + 1;
    return { ...r, parts: [...r.parts.slice(0, at), ...notes, ...r.parts.slice(at)] };
  }

  /** An answer as "Question: Option" ("Load pattern: Steady"), the option in short. */
  private answerLabel(key: string, value: string): string {
    const choice = this.knowledge.decision.checklist
      .find((q) => q.key === key)
      ?.choices.find((c) => c.value === value);
    return `${this.questionTitle(key)}: ${choice ? shortLabel(choice.label) : value}`;
  }

  /** A checklist question's title ("Compliance"), or its key where there is none. */
  private questionTitle(key: string): string {
    return this.knowledge.decision.checklist.find((q) => q.key === key)?.title ?? key;
  }

  /**
   * "and microvms?", "what about plain VMs?" naming an option in full and nothing else: why not it,
   * while the recommendation is the last thing shown (a blind trial's, after "why not kubernetes?",
   * got microVMs' definition). As a bare "why X?", only then: after another answer it is a question.
   */
  private whatAboutOption(question: string): WhyNotNamed | undefined {
    const asked = WHAT_ABOUT.exec(rawWords(question).join(" "));
    if (!asked) return undefined;
    const option = this.optionNamed(asked[1]!);
    if (!option) return undefined;
    const title = new Set(this.optionTitleStems(option));
    const said = this.qa.stems(asked[1]!);
    const frame = new Set(this.qa.stems(WHAT_ABOUT_FRAME));
    const inFull = [...title].every((s) => said.includes(s));
    return inFull && said.every((s) => title.has(s) || frame.has(s)) ? { option, bare: true } : undefined;
  }

  /**
   * Which option a "why …?" asks about, given the pick: "why X rather than Y?" asks Y's case, or
   * X's when Y is the pick ("why containers over vms?" with VMs picked); "why containers?" after
   * Container-shaped development, whose title holds Containers' words, asks about the pick.
   */
  private askedOption(named: WhyNotNamed, pick: RecommendationId): RecommendationId {
    if (named.versus) return named.versus === pick ? named.option : named.versus;
    if (!named.bare || named.option === pick) return named.option;
    const titleOf = (id: RecommendationId) => new Set(this.optionTitleStems(id));
    const pickTitle = titleOf(pick);
    return [...titleOf(named.option)].every((s) => pickTitle.has(s)) ? pick : named.option;
  }

  /**
   * The option a question names: the one whose title's words it uses most, then the one with the
   * largest share of its title used ("why not containers?" is Containers, "why not container-shaped?"
   * Container-shaped development; "why not kubernetes?" Kubernetes on VMs).
   */
  private optionNamed(question: string): RecommendationId | undefined {
    const own = new Set(this.qa.stems(question));
    let best: { id: RecommendationId; used: number; share: number } | undefined;
    for (const r of this.knowledge.decision.recommendations) {
      const words = this.qa.stems(r.title);
      const used = words.filter((w) => own.has(w)).length;
      const share = used / Math.max(1, words.length);
      const better = !best || used > best.used || (used === best.used && share > best.share);
      if (used > 0 && isRecommendationId(r.id) && better) best = { id: r.id, used, share };
    }
    return best?.id;
  }

  private async act(turn: Turn, action: Action): Promise<Reply[]> {
    const forgets = FORGETS_CONTEXT.get(action.type);
    if (forgets !== undefined) await this.forgetContext(turn, forgets);
    switch (action.type) {
      case "ask": {
        const entry = this.qa.asker.entry(action.entryId);
        if (!entry) return [this.notice(this.knowledge.responses.errors.unknownEntry)];
        if (action.via === "suggestion" && action.askedId) {
          // A runner-up picked instead of the best guess answered is a correction of that guess
          // (it shows in the "Not what I asked" report); one picked from "did you mean", a pick.
          const asked = await this.asked.get(action.askedId);
          const guessed = asked?.entryId && asked.entryId !== entry.id ? asked.entryId : undefined;
          await this.insights.record({
            type: guessed ? "correction" : "pick",
            askedId: action.askedId,
            at: this.now(),
            entryId: entry.id,
            ...(guessed ? { wrongEntryId: guessed } : {}),
          });
        }
        // (A pick from "Not what I asked" keeps the question it answers: "wrong again" re-ranks it.)
        await this.followUps.remember(turn, {
          entryId: entry.id,
          ...(action.via === "correction" && action.askedId ? { askedId: action.askedId } : {}),
        });
        if (action.via === "correction" && action.askedId) {
          const asked = await this.asked.get(action.askedId);
          await this.insights.record({
            type: "correction",
            askedId: action.askedId,
            at: this.now(),
            entryId: entry.id,
            ...(asked?.entryId ? { wrongEntryId: asked.entryId } : {}),
          });
          // The right answer takes the place of the list it was picked from.
          return [{ ...answerReply(entry, this.qa.context, action.askedId), placement: "replace" }];
        }
        return [answerReply(entry, this.qa.context, action.askedId)];
      }
      case "not-this":
        return [await this.notThis(action)];
      case "feedback":
        return [await this.feedback(turn, action)];
      case "compare":
        return [compareReply(this.browse, action.aspect)];
      case "topics":
        return [topicsReply(this.browse, action.topic)];
      case "myths":
        return [this.fixed("myths", () => mythsReply(this.browse))];
      case "help":
        return [this.fixed("help", () => helpReply(this.browse))];
      case "checklist.start": {
        if (!action.answers) return [await this.walkthroughs.start(turn)];
        const answers: Record<string, string> = {};
        for (const [k, v] of Object.entries(action.answers)) if (typeof v === "string") answers[k] = v;
        return [await this.walkthroughs.start(turn, { answers, ...(action.ask ? { ask: action.ask } : {}) })];
      }
      case "checklist.begin":
        return this.walkthroughs.begin(turn, action);
      case "checklist.resume":
        return this.walkthroughs.resume(turn, action);
      case "checklist.answer":
      case "checklist.control":
        return this.press(turn, action);
      case "share":
        if (action.walkthroughId) return this.walkthroughs.share(turn, action.walkthroughId);
        return [this.shareEntry(turn, action.entryId)];
    }
  }

  /**
   * "Not what I asked": the matcher's ranking of the same text, without the entry that was shown
   * (nor the first answer, after a pick), in place of the wrong answer.
   */
  private async notThis(action: Extract<Action, { type: "not-this" }>): Promise<Reply> {
    const asked = await this.asked.get(action.askedId);
    if (!asked) return this.notice(this.knowledge.responses.correction.expired);
    const shown = new Set([action.entryId, asked.entryId]);
    const others = this.qa.asker
      .explain(asked.matched)
      .result.ranked.filter((r) => !shown.has(r.id))
      .slice(0, CORRECTION_CHOICES)
      .flatMap((r) => this.qa.asker.entry(r.id) ?? []);
    return correctionReply(others, this.qa.context, action.askedId);
  }

  /** One vote per person per answer: a second press (or a replayed one) records nothing new. */
  private async feedback(turn: Turn, action: Extract<Action, { type: "feedback" }>): Promise<Reply> {
    if (!this.qa.asker.entry(action.entryId))
      return this.notice(this.knowledge.responses.errors.unknownEntry);
    const first = await this.store.claim(
      `feedback:${turn.platform}:${pseudonym(turn.user.id)}:${action.entryId}:${action.askedId ?? "-"}`,
      FEEDBACK_TTL_MS,
    );
    const said = this.knowledge.responses.feedback;
    if (!first) return this.notice(said.alreadyRated);
    await this.insights.record({
      type: "feedback",
      at: this.now(),
      entryId: action.entryId,
      vote: action.vote,
      ...(action.askedId ? { askedId: action.askedId } : {}),
    });
    return this.notice(action.vote === "up" ? said.up : said.down);
  }

  private shareEntry(turn: Turn, entryId: string | undefined): Reply {
    const entry = entryId ? this.qa.asker.entry(entryId) : undefined;
    if (!entry) return this.notice(this.knowledge.responses.errors.unknownEntry);
    const answer = answerReply(entry, this.qa.context);
    // The shared note names the question, so the subtitle would only repeat it.
    const parts = answer.parts.filter(
      (p) => p.type !== "subtitle" && !(p.type === "buttons" && p.role === "feedback"),
    );
    parts.unshift({
      type: "context",
      text: fill(this.knowledge.responses.share.answerShared, {
        name: mention(turn.user),
        question: entry.question,
      }),
    });
    return { ...answer, parts, placement: "channel" };
  }

  private async statsReply(): Promise<Reply> {
    return statsReply(computeStats(await this.insights.read(), this.qa.stems));
  }

  /**
   * Replies that depend on nothing but the knowledge (help, myths) are built once and shared,
   * so renderers can cache their output per reply object too. Callers must not mutate them.
   */
  private readonly fixedReplies = new Map<string, Reply>();
  private fixed(key: string, build: () => Reply): Reply {
    let r = this.fixedReplies.get(key);
    if (!r) {
      r = build();
      this.fixedReplies.set(key, r);
    }
    return r;
  }

  private notice(text: string, kind: "notice" | "error" = "notice"): Reply {
    return reply(kind, [{ type: "text", text }], text, { visibility: "private" });
  }
}

/** A description that adds to what was told before: "we also need GPUs", "… too", "as well". */
const ADDS_TO_TOLD = /\b(?:also|too|as\s+well|on\s+top\s+of\s+(?:that|this)|in\s+addition|additionally)\b/i;

/** A lead-in back to the team's own case: "ok back to our case,", "anyway, regarding our situation:", "back to us -". */
const BACK_TO_OUR_CASE =
  /^\W*(?:(?:ok|okay|so|anyway|anyways|right|alright|well)[\s,]+)*(?:(?:(?:going|coming|getting|circling)\s+)?(?:back\s+to|regarding|re|about|as\s+for)\s+(?:our|my)\s+(?:own\s+)?(?:case|situation|setup|team|company|stack|use\s+case)|back\s+to\s+(?:us|me))\s*[:,\-—–]\s*/i;

/** Words before a request to start over: "ok", "please", "forget all that,". */
const START_OVER_LEAD =
  "^\\W*(?:(?:ok|okay|so|please|pls|hmm|right|alright|actually|nvm|nevermind|never\\s+mind)\\W+)*";
/** "forget all that", "ignore everything i said" (and nothing after it, or a start over). */
const FORGET_ALL =
  "(?:forget|scrap|ignore|disregard)\\s+(?:about\\s+)?(?:all\\s+(?:of\\s+)?(?:that|this)|everything|what\\s+(?:i|we)\\s+(?:said|told\\s+you))(?:\\s+(?:i|we)\\s+(?:said|told\\s+you))?";
/** "start over", "let's start again", "reset", "clean slate". */
const RESTART =
  "(?:(?:let'?s|lets|can\\s+we|i\\s+want\\s+to)\\s+)?(?:start\\s+(?:over|again|afresh|fresh|from\\s+scratch)|reset)";
const STARTS_OVER = new RegExp(
  `${START_OVER_LEAD}(?:${FORGET_ALL}(?:\\W+(?:and\\s+)?${RESTART})?|${RESTART})(?:\\s+(?:please|pls))?\\W*$`,
  "i",
);

/** Does a message ask to start over, forgetting what was told and recommended? */
function startsOver(text: string): boolean {
  return STARTS_OVER.test(text);
}

/** A team's size said: "a team of 4", "we're 3 devs", "12 engineers". */
const TEAM_SIZE =
  /\b(?:team\s+of\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(?:person|people|devs?|developers?|engineers?|folks)\b)/i;

/** Words of another case than the team's own: "… for my other team?", "different scenario: …". */
const ANOTHER_CASE =
  /\b(?:other|another|different|scenario|hypothetical|hypothetically|(?:some(?:one|body)|anyone|anybody)\s+else|(?:a|my|our)\s+new\s+(?:team|project|product|app|client|customer|company)|next\s+(?:team|project|product|app|client|customer|company))\b/i;

/** Does a request for a recommendation speak of the team's own case (what it told before counts)? */
function ofTheTeamsOwnCase(question: string): boolean {
  return !ANOTHER_CASE.test(question) && !speaksOfAnother(question);
}

/** The answers of `reading` that differ from the recommendation's own (the team's, not a what-if's). */
function changedAnswers(reading: Reading, shown: ShownRecommendation): UnderstoodAnswers {
  return Object.fromEntries(
    Object.entries(reading.understood).filter(([key, u]) => shown.actual[key] !== u.value),
  );
}

/** A reading with only the answers `said` tells of the team, clause by clause (toldOfTheTeam). */
function toldOnlyOf(reading: Reading, said: string): Reading {
  return {
    ...reading,
    understood: Object.fromEntries(
      Object.entries(reading.understood).filter(([, u]) => toldOfTheTeam(said, [u.evidence])),
    ),
  };
}
