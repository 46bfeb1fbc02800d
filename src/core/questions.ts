import type { Knowledge } from "../knowledge/load.ts";
import { answerablesOf } from "./answerable.ts";
import { Asker } from "./ask.ts";
import { Matcher } from "./matcher/matcher.ts";
import { TextPipeline } from "./matcher/text.ts";
import type { AnswerContext } from "./replies/answers.ts";

/** Everything needed to answer free-text questions, built once from the knowledge. */
export interface QuestionAnswering {
  asker: Asker;
  context: AnswerContext;
  /** The matcher's content words of a text, for grouping similar questions. */
  stems: (text: string) => string[];
}

export function buildQuestionAnswering(knowledge: Knowledge): QuestionAnswering {
  const entries = answerablesOf(knowledge);
  const asker = new Asker(entries, new Matcher(entries, knowledge.lexicon), knowledge.responses);
  const text = new TextPipeline(knowledge.lexicon);
  return {
    asker,
    context: {
      documents: knowledge.documents,
      responses: knowledge.responses,
      entry: (id) => asker.entry(id),
    },
    stems: (t) => text.stems(t),
  };
}
