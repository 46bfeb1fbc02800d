import type { FailureReportLists } from "../knowledge/schema.ts";
import { rawWords } from "./matcher/text.ts";

/**
 * Finds a report of something failing in a question ("docker-compose up failing because the port
 * is allocated", "USB passthrough not working", "it throws this error: …"), from lexicon.yaml
 * failureReports. The documents compare VMs and containers and troubleshoot no tool, so an answer
 * to such a question would stretch one written for something else: its entries are offered instead.
 */
export class FailureReports {
  private readonly phrases: string[][];
  private readonly notBefore: string[][];
  private readonly words: {
    [K in Exclude<keyof FailureReportLists, "phrases" | "notBefore">]: ReadonlySet<string>;
  };

  constructor(lists: FailureReportLists) {
    this.phrases = lists.phrases.map((p) => rawWords(p));
    this.notBefore = lists.notBefore.map((p) => rawWords(p));
    this.words = {
      hypothetical: new Set(lists.hypothetical),
      when: new Set(lists.when),
      firstPerson: new Set(lists.firstPerson),
      relatives: new Set(lists.relatives),
      pointers: new Set(lists.pointers),
      debugging: new Set(lists.debugging),
    };
  }

  /** The failure phrase a text reports, as the lexicon writes it, if any. */
  reportIn(text: string): string | undefined {
    // How to debug it is a question the debugging entry answers.
    if (rawWords(text).some((w) => this.words.debugging.has(w))) return undefined;
    // Clause by clause: a what-if reaches no further than its own clause.
    for (const clause of text.split(/[.;:!?,()\n]+|\s[-–—]\s/)) {
      const words = rawWords(clause);
      for (let at = 0; at < words.length; at++)
        for (const phrase of this.phrases)
          if (startsAt(words, phrase, at) && this.reports(words, at, phrase.length)) return phrase.join(" ");
    }
    return undefined;
  }

  /** Does the phrase at `at` (of `length` words) in a clause's words report a failure? */
  private reports(words: string[], at: number, length: number): boolean {
    if (this.notBefore.some((p) => startsAt(words, p, at + length))) return false;
    const before = words.slice(0, at);
    const { hypothetical, when, firstPerson, relatives, pointers } = this.words;
    // "a pod that keeps crashing"; "that won't work, we run windows" (pushback).
    if (at > 0 && relatives.has(words[at - 1]!)) return false;
    if (before.length === 1 && pointers.has(before[0]!)) return false;
    if (before.some((w) => hypothetical.has(w))) return false;
    // "when a release fails with an error" asks; "when I start the VM I get an error" reports.
    const opens = before.findLastIndex((w) => when.has(w));
    return opens < 0 || words.slice(opens + 1, at).some((w) => firstPerson.has(w));
  }
}

/** Does `phrase` stand in `words` from index `at`? */
function startsAt(words: string[], phrase: string[], at: number): boolean {
  return phrase.length > 0 && phrase.every((w, j) => words[at + j] === w);
}
