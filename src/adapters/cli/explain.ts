import type { AskExplanation } from "../../core/ask.ts";
import type { DeclineRule } from "../../core/matcher/decide.ts";
import type { QuestionAnswering } from "../../core/questions.ts";

/** Why an explanation's "did you mean" was offered, by decide()'s reason. */
const SUGGESTED_BECAUSE = {
  close: "the best entries are too close to pick one",
  unsure: "no entry probable enough to answer",
  "no-subject-word": "no subject word, so even a sure match is only offered",
  "failure-report":
    "it reports something failing (lexicon.yaml failureReports), and the documents troubleshoot no tool, so its entries are only offered",
} as const;

/** Why no-subject-word declined a question whose only subject word was used in another sense. */
const OTHER_SENSE =
  "no subject word once the words used in another sense were left out (lexicon.yaml otherSenses), so it is someone else's subject";

/** What each decline rule checks, for authors reading `ask --explain` (see params.ts for the knobs). */
const RULES: Record<DeclineRule, string> = {
  "no-subject-word":
    "no subject word (lexicon.yaml domainTerms or generalTerms), and the model is not sure enough to answer anyway",
  "general-words-only":
    "its only subject words are general ones (lexicon.yaml generalTerms), and the model is not sure enough",
  "unknown-words": "too few of its words occur anywhere in the knowledge",
  "off-topic-class": "the off-topic class (lexicon.yaml offTopic) is more probable than any entry",
  "nothing-close": "no entry is probable enough even to suggest",
};

/** How many features and runner-ups the explanation lists. */
const SHOWN = 12;

/** `ask --explain`: why a question matched what it matched, or why it was declined, for people. */
export function explainText(question: string, qa: QuestionAnswering): string {
  const x: AskExplanation = qa.asker.explain(question);
  const title = (id: string) => qa.asker.entry(id)?.question ?? id;
  const lines = [`question: ${question}`];
  const d = x.decision;
  switch (d.kind) {
    case "answer":
      lines.push(
        `decision: answer with ${d.id} ("${title(d.id)}"), the model's probability of it ${d.confidence}`,
      );
      if (x.offered)
        lines.push(`  a best guess (below decide.sure): offers ${x.offered.join(", ") || "nothing"}`);
      break;
    case "suggest":
      lines.push(
        `decision: did you mean (${SUGGESTED_BECAUSE[d.why]}${d.reported ? `: "${d.reported}"` : ""}): ${d.ids.join(", ")}`,
      );
      break;
    case "intent":
      lines.push(
        `decision: the ${d.id} command said in plain words (intents.yaml), probability ${d.confidence}`,
      );
      break;
    case "decline":
      lines.push(
        `decision: declined by rule ${d.rule}: ${d.rule === "no-subject-word" && x.result.otherSense ? OTHER_SENSE : RULES[d.rule]}`,
      );
      break;
  }
  const r = x.result;
  lines.push(
    `signals: off-topic probability ${r.offTopic}, known words ${Math.round(r.known * 100)}%, subject word ${r.onTopic ? (r.generalOnly ? "general words only" : "yes") : "no"}, sides named ${r.sides}`,
  );
  if (r.preference)
    lines.push(
      `word order: asks ${r.preference.favours ? "for" : "against"} ${r.preference.side} (lexicon.yaml preference), so of the entries that say when to choose a side (faq favours) the one asked for took both their probabilities`,
    );
  if (x.nearest) lines.push(`nearest phrasing of ${r.ranked[0]?.id}: "${x.nearest}"`);
  if (r.ranked.length > 0) {
    lines.push("ranked entries (probability tilted by the exact words; the model's own; lexical share):");
    for (const [i, e] of r.ranked.slice(0, 5).entries())
      lines.push(
        `  ${i + 1}. ${e.score.toFixed(3)}  (model ${e.model.toFixed(3)}, words ${e.lexical.toFixed(2)})  ${e.id}  "${title(e.id)}"`,
      );
  }
  if (x.words.length > 0)
    lines.push(
      `exact words ${r.ranked[0]?.id}'s text shares with the question (BM25+ weight): ${x.words
        .slice(0, SHOWN)
        .map((w) => `${w.word} ${w.weight.toFixed(2)}`)
        .join(", ")}`,
    );
  if (x.features.length > 0) {
    lines.push(
      `features that drove ${r.ranked[0]?.id} (weight × value; w: word, b: word pair, c: characters):`,
    );
    for (const f of x.features.slice(0, SHOWN))
      lines.push(`  ${f.weight >= 0 ? "+" : ""}${f.weight.toFixed(3)}  ${f.feature}`);
    if (x.features.length > SHOWN) lines.push(`  … and ${x.features.length - SHOWN} more`);
  } else lines.push("features: none of the question's words or character n-grams occur in the knowledge");
  return lines.join("\n");
}
