import type { ChecklistQuestion } from "../../knowledge/decisionSchema.ts";
import type { Knowledge } from "../../knowledge/load.ts";
import type { StateStore } from "../../store/store.ts";
import { updateKey } from "../../store/update.ts";
import type { Action } from "../action.ts";
import { ANSWER_KEYS, type AnswerKey } from "../decision/contract.ts";
import { DecisionInputError, decide, parseAnswers } from "../decision/index.ts";
import { fill } from "../fill.ts";
import { rawWords } from "../matcher/text.ts";
import { mention } from "../render/inline.ts";
import { reply } from "../replies/common.ts";
import type { Reply, StepRef } from "../reply.ts";
import type { Reading, UnderstoodAnswers } from "../situation/extract.ts";
import type { Turn } from "../turn.ts";
import {
  answeredCard,
  continueCard,
  controlCard,
  correctedCard,
  questionCard,
  type WalkthroughTexts,
} from "./cards.ts";
import {
  bareAnswer,
  changeRequested,
  choiceNamed,
  closestChoice,
  confirmedNamed,
  correctedTo,
  echoedChoice,
  givenByName,
  headNamed,
  leadNamed,
  named,
  negated,
  openingChatter,
  optionNamedIn,
  optionSwapped,
  optionWordNamed,
  requestedChanges,
  saidFor,
  withoutChatter,
  yesOrNoSaid,
} from "./choiceWords.ts";
import { RECENT_LIMIT, type RecentWalkthrough, recentKey } from "./recent.ts";
import { recommendationParts, recommendationReply } from "./recommendationCard.ts";
import {
  answeredValues,
  askedSteps,
  PENDING_TTL_MS,
  pendingKey,
  showKey,
  WALKTHROUGH_TTL_MS,
  type WalkthroughState,
  walkthroughKey,
  walkthroughStateSchema,
  who,
} from "./state.ts";
import { asksSomething, PLANNED, statesSomething } from "./statement.ts";
import { applyPress, newWalkthrough, type Prefill, type Press, type PressOutcome } from "./transitions.ts";

/** A contrast in a typed answer, after which what the words before it said may be turned. */
const CONTRAST_WORDS = "but|though|although|however|except";
const CONTRAST = new RegExp(`\\b(?:${CONTRAST_WORDS})\\b`, "i");
/** A rest of a message that opens with a contrast: ", but payments go through it …". */
const OPENS_WITH_CONTRAST = new RegExp(`^\\W*(?:${CONTRAST_WORDS})\\b`, "i");

/**
 * Does a contrast in `text` turn what the words before it said ("mostly our own services, but
 * payments go through it so pci applies"), rather than back it with a negation ("our own
 * services, but nothing sensitive")?
 */
function turnedByContrast(text: string): boolean {
  const contrast = CONTRAST.exec(text);
  return contrast !== null && !negated(text.slice(contrast.index + contrast[0].length));
}

/** Words of degree that may open a typed answer before what it says ("pretty flat", "fairly rare"). */
const DEGREES = new Set([
  "pretty",
  "fairly",
  "quite",
  "very",
  "mostly",
  "rather",
  "really",
  "relatively",
  "generally",
]);

/** Besides DEGREES, words that may open a typed answer before what it says: "a few times a year", "like twice a month". */
/**
 * Where an answer holds, said before it: "For this platform, …", "for us, …", "in our case, …",
 * "here, …". Only with a determiner, "us" or "now", and never the past or an old system ("on the old stack, monthly, but
 * …", "in the past, quarterly"), nor a degree ("at least weekly, …", "in prod daily, …"): an
 * independent review's.
 */
