import type { Lexicon } from "../knowledge/schema.ts";
import { rawWords } from "./matcher/text.ts";

/**
 * Finds a report of something failing in a question ("docker-compose up failing because the port
 * is allocated", "USB passthrough not working", "it throws this error: …"), from lexicon.yaml
 * failureReports. The documents compare VMs and containers and troubleshoot no tool, so an answer
 * to such a question would stretch one written for something else: its entries are offered instead.
 */
export class FailureReports {
  private readonly phrases: string[][];
  private readonly notBefore: Set<string>;
  private readonly hypothetical: Set<string>;
  private readonly firstPerson: Set<string>;

  constructor(lists: Lexicon["failureReports"]) {
    this.phrases = lists.phrases.map((p) => rawWords(p));
    this.notBefore = new Set(lists.notBefore);
    this.hypothetical = new Set(lists.hypothetical);
    this.firstPerson = new Set(lists.firstPerson);
  }

  /** The failure phrase a text reports, as the lexicon writes it, if any. */
  reportIn(text: string): string | undefined {
    // Clause by clause: a what-if reaches no further than its own clause.
    for (const clause of text.split(/[.;:!?,()\n]+|\s[-–—]\s/)) {
      const words = rawWords(clause);
      for (let at = 0; at < words.length; at++)
        for (const phrase of this.phrases) {
          if (!phrase.every((w, j) => words[at + j] === w)) continue;
          const next = words[at + phrase.length];
          if (next !== undefined && this.notBefore.has(next)) continue;
          // A what-if ("for when a new release fails to start") unless its subject is the asker
          // ("when I start the VM I get an error").
          const opens = words.slice(0, at).findLastIndex((w) => this.hypothetical.has(w));
          const whatIf = opens >= 0 && !words.slice(opens + 1, at).some((w) => this.firstPerson.has(w));
          if (!whatIf) return phrase.join(" ");
        }
    }
    return undefined;
  }
}
