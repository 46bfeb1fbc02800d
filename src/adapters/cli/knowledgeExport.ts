import { answerablesOf } from "../../core/answerable.ts";
import type { Knowledge } from "../../knowledge/load.ts";
import type { CliIo } from "./io.ts";

/** `knowledge --json`: every answerable entry, for other tools to evaluate against. */
export function knowledgeCommand(json: boolean, io: CliIo, knowledge: Knowledge): number {
  const entries = answerablesOf(knowledge).map((e) => ({
    id: e.id,
    kind: e.kind,
    question: e.question,
    alternates: e.phrasings.slice(1),
    answer: e.details ? `${e.answer}\n\n${e.details}` : e.answer,
    sources: e.sources,
    related: e.related,
  }));
  if (json) io.stdout.write(`${JSON.stringify({ entries })}\n`);
  else for (const e of entries) io.stdout.write(`${e.id}: ${e.question}\n`);
  return 0;
}
