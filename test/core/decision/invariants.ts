import type { AnswerKey, Answers, Decision, RecommendationId } from "../../../src/core/decision/index.ts";
import type { AnswerCondition, DecisionKnowledge, Rule } from "../../../src/knowledge/decisionSchema.ts";

/*
 * The invariants, checked from the data and the decision alone (no engine helpers), so
 * the exhaustive and the property-based tests count violations the same way.
 */

/** Options with a kernel of their own per workload, and options that share one per node. */
export const VM_FAMILY: readonly RecommendationId[] = ["vms", "microvms"];
export const SHARED_KERNEL: readonly RecommendationId[] = ["containers", "kubernetes-on-vms"];

const holds = (c: AnswerCondition, a: Answers) => {
  const v = a[c.key as AnswerKey];
  return v !== undefined && c.values.includes(v);
};
const contradicted = (c: AnswerCondition, a: Answers) => {
  const v = a[c.key as AnswerKey];
  return v !== undefined && !c.values.includes(v);
};
const w = (r: Rule, id: RecommendationId) => r.weights[id] ?? 0;

/**
 * Independent of the rules' own `assumes`: what the audit found shown against the answers.
 * A text matching `text` must never be shown (as a reason or caveat) with these answers.
 */
export const CONTRADICTIONS: { text: RegExp; when: Answers[] }[] = [
  {
    text: /can safely share|one shared kernel|sharing the host kernel costs nothing/i,
    when: [{ isolation: "hard" }, { hardware: "kernel" }, { multiOs: "yes" }],
  },
  { text: /still a stretch/i, when: [{ orchestration: "high" }, { orchestration: "medium" }] },
  { text: /ready to run its own clusters/i, when: [{ orchestration: "low" }] },
  { text: /no cluster to run/i, when: [{ orchestration: "high" }] },
  { text: /little platform automation/i, when: [{ maturity: "high" }] },
  { text: /Stateless services can be replaced/i, when: [{ state: "stateful" }] },
];

/** Caveat wordings that argue against some options (the audit's examples and their kin). */
export const CAVEAT_AVOIDS: { text: RegExp; against: RecommendationId[] }[] = [
  {
    text: /untrusted tenants|use a microVM runtime/i,
    against: ["containers", "kubernetes-on-vms", "mixed-platform"],
  },
  {
    text: /keep anything that needs a full OS on VMs/i,
    against: ["containers", "kubernetes-on-vms", "microvms"],
  },
  { text: /upgrades get harder/i, against: ["containers", "kubernetes-on-vms", "microvms"] },
];

const matches = (a: Answers, pattern: Answers) =>
  Object.entries(pattern).every(([k, v]) => a[k as AnswerKey] === v);

