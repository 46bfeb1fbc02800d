import MiniSearch from "minisearch";
import type { Answerable } from "../core/answerable.ts";
import { Matcher } from "../core/matcher/matcher.ts";
import type { Lexicon } from "../knowledge/schema.ts";

export interface FoldScore {
  top1: number;
  top3: number;
  all: number;
}

/**
 * k-fold cross-validation over the knowledge's own phrasings: every phrasing is held out of
 * training once (fold = its position in the entry, shifted per entry, mod k) and asked as a
 * question. An entry always keeps most of its phrasings for training. Returns how often the
 * held-out phrasing's entry ranks first and in the top three, for the matcher and MiniSearch.
 */
export function crossValidate(
  entries: Answerable[],
  lexicon: Lexicon,
  k = 5,
): { vmvc: FoldScore; minisearch: FoldScore } {
  const vmvc: FoldScore = { top1: 0, top3: 0, all: 0 };
  const minisearch: FoldScore = { top1: 0, top3: 0, all: 0 };
  for (let fold = 0; fold < k; fold++) {
    const held: { q: string; id: string }[] = [];
    const training = entries.map((e, i) => {
      const kept: string[] = [];
      e.phrasings.forEach((p, j) => {
        if ((i + j) % k === fold) held.push({ q: p, id: e.id });
        else kept.push(p);
      });
      return { ...e, phrasings: kept, keywords: e.keywords };
    });
    const matcher = new Matcher(training, lexicon);
    const index = miniSearchOver(training);
    for (const { q, id } of held) {
      const ours = matcher.match(q).ranked.map((r) => r.id);
      const theirs = index.search(q).map((r) => String(r.id));
      tally(vmvc, ours, id);
      tally(minisearch, theirs, id);
    }
  }
  return { vmvc, minisearch };
}

function tally(score: FoldScore, ranked: string[], id: string): void {
  score.all++;
  if (ranked[0] === id) score.top1++;
  if (ranked.slice(0, 3).includes(id)) score.top3++;
}

/** The same plain MiniSearch index (BM25+, fuzzy 0.2, prefix) the other baselines use. */
export function miniSearchOver(entries: Answerable[]): MiniSearch {
  const index = new MiniSearch({
    fields: ["question", "alternates", "answer", "details"],
    storeFields: ["id"],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(
    entries.map((e) => ({
      id: e.id,
      question: e.phrasings[0] ?? e.question,
      alternates: e.phrasings.slice(1).join(" \n "),
      answer: e.answer,
      details: e.details,
    })),
  );
  return index;
}
