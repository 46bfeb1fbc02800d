import { z } from "zod";
import { idSchema, sourceSchema } from "./schema.ts";

/*
 * Schemas for the decision engine's data: knowledge/checklist.yaml, recommendations.yaml
 * and rules.yaml. Keys, values and ids are plain strings here; decision.ts checks them
 * against the contract and across files, so a typo is reported with the valid choices.
 */

const sources = z.array(sourceSchema).min(1, "every claim needs at least one source");

export const choiceSchema = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(3).max(90),
  // Words that, typed in the checklist's thread as this question's answer, mean this choice
  // ("it's our own code" is Standard isolation), though in a description they say too little.
  said: z.array(z.string().min(3)).default([]),
  // Single words that name this choice where a message gives the question by name ("change deploy
  // frequency to daily", "deploy frequency is weekly"), besides its value and its label's head.
  named: z.array(z.string().regex(/^[a-z-]+$/, "one lower-case word")).default([]),
});

export const checklistQuestionSchema = z.strictObject({
  key: z.string().min(1),
  title: z.string().min(3).max(40),
  // What a message calls this question besides its title ("the architecture answer should be
  // mixed", "compliance: moderate"), lower case: a correction or an answer given by name.
  names: z.array(z.string().min(2)).default([]),
  prompt: z.string().min(10).max(200),
  help: z.string().min(10).max(240),
  choices: z.array(choiceSchema).min(2),
  // Put before a sentence typed in a checklist thread as this question's answer when it reads as
  // nothing alone: the context a description would give ("we deploy" + "every day").
  readAs: z.string().min(2).max(40).optional(),
  // A wish typed in the thread states this question's answer: "we want defence in depth" is a
  // requirement, "we want as few moving parts as possible" an appetite (not so "we really want a
  // platform team" for maturity).
  wishes: z.boolean().default(false),
  // The choice a typed answer means when it says two other choices' words ("one big app plus a
  // couple of small services" is Mixed, not Microservices); without it, such an answer is not read
  // from those words.
  bothSaid: z.string().min(1).optional(),
  sources,
});

export const recommendationSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(3).max(60),
  summary: z.string().min(40).max(600),
  /**
   * The FAQ entry on how a team moves to this option ("what would it take to switch?" after the
   * recommendation); none where the documents describe no such move.
   */
  gettingThere: idSchema.optional(),
  sources,
});

/** Small whole or half numbers keep the model readable and its sums exact in floating point. */
export const weightSchema = z
  .number()
  .min(-10)
  .max(10)
  .refine((n) => Number.isInteger(n * 2), "must be a whole or half number (e.g. 1, -0.5)");

/** "This answer is one of these values." */
export const answerConditionSchema = z.strictObject({
  key: z.string().min(1),
  values: z.array(z.string().min(1)).min(1),
});

/** Caveats may also depend on what was recommended. */
export const recommendationConditionSchema = z.strictObject({
  recommendation: z.array(z.string().min(1)).min(1),
});

export const caveatConditionSchema = z.union([answerConditionSchema, recommendationConditionSchema]);

export const ruleSchema = z.strictObject({
  id: idSchema,
  when: answerConditionSchema,
  weights: z.record(z.string(), weightSchema),
  reason: z.string().min(20).max(400),
  // What the reason takes for granted about *other* answers: it is not shown when an answer
  // contradicts one of these (an unanswered key contradicts nothing). Scoring ignores it.
  assumes: z.array(answerConditionSchema).default([]),
  sources,
  // The hard requirement whose text already says what this reason says: while it applies, the
  // reason is left out of "Why" (the weights still count).
  restates: idSchema.optional(),
  // A clause that matters only when the reasons are about one of `for` (how microVMs fit a reason
  // written for containers): shown once per list, after the first reason that carries it.
  aside: z
    .strictObject({
      for: z.array(z.string().min(1)).min(1),
      text: z.string().min(20).max(200),
      sources,
    })
    .optional(),
});

export const caveatSchema = z.strictObject({
  id: idSchema,
  // Every condition must hold.
  when: z.array(caveatConditionSchema).min(1),
  text: z.string().min(20).max(400),
  // The options this caveat warns against; it is never shown when one of them is the pick.
  discourages: z.array(z.string().min(1)).default([]),
  sources,
});

/**
 * A hard requirement: when every condition holds, only `allow` may be recommended (or
 * nothing in `exclude` may). Applied before scoring; it cannot be outvoted.
 */
