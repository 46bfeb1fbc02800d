import type { Responses } from "../knowledge/schema.ts";
import type { Answerable } from "./answerable.ts";
import type { Matcher } from "./matcher/matcher.ts";
import { rawWords } from "./matcher/text.ts";

/** Longer questions are declined before matching: they are pasted logs, not questions. */
export const MAX_QUESTION_CHARS = 1000;

export type AskOutcome =
  | { kind: "answer"; entry: Answerable; confidence: number }
  | { kind: "no-match"; confidence: number; suggestions: Answerable[] }
  | { kind: "out-of-scope"; confidence: number }
  | { kind: "smalltalk"; which: "greeting" | "thanks" | "help" }
  | { kind: "empty" }
  | { kind: "too-long" };

/** A question below this share of known words is out of scope: no suggestions, an honest decline. */
const MIN_KNOWN = 0.3;

/** Answers a free-text question: an entry, "did you mean" suggestions, or an honest decline. */
export class Asker {
  private readonly byId: Map<string, Answerable>;
  private readonly smalltalk: Map<string, "greeting" | "thanks" | "help">;

  constructor(
    entries: Answerable[],
    private readonly matcher: Matcher,
    responses: Responses,
  ) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.smalltalk = new Map();
    const add = (patterns: string[], which: "greeting" | "thanks" | "help") => {
      for (const p of patterns) this.smalltalk.set(rawWords(p).join(" "), which);
    };
    add(responses.greeting.patterns, "greeting");
    add(responses.thanks.patterns, "thanks");
    add(responses.help.patterns, "help");
  }

  entry(id: string): Answerable | undefined {
    return this.byId.get(id);
  }

  ask(question: string): AskOutcome {
    if (question.length > MAX_QUESTION_CHARS) return { kind: "too-long" };
    const words = rawWords(question);
    if (words.length === 0) return { kind: "empty" };
    const smalltalk =
      this.smalltalk.get(words.join(" ")) ??
      this.smalltalk.get(words.filter((w) => w !== "vmvc" && w !== "bot").join(" "));
    if (smalltalk) return { kind: "smalltalk", which: smalltalk };

    if (!this.matcher.isOnTopic(question)) return { kind: "out-of-scope", confidence: 0 };
    const result = this.matcher.match(question);
    const top = result.ranked[0];
    const { answerThreshold, suggestThreshold } = this.matcher.options;
    if (top && result.confidence >= answerThreshold && result.known >= MIN_KNOWN) {
      return { kind: "answer", entry: this.byId.get(top.id)!, confidence: result.confidence };
    }
    if (result.known < MIN_KNOWN) return { kind: "out-of-scope", confidence: result.confidence };
    const suggestions = result.ranked
      .filter((r) => r.score >= suggestThreshold)
      .slice(0, 3)
      .map((r) => this.byId.get(r.id)!);
    if (suggestions.length === 0) return { kind: "out-of-scope", confidence: result.confidence };
    return { kind: "no-match", confidence: result.confidence, suggestions };
  }
}
