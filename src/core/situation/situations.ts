import type { Knowledge } from "../../knowledge/load.ts";
import type { Answerable } from "../answerable.ts";
import { type Decision, decide, parseAnswers } from "../decision/index.ts";
import type { Reply } from "../reply.ts";
import { asksSomething, statesAsSentence } from "../walkthrough/statement.ts";
import { type Reading, SituationReader, type UnderstoodAnswers } from "./extract.ts";
import { situationReply } from "./reply.ts";

/** The `recommend --json` contract: the `decide --json` object plus what was understood. */
export type RecommendJson = Decision & {
  understood: UnderstoodAnswers;
  /** Questions the description answered both ways, left unknown. */
  conflicts: Reading["conflicts"];
};

/** `recommend <description>`: read the description, decide, and reply. Built once per knowledge. */
export class Situations {
  constructor(private readonly knowledge: Knowledge) {}

  /**
   * Built on first use (about 200 ms), so start-up serves its first page without waiting for it;
   * app.ts warms it just after, with the question matcher.
   */
  get reader(): SituationReader {
    return readerFor(this.knowledge);
  }

  /** Builds the reader now rather than at the first message that needs it (most messages do). */
  warm(): void {
    readerFor(this.knowledge);
  }

  read(text: string): Reading {
    return this.reader.read(text);
  }

  decide(reading: Reading): Decision {
    return decide(SituationReader.answers(reading.understood), this.knowledge.decision);
  }

  json(text: string): RecommendJson {
    const reading = this.read(text);
    return { ...this.decide(reading), understood: reading.understood, conflicts: reading.conflicts };
  }

  reply(reading: Reading, related?: Answerable): Reply {
    const { decision, documents, responses } = this.knowledge;
    return situationReply(reading, this.decide(reading), { decision, documents, responses }, related);
  }

  /** "what if we had 50 services?" after a recommendation of `base` answers: the reading's answers in their place. */
  whatIfReply(
    reading: Reading,
    base: Record<string, string | null>,
    corrected = false,
    /** A what-if after another, weighed against the team's own answers (it says so). */
    fromOwn = false,
  ): Reply {
    const { decision, documents, responses } = this.knowledge;
    const changed = { ...base, ...SituationReader.answers(reading.understood) };
    const before = decide(parseAnswers(base), decision);
    return situationReply(
      reading,
      decide(parseAnswers(changed), decision),
      { decision, documents, responses },
      undefined,
      { base, before, corrected, fromOwn },
    );
  }

  /**
   * Is this free text a description of the asker's situation that asks what to choose, although
   * the matcher did not take it for the `recommend` intent? Enough understood answers and a
   * question (params.describedAnswers); the FAQ's own questions almost never state three answers.
   */
  describes(reading: Reading): boolean {
    const min = this.reader.params.describedAnswers;
    return min > 0 && reading.asksToChoose && Object.keys(reading.understood).length >= min;
  }

  /**
   * Or one that asks nothing at all, in sentences of what the team has ("we're a team of 3 running
   * a wordpress site. traffic is steady and we deploy once a quarter."): what else would it want?
   * With at least params.statedAnswers answers (whose case it is, the caller judges). `notes`: it
   * is the team's notes on itself, in words that need be no sentence ("team of 4 devs, php
   * monolith, deploy once a month to 2 VMs, nobody knows k8s").
   */
  states(reading: Reading, text: string, notes = false): boolean {
    const min = this.reader.params.statedAnswers;
    return (
      min > 0 &&
      Object.keys(reading.understood).length >= min &&
      !asksSomething(text) &&
      (notes || statesAsSentence(text))
    );
  }
}

/** Reading the knowledge's vocabulary takes a moment: every Bot of one knowledge shares a reader. */
const readers = new WeakMap<Knowledge, SituationReader>();
function readerFor(knowledge: Knowledge): SituationReader {
  let r = readers.get(knowledge);
  if (!r) {
    r = new SituationReader(knowledge);
    readers.set(knowledge, r);
  }
  return r;
}