export const constraintSchema = z
  .strictObject({
    id: idSchema,
    when: z.array(answerConditionSchema).min(1),
    allow: z.array(z.string().min(1)).min(1).optional(),
    exclude: z.array(z.string().min(1)).min(1).optional(),
    text: z.string().min(20).max(400),
    // Where the documents leave room: shown with the constraint.
    room: z.string().min(20).max(400).optional(),
    sources,
  })
  .refine((c) => (c.allow === undefined) !== (c.exclude === undefined), {
    message: "needs exactly one of allow or exclude",
  });

/** A sentence the engine shows that is not tied to one rule. */
export const engineTextSchema = z.strictObject({
  text: z.string().min(10).max(300),
  sources,
});

/** Short headings the replies use around the decision (people-facing, so they are data). */
export const decisionLabelsSchema = z.strictObject({
  provisionalHeading: z.string().min(3).max(80),
  leading: z.string().min(3).max(80),
  decisive: z.string().min(3).max(80),
  /** Under the questions that would decide: how to answer them in a message. */
  decisiveHow: z.string().min(10).max(240).includes("{example}"),
  hardRequirements: z.string().min(3).max(80),
  closeCall: z.string().min(3).max(80),
  settle: z.string().min(3).max(80),
  ruledOut: z.string().min(3).max(40),
  // After "What counts against it:" where that is what "Why" says just above.
  againstAsWhy: z.string().min(5).max(80),
  /** The unit after a score: "1 point", "1.5 points". */
  point: z.string().min(3).max(20),
  points: z.string().min(3).max(20),
  /** Under the scores: what the points mean. */
  pointsNote: z.string().min(20).max(320),
  pointsNoteProvisional: z.string().min(20).max(320),
});

export const rulesFileSchema = z.strictObject({
  base: z.record(z.string(), weightSchema),
  // Equal scores go to the option that the answer to the first of these questions (that tells
  // the two apart) favours; never to a fixed order of options.
  tieQuestions: z.array(z.string()).min(1),
  // A win by this much or less is reported as a close call.
  closeMargin: weightSchema,
  // Fewer answered questions than this: no headline recommendation, only the leading options.
  minAnswers: z.number().int().min(1).max(11),
  labels: decisionLabelsSchema,
  texts: z.strictObject({
    // Reason given when nothing is answered yet.
    unanswered: engineTextSchema,
    // Reason given when no answered rule favours the winner.
    noFavouringRule: engineTextSchema,
    // Templates: {winner}, {runnerUp}, {winnerScore}, {runnerUpScore}, {question}, {questions}.
    whyNotRunnerUp: engineTextSchema,
    whyNotRunnerUpNothingAgainst: engineTextSchema,
    whyNotRunnerUpExcluded: engineTextSchema,
    // After it, the questions ({questions}) a different answer to which would lift every hard
    // requirement ruling the option out.
    whyNotLiftedBy: engineTextSchema,
    // "why not X?" typed about an option further down than the runner-up: {runnerUp} is X.
    whyNotOption: engineTextSchema,
    whyNotOptionNothingAgainst: engineTextSchema,
    tieDecided: engineTextSchema,
    tieUnresolved: engineTextSchema,
    closeCall: engineTextSchema,
    settle: engineTextSchema,
    provisional: engineTextSchema,
  }),
  constraints: z.array(constraintSchema),
  rules: z.array(ruleSchema).min(1),
  caveats: z.array(caveatSchema),
});

export const checklistFileSchema = z.array(checklistQuestionSchema).min(1);
export const recommendationsFileSchema = z.array(recommendationSchema).min(1);

export type ChecklistQuestion = z.infer<typeof checklistQuestionSchema>;
export type RecommendationInfo = z.infer<typeof recommendationSchema>;
export type AnswerCondition = z.infer<typeof answerConditionSchema>;
export type CaveatCondition = z.infer<typeof caveatConditionSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Caveat = z.infer<typeof caveatSchema>;
export type Constraint = z.infer<typeof constraintSchema>;
export type DecisionLabels = z.infer<typeof decisionLabelsSchema>;
export type EngineText = z.infer<typeof engineTextSchema>;
export type RulesFile = z.infer<typeof rulesFileSchema>;

/** The three files, validated against the contract and each other. */
export interface DecisionKnowledge {
  checklist: ChecklistQuestion[];
  recommendations: RecommendationInfo[];
  rules: RulesFile;
}
