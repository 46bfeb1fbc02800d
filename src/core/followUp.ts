import type { StateStore } from "../store/store.ts";
import type { Answerable } from "./answerable.ts";
import type { Asker, AskOutcome } from "./ask.ts";
import { rawWords } from "./matcher/text.ts";
import type { Turn } from "./turn.ts";

/**
 * Every knob of follow-up resolution, in one place. A follow-up ("and for VMs?", "why?", "what
 * are the risks?") is a short question that does not stand on its own; it is matched together
 * with the topic of the last answered entry of the same conversation, thread and person.
 */
export const FOLLOW_UP = {
  /** How long the last answered entry is remembered (30 minutes). */
  ttlMs: 30 * 60 * 1000,
  /** A question with more content words than this is a new question, whatever came before. */
  maxWords: 4,
  /** A question opening with one of these continues the one before ("and for VMs?", "so how long"). */
  connectives: ["and", "but", "so", "also", "or", "then", "plus"],
  /** A question using one of these points back at the one before ("how long does that take?"). */
  pointers: ["that", "it", "this", "those", "these", "them", "they", "its"],
} as const;

/** The last answered entry of one conversation, thread and person. */
export interface FollowUpContext {
  entryId: string;
}

interface Stored extends FollowUpContext {
  schema: 1;
}

/** Context never crosses conversations, threads or people: all four are in the key. */
const keyOf = (turn: Turn) =>
  `followup:${turn.platform}:${turn.conversation}:${turn.thread ?? "-"}:${turn.user.id}`;

/** Where the last answered entry of each conversation, thread and person is kept (the StateStore). */
export class FollowUpContexts {
  constructor(private readonly store: StateStore) {}

  async remember(turn: Turn, context: FollowUpContext): Promise<void> {
    await this.store.set<Stored>(keyOf(turn), { schema: 1, ...context }, { ttlMs: FOLLOW_UP.ttlMs });
  }

  async recall(turn: Turn): Promise<FollowUpContext | undefined> {
    const stored = await this.store.get<Stored>(keyOf(turn));
    if (stored?.value.schema !== 1 || typeof stored.value.entryId !== "string") return undefined;
    return { entryId: stored.value.entryId };
  }
}

/** Why a question was taken as a follow-up (for tests and logs), or why not. */
export type FollowUpReason =
  /** On its own it is declined or only gets "did you mean". */
  | "not-answered-alone"
  /** It opens with a connective or points back ("and …", "… does that take"). */
  | "continues";

export interface Resolution {
  outcome: AskOutcome;
  /** The text the matcher ranked: the question, or the previous topic followed by it. */
  matched: string;
  /** Set when the answer came from the context: the entry followed up on, and why. */
  followUp?: { of: Answerable; reason: FollowUpReason };
}

/**
 * Matches `question`, using `context` when the question does not stand on its own:
 * 1. Only a short question (at most FOLLOW_UP.maxWords content words) can be a follow-up, and only
 *    one the matcher would answer, suggest for or decline (not a greeting or a command).
 * 2. It needs the context when, alone, it is not answered ("why?", "what are the risks?"), or when it
 *    opens with a connective or points back ("and for VMs?", "how long does that take?"). A short
 *    question that is answered alone and does neither ("what is a container?") is a new question.
 * 3. It is then matched together with the previous entry's canonical question (its topic). If that
 *    is answered, the answer follows up; otherwise the question's own outcome stands ("did you mean").
 */
export function resolve(
  asker: Asker,
  stems: (text: string) => string[],
  question: string,
  context: FollowUpContext | undefined,
): Resolution {
  const alone = asker.ask(question);
  const previous = context && asker.entry(context.entryId);
  if (!previous) return { outcome: alone, matched: question };
  if (alone.kind !== "answer" && alone.kind !== "no-match" && alone.kind !== "out-of-scope")
    return { outcome: alone, matched: question };
  const own = stems(question);
  if (own.length > FOLLOW_UP.maxWords) return { outcome: alone, matched: question };

  const words = rawWords(question);
  const continues =
    (FOLLOW_UP.connectives as readonly string[]).includes(words[0] ?? "") ||
    words.some((w) => (FOLLOW_UP.pointers as readonly string[]).includes(w));
  const reason: FollowUpReason | undefined =
    alone.kind !== "answer" ? "not-answered-alone" : continues ? "continues" : undefined;
  if (!reason) return { outcome: alone, matched: question };

  const matched = `${previous.question} ${question}`;
  const combined = asker.ask(matched);
  if (combined.kind !== "answer") return { outcome: alone, matched: question };
  // The same answer either way: the question stood on its own after all.
  if (alone.kind === "answer" && alone.entry.id === combined.entry.id)
    return { outcome: alone, matched: question };
  return { outcome: combined, matched, followUp: { of: previous, reason } };
}
