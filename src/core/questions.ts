import type { Knowledge } from "../knowledge/load.ts";
import { type Answerable, answerablesOf } from "./answerable.ts";
import { Asker, type ExplainSink } from "./ask.ts";
import { Matcher } from "./matcher/matcher.ts";
import { defaultMatcherParams, type MatcherParams } from "./matcher/params.ts";
import type { AnswerContext } from "./replies/answers.ts";

/** Everything needed to answer free-text questions, built once from the knowledge. */
export interface QuestionAnswering {
  /** Every answerable entry (FAQ and glossary), in knowledge order. */
  entries: Answerable[];
  asker: Asker;
  context: AnswerContext;
  /** The matcher's content words of a text, for grouping similar questions. */
  stems: (text: string) => string[];
}

export function buildQuestionAnswering(
  knowledge: Knowledge,
  params: MatcherParams = defaultMatcherParams,
  onExplain?: ExplainSink,
): QuestionAnswering {
  const entries = answerablesOf(knowledge);
  const topics = knowledge.topics.map((t) => `${t.title} ${t.description}`);
  const matcher = new Matcher(entries, knowledge.lexicon, params, topics);
  const asker = new Asker(entries, matcher, knowledge.responses, onExplain);
  return {
    entries,
    asker,
    context: {
      documents: knowledge.documents,
      responses: knowledge.responses,
      entry: (id) => asker.entry(id),
    },
    stems: (t) => matcher.stems(t),
  };
}