const SCOPE_LEAD =
  /^\s*(?:(?:for|on|in|at)\s+(?:us|now|(?:this|our|the|my|that)\s+(?!(?:old|previous|former|legacy|past)\b)(?:[\w'-]+\s+)?[\w'-]+)|here)\s*,\s*/i;

// (And how often it holds: "usually every two weeks at the end of a sprint", blind trial 31's.)
const LEADS_IN = new Set([
  ...DEGREES,
  ...["a", "an", "like", "about", "around", "roughly", "approximately"],
  ...["usually", "normally", "typically"],
]);

/** Asks what the question or its options mean, in rawWords' spelling ("no idea what that means"). */
const MEANING =
  /(?:^| )(?:what (?:does|do|did) (?:that|this|it|those|these|the (?:question|options?|choices?))(?: \w+){0,2} mean|(?:no idea|not sure|dont know|do not know|dont understand) what (?:that|this|it|you|the question) means?|what do you mean|explain (?:the |these |those )?(?:options|choices|question)|i dont understand(?: the question)?)(?: here| exactly| by that| by this| please)?$/;

/** Other words for the controls, typed alone in a checklist's thread. */
const CONTROL_SYNONYMS = new Map<string, "back" | "restart" | "cancel">([
  ["start over", "restart"],
  ["start again", "restart"],
  ["go back", "back"],
  ["go back one", "back"],
  ["back one", "back"],
  ["undo", "back"],
  // Not "stop" alone ("stop, let me check with security").
  ["stop the checklist", "cancel"],
  ["cancel the checklist", "cancel"],
  ["forget the checklist", "cancel"],
]);

/** "stop" with what it stops: "stop this", "stop it now please" (not "stop" alone, above). */
const STOP = /^stop(?: (?:this|it|that|here|now|please|pls|the walkthrough|the questions))+$/;
/** After a reason, stopping the walkthrough itself: "stop this", "stop here", "stop the checklist". */
const STOP_AFTER_REASON = /^stop (?:this|here|the checklist|the walkthrough)(?: (?:please|pls|now|thanks))*$/;
/** The most words a short reason before a control may have: "ugh i have a meeting, stop this". */
const MAX_REASON_WORDS = 8;

/** Words before a control that only soften it, in rawWords' spelling: "nvm cancel this". */
const CONTROL_OPENING =
  /^(?:(?:nvm|never mind|nevermind|ok|okay|actually|hmm+|oh|please|pls|lets|just|ugh|sorry) )+/;
/** …and after it: "cancel this", "go back please". */
const CONTROL_CLOSING = /(?: (?:this|it|that|please|pls|now|then|thanks|thx))+$/;

/** A statement asking to skip the question, in rawWords' spelling. */
const SKIPS = /(?:^| )(?:skip|not sure|no idea|dont know|do not know|dunno|unsure)(?: |$)/;
const SKIPS_FIRST =
  /^(?:(?:hmm|um|honestly|ok|so) )*(?:skip|not sure|no idea|dont know|do not know|dunno|unsure)(?: |$)/;

/** The longest platform reference to a posted card kept (walkthroughStateSchema's shownRef). */
const MAX_REF = 512;

type Deps = {
  knowledge: Knowledge;
  store: StateStore;
  now: () => number;
  newId: () => string;
  /** How long the process posting a card has it to itself before a stale press may post it again. */
  showLeaseMs: number;
};

type Refusal = "stale" | "finished" | "cancelled" | "missing";

export const DEFAULT_SHOW_LEASE_MS = 15_000;

const parse = (value: unknown) => {
  const parsed = walkthroughStateSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** Words of estimate in an answer to the question asked: "maybe once a semester", "strong, I suppose". */
const ESTIMATES = /\b(?:maybe|probably|perhaps|i\s+suppose|i\s+guess|i\s+think|i['’]?d\s+say)\b/gi;
/** A doubt said outright, which no estimate word hides. */
const DOUBTS = /\b(?:not\s+sure|unsure|no\s+idea|dunno|idk|not\s+certain)\b/i;
/** Others' "will": what they do ("some of them will try to escape the sandbox"), no plan of the team's. */
const OTHERS_WILL = /\b(them|they|students|users|customers|tenants|people|attackers)\s+will\b/gi;

/**
 * Threaded checklist walkthroughs: start, answer, go back, restart, cancel, share. What people
 * see always follows the stored state: every card is marked with the state's revision, the
 * delivery loop records when it was shown, and a press on an older card re-shows the current one.
 */
/** An opening read as the answer (readOpening) has at most this many words: "quite strong i would say". */
const MAX_OPENING_WORDS = 8;
/**
 * After an opening, a question about it: "Strict: is that the one for HIPAA?", "strict. and pci,
 * is that covered by strict?", "spiky. so that means containers?".
 */
const ASKED_AFTER =
  /^\W*(?:(?:and|but|though|so|also|or)\W+(?:\w+\W+){0,3})?(?:is|are|what|which|does|do|how|why|can|should|would|that means)\b/i;
/**
 * After an opening, words that make it conditional, someone else's, taken back or about to change
 * ("I think nothing formal, but probably soc2 at some point"; a "maybe" of today does not: "maybe
 * GDPR because donors are in europe? but nobody ever audit us").
 */
const TAKEN_BACK_AFTER =
  /\b(?:if|unless|says|said|according|hated?|hates|dropped|ditched|too expensive|let me|check with|ask (?:our|my|the)|mostly|mainly|usually|generally|otherwise|probably|soon|at some point|someday|eventually|later|next (?:year|quarter|month|sprint)|will|gonna|going to)\b/i;

/** A hedge closing a typed answer: "weekly i guess", "strong tbh". */
const TRAILING_HEDGE =
  /[\s,]+(?:i\s+guess|i\s+think|i\s+suppose|i[’']?d\s+say|id\s+say|i\s+would\s+say|tbh|lol|haha|or\s+so)\s*[.!]*\s*$/i;
/** After a bare no, words describing the team's own system (in rawWords). */
const DESCRIBES_OWN =
  /\b(?:we|were|our|ours|us|everything|all|nothing|only|just|standard|plain|normal|ordinary|regular|typical|open source|not that i know of|not that im aware|as far as i know)\b/;
/** After a bare no, words that may say the opposite, or hedge it. */
const CONTRADICTS_NO =
  /\b(?:old|older|legacy|vendor|vendors|licen[cs]\w*|sap|oracle|windows|weblogic|websphere|mainframe|cobol|proprietary|certified|though|except|unless|maybe|some|apart from|besides|gpu|gpus|fpga|kernel|driver|drivers)\b/;
/** Changes over time: the no they follow may be about before or after. */
const CHANGED =
  /\b(?:replaced|replacing|retired|retiring|migrated|migrating|switched|switching|gone|used to|anymore|no longer|last year|soon)\b/;
/** After a bare no, words saying all of it is the team's own or plain (in rawWords). */
const SUPPORTS_NO =
  /\b(?:all|everything|only|just|purely|entirely|100)\s+(?:\w+\s+){0,3}?(?:ours|our own|in house|inhouse|linux|basic|plain|normal|standard|ordinary|our code|internal|homegrown|home grown)\b|\b(?:all ours|our own|in house|we wrote|we built|we control|we own|nothing special|nothing fancy|vanilla|commodity)\b/;
/** A word turning down what an opening says, in rawWords ("we definitely can't run our own clusters"). */
const TURNS_DOWN = /\b(?:not|cant|cannot|wont|dont|doesnt|isnt|arent|never)\b/;
/**
 * A bare no opening a message, and what follows it (a no only: a yes before what follows may agree
 * with either, "yes, it is all in-house" being No).
 */
const BARE_LEAD =
  /^\s*((?:mostly\s+)?(?:no|nope|nah|not\s+really|nothing\s+special|none(?!\s+of\b)))\b(?![-'’])[\s,.;:!—–-]*/i;
/** After a bare yes or no, words that make it chatter: "no, sorry, wrong thread", "yes, let me check". */
const BARE_CHATTER =
  /\b(?:sorry|wrong (?:thread|channel|chat|person)|my bad|ignore|not you|let me|lemme|one sec|hang on|check|ask|later|tomorrow)\b/;

export class Walkthroughs {
  private readonly keys: readonly string[];
  private readonly t: WalkthroughTexts;

  private readonly stopwords: ReadonlySet<string>;
  constructor(private readonly deps: Deps) {
    this.keys = deps.knowledge.decision.checklist.map((q) => q.key);
    this.t = deps.knowledge.responses.walkthrough;
    this.stopwords = new Set(deps.knowledge.lexicon.stopwords);
  }

  /**
   * `checklist`: saves the new walkthrough first, then returns the root message of its thread;
   * the delivery loop runs `checklist.begin` inside the thread once the root is posted. With the
   * store down nothing is posted: the person gets the apology, and no orphan root.
   */
  async start(turn: Turn, prefill?: Prefill): Promise<Reply> {
    // Answers from a description (a `recommend` button) are checked like any other input.
    if (prefill) {
      try {
        parseAnswers(prefill.answers);
      } catch (error) {
        if (error instanceof DecisionInputError) return this.refusal("stale");
        throw error;
      }
    }
    const state = newWalkthrough(this.deps.newId(), who(turn.user), this.deps.now(), prefill, this.keys);
    await this.deps.store.set(pendingKey(turn, state.id), state, { ttlMs: PENDING_TTL_MS, ifVersion: 0 });
    const name = turn.user.name ?? turn.user.id;
    const text = state.ask
      ? fill(this.t.startedPrefilled, {
          name: mention(turn.user),
          count: askedSteps(state, this.keys).length,
        })
      : fill(this.t.started, { name: mention(turn.user), count: this.keys.length });
    return reply("checklist", [{ type: "text", text }], fill(this.t.startedSummary, { name }), {
      placement: "new-thread",
      inThread: { type: "checklist.begin", walkthroughId: state.id },
    });
  }

  /** Moves the walkthrough `start` saved into this thread (or starts one here) and asks question 1. */
  async begin(turn: Turn, action: Extract<Action, { type: "checklist.begin" }>): Promise<Reply[]> {
    const here = action.thread ? { ...turn, thread: action.thread } : turn;
    let fresh: WalkthroughState | undefined;
    if (action.walkthroughId) {
      fresh = parse((await this.deps.store.get(pendingKey(turn, action.walkthroughId)))?.value);
      if (!fresh) {
        // Begun already (a retry, or "Continue" pressed twice): show where it is.
        const current = parse((await this.deps.store.get(walkthroughKey(here)))?.value);
        if (current?.id !== action.walkthroughId) return [this.refusal("missing")];
        return [this.currentCard(current, here.thread) ?? this.refusal("cancelled")];
      }
    }
    const started = fresh ?? newWalkthrough(this.deps.newId(), who(turn.user), this.deps.now());
    const outcome = await updateKey<unknown, { state: WalkthroughState; created: boolean }>(
      this.deps.store,
      walkthroughKey(here),
      WALKTHROUGH_TTL_MS,
      (current) => {
        const existing = current ? parse(current.value) : undefined;
        if (existing?.status === "active") return { result: { state: existing, created: false } };
        return { value: started, result: { state: started, created: true } };
      },
    );
    if (action.walkthroughId) await this.deps.store.delete(pendingKey(turn, action.walkthroughId));
    if (outcome.created) {
      await this.deps.store.claim(showKey(outcome.state), this.deps.showLeaseMs);
      await this.remember(here, outcome.state);
    }
    const card = questionCard(outcome.state, this.deps.knowledge.decision.checklist, this.t, here.thread);
    if (outcome.created || outcome.state.id === started.id) return [card];
    const notice = reply("notice", [{ type: "text", text: this.t.alreadyRunning }], this.t.alreadyRunning, {
      visibility: "private",
    });
    return [notice, card];
  }

  async press(
    turn: Turn,
    action: Extract<Action, { type: "checklist.answer" | "checklist.control" }>,
    /** The words of a typed sentence the answer was read from ("platform team"). */
    readFrom?: string,
  ): Promise<Reply[]> {
    const press: Press =
      action.type === "checklist.answer"
        ? { kind: "answer", walkthroughId: action.walkthroughId, step: action.step, value: action.value }
        : { kind: "control", walkthroughId: action.walkthroughId, step: action.step, op: action.op };
    const { checklist } = this.deps.knowledge.decision;
    // A value that is not one of the question's choices is refused like a stale press.
    if (press.kind === "answer" && press.value !== null) {
      const q = checklist[press.step];
      if (!q?.choices.some((c) => c.value === press.value)) return [this.refusal("stale")];
    }
    const by = who(turn.user);
    const now = this.deps.now();
    // Claim the card this press would lead to before the new state is visible: a simultaneous
    // press of the same button (on another replica) then finds it taken and does not post it too.
    const before = await this.stored(turn);
    if (before?.status === "active" && before.id === action.walkthroughId)
      await this.deps.store.claim(showKey({ id: before.id, rev: before.rev + 1 }), this.deps.showLeaseMs);
    const result = await updateKey<unknown, PressOutcome | { ok: false; reason: "missing" }>(
      this.deps.store,
      walkthroughKey(turn),
      WALKTHROUGH_TTL_MS,
      (current) => {
        const state = current ? parse(current.value) : undefined;
        if (!state) return { result: { ok: false, reason: "missing" } };
        const outcome = applyPress(state, press, this.keys, by, now, this.deps.newId);
        if (!outcome.ok) return { result: outcome };
        if (outcome.finished) {
          // A provisional result (too few answers) is no recommendation to remember.
          const decision = this.decide(outcome.state);
          if (!decision.provisional) outcome.state.recommendation = decision.recommendation;
        }
        return { value: outcome.state, result: outcome };
      },
    );
    if (!result.ok) return result.reason === "missing" ? [this.refusal("missing")] : this.stale(turn, result);
    const { state, event } = result;
    // This process posts the new card; a stale press elsewhere meanwhile must not post it too.
    await this.deps.store.claim(showKey(state), this.deps.showLeaseMs);
    const pressed = checklist[action.step]!;
    const next = this.currentCard(state, turn.thread);
    // The card that asked, as posted: what an answer typed instead of pressed replaces.
    const asked =
      before?.id === action.walkthroughId && before.step === action.step && before.shown === before.rev
        ? before.shownRef
        : undefined;
    const closing = (card: Reply): Reply => (asked ? { ...card, replaces: asked } : card);
    if (event === "answered") {
      const value = press.kind === "answer" ? press.value : null;
      const steps = askedSteps(state, this.keys);
      const position = Math.max(0, steps.indexOf(action.step));
      const card = closing(
        answeredCard(pressed, value, by, position, steps.length, this.t, readFrom, result.finished),
      );
      if (result.finished) await this.remember(turn, state);
      return next ? [card, next] : [card];
    }
    const card = closing(controlCard(pressed, event, by, this.t));
    if (event === "cancelled") {
      await this.remember(turn, state);
      return [card];
    }
    return next ? [card, next] : [card];
  }

  /**
   * A press on a card that is no longer current. If the current card was never shown (the
   * process died before posting it, or the platform refused it), it is posted now, so the thread
   * is never a dead end; if another process is posting it right now, the person gets the notice
   * with a "Continue" button in case that process never finishes.
   */
  private async stale(turn: Turn, refused: Extract<PressOutcome, { ok: false }>): Promise<Reply[]> {
    const { state, reason } = refused;
    if (state.status === "cancelled" || state.shown === state.rev) return [this.refusal(reason)];
    const card = this.currentCard(state, turn.thread);
    if (!card) return [this.refusal(reason)];
    if (await this.deps.store.claim(showKey(state), this.deps.showLeaseMs)) return [card];
    return [this.withContinue(this.refusal(reason), state.id, turn.thread)];
  }

  /** "Continue": the walkthrough's current card, posted again in its thread. */
  async resume(turn: Turn, action: Extract<Action, { type: "checklist.resume" }>): Promise<Reply[]> {
    const here = action.thread ? { ...turn, thread: action.thread } : turn;
    const state = parse((await this.deps.store.get(walkthroughKey(here)))?.value);
    if (!state || state.id !== action.walkthroughId) return [this.refusal("missing")];
    return [this.currentCard(state, here.thread) ?? this.refusal("cancelled")];
  }

  /** The delivery loop posted the card of `step` (as `ref`): remember it, unless the state has moved on. */
  async shown(turn: Turn, step: StepRef, ref?: string): Promise<void> {
    // Only a reference the state can hold: a longer one would make the state unreadable.
    const kept = ref && ref.length <= MAX_REF ? ref : undefined;
    await updateKey<unknown, void>(this.deps.store, walkthroughKey(turn), WALKTHROUGH_TTL_MS, (current) => {
      const state = current ? parse(current.value) : undefined;
      if (!state || state.id !== step.walkthroughId || state.rev !== step.rev) return { result: undefined };
      // The same card posted again (Continue): the newest copy is the one an answer typed next replaces.
      if (state.shown === step.rev && state.shownRef === kept) return { result: undefined };
      const { shownRef: _before, ...rest } = state;
      return { value: { ...rest, shown: step.rev, ...(kept ? { shownRef: kept } : {}) }, result: undefined };
    });
  }

  /** The short message offered when a card could not be posted: a button that posts it again. */
  continueReply(action: Action): Reply {
    return continueCard(this.t.deliveryFailed, this.t.continue, action);
  }

  /** "Share summary to channel": the finished walkthrough's recommendation, posted publicly. */
  async share(turn: Turn, walkthroughId: string): Promise<Reply[]> {
    const state = await this.stored(turn);
    if (!state || state.id !== walkthroughId) return [this.refusal("missing")];
    if (state.status !== "finished") return [this.refusal("stale")];
    const parts = recommendationParts(
      this.decide(state),
      state,
      this.deps.knowledge.decision,
      this.deps.knowledge.documents,
      this.t,
    );
    parts.unshift({ type: "context", text: fill(this.t.summaryShared, { name: mention(turn.user) }) });
    return [reply("recommendation", parts, this.t.summaryTitle, { placement: "channel" })];
  }

  /** A recommendation's title ("Kubernetes on VMs") for lists that store only its id. */
  recommendationTitle(id: string): string {
    return this.deps.knowledge.decision.recommendations.find((r) => r.id === id)?.title ?? id;
  }

  /** The walkthrough of the turn's thread as stored, whatever its status. */
  private async stored(turn: Turn): Promise<WalkthroughState | undefined> {
    return parse((await this.deps.store.get(walkthroughKey(turn)))?.value);
  }

  /** The answers of the walkthrough in the turn's thread, once it has finished. */
  async finishedAnswers(turn: Turn): Promise<Record<string, string | null> | undefined> {
    const state = await this.stored(turn);
    return state?.status === "finished" ? answeredValues(state) : undefined;
  }

  /** The walkthrough running in the turn's thread, whoever started it. */
  async running(turn: Turn): Promise<WalkthroughState | undefined> {
    if (!turn.thread) return undefined;
    const state = await this.stored(turn);
    return state?.status === "active" ? state : undefined;
  }

  /**
   * The press a message typed in a running walkthrough's thread stands for, if it is one of the
   * current question's choices (its value, its label, or the label's head: "frequent" for
   * "Frequent — daily or more") or one of the controls ("skip", "back", "restart", "cancel").
   */
  typedPress(
    state: WalkthroughState,
    text: string,
  ): Extract<Action, { type: "checklist.answer" | "checklist.control" }> | undefined {
    const typed = rawWords(text).join(" ");
    if (!typed) return undefined;
    const same = (label: string) => rawWords(label).join(" ") === typed;
    const base = { walkthroughId: state.id, step: state.step };
    const q = this.deps.knowledge.decision.checklist[state.step];
    const choice =
      q &&
      (named(q, typed) ??
        named(q, withoutChatter(typed)) ??
        confirmedNamed(q, typed) ??
        yesOrNoSaid(q, typed));
    if (choice) return { type: "checklist.answer", ...base, value: choice.value };
    // An option named outright ("probably medium", "standard, it's all our own services") in a
    // statement: as pressed.
    const statement = statesSomething(text, q?.wishes);
    const value =
      q &&
      (leadNamed(q, text) ??
        headNamed(q, text) ??
        (statement ? choiceNamed(q, text, this.stopwords) : undefined) ??
        optionWordNamed(q, text));
    if (value) return { type: "checklist.answer", ...base, value };
    // The Skip button reads "Not sure / skip": either half typed alone is it, and so is a
    // statement that asks to skip ("not sure, skip this one", "no idea").
    // (Opening a message that asks nothing, also before a guess: "not sure tbh, the vendor might use
    // capture cards"; or in a short statement. Not "not sure about the others but we deploy daily".)
    const unqualified = !/\b(?:but|though|although|however)\b/.test(typed);
    const skip =
      [this.t.skip, ...this.t.skip.split("/")].some(same) ||
      typed === "skip" ||
      (unqualified && !asksSomething(text) && SKIPS_FIRST.test(typed)) ||
      (statement && unqualified && typed.split(" ").length <= 5 && SKIPS.test(typed));
    if (skip) return { type: "checklist.answer", ...base, value: null };
    // Alone, or opening the message before a comma or dash ("back - the card data means we need
    // more than standard", "cancel, we'll redo it on thursday").
    const head = /^\s*([\w' ]+?)\s*(?:[,;:]|\s[-—–]\s|[—–])/.exec(text)?.[1];
    // Or ending it, when it names the checklist ("actually forget it, stop the checklist").
    const tail = text
      .split(/[,;:.!]|\s[-—–]\s/)
      .filter((c) => c.trim())
      .at(-1);
    const op =
      this.typedControl(text) ??
      (head ? this.typedControl(head) : undefined) ??
      (tail && /\bchecklist\b/i.test(tail) ? this.typedControl(tail) : undefined);
    return op ? { type: "checklist.control", ...base, op } : undefined;
  }

  /**
   * A correction of the answer given just before the current question, typed in the thread ("no
   * thats wrong, should be strong not standard", "hmm no, go back, i meant moderate"): that
   * question's step and the option it names now.
   */
  correctionOf(
    state: WalkthroughState,
    text: string,
    /** Also "should be …" or "make it …", which may answer the current question (asked after it). */
    weak = false,
  ): { step: number; value: string } | undefined {
    const last = state.history.at(-1);
    const q = last && this.deps.knowledge.decision.checklist[last.step];
    const value = q ? correctedTo(q, text, weak) : undefined;
    return last && value && value !== last.value ? { step: last.step, value } : undefined;
  }

  /**
   * An answer given to a question by its name or number ("no wait, the architecture answer should
   * be mixed", "compliance is actually moderate", "q3 should be moderate"), for the current
   * question or one answered before it; not for one still to come, which the message is no answer
   * to yet.
   */
  answerByName(state: WalkthroughState, text: string): { step: number; value: string } | undefined {
    const { checklist } = this.deps.knowledge.decision;
    const steps = askedSteps(state, this.keys);
    // The answers given so far, by step: a question is open to an answer by name when it is the
    // current one or one of these.
    const answered = new Map(state.history.map((h) => [h.step, h.value]));
    const open = (step: number) => step === state.step || answered.has(step);
    // "q3", "question 3": as the cards number them (the questions this walkthrough asks).
    const numbered = /\bq(?:uestion)?\s*(\d{1,2})\b/i.exec(text);
    const byNumber = numbered ? steps[Number(numbered[1]) - 1] : undefined;
    if (byNumber !== undefined && open(byNumber)) {
      const value = optionWordNamed(checklist[byNumber]!, text.replace(numbered![0], " "));
      return value ? { step: byNumber, value } : undefined;
    }
    // The current question first; then one answered before, where it changes its answer.
    for (const step of [state.step, ...steps.filter((s) => s !== state.step)]) {
      const given = open(step) ? givenByName(checklist[step]!, text) : undefined;
      if (given && (step === state.step || answered.get(step) !== given.value))
        return { step, value: given.value };
    }
    return undefined;
  }

  /**
   * The answers a message gives checklist questions by name, for a recommendation's answers
   * ("correction: architecture is mixed, not monolith"), with the words they were given in.
   * `supposed`: the text is a what-if's supposition (givenByName).
   */
  answersByName(text: string, supposed = false): UnderstoodAnswers {
    const out: UnderstoodAnswers = {};
    for (const q of this.deps.knowledge.decision.checklist) {
      const given = givenByName(q, text, supposed);
      if (given) out[q.key as AnswerKey] = { value: given.value, evidence: given.words };
    }
    return out;
  }

  /** The questions a request to change answers names ("set isolation to strict please"), read or not. */
  changesRequested(text: string): AnswerKey[] {
    // (Read once, not per question: most messages are no such request.)
    const changes = requestedChanges(text);
    if (changes.length === 0) return [];
    return this.deps.knowledge.decision.checklist
      .filter((q) => changeRequested(q, changes))
      .map((q) => q.key as AnswerKey);
  }

  /**
   * The answers a message gives, for a recommendation's answers, in words a choice lists as said
   * for it ("we'd rather use EKS": `said`) or by repeating its description ("one OS family only",
   * "we run and tune our own clusters": `echoed`); one option per question at most.
   */
  answersSaid(text: string): { said: UnderstoodAnswers; echoed: UnderstoodAnswers } {
    const said: UnderstoodAnswers = {};
    const echoed: UnderstoodAnswers = {};
    for (const q of this.deps.knowledge.decision.checklist) {
      const key = q.key as AnswerKey;
      const found = saidFor(q, text);
      const [only] = found;
      if (found.length === 1 && only) said[key] = { value: only.value, evidence: only.words };
      const echo = echoedChoice(q, text, this.stopwords);
      if (echo) echoed[key] = { value: echo.value, evidence: echo.words };
    }
    return { said, echoed };
  }

  /**
   * A correction of a question answered before the current one, in a statement the situation
   * reader reads ("sorry correction - we release monthly, not quarterly" while another question
   * is asked): that question's step, its new answer and the words read, when the message states
   * something (no wish, plan or doubt; `correction()`, which gives the statement, has refused
   * hearsay) that answers exactly one question, and that one differently than before.
   */
  readCorrection(
    state: WalkthroughState,
    /** The whole message, and the statement after its opening. */
    text: string,
    statement: string,
    read: (text: string) => Reading,
  ): { step: number; value: string; evidence: string } | undefined {
    // Not a wish, a plan or a doubt anywhere in the message ("actually we deploy daily, if the
    // pipeline works", "wait, we should deploy daily").
    const said = rawWords(text).join(" ");
    if (!statesSomething(text) || PLANNED.test(said) || /\b(?:should|ought)\b/.test(said)) return undefined;
    const understood = Object.entries(read(statement).understood);
    if (understood.length !== 1) return undefined;
    const [key, { value, evidence }] = understood[0]!;
    const step = this.keys.indexOf(key);
    const before = state.history.findLast((h) => h.step === step);
    if (step === state.step || !before || before.value === value) return undefined;
    return { step, value, evidence };
  }

  /**
   * A what-if putting one option in place of another of the same question, both by their heads
   * ("i'd said strong" instead of "hard"): that question's answer, when one question only has both.
   */
  optionSwapped(supposed: string, replaced: string): UnderstoodAnswers {
    const found = this.deps.knowledge.decision.checklist.flatMap((q) => {
      const value = optionSwapped(q, supposed, replaced);
      return value ? [{ key: q.key as AnswerKey, value }] : [];
    });
    const [only] = found;
    return found.length === 1 && only ? { [only.key]: { value: only.value, evidence: supposed.trim() } } : {};
  }

  /**
   * After a walkthrough or a recommendation, a correction naming an option of one question only
   * ("no wait, should be spiky", "oops i meant strict"): that question's answer, with the message
   * as its words. None when the option is one of several questions'.
   */
  correctedOption(text: string): UnderstoodAnswers {
    const found = this.deps.knowledge.decision.checklist.flatMap((q) => {
      const value = correctedTo(q, text);
      return value ? [{ key: q.key as AnswerKey, value }] : [];
    });
    const [only] = found;
    return found.length === 1 && only ? { [only.key]: { value: only.value, evidence: text.trim() } } : {};
  }

  /**
   * Changes an answer given before the current question, as `correctionOf` or `answerByName` read it, while the
   * walkthrough is still where it was read (a press meanwhile wins), and asks the current
   * question again under the note of what changed.
   */
  async correct(
    turn: Turn,
    state: WalkthroughState,
    change: { step: number; value: string },
    words: string,
  ): Promise<Reply[]> {
    const q = this.deps.knowledge.decision.checklist[change.step]!;
    const by = who(turn.user);
    const now = this.deps.now();
    const was = await updateKey<unknown, { value: string | null } | undefined>(
      this.deps.store,
      walkthroughKey(turn),
      WALKTHROUGH_TTL_MS,
      (current) => {
        const s = current ? parse(current.value) : undefined;
        const at = s ? s.history.findIndex((h) => h.step === change.step) : -1;
        if (!s || at < 0 || s.id !== state.id || s.status !== "active" || s.step !== state.step)
          return { result: undefined };
        const history = s.history.with(at, {
          step: change.step,
          key: q.key,
          value: change.value,
          by,
          at: now,
        });
        const answers = { ...s.answers, [q.key]: change.value };
        return { value: { ...s, answers, history, updatedAt: now }, result: { value: s.history[at]!.value } };
      },
    );
    // The walkthrough moved on meanwhile (a press): nothing changed; the note to answer again.
    if (!was) return [this.typedInThread(state, turn.thread)];
    const note = correctedCard(q, was.value, change.value, by, words, this.t, turn.thread);
    const card = this.currentCard(state, turn.thread);
    return card ? [note, card] : [note];
  }

  /** A control typed alone ("restart", "Back", "cancel", "start over"): its label, name or a synonym. */
  typedControl(text: string): "back" | "restart" | "cancel" | undefined {
    const typed = rawWords(text).join(" ");
    const ops = { back: this.t.back, restart: this.t.restart, cancel: this.t.cancel } as const;
    const control = (words: string) => {
      for (const [op, label] of Object.entries(ops) as [keyof typeof ops, string][])
        if (rawWords(label).join(" ") === words || words === op) return op;
      return CONTROL_SYNONYMS.get(words) ?? (STOP.test(words) ? "cancel" : undefined);
    };
    // Or between words that only soften it: "nvm cancel this", "ok lets start over please".
    const softened = (words: string) =>
      control(words) ?? control(words.replace(CONTROL_OPENING, "").replace(CONTROL_CLOSING, ""));
    const whole = softened(typed);
    if (whole || text.includes("?")) return whole;
    // Or "stop this" as the last clause, after a short reason: "ugh actually i have a meeting,
    // stop this" (never back, restart or cancel there, ordinary words about pods and jobs: "if a
    // pod dies, restart it").
    const clauses = text.split(/[,.;:!–—]|\s-\s/).filter((c) => rawWords(c).length > 0);
    const last = clauses.pop();
    if (!last || clauses.length === 0 || rawWords(clauses.join(" ")).length > MAX_REASON_WORDS)
      return undefined;
    // ("stop this" only: "if a job hangs, cancel it" and "if a pod misbehaves, stop it" speak of
    // jobs and pods.)
    const tail = rawWords(last).join(" ").replace(CONTROL_OPENING, "");
    return STOP_AFTER_REASON.test(tail) ? "cancel" : undefined;
  }

  /** The walkthrough of the turn's thread, once it has ended (finished or cancelled). */
  async ended(turn: Turn): Promise<boolean> {
    if (!turn.thread) return false;
    const state = await this.stored(turn);
    return state?.status === "finished" || state?.status === "cancelled";
  }

  /**
   * The answer a sentence typed in a running walkthrough's thread gives its current question, as
   * the situation reader understood it ("we run our customers' own code, so it's untrusted" is
   * hard isolation), with the words it was read from; "both" when it reads two answers to it
   * ("a small platform team and some terraform"). Only for a statement (statement.ts):
   * a question, a request or a supposition ("isnt customer code untrusted", "explain hard
   * isolation", "suppose we had a platform team") is asked, as anywhere.
   */
  readAnswer(
    state: WalkthroughState,
    text: string,
    read: (text: string) => Reading,
  ): { action: Extract<Action, { type: "checklist.answer" }>; words: string } | "both" | undefined {
    const q = this.deps.knowledge.decision.checklist[state.step];
    if (q === undefined) return undefined;
    // A hedge closing it is no doubt either: "weekly i guess", "like weekly-ish i guess" (blind
    // trial 30's was not read).
    text = text.replace(TRAILING_HEDGE, "");
    // Estimates and others' doings are no doubt of the answer ("maybe once a semester", "I'd want
    // the hypervisor kind of separation I suppose", "some of them will try to escape": blind trial
    // 24's were not read); an aside after it neither ("nah nothing formal. one customer asked for
    // soc2 someday maybe").
    // A doubt said outright leaves it open: "I think we need strong separation but I'm not sure"
    // (an independent review's was read as Strong).
    // (Not a doubt about something else before it: "not sure about the others but we deploy daily".)
    if (
      DOUBTS.test(
        text
          .split(/\bbut\b|[,;.!?]/i)
          .filter((c) => c.trim())
          .at(-1) ?? "",
      )
    )
      return undefined;
    const plain = (t: string) => t.replace(ESTIMATES, "").replace(OTHERS_WILL, "$1");
    const [first, ...after] = text.trim().split(/(?<=[.!?…])\s+/);
    const stated = statesSomething(plain(text), q.wishes)
      ? text
      : after.length > 0 && !asksSomething(after.join(" ")) && statesSomething(plain(first!), q.wishes)
        ? first!
        : undefined;
    if (stated === undefined || PLANNED.test(rawWords(stated).join(" "))) return undefined;
    return this.readStated(state, q, stated, read);
  }

  /**
   * The answer a message opens with, when the whole message gives none: people lead with it and go
   * on to explain ("very bursty. 10x peaks during business hours …", "multiple times a day for the
   * serving code, new model versions maybe 2-3x a week", "Quite strong I would say. The SCADA …":
   * blind trial 28's were not read, or read as two answers). Its first sentence, else its first
   * clause, of a few words and asking nothing, read as a message of its own would be.
   */
  readOpening(
    state: WalkthroughState,
    text: string,
    read: (text: string) => Reading,
  ): { action: Extract<Action, { type: "checklist.answer" }>; words: string } | undefined {
    // A bare no opening it, where the question has that option, that the rest explains:
    // "No, everything we run is Linux.", "nope just a basic droplet, 1 cpu 1gb ram lol", "mostly no,
    // we control the stack" (blind trial 30's were not read); not chatter ("no, sorry, wrong
    // thread"), nor a rest that turns it ("no, but we pin one kernel") or
    // reads another answer ("no, we run windows and linux" at a question of OS families).
    const q = this.deps.knowledge.decision.checklist[state.step];
    const lead = BARE_LEAD.exec(text);
    const bare = q && lead ? bareAnswer(q, lead[1]!) : undefined;
    if (bare !== undefined && this.explains(state, text.slice(lead![0].length), bare, read))
      return {
        action: { type: "checklist.answer", walkthroughId: state.id, step: state.step, value: bare },
        words: lead![1]!.trim(),
      };
    const first = text.trim().split(/(?<=[.!?…])\s+/)[0] ?? "";
    const clause = first.split(/[,;:]|\s[-—–]\s/)[0] ?? "";
    for (const part of new Set([first, clause])) {
      const words = rawWords(part);
      if (
        part.trim() === text.trim() ||
        words.length === 0 ||
        words.length > MAX_OPENING_WORDS ||
        part.includes("?")
      )
        continue;
      // Not chatter ("no, sorry, wrong thread", "of course, let me check …"), nor an opening the
      // rest asks about, makes conditional, reports or takes back ("Strict: is that the one for
      // HIPAA?", "medium, if we hire …", "high, says our CTO, …", "tried eks, hated it").
      const rest = text.trim().slice(text.trim().indexOf(part.trim()) + part.trim().length);
      // A bare no or yes, where the question has that option, that the rest explains: "No,
      // everything we run is Linux.", "nope just a basic droplet, 1 cpu 1gb ram lol", "mostly no,
      // we control the stack" (blind trial 30's were not read); not chatter ("no, sorry, wrong
      // thread", "yes, let me check"), nor a rest that turns it ("no, but we pin one kernel") or
      // reads another answer ("no, we run windows and linux" at a question of OS families).
      if (openingChatter(part) || ASKED_AFTER.test(rest) || TAKEN_BACK_AFTER.test(rest)) continue;
      const pressed = this.typedPress(state, part);
      // (Not an opening that turns something down: "we definitely can't run our own clusters. if
      // it's managed by azure or aws maybe" says what they would take after it.)
      const turnsDown = TURNS_DOWN.test(words.join(" "));
      // Nor an opening read from how it is described, which the rest turns ("mostly our own
      // services, but payments go through it so pci applies" was Standard): only an option named.
      const turned = OPENS_WITH_CONTRAST.test(rest) && turnedByContrast(rest);
      const stated =
        pressed?.type === "checklist.answer" && pressed.value !== null
          ? { action: { ...pressed, value: pressed.value }, words: part.trim() }
          : turnsDown || turned
            ? undefined
            : this.readAnswer(state, part, read);
      if (!stated || stated === "both") continue;
      // Nor one the rest gives another answer to, for a part ("standard I guess. hard for the
      // plugin sandbox", "gpu passthrough for the render farm, plus we pin kernel 5.4"), or asks
      // about ("strong. but what about the customer plugins, do those need hard?": an
      // independent review's).
      if (this.answersOtherwise(state, rest, stated.action.value ?? "")) continue;
      return stated;
    }
    return undefined;
  }

  /**
   * An option named outright in a message's opening clause ("pretty strong i'd say, auditors want
   * things locked down … but its all our own stuff": blind trial 30's was read as Standard from
   * the words after it), which the rest does not name another option against. Only where the whole
   * message read another answer (`readValue`): the person said which option first and then why.
   */
  namedOpening(
    state: WalkthroughState,
    text: string,
    readValue: string | null,
  ): { action: Extract<Action, { type: "checklist.answer" }>; words: string } | undefined {
    const clause = text.trim().split(/[,;:.!?]|\s[-—–]\s/)[0] ?? "";
    const words = rawWords(clause);
    if (words.length === 0 || words.length > MAX_OPENING_WORDS || clause.trim() === text.trim())
      return undefined;
    if (openingChatter(clause) || TURNS_DOWN.test(words.join(" ")) || /\bno\b/.test(words.join(" ")))
      return undefined;
    const pressed = this.typedPress(state, clause);
    if (pressed?.type !== "checklist.answer" || pressed.value === null || pressed.value === readValue)
      return undefined;
    const rest = text.trim().slice(clause.trim().length);
    // (Nor one the rest turns: "steady-ish, although black friday traffic is like 10x", review 35's.)
    if (/^\W*(?:but|although|though|except|however|apart from|other than)\b/i.test(rest)) return undefined;
    if (
      ASKED_AFTER.test(rest) ||
      TAKEN_BACK_AFTER.test(rest) ||
      this.answersOtherwise(state, rest, pressed.value)
    )
      return undefined;
    return { action: { ...pressed, value: pressed.value }, words: clause.trim() };
  }

  /** Does the rest of a message after a bare yes or no (`value`) explain it, rather than turn or take it back? */
  private explains(
    state: WalkthroughState,
    rest: string,
    value: string,
    read: (text: string) => Reading,
  ): boolean {
    const words = rawWords(rest).join(" ");
    if (!words || rest.includes("?") || ASKED_AFTER.test(rest) || asksSomething(rest)) return false;
    if (/^(?:but|though|although|except|however|only|well actually|unless)\b/.test(words)) return false;
    if (BARE_CHATTER.test(words) || TAKEN_BACK_AFTER.test(rest)) return false;
    // (Nor what changed, whose no may be about before or after: "no, we replaced the vendor app last year".)
    if (CHANGED.test(words)) return false;
    const other = this.readAnswer(state, rest, read);
    if (other === "both" || (other !== undefined && other.action.value !== value)) return false;
    // It has to say why in words that agree: its own words for that option ("we control the
    // stack"), or all of it being the team's own or plain ("everything we run is Linux", "just a
    // basic droplet"). Anything else after a no may be about something else ("nope, he's out
    // today", "no, still waiting on finance"), or contradict it in words the bot does not know
    // ("not really, it's an old java 6 app on weblogic"): review 35's.
    if (other !== undefined) return true;
    const q = this.deps.knowledge.decision.checklist[state.step];
    const label = q?.choices.find((c) => c.value === value)?.label ?? "";
    const own = rawWords(label.split("—")[1] ?? "").filter((w) => w.length > 3 && !this.stopwords.has(w));
    if (SUPPORTS_NO.test(words) || own.some((w) => words.split(" ").includes(w))) return true;
    // Or a description of the team's own system in words that contradict nothing ("no, we're a
    // linux shop", "no, everything runs on ubuntu", "no, standard ec2 instances": review 36's);
    // not one that names what the no would deny ("no, it's all SAP", "not really, it's an old java
    // 6 app on weblogic") or hedges it.
    return DESCRIBES_OWN.test(words) && !CONTRADICTS_NO.test(words);
  }

  /** Does `rest` name another option of the current question than `value` by its word, or ask about one? */
  private answersOtherwise(state: WalkthroughState, rest: string, value: string): boolean {
    const q = this.deps.knowledge.decision.checklist[state.step];
    if (!q || rawWords(rest).length === 0) return false;
    const other = (v: string | null | undefined) => v !== undefined && v !== null && v !== value;
    // Only an option named by its own word: what the rest otherwise describes is often a part the
    // opening already weighed ("very bursty. 10x peaks …, then close to zero at night", "multiple
    // times a day for the serving code, new model versions maybe 2-3x a week").
    // An option of its own named anywhere in a clause of the rest, a question or not.
    const clauses = rest.split(/[,;:.!?]|\s[-—–]\s/).filter((c) => rawWords(c).length > 0);
    if (
      clauses.some((c) => other(optionWordNamed(q, c.replace(/^\W*(?:and|but|though|so|plus|also)\b/i, ""))))
    )
      return true;
    return rest.includes("?") && clauses.some((c) => other(optionNamedIn(q, c)));
  }

  /** readAnswer of a statement (`text` without a lead-in saying where it holds). */
  private readStated(
    state: WalkthroughState,
    q: ChecklistQuestion,
    text: string,
    read: (text: string) => Reading,
  ): { action: Extract<Action, { type: "checklist.answer" }>; words: string } | "both" | undefined {
    // Nor a plan said with "we'll" ("well" once the apostrophe is gone) or "moving to".
    if (/\b\w+['’]ll\b|\b(?:moving|migrating|switching) to\b/i.test(text)) return undefined;
    // Where it holds, before the answer: "For this platform, fortnightly." (blind trial 26's was
    // not read: the answer has to open the message to be read with the question's context).
    const scoped = SCOPE_LEAD.exec(text);
    if (scoped && text.length > scoped[0].length) text = text.slice(scoped[0].length);
    const key = q.key as AnswerKey;
    const typed = rawWords(text);
    const answer = (value: string, words: string) => ({
      action: { type: "checklist.answer" as const, walkthroughId: state.id, step: state.step, value },
      words,
    });
    // Alone first; then with the question's own context ("we deploy" + "every day"), when what it
    // reads opens the message ("pretty flat, clinics use it…", not "I check slack every day"),
    // and nothing in its opening clause is negated ("not every day"; but "super bursty, …, then
    // nothing for days" is bursty).
    const alone = read(text);
    const heard = key in alone.understood || alone.conflicts.includes(key);
    const opening = text.split(/[,;:.!]|\s[-—–]\s/)[0] ?? text;
    const hinted = heard || !q.readAs || negated(opening) ? undefined : read(`${q.readAs} ${text}`);
    // A degree word may come first ("pretty steady, a bit more on mondays"), or an article or a
    // word of estimate ("a few times a year", "like twice a month").
    const lead = LEADS_IN.has(typed[0] ?? "") ? (LEADS_IN.has(typed[1] ?? "") ? 2 : 1) : 0;
    const opens = (r: Reading) => {
      const said = r.understood[key]?.evidence;
      const evidence = said ? rawWords(said).filter((w) => typed.includes(w)) : [];
      const from = (at: number) => evidence.every((w, i) => typed[at + i] === w);
      const atStart = evidence.length > 0 && [0, 1, 2].some((at) => at <= lead && from(at));
      // One word only (after a degree word) before a break: "bursty, when …", "pretty steady, a
      // bit more on mondays"; not "same here".
      const opening = lead ? text.replace(new RegExp(`^\\s*(?:[\\w'-]+\\s+){${lead}}`), "") : text;
      return (
        atStart &&
        (evidence.length > 1 || typed.length <= 1 + lead || /^\s*[\w'-]+\s*[,;:.!—–]/.test(opening))
      );
    };
    // With the context, two readings are two as well ("several times a week": between two bands).
    const reading = hinted && (opens(hinted) || hinted.conflicts.includes(key)) ? hinted : alone;
    const understood = reading.understood[key];
    // Words a choice lists as said for it ("all code is ours").
    const said = saidFor(q, text);
    if (!understood && !reading.conflicts.includes(key) && said.length === 1)
      return answer(said[0]!.value, said[0]!.words);
    // Two other choices' words, where the question has a choice that is both ("one big thing + a
    // couple small services" is Mixed; it was read as Microservices from the label's words).
    if (!understood && said.length === 2 && q.bothSaid && !said.some((s) => s.value === q.bothSaid))
      return answer(q.bothSaid, said.map((s) => s.words).join(" … "));
    if (!understood) {
      // Two readings, or none: the option whose label the words follow, if one clearly does
      // ("it's only our own services" is Standard — our own services, trusted to share a
      // kernel); read from nothing, never under a negation, nor from words a contrast turns
      // ("mostly our own services, but payments go through it so pci applies" was Standard).
      const both = reading.conflicts.includes(key);
      const turned = !both && turnedByContrast(text);
      const value = (both || !negated(text)) && !turned ? closestChoice(q, text, this.stopwords) : undefined;
      return value ? answer(value, text.trim()) : both ? "both" : undefined;
    }
    // The words quoted are the person's: not those of readAs it was read with ("load is" + "pretty flat").
    const evidence = understood.evidence.split(/\s+/);
    while (evidence.length > 1 && !typed.includes(rawWords(evidence[0]!)[0] ?? "")) evidence.shift();
    return answer(understood.value, evidence.join(" "));
  }

  /**
   * For a message typed in a running walkthrough's thread: answer with the buttons, and Continue
   * (its card again). `both`: the message read as two answers to the current question.
   */
  typedInThread(state: WalkthroughState, thread: string | undefined, both = false): Reply {
    const action: Action = {
      type: "checklist.resume",
      walkthroughId: state.id,
      ...(thread ? { thread } : {}),
    };
    const question = this.deps.knowledge.decision.checklist[state.step]?.title ?? "";
    const text = both ? fill(this.t.readBothInThread, { question }) : this.t.typedInThread;
    return continueCard(text, this.t.continue, action);
  }

  /**
   * For "what does that mean?" typed in a running walkthrough's thread: what its current question
   * asks, why it matters and its options, with Continue (its card again).
   */
  explainQuestion(state: WalkthroughState, thread: string | undefined): Reply | undefined {
    const q = this.deps.knowledge.decision.checklist[state.step];
    if (!q) return undefined;
    const options = q.choices.map((c) => `- ${c.label}`).join("\n");
    const text = `${fill(this.t.explainQuestion, { question: q.title, prompt: q.prompt, help: q.help })}\n${options}`;
    const action: Action = {
      type: "checklist.resume",
      walkthroughId: state.id,
      ...(thread ? { thread } : {}),
    };
    return continueCard(text, this.t.continue, action);
  }

  /**
   * Does a message typed in a running walkthrough's thread ask what its question or options mean
   * ("no idea what that means", "what's the difference between moderate and strict here?")?
   */
  asksWhatItMeans(state: WalkthroughState, text: string): boolean {
    const typed = rawWords(text).join(" ");
    if (MEANING.test(typed)) return true;
    // "what does strict mean?", "what counts as moderate here?", or "the difference between X and Y"
    // where X and Y are two of its options.
    const q = this.deps.knowledge.decision.checklist[state.step];
    if (!q) return false;
    // "what do you mean by platform maturity?": the question by its name (not "… by blast radius").
    const names = [q.title, ...q.names].map((n) => rawWords(n).join(" "));
    if (
      names.some((n) =>
        new RegExp(`(?:^| )what do you mean by (?:the )?${n}(?: here| exactly)?$`).test(typed),
      )
    )
      return true;
    const values = q.choices.map((c) => rawWords(c.value).join(" "));
    if (
      values.some((v) =>
        new RegExp(
          `(?:^| )(?:(?:what (?:does|do|is)|whats) ${v}(?: \\w+)? mean|explain ${v}|what (?:counts|would count|qualifies) as ${v})`,
        ).test(typed),
      )
    )
      return true;
    // "what does defence in depth mean here?": words of one of its options' labels.
    const asked = /(?:^| )(?:what (?:does|do|is)|whats) (.+?) mean(?: here| exactly)?$/.exec(typed)?.[1];
    const labels = q.choices.map((c) => ` ${rawWords(c.label).join(" ")} `);
    if (asked?.includes(" ") && labels.some((l) => l.includes(` ${asked} `))) return true;
    const named = values.filter((v) => new RegExp(`(?:^| )${v}(?: |$)`).test(typed));
    // "the difference between moderate and strict", "does SOC 2 count as moderate or strict?".
    return (
      named.length >= 2 &&
      (/(?:^| )difference between /.test(typed) ||
        (text.includes("?") && /(?:^| )(?:or|vs|versus)(?: |$)/.test(typed)))
    );
  }

  /** The user's most recent walkthroughs, newest first (for the Slack App Home). */
  async recent(platform: Turn["platform"], userId: string): Promise<RecentWalkthrough[]> {
    const stored = await this.deps.store.get<RecentWalkthrough[]>(recentKey(platform, userId));
    return stored?.value ?? [];
  }

  /** The card for the state as it stands: the question, or the recommendation; none once cancelled. */
  private currentCard(state: WalkthroughState, thread: string | undefined): Reply | undefined {
    const where = { placement: "thread" as const, ...(thread ? { thread } : {}) };
    const step: StepRef = { walkthroughId: state.id, rev: state.rev };
    switch (state.status) {
      case "active":
        return questionCard(state, this.deps.knowledge.decision.checklist, this.t, thread);
      case "finished": {
        const { decision, documents } = this.deps.knowledge;
        return {
          ...recommendationReply(this.decide(state), state, decision, documents, this.t),
          ...where,
          step,
        };
      }
      case "cancelled":
        return undefined;
    }
  }

  private withContinue(notice: Reply, walkthroughId: string, thread: string | undefined): Reply {
    const action: Action = { type: "checklist.resume", walkthroughId, ...(thread ? { thread } : {}) };
    return continueCard(notice.summary, this.t.continue, action);
  }

  private decide(state: WalkthroughState) {
    return decide(parseAnswers(answeredValues(state)), this.deps.knowledge.decision);
  }

  /** Keeps the walkthrough in the recent lists of whoever started it and whoever moved it on. */
  private async remember(turn: Turn, state: WalkthroughState): Promise<void> {
    const entry: RecentWalkthrough = {
      id: state.id,
      conversation: turn.conversation,
      ...(turn.thread ? { thread: turn.thread } : {}),
      status: state.status,
      startedAt: state.startedAt,
      answered: ANSWER_KEYS.filter((k: AnswerKey) => typeof state.answers[k] === "string").length,
      ...(state.recommendation ? { recommendation: state.recommendation } : {}),
    };
    for (const userId of new Set([state.startedBy.id, turn.user.id])) {
      await updateKey<RecentWalkthrough[], void>(
        this.deps.store,
        recentKey(turn.platform, userId),
        WALKTHROUGH_TTL_MS,
        (current) => ({
          value: [entry, ...(current?.value ?? []).filter((w) => w.id !== entry.id)].slice(0, RECENT_LIMIT),
          result: undefined,
        }),
      );
    }
  }

  private refusal(reason: Refusal): Reply {
    const e = this.deps.knowledge.responses.errors;
    const text = {
      stale: e.staleAction,
      finished: e.walkthroughFinished,
      cancelled: e.walkthroughCancelled,
      missing: e.walkthroughMissing,
    }[reason];
    return reply("notice", [{ type: "text", text }], text, { visibility: "private" });
  }
}
