/**
 * The checklist keys, their values and the recommendation ids are a public contract
 * (DESIGN.md: scripts, tests and saved walkthroughs depend on them), so they are constants
 * here. Everything the engine *says* or *weighs* lives in knowledge/.
 */
export const ANSWER_VALUES = {
  isolation: ["standard", "strong", "hard"],
  maturity: ["low", "medium", "high"],
  compliance: ["none", "moderate", "strict"],
  deploys: ["rare", "regular", "frequent"],
  multiOs: ["yes", "no"],
  orchestration: ["low", "medium", "high"],
  architecture: ["monolith", "microservices", "mixed"],
  state: ["stateless", "stateful", "mixed"],
  legacy: ["yes", "no"],
  hardware: ["none", "gpu", "kernel"],
  load: ["steady", "spiky"],
} as const;

export type AnswerKey = keyof typeof ANSWER_VALUES;
export type AnswerValue<K extends AnswerKey = AnswerKey> = (typeof ANSWER_VALUES)[K][number];

/** Keys in DESIGN.md order: the order questions are asked and `unanswered` is listed. */
export const ANSWER_KEYS = [
  "isolation",
  "maturity",
  "compliance",
  "deploys",
  "multiOs",
  "orchestration",
  "architecture",
  "state",
  "legacy",
  "hardware",
  "load",
] as const satisfies readonly AnswerKey[];

/** A (possibly partly) answered checklist. */
export type Answers = { [K in AnswerKey]?: AnswerValue<K> };

export const RECOMMENDATION_IDS = [
  "vms",
  "containers",
  "kubernetes-on-vms",
  "microvms",
  "mixed-platform",
  "container-shaped",
] as const;

export type RecommendationId = (typeof RECOMMENDATION_IDS)[number];

export function isAnswerKey(key: string): key is AnswerKey {
  return Object.hasOwn(ANSWER_VALUES, key);
}

export function isAnswerValue<K extends AnswerKey>(key: K, value: string): value is AnswerValue<K> {
  return (ANSWER_VALUES[key] as readonly string[]).includes(value);
}

export function isRecommendationId(id: string): id is RecommendationId {
  return (RECOMMENDATION_IDS as readonly string[]).includes(id);
}
