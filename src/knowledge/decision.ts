import { join } from "node:path";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  isAnswerKey,
  isAnswerValue,
  isRecommendationId,
  RECOMMENDATION_IDS,
} from "../core/decision/contract.ts";
import {
  type AnswerCondition,
  type ChecklistQuestion,
  type Constraint,
  checklistFileSchema,
  type DecisionKnowledge,
  type RecommendationInfo,
  type RulesFile,
  recommendationsFileSchema,
  rulesFileSchema,
} from "./decisionSchema.ts";
import { type KnowledgeIssue, readYaml } from "./read.ts";

const CHECKLIST = "checklist.yaml";
const RECOMMENDATIONS = "recommendations.yaml";
const RULES = "rules.yaml";
const PLACEHOLDERS = new Set(["winner", "runnerUp", "winnerScore", "runnerUpScore", "question", "questions"]);

type Report = (file: string, field: string, message: string) => void;

/**
 * Reads the decision engine's three files. Problems (schema and cross-file) are added to
 * `issues`; the result is `undefined` when there are any. Never throws: the caller decides.
 */
export function loadDecisionKnowledge(
  knowledgeDir: string,
  issues: KnowledgeIssue[],
): DecisionKnowledge | undefined {
  const before = issues.length;
  const checklist = readYaml(join(knowledgeDir, CHECKLIST), CHECKLIST, checklistFileSchema, issues);
  const recommendations = readYaml(
    join(knowledgeDir, RECOMMENDATIONS),
    RECOMMENDATIONS,
    recommendationsFileSchema,
    issues,
  );
  const rules = readYaml(join(knowledgeDir, RULES), RULES, rulesFileSchema, issues);
  if (!checklist || !recommendations || !rules) return undefined;
  const report: Report = (file, field, message) => issues.push({ file, field, message });
  checkChecklist(checklist, report);
  checkRecommendations(recommendations, report);
  checkRules(rules, report);
  return issues.length === before ? { checklist, recommendations, rules } : undefined;
}

const list = (items: readonly string[]) => items.join(", ");

/** The checklist must ask exactly the contract's keys, in order, with the contract's values. */
function checkChecklist(checklist: ChecklistQuestion[], report: Report): void {
  const keys = checklist.map((q) => q.key);
  if (keys.join() !== ANSWER_KEYS.join()) {
    report(
      CHECKLIST,
      "(file)",
      `questions must be exactly, in this order: ${list(ANSWER_KEYS)} (found ${list(keys)})`,
    );
  }
  checklist.forEach((q, i) => {
    if (!isAnswerKey(q.key)) return;
    const values = q.choices.map((c) => c.value);
    const expected = ANSWER_VALUES[q.key];
    if (values.join() !== expected.join()) {
      report(
        CHECKLIST,
        `[${i}](key ${q.key}).choices`,
        `values must be exactly: ${list(expected)} (found ${list(values)})`,
      );
    }
    if (q.bothSaid !== undefined && !values.includes(q.bothSaid))
      report(CHECKLIST, `[${i}](key ${q.key}).bothSaid`, `must be one of its choices: ${list(values)}`);
  });
}

function checkRecommendations(recommendations: RecommendationInfo[], report: Report): void {
  const ids = recommendations.map((r) => r.id);
  if ([...ids].sort().join() !== [...RECOMMENDATION_IDS].sort().join()) {
    report(
      RECOMMENDATIONS,
      "(file)",
      `ids must be exactly: ${list(RECOMMENDATION_IDS)} (found ${list(ids)})`,
    );
  }
}

function checkIds(ids: Iterable<string>, file: string, field: string, report: Report): void {
  for (const id of ids) {
    if (!isRecommendationId(id))
      report(file, field, `unknown recommendation "${id}"; valid: ${list(RECOMMENDATION_IDS)}`);
  }
}

function checkCondition(cond: AnswerCondition, field: string, report: Report): void {
  if (!isAnswerKey(cond.key)) {
    report(RULES, `${field}.key`, `unknown key "${cond.key}"; valid: ${list(ANSWER_KEYS)}`);
    return;
  }
  for (const value of cond.values) {
    if (!isAnswerValue(cond.key, value)) {
      report(
        RULES,
        `${field}.values`,
        `unknown value "${value}" for ${cond.key}; valid: ${list(ANSWER_VALUES[cond.key])}`,
      );
    }
  }
}

function checkTemplate(text: string, field: string, report: Report): void {
  for (const [, name] of text.matchAll(/\{([^}]*)\}/g)) {
    if (!PLACEHOLDERS.has(name ?? "")) {
      report(
        RULES,
        field,
        `unknown placeholder {${name}}; valid: ${list([...PLACEHOLDERS].map((p) => `{${p}}`))}`,
      );
    }
  }
}

