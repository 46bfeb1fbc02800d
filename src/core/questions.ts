import type { Knowledge } from "../knowledge/load.ts";
import { matcherCacheDir } from "../paths.ts";
import { type Answerable, answerablesOf } from "./answerable.ts";
import { Asker, type ExplainSink } from "./ask.ts";
import type { MatcherCache } from "./matcher/cache.ts";
import { Matcher } from "./matcher/matcher.ts";
import { defaultMatcherParams, type MatcherParams } from "./matcher/params.ts";
import { PairMemo } from "./memo.ts";
import type { AnswerContext } from "./replies/answers.ts";
import { Sides } from "./sides.ts";

/** Everything needed to answer free-text questions, built once from the knowledge. */
export interface QuestionAnswering {
  /** Every answerable entry (FAQ and glossary), in knowledge order. */
  entries: Answerable[];
  asker: Asker;
  context: AnswerContext;
  /** The matcher's content words of a text, for grouping similar questions. */
  stems: (text: string) => string[];
  /** How rare one of those words is across the entries (Matcher.rarity). */
  rarity: (stem: string) => number;
  /** Whether the knowledge uses one of those words at all (Matcher.knows). */
  knows: (stem: string) => boolean;
  /** Whether one of those words is weak (lexicon.yaml weakwords: "time", "better", "use"). */
  weak: (stem: string) => boolean;
  /** The sides comparisons are between (lexicon sides), for follow-ups such as "and for VMs?". */
  sides: Sides;
  /**
   * Trains the matcher now (it is otherwise trained on the first question), and says whether its
   * model came from the cache, was stored there, could not be stored, or was not cached at all,
   * and whether its exact-word index came from the cache or was built.
   */
  warm: () => { cache: Matcher["cacheStatus"]; exactWords: Matcher["exactWordsFrom"] };
}

export function buildQuestionAnswering(
  knowledge: Knowledge,
  params: MatcherParams = defaultMatcherParams,
  onExplain?: ExplainSink,
  /** Only a knowledge base far larger than today's is cached (cache.ts CACHE_FROM_EXAMPLES). */
  cache: MatcherCache = { dir: matcherCacheDir },
): QuestionAnswering {
  const entries = answerablesOf(knowledge);
  const topics = knowledge.topics.map((t) => `${t.title} ${t.description}`);
  // Trained on first use, so start-up serves its first page without waiting for it.
  const matcher = () =>
    trained(
      knowledge,
      params,
      () => new Matcher(entries, knowledge.lexicon, { params, topics, intents: knowledge.intents, cache }),
    );
  let weakStems: Set<string> | undefined;
  const asker = new Asker(
    entries,
    matcher,
    knowledge.responses,
    onExplain,
    knowledge.lexicon.notInDocuments,
    knowledge.lexicon.styleRequests,
    knowledge.lexicon.sides.flatMap((s) => s.words),
    knowledge.lexicon.failureReports,
  );
  return {
    entries,
    asker,
    context: {
      documents: knowledge.documents,
      responses: knowledge.responses,
      entry: (id) => asker.entry(id),
    },
    stems: (t) => matcher().stems(t),
    rarity: (s) => matcher().rarity(s),
    knows: (s) => matcher().knows(s),
    weak: (s) => {
      weakStems ??= new Set(matcher().stems(knowledge.lexicon.weakwords.join(" ")));
      return weakStems.has(s);
    },
    sides: new Sides(knowledge.lexicon, (t) => matcher().stems(t)),
    warm: () => ({ cache: matcher().cacheStatus, exactWords: matcher().exactWordsFrom }),
  };
}

/**
 * Training takes a few hundred milliseconds and the same knowledge always trains the same model,
 * so every Bot built from one loaded knowledge (tests build many) shares one matcher.
 */
const matchers = new PairMemo<Knowledge, MatcherParams, Matcher>();
function trained(knowledge: Knowledge, params: MatcherParams, train: () => Matcher): Matcher {
  return matchers.get(knowledge, params, train);
}
