import { type AskOutcome, offeredBy } from "../../core/ask.ts";
import { briefRequest, lengthAskedAhead } from "../../core/brief.ts";
import type { QuestionAnswering } from "../../core/questions.ts";
import { plainText } from "../../core/render/plainText.ts";
import { askReply, briefReply } from "../../core/replies/answers.ts";
import { reply } from "../../core/replies/common.ts";
import type { Reply } from "../../core/reply.ts";
import { explainText } from "./explain.ts";
import { type CliIo, eachInput } from "./io.ts";

/** The `ask --json` contract of DESIGN.md. */
export interface AskJson {
  question: string;
  answered: boolean;
  id: string | null;
  confidence: number;
  text: string;
  sources: { doc: string; section: string }[];
  suggestions: { id: string; question: string }[];
}

export function askJson(question: string, qa: QuestionAnswering): AskJson {
  // "one line please: can we run databases in containers?": the question, answered in short; so
  // is "keep answers short, what is a microVM?" (nothing is kept: each `ask` stands alone).
  const ahead = lengthAskedAhead(question, (t) => qa.asker.smallTalkOf(t));
  const asked = ahead ? (ahead.question ?? ahead.request) : question;
  const brief = ahead ? (ahead.short ? ahead.question : undefined) : briefRequest(question);
  const outcome = qa.asker.ask(brief ?? asked);
  // ("keep answers short" sets nothing here: each `ask` is answered on its own.)
  const notKept =
    outcome.kind === "smalltalk" && outcome.which === "shortAnswers"
      ? qa.context.responses.shortAnswers.notKept
      : outcome.kind === "smalltalk" && outcome.which === "fullAnswers"
        ? qa.context.responses.fullAnswers.notKept
        : undefined;
  const shown = notKept
    ? reply("notice", [{ type: "text", text: notKept }], notKept)
    : brief !== undefined && outcome.kind === "answer" && !outcome.unsure
      ? briefReply(outcome.entry, qa.context, undefined, outcome.unnamed)
      : askReply(outcome, qa.context);
  return askJsonOf(question, outcome, shown);
}

/** `ask --json` for an outcome already had, with the reply shown for it. */
export function askJsonOf(question: string, outcome: AskOutcome, shown: Reply): AskJson {
  const text = plainText([shown]);
  const answered = outcome.kind === "answer" || outcome.kind === "smalltalk" || outcome.kind === "intent";
  return {
    question,
    answered,
    id: outcome.kind === "answer" ? outcome.entry.id : null,
    confidence: confidenceOf(outcome),
    text,
    sources:
      outcome.kind === "answer" ? outcome.entry.sources.map(({ doc, section }) => ({ doc, section })) : [],
    // "Did you mean" entries, or the runner-ups offered beside an unsure answer.
    suggestions: offeredBy(outcome).map((s) => ({ id: s.id, question: s.question })),
  };
}

function confidenceOf(outcome: AskOutcome): number {
  switch (outcome.kind) {
    case "answer":
    case "no-match":
    case "out-of-scope":
      return outcome.confidence;
    case "intent":
      return outcome.confidence;
    case "smalltalk":
      return 1;
    case "empty":
    case "too-long":
      return 0;
  }
}

/**
 * `ask [--json] [question…]`: one question from the arguments, or one per line from standard
 * input (blank lines are skipped). Returns the exit code.
 */
export async function askCommand(
  words: string[],
  mode: { json: boolean; explain: boolean },
  io: CliIo,
  qa: QuestionAnswering,
): Promise<number> {
  const print = (question: string) => {
    if (mode.explain) {
      io.stdout.write(`${explainText(question, qa)}\n\n`);
      return;
    }
    const result = askJson(question, qa);
    io.stdout.write(mode.json ? `${JSON.stringify(result)}\n` : `${result.text}\n\n`);
  };
  return eachInput(
    words,
    io,
    'vmvc ask: the question is empty. Usage: vmvc ask [--json | --explain] "<question>"',
    print,
  );
}