function checkUnique(ids: string[], field: string, report: Report): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) report(RULES, field, `duplicate id "${id}"`);
    seen.add(id);
  }
}

function checkRules(rules: RulesFile, report: Report): void {
  checkIds(Object.keys(rules.base), RULES, "base", report);
  const missing = RECOMMENDATION_IDS.filter((id) => !(id in rules.base));
  if (missing.length)
    report(RULES, "base", `needs a score for every recommendation; missing: ${list(missing)}`);
  if ([...rules.tieQuestions].sort().join() !== [...ANSWER_KEYS].sort().join()) {
    report(RULES, "tieQuestions", `must list every checklist key once: ${list(ANSWER_KEYS)}`);
  }
  for (const [name, text] of Object.entries(rules.texts))
    checkTemplate(text.text, `texts.${name}.text`, report);
  checkUnique(
    rules.rules.map((r) => r.id),
    "rules",
    report,
  );
  checkUnique(
    rules.caveats.map((c) => c.id),
    "caveats",
    report,
  );
  checkUnique(
    rules.constraints.map((c) => c.id),
    "constraints",
    report,
  );
  rules.constraints.forEach((c, i) => {
    const field = `constraints[${i}](id ${c.id})`;
    c.when.forEach((cond, j) => {
      checkCondition(cond, `${field}.when[${j}]`, report);
    });
    checkIds(c.allow ?? [], RULES, `${field}.allow`, report);
    checkIds(c.exclude ?? [], RULES, `${field}.exclude`, report);
  });
  checkConstraintsCompatible(rules.constraints, report);
  rules.rules.forEach((rule, i) => {
    const field = `rules[${i}](id ${rule.id})`;
    checkCondition(rule.when, `${field}.when`, report);
    rule.assumes.forEach((cond, j) => {
      checkCondition(cond, `${field}.assumes[${j}]`, report);
    });
    checkIds(Object.keys(rule.weights), RULES, `${field}.weights`, report);
    if (rule.aside) checkIds(rule.aside.for, RULES, `${field}.aside.for`, report);
    if (rule.restates && !rules.constraints.some((c) => c.id === rule.restates))
      report(RULES, `${field}.restates`, `no constraint has the id "${rule.restates}"`);
    if (Object.keys(rule.weights).length === 0)
      report(RULES, `${field}.weights`, "needs at least one weight");
  });
  rules.caveats.forEach((caveat, i) => {
    checkIds(caveat.discourages, RULES, `caveats[${i}](id ${caveat.id}).discourages`, report);
    for (const cond of caveat.when) {
      const clash =
        "recommendation" in cond ? cond.recommendation.filter((id) => caveat.discourages.includes(id)) : [];
      if (clash.length)
        report(RULES, `caveats[${i}](id ${caveat.id})`, `is shown for ${list(clash)} but discourages it`);
    }
    caveat.when.forEach((cond, j) => {
      const field = `caveats[${i}](id ${caveat.id}).when[${j}]`;
      if ("recommendation" in cond) checkIds(cond.recommendation, RULES, `${field}.recommendation`, report);
      else checkCondition(cond, field, report);
    });
  });
}

/** Can these answer conditions all hold at once (no key asked for disjoint values)? */
function compatible(conds: AnswerCondition[]): boolean {
  const byKey = new Map<string, string[]>();
  for (const c of conds) {
    const before = byKey.get(c.key);
    byKey.set(c.key, before ? before.filter((v) => c.values.includes(v)) : c.values);
  }
  return [...byKey.values()].every((values) => values.length > 0);
}

/**
 * Every set of constraints that can apply together must leave at least one recommendation,
 * or some answers would have no valid result. Checked over all subsets (there are few).
 */
function checkConstraintsCompatible(constraints: Constraint[], report: Report): void {
  if (constraints.length > 16) {
    report(RULES, "constraints", "at most 16 constraints (their combinations are checked one by one)");
    return;
  }
  for (let mask = 1; mask < 1 << constraints.length; mask++) {
    const set = constraints.filter((_, i) => mask & (1 << i));
    if (!compatible(set.flatMap((c) => c.when))) continue;
    const left = RECOMMENDATION_IDS.filter((id) =>
      set.every((c) => (c.allow ? c.allow.includes(id) : !c.exclude?.includes(id))),
    );
    if (left.length === 0)
      report(RULES, "constraints", `${list(set.map((c) => c.id))} can apply together and leave no option`);
  }
}
