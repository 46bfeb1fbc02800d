import type { AnswerKey } from "../decision/contract.ts";
import type { Reading, UnderstoodAnswers } from "./extract.ts";

/**
 * Readings of several messages, oldest first, as one description: a later message's answer to a
 * question replaces an earlier one's ("we deploy monthly" … "actually weekly"), and a question a
 * later message leaves in conflict is unknown again. Whether it asks to choose is the last one's.
 */
export function combinedReading(readings: readonly Reading[]): Reading {
  const understood: UnderstoodAnswers = {};
  const conflicts = new Set<AnswerKey>();
  for (const reading of readings) {
    for (const key of reading.conflicts) {
      delete understood[key];
      conflicts.add(key);
    }
    for (const [key, answer] of Object.entries(reading.understood) as [
      AnswerKey,
      UnderstoodAnswers[AnswerKey],
    ][]) {
      understood[key] = answer;
      conflicts.delete(key);
    }
  }
  return { understood, conflicts: [...conflicts], asksToChoose: readings.at(-1)?.asksToChoose ?? false };
}
