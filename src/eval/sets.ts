import { z } from "zod";
import type { Knowledge } from "../knowledge/load.ts";
import { readJsonl } from "./jsonl.ts";
import { type Judged, miniSearchBaseline, type Scored, score } from "./questionSet.ts";

export interface SetScore extends Scored {
  /** Off-topic questions that use the subject's words (a docker error message, a VirtualBox bug). */
  nearDomain: { pass: number; all: number };
}

export interface SetRow {
  name: string;
  ours: SetScore;
  baseline: SetScore;
}

type Answer = (q: string) => Judged;

/**
 * One line of a question set: word groups the answer must contain (`all`), the entries that
 * answer it (`ids`, our chat-style set), or `oos` for a question the bot must decline.
 */
const lineSchema = z.union([
  z.object({ q: z.string(), oos: z.literal(true), near: z.boolean().optional() }),
  z.object({ q: z.string(), all: z.array(z.array(z.string()).min(1)) }),
  z.object({ q: z.string(), ids: z.array(z.string()).min(1) }),
]);
type Line = z.infer<typeof lineSchema>;

export function readSet(file: string): Line[] {
  return readJsonl(file, lineSchema);
}

/** Scores a set: by answer words like ../shared/eval/score.mjs, or by entry id for `ids` lines. */
export function scoreSet(lines: Line[], answer: Answer): SetScore {
  const near = (l: Line) => "oos" in l && l.near === true;
  const byWords = lines.filter((l) => !("ids" in l) && !near(l)) as Parameters<typeof score>[0];
  const nearDomain = score(lines.filter(near) as Parameters<typeof score>[0], answer);
  const s: SetScore = { ...score(byWords, answer), nearDomain: nearDomain.outOfScope };
  s.failures.push(...nearDomain.failures.map((f) => `(near-domain) ${f}`));
  for (const l of lines) {
    if (!("ids" in l)) continue;
    const a = answer(l.q);
    const right = a.answered && a.id !== null && l.ids.includes(a.id);
    s.inScope.all++;
    s.onePress.all++;
    if (right) s.inScope.pass++;
    else s.failures.push(`${l.q} -> ${a.id ?? "none"}: wanted ${l.ids.join("|")}`);
    if (right || a.offered.some((o) => l.ids.includes(o.id))) s.onePress.pass++;
  }
  return s;
}

export function evaluateSets(
  knowledge: Knowledge,
  answer: Answer,
  sets: { name: string; file: string }[],
): SetRow[] {
  const baseline = miniSearchBaseline(knowledge);
  return sets.map(({ name, file }) => {
    const lines = readSet(file);
    return { name, ours: scoreSet(lines, answer), baseline: scoreSet(lines, baseline) };
  });
}
