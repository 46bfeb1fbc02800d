/**
 * Every numeric knob of the situation extractor, in one place (the words it reads are data, in
 * knowledge/situations.yaml). Changing one changes what is understood: run `npm run eval` before
 * and after.
 */
export interface SituationParams {
  /** Other words allowed between two consecutive words of a cue phrase ("plugins from third parties"). */
  maxGap: number;
  /** How many words before a cue a negator still negates it, inside one clause ("we'd rather not run clusters"). */
  negationWindow: number;
  /** Words allowed between a number and its unit ("60 stateless services"). */
  countGap: number;
  /** Words allowed between a count and "a <period>" ("a couple of releases a year"). */
  frequencyGap: number;
  /** Read a misspelt word the knowledge does not know as the cue word it nearly is (Speller). */
  typos: boolean;
  /**
   * `Bot.ask`: a question the matcher does not read as the `recommend` intent is still taken as
   * a description of a situation when this many answers are understood from it and it asks what
   * to choose (situations.yaml `choiceCues`). 0 switches this off.
   */
  describedAnswers: number;
  /**
   * `Bot.ask`: a message that asks nothing, in sentences, is taken as a description of a
   * situation when this many answers are understood from it. 0 switches this off.
   */
  statedAnswers: number;
}

export const defaultSituationParams: SituationParams = {
  maxGap: 2,
  negationWindow: 3,
  countGap: 2,
  frequencyGap: 3,
  typos: true,
  describedAnswers: 3,
  statedAnswers: 2,
};