/** Every violation of the invariants for one decision, as readable strings. */
export function violations(k: DecisionKnowledge, answers: Answers, d: Decision): string[] {
  const out: string[] = [];
  const winner = d.recommendation;
  // Constraints always hold.
  for (const c of k.rules.constraints) {
    if (!c.when.every((cond) => holds(cond, answers))) continue;
    const ok = c.allow ? c.allow.includes(winner) : !c.exclude?.includes(winner);
    if (!ok) out.push(`constraint ${c.id} broken by ${winner}`);
    if (!d.constraints.some((x) => x.id === c.id)) out.push(`constraint ${c.id} not named`);
  }
  // The winner has the best score among the options no constraint rules out.
  const best = Math.max(
    ...Object.entries(d.scores)
      .filter(([id]) => !d.excluded.includes(id as RecommendationId))
      .map(([, s]) => s),
  );
  if (d.scores[winner] !== best) out.push("winner is not the best allowed score");
  // Reasons: a constraint that applies, or a rule that fired, favours the winner and whose
  // assumptions the answers do not contradict (or a data fallback).
  const fallbacks = [k.rules.texts.unanswered.text, k.rules.texts.noFavouringRule.text];
  // A rule's aside follows its reason only when it is about the winner, and once at most.
  const withAside = (x: (typeof k.rules.rules)[number]) =>
    x.aside?.for.includes(winner) ? `${x.reason} ${x.aside.text}` : undefined;
  const asides = new Map<string, number>();
  for (const r of d.reasons) {
    const rule = k.rules.rules.find((x) => x.reason === r.text || withAside(x) === r.text);
    const aside = rule && r.text !== rule.reason ? rule.aside?.text : undefined;
    if (aside) asides.set(aside, (asides.get(aside) ?? 0) + 1);
    const constraint = d.constraints.find((c) => r.text.startsWith(c.text));
    if (rule) {
      if (!holds(rule.when, answers)) out.push(`reason ${rule.id}: condition false`);
      if (rule.assumes.some((c) => contradicted(c, answers))) out.push(`reason ${rule.id}: assumption false`);
      if (w(rule, winner) <= 0) out.push(`reason ${rule.id} does not support ${winner}`);
      if (rule.restates && d.constraints.some((c) => c.id === rule.restates))
        out.push(`reason ${rule.id} repeats the requirement ${rule.restates}, already listed`);
    } else if (!constraint && !fallbacks.includes(r.text)) out.push(`unknown reason: ${r.text}`);
    if (r.sources.length === 0) out.push("reason without sources");
  }
  for (const [aside, n] of asides) if (n > 1) out.push(`aside shown ${n} times: ${aside}`);
  // "Why not" quotes reasons alone (an aside is said once, under "Why"); a rule that restates a
  // requirement already listed only when nothing else counts against the option; and it says
  // nothing counts against the option only when no answer does.
  const nothingAgainst = [
    k.rules.texts.whyNotRunnerUpNothingAgainst,
    k.rules.texts.whyNotOptionNothingAgainst,
  ];
  // The longest literal stretch of a template: what every text filled from it says.
  const literal = (t: { text: string }) =>
    t.text.split(/\{\w+\}/).reduce((a, b) => (b.length > a.length ? b : a), "");
  for (const [id, why] of Object.entries(d.whyNot) as [RecommendationId, { text: string }][]) {
    if (d.excluded.includes(id) || why.text.includes(" both scored ") || d.scores[id] === d.scores[winner])
      continue;
    const against = k.rules.rules.filter(
      (r) =>
        holds(r.when, answers) &&
        !r.assumes.some((c) => contradicted(c, answers)) &&
        w(r, winner) - w(r, id) > 0 &&
        w(r, id) < 0,
    );
    const listed = (r: Rule) => r.restates !== undefined && d.constraints.some((c) => c.id === r.restates);
    const fresh = against.filter((r) => !listed(r));
    for (const rule of k.rules.rules) {
      if (rule.aside && why.text.includes(rule.aside.text)) out.push(`why not ${id} repeats an aside`);
      if (listed(rule) && fresh.length > 0 && why.text.includes(rule.reason))
        out.push(`why not ${id} quotes ${rule.id}, which repeats ${rule.restates}`);
    }
    const saysNone = nothingAgainst.some((t) => why.text.includes(literal(t)));
    if (against.length > 0 && saysNone) out.push(`why not ${id} says nothing counts against it`);
  }
  // Why not the runner-up: never a rule that favours the runner-up.
  for (const rule of k.rules.rules) {
    if (d.whyNotRunnerUp.text.includes(rule.reason) && w(rule, d.runnerUp) > 0)
      out.push(`why-not quotes ${rule.id}, which favours ${d.runnerUp}`);
  }
  // Caveats: never one that warns against the winner; every condition holds.
  for (const text of d.caveats) {
    const caveat = k.rules.caveats.find((c) => c.text === text);
    if (!caveat) {
      out.push(`unknown caveat: ${text}`);
      continue;
    }
    if (caveat.discourages.includes(winner)) out.push(`caveat ${caveat.id} warns against ${winner}`);
    for (const cond of caveat.when) {
      if ("recommendation" in cond ? !cond.recommendation.includes(winner) : !holds(cond, answers))
        out.push(`caveat ${caveat.id}: condition false`);
    }
  }
  for (const c of CAVEAT_AVOIDS) {
    if (c.against.includes(winner) && d.caveats.some((t) => c.text.test(t)))
      out.push(`caveat ${c.text} argues against ${winner}`);
  }
  // The audit's contradictions, by text.
  const shown = [...d.reasons.map((r) => r.text), ...d.caveats];
  for (const c of CONTRADICTIONS) {
    if (c.when.some((p) => matches(answers, p)) && shown.some((t) => c.text.test(t)))
      out.push(`shows ${c.text} with ${JSON.stringify(answers)}`);
  }
  // Thin evidence and close calls.
  const answered = Object.keys(answers).length;
  if (d.provisional !== answered < k.rules.minAnswers) out.push("provisional flag wrong");
  if (d.leading[0]?.id !== winner) out.push("leading does not start with the winner");
  const runnerUpAllowed = !d.excluded.includes(d.runnerUp);
  const margin = d.scores[winner] - d.scores[d.runnerUp];
  if (runnerUpAllowed && margin <= k.rules.closeMargin) {
    if (!d.close) out.push("close call not reported");
    else if (!d.close.text.includes(d.title)) out.push("close call text does not name the winner");
  } else if (d.close) out.push("close call reported without one");
  return out;
}
