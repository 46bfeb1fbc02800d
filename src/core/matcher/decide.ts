import type { IntentId } from "../../knowledge/schema.ts";
import type { MatchResult, Ranked } from "./matcher.ts";
import type { MatcherParams } from "./params.ts";

/** Why a question was declined: each rule is one check, in the order they run. */
export type DeclineRule =
  /** No word of the bot's subject, and not a short question made of words the knowledge is asked with. */
  | "no-subject-word"
  /** Only general subject words ("patch", "ci", "database"), and the model is not sure enough. */
  | "general-words-only"
  /** Too few of the question's words occur anywhere in the knowledge. */
  | "unknown-words"
  /** The off-topic class is clearly more probable than any entry (params.decide.offTopicMargin). */
  | "off-topic-class"
  /** No entry is even probable enough to suggest. */
  | "nothing-close";

export type Decision =
  /**
   * `unsure`: a best guess (below params.sure); `alternatives`: then the next entries worth
   * offering, best first (the asker leaves out those the reply shows anyway).
   */
  | { kind: "answer"; id: string; confidence: number; unsure: boolean; alternatives: string[] }
  /** A command said in plain words ("help me decide"): do it instead of answering. */
  | { kind: "intent"; id: IntentId; confidence: number }
  /**
   * Offer entries ("did you mean"), best first, because: the best are too close to pick one
   * (`close`), none is probable enough to answer (`unsure`), or the model is sure of one but the
   * question names no subject word (`no-subject-word`); or the question reports a failure
   * (`failure-report`, with the phrase `reported`: the asker's rule, src/core/failureReport.ts).
   */
  | {
      kind: "suggest";
      ids: string[];
      confidence: number;
      why: "close" | "unsure" | "no-subject-word" | "failure-report";
      reported?: string;
    }
  /**
   * `offTopic`: how probable the off-topic class found the question (follow-ups weigh it);
   * `generalOnly`: its only subject words were general ones ("sql", "staging").
   */
  | { kind: "decline"; rule: DeclineRule; confidence: number; offTopic: number; generalOnly: boolean };

/**
 * What the decision reads of a match: each ranked entry's id, its probability after the
 * exact-word tilt (`score`) and, where the tilt ran, the model's own (`model`; `score` without).
 */
export type DecisionInput = Omit<MatchResult, "ranked"> & {
  ranked: (Pick<Ranked, "id" | "score"> & Partial<Pick<Ranked, "model">>)[];
};

/** Turns the model's probabilities into an answer, suggestions or a decline (params.decide). */
export function decide(
  result: DecisionInput,
  params: MatcherParams["decide"],
  /** Do two entries answer the same thing (a glossary term and the FAQ entry about it)? */
  sameSubject: (a: string, b: string) => boolean = () => false,
): Decision {
  const { ranked, confidence, offTopic, known, onTopic, generalOnly, intent } = result;
  const decline = (rule: DeclineRule): Decision => ({
    kind: "decline",
    rule,
    confidence,
    offTopic,
    generalOnly,
  });
  // Before the subject check: "checklist please" names no subject and needs none.
  // Not the checklist for a question about one side ("would containers help?" after the CI answer
  // started it, a blind trial's: "help" is the checklist's word), unless it asks to decide ("help
  // me decide on containers", "walk me through choosing containers": an independent review's).
  const ofOneSide = intent?.id === "checklist" && result.sides === 1 && !result.deciding;
  if (
    intent &&
    !ofOneSide &&
    intent.score >= params.intent &&
    intent.score > confidence &&
    intent.score > offTopic
  )
    return { kind: "intent", id: intent.id, confidence: intent.score };
  // Nor when the word that could have been ours was used in another sense ("monkey patching a
  // module": patching was offered or declined by a few hundredths of the model's probability).
  if (!onTopic && (confidence < params.withoutSubjectWord || result.otherSense))
    return decline("no-subject-word");
  // Only general subject words and an unsure model: the question may be someone else's subject
  // ("PATCH a REST resource"); it is declined as one the documents do not cover.
  if (generalOnly && confidence < params.generalWordsOnly) return decline("general-words-only");
  if (known < params.minKnown) return decline("unknown-words");
  // Between two of our sides ("docker or a VM for my home automation") a question is ours,
  // whatever else it says: the off-topic class learnt those other words, not the question.
  if (result.sides < 2 && offTopic > params.offTopicMargin * confidence) return decline("off-topic-class");
  // Sure, but of words other subjects use too ("undo my last git commit"): offered, not asserted.
  if (!onTopic && ranked[0])
    return { kind: "suggest", ids: [ranked[0].id], confidence, why: "no-subject-word" };
  const [best, second] = ranked;
  // Whether to answer is the model's call (its own best probability); which entry, the tilted
  // ranking's. How sure the answer is, is the model's probability of the entry answered.
  if (best && confidence >= params.answer) {
    // The entry the model itself preferred: whenever the tilt passed over it, the reply is a best
    // guess and offers it first (the reply keeps only the first offers).
    const favourite = ranked.reduce((a, b) => ((b.model ?? b.score) > (a.model ?? a.score) ? b : a)).id;
    if (!second || best.score >= params.margin * second.score || sameSubject(best.id, second.id)) {
      const own = best.model ?? best.score;
      const unsure = own < params.sure || best.id !== favourite;
      const others = ranked
        .slice(1)
        .filter((r) => (r.score >= params.suggest || r.id === favourite) && !sameSubject(best.id, r.id))
        .map((r) => r.id);
      const alternatives = unsure ? withFirst(others, favourite) : [];
      return { kind: "answer", id: best.id, confidence: own, unsure, alternatives };
    }
    const close = ranked.filter((r) => best.score < params.margin * r.score).map((r) => r.id);
    // Torn between entries the tilt brought up: the model's own favourite is one of the offers.
    const offered = close.includes(favourite) ? close : [close[0]!, favourite, ...close.slice(1)];
    return { kind: "suggest", ids: offered.slice(0, 3), confidence, why: "close" };
  }
  const ids = ranked
    .filter((r) => r.score >= params.suggest)
    .slice(0, 3)
    .map((r) => r.id);
  if (ids.length === 0) return decline("nothing-close");
  return { kind: "suggest", ids, confidence, why: "unsure" };
}

/** `ids` with `first` moved to the front, if it is among them. */
function withFirst(ids: string[], first: string): string[] {
  return ids.includes(first) ? [first, ...ids.filter((id) => id !== first)] : ids;
}
