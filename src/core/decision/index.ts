// The decision engine's public surface, for adapters and walkthroughs.
export * from "./contract.ts";
export { type Decision, decide, reasonOfAnswer, scored } from "./decide.ts";
export { DecisionInputError } from "./errors.ts";
export type { Reason } from "./explain.ts";
export { parseAnswerArgs, parseAnswers } from "./parse.ts";
export type { Pivot } from "./pivots.ts";
