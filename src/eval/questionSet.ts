import { z } from "zod";
import { askJsonOf } from "../adapters/cli/ask.ts";
import { type Answerable, answerablesOf } from "../core/answerable.ts";
import { offeredBy } from "../core/ask.ts";
import type { QuestionAnswering } from "../core/questions.ts";
import { plainText } from "../core/render/plainText.ts";
import {
  type AnswerContext,
  answerReply,
  askReply,
  notTogetherNote,
  unnamedNote,
} from "../core/replies/answers.ts";
import type { Part } from "../core/reply.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { miniSearchOver } from "./crossValidation.ts";
import { readJsonl } from "./jsonl.ts";

/** One line of an evaluation set: a question and the word groups its answer must contain, or `oos`. */
const caseSchema = z.union([
  z.object({ q: z.string(), oos: z.literal(true) }),
  z.object({ q: z.string(), all: z.array(z.array(z.string()).min(1)) }),
]);
export type EvalCase = z.infer<typeof caseSchema>;

export function readQuestionSet(path: string): EvalCase[] {
  return readJsonl(path, caseSchema);
}

export interface Verdict {
  pass: boolean;
  why: string;
}

/** Judges one answer the way ../shared/eval/score.mjs does. */
export function judge(c: EvalCase, answered: boolean, text: string): Verdict {
  if ("oos" in c) return { pass: !answered, why: answered ? "answered an out-of-scope question" : "" };
  if (!answered) return { pass: false, why: "declined" };
  const lower = text.toLowerCase();
  const missing = c.all.filter((group) => !group.some((w) => lower.includes(w.toLowerCase())));
  return { pass: missing.length === 0, why: missing.map((g) => g.join("|")).join(", ") };
}

export interface Scored {
  inScope: { pass: number; all: number };
  /** In-scope questions answered right, or with a right entry offered one press away. */
  onePress: { pass: number; all: number };
  outOfScope: { pass: number; all: number };
  failures: string[];
}

/** One answer as an evaluation judges it. */
export interface Judged {
  answered: boolean;
  /** The answer's text, without what the reply offers beside it. */
  text: string;
  id: string | null;
  /** The entries the reply offers one press away, each with its own answer's text. */
  offered: { id: string; text: string }[];
}

export function score(cases: EvalCase[], answer: (q: string) => Judged): Scored {
  const s: Scored = {
    inScope: { pass: 0, all: 0 },
    onePress: { pass: 0, all: 0 },
    outOfScope: { pass: 0, all: 0 },
    failures: [],
  };
  for (const c of cases) {
    const a = answer(c.q);
    const v = judge(c, a.answered, a.text);
    const bucket = "oos" in c ? s.outOfScope : s.inScope;
    bucket.all++;
    if (v.pass) bucket.pass++;
    else s.failures.push(`${c.q} -> ${a.id ?? "none"}: ${v.why}`);
    if ("oos" in c) continue;
    s.onePress.all++;
    if (v.pass || a.offered.some((o) => judge(c, true, o.text).pass)) s.onePress.pass++;
  }
  return s;
}

/** An entry's answer as the bot shows it, in plain text: what an offer leads to. */
function shownText(entry: Answerable, ctx: AnswerContext): string {
  return plainText([answerReply(entry, ctx)]);
}

/**
 * The matcher's answer to one question as an evaluation judges it: `ask --json`'s, except that the
 * runner-ups an unsure answer offers beside it ("Or did you mean …") are left out of the judged
 * text. They are offers, not the answer, and their questions' words would count for it. So are the
 * notes that the documents never mention a product the question names, or never speak of a term of
 * ours it names beside this answer: they repeat the question.
 */
export function judgedAnswer(q: string, qa: QuestionAnswering): Judged {
  const outcome = qa.asker.ask(q);
  const reply = askReply(outcome, qa.context);
  const offers = (p: Part) => outcome.kind === "answer" && p.type === "buttons" && p.role === "suggestions";
  const notes = [
    outcome.kind === "answer" && outcome.unnamed ? unnamedNote(outcome.unnamed, qa.context.responses) : "",
    outcome.kind === "answer" && outcome.uncovered
      ? notTogetherNote(outcome.uncovered, qa.context.responses)
      : "",
  ].filter(Boolean);
  const echoes = (p: Part) => p.type === "context" && notes.includes(p.text);
  const { answered, text, id } = askJsonOf(q, outcome, {
    ...reply,
    parts: reply.parts.filter((p) => !offers(p) && !echoes(p)),
  });
  const offered = offeredBy(outcome).map((e) => ({ id: e.id, text: shownText(e, qa.context) }));
  return { answered, text, id, offered };
}

/**
 * The baseline the matcher must beat: a plain MiniSearch index (BM25+, fuzzy 0.2, prefix) over the
 * same entries. Its pick is shown the way the bot shows an answer (answerReply, as plain text:
 * the question answered, the answer, details, sources and related questions), so both are judged
 * on the same words; judged on the answer and details alone it would lose the words of the
 * related questions the matcher's answers carry (1 to 3 answers per set).
 */
export function miniSearchBaseline(knowledge: Knowledge): (q: string) => Judged {
  const entries = answerablesOf(knowledge);
  const byId = new Map<string, Answerable>(entries.map((e) => [e.id, e]));
  const index = miniSearchOver(entries);
  const ctx = {
    documents: knowledge.documents,
    responses: knowledge.responses,
    entry: (id: string) => byId.get(id),
  };
  return (q) => {
    const [top, ...next] = index
      .search(q)
      .slice(0, 3)
      .flatMap((hit) => byId.get(String(hit.id)) ?? []);
    // It offers nothing; its next two hits stand in for what a reply could offer beside the answer.
    return top
      ? {
          answered: true,
          text: shownText(top, ctx),
          id: top.id,
          offered: next.map((e) => ({ id: e.id, text: shownText(e, ctx) })),
        }
      : { answered: false, text: "", id: null, offered: [] };
  };
}
