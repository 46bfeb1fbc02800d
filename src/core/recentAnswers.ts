import { type Asker, type AskOutcome, type ExplainSink, MAX_QUESTION_CHARS } from "./ask.ts";
import { deepFrozen } from "./deepFrozen.ts";
import type { Reading } from "./situation/extract.ts";
import type { Situations } from "./situation/situations.ts";

/**
 * How many recent texts are remembered. The bench's uncached ask measurement sends more
 * different questions than this in turn, so that none of them can be answered from here.
 */
export const RECENT_ANSWERS = 256;

/** What the knowledge alone makes of one text; each half is filled in when first needed. */
interface Remembered {
  outcome?: AskOutcome;
  /** Asked within a conversation about our subject (Asker.ask's `inConversation`). */
  inConversation?: AskOutcome;
  reading?: Reading;
  stems?: readonly string[];
  /** Follow-up resolutions of the text, by the entry answered before it ("-": none). */
  resolutions?: Map<string, unknown>;
}

/**
 * The matcher's outcome, content words and the situation reader's reading of the last RECENT_ANSWERS texts, so a
 * question asked again (the same words, byte for byte) is not matched and read again. Both depend
 * only on the text and the loaded knowledge, never on who asks or what came before: a follow-up
 * is a different text (the previous topic and the question, see followUp.ts), remembered on its
 * own. Outcomes and readings are shared between turns and frozen; nothing may change them.
 */
export class RecentAnswers {
  private readonly recent = new Map<string, Remembered>();

  constructor(
    private readonly asker: Pick<Asker, "ask" | "entry" | "explain">,
    private readonly situations: Pick<Situations, "read">,
    /** The matcher's content words of a text (QuestionAnswering.stems). */
    private readonly stemsOf: (text: string) => string[],
    /** The matcher's explanation of every question asked, remembered or not (debug logs). */
    private readonly onExplain?: ExplainSink,
    readonly capacity = RECENT_ANSWERS,
  ) {}

  /** Asker.ask, remembered (a question asked in a conversation apart from the same one asked alone). */
  ask(text: string, inConversation = false): AskOutcome {
    const slot = this.slot(text);
    if (!slot) return this.asker.ask(text, inConversation);
    const remembered = inConversation ? slot.inConversation : slot.outcome;
    if (remembered) {
      this.explainAgain(text, remembered, inConversation);
      return remembered;
    }
    const outcome = frozen(this.asker.ask(text, inConversation));
    if (inConversation) slot.inConversation = outcome;
    else slot.outcome = outcome;
    return outcome;
  }

  /** Situations.read, remembered. */
  read(text: string): Reading {
    const slot = this.slot(text);
    if (!slot) return this.situations.read(text);
    slot.reading ??= deepFrozen(this.situations.read(text));
    return slot.reading;
  }

  /** QuestionAnswering.stems, remembered (follow-up resolution counts a question's words). */
  stems(text: string): string[] {
    const slot = this.slot(text);
    if (!slot) return this.stemsOf(text);
    slot.stems ??= Object.freeze(this.stemsOf(text));
    return slot.stems as string[];
  }

  entry(id: string) {
    return this.asker.entry(id);
  }

  /**
   * A follow-up resolution of the text after the entry `before` (followUp.ts resolve), remembered:
   * it depends only on the text, that entry and the knowledge, and is most of a repeated
   * question's own time (`npm run bench`). The result is shared between turns; nothing may change it.
   */
  resolution<T>(text: string, before: string | undefined, resolve: () => T): T {
    const slot = this.slot(text);
    if (!slot) return resolve();
    slot.resolutions ??= new Map();
    const key = before ?? "-";
    if (slot.resolutions.has(key)) return slot.resolutions.get(key) as T;
    const found = resolve();
    slot.resolutions.set(key, found);
    return found;
  }

  /** The text's slot, now the most recent; the least recent one goes when there are too many. */
  private slot(text: string): Remembered | undefined {
    // Too long to be matched at all (and not worth keeping): the asker declines it at once.
    if (text.length > MAX_QUESTION_CHARS) return undefined;
    let slot = this.recent.get(text);
    if (slot) this.recent.delete(text);
    else slot = {};
    this.recent.set(text, slot);
    if (this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value!);
    return slot;
  }

  /** Asker.ask gives the sink an explanation of every matched text: a remembered one too. */
  private explainAgain(text: string, outcome: AskOutcome, inConversation: boolean): void {
    if (!this.onExplain) return;
    if (outcome.kind === "smalltalk" || outcome.kind === "empty" || outcome.kind === "too-long") return;
    const focus = outcome.kind === "answer" ? outcome.focus : undefined;
    this.onExplain(() => this.asker.explain(focus ?? text, inConversation));
  }
}

/** An outcome with its own arrays frozen (the entries in it are the knowledge's, shared anyway). */
function frozen(outcome: AskOutcome): AskOutcome {
  if (outcome.kind === "no-match") Object.freeze(outcome.suggestions);
  if (outcome.kind === "answer" && outcome.alternatives) Object.freeze(outcome.alternatives);
  return Object.freeze(outcome);
}
