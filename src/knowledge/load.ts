import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { loadDecisionKnowledge } from "./decision.ts";
import type { DecisionKnowledge } from "./decisionSchema.ts";
import { KnowledgeError, type KnowledgeIssue, readYaml } from "./read.ts";
import {
  type CompareAspect,
  compareAspectSchema,
  type DocumentInfo,
  documentSchema,
  type FaqEntry,
  faqEntrySchema,
  type GlossaryTerm,
  glossaryTermSchema,
  type Intents,
  intentsSchema,
  type Lexicon,
  lexiconSchema,
  type Myth,
  mythSchema,
  type Responses,
  responsesSchema,
  type Source,
  type Topic,
  topicSchema,
} from "./schema.ts";
import { type SituationKnowledge, situationsSchema } from "./situationSchema.ts";

export interface Knowledge {
  documents: DocumentInfo[];
  faq: FaqEntry[];
  topics: Topic[];
  compare: CompareAspect[];
  myths: Myth[];
  glossary: GlossaryTerm[];
  lexicon: Lexicon;
  intents: Intents;
  responses: Responses;
  decision: DecisionKnowledge;
  /** How a description of a situation is read into checklist answers (situations.yaml). */
  situations: SituationKnowledge;
}

/**
 * Loads and validates every file in `dir` (normally `knowledge/`). Any problem, in any file,
 * stops loading with a KnowledgeError listing the file, the field and what is wrong.
 */
export function loadKnowledge(dir: string): Knowledge {
  const issues: KnowledgeIssue[] = [];
  const read = <S extends z.ZodType>(name: string, schema: S) => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      issues.push({ file: name, field: "(file)", message: "file is missing" });
      return undefined;
    }
    return readYaml(path, name, schema, issues);
  };

  const documents = read("documents.yaml", z.array(documentSchema).min(1));
  const topics = read("topics.yaml", z.array(topicSchema).min(1));
  const compare = read("compare.yaml", z.array(compareAspectSchema).min(1));
  const myths = read("myths.yaml", z.array(mythSchema).min(1));
  const glossary = read("glossary.yaml", z.array(glossaryTermSchema).min(1));
  const lexicon = read("lexicon.yaml", lexiconSchema);
  const intents = read("intents.yaml", intentsSchema);
  const responses = read("responses.yaml", responsesSchema);
  const decision = loadDecisionKnowledge(dir, issues);
  const situations = read("situations.yaml", situationsSchema);

  const faq: FaqEntry[] = [];
  const faqDir = join(dir, "faq");
  const faqFiles = existsSync(faqDir)
    ? readdirSync(faqDir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
    : [];
  if (faqFiles.length === 0) issues.push({ file: "faq/", field: "(folder)", message: "no FAQ files found" });
  for (const file of faqFiles) {
    const entries = read(`faq/${file}`, z.array(faqEntrySchema).min(1));
    if (entries) faq.push(...entries);
  }

  // Cross-file checks run even when a file failed, so one run reports as much as it can.
  const lists = {
    documents: documents ?? [],
    topics: topics ?? [],
    compare: compare ?? [],
    myths: myths ?? [],
  };
  checkReferences({ ...lists, faq, glossary: glossary ?? [] }, issues, responses?.compare.keyAspects ?? []);
  const sides = new Set(lexicon?.sides.map((side) => side.as));
  for (const e of faq)
    if (lexicon && e.favours !== undefined && !sides.has(e.favours))
      issues.push({
        file: "faq",
        field: `${e.id}.favours`,
        message: `no side is called ${e.favours} (lexicon.yaml sides)`,
      });
  const faqIds = new Set(faq.map((e) => e.id));
  for (const r of decision?.recommendations ?? [])
    if (r.gettingThere && !faqIds.has(r.gettingThere))
      issues.push({
        file: "recommendations.yaml",
        field: `${r.id}.gettingThere`,
        message: `unknown FAQ entry id ${r.gettingThere}`,
      });
  if (issues.length > 0 || !glossary || !lexicon || !intents || !responses || !decision || !situations)
    throw new KnowledgeError(issues);
  return { ...lists, faq, glossary, lexicon, intents, responses, decision, situations };
}

/** Cross-file checks: unique ids, resolvable references, cited documents that exist. */
function checkReferences(
  k: Omit<Knowledge, "lexicon" | "intents" | "responses" | "decision" | "situations">,
  issues: KnowledgeIssue[],
  keyAspects: string[],
): void {
  const docs = new Set(k.documents.map((d) => d.doc));
  const topics = new Set(k.topics.map((t) => t.id));
  const answerIds = new Map<string, string>();
  const claim = (id: string, file: string) => {
    const previous = answerIds.get(id);
    if (previous) issues.push({ file, field: `id ${id}`, message: `duplicate id (also in ${previous})` });
    else answerIds.set(id, file);
  };
  const checkSources = (file: string, field: string, sources: Source[]) => {
    sources.forEach((s, i) => {
      if (!docs.has(s.doc))
        issues.push({ file, field: `${field}.sources[${i}].doc`, message: `unknown document ${s.doc}` });
    });
  };

  for (const e of k.faq) claim(e.id, "faq");
  for (const g of k.glossary) claim(g.id, "glossary.yaml");

  for (const e of k.faq) {
    if (!topics.has(e.topic))
      issues.push({ file: "faq", field: `${e.id}.topic`, message: `unknown topic ${e.topic}` });
    checkSources("faq", e.id, e.sources);
    for (const r of e.related) {
      if (!answerIds.has(r))
        issues.push({ file: "faq", field: `${e.id}.related`, message: `unknown entry id ${r}` });
      if (r === e.id)
        issues.push({ file: "faq", field: `${e.id}.related`, message: "an entry cannot relate to itself" });
    }
  }
  for (const g of k.glossary) {
    checkSources("glossary.yaml", g.id, g.sources);
    for (const r of g.related)
      if (!answerIds.has(r))
        issues.push({ file: "glossary.yaml", field: `${g.id}.related`, message: `unknown entry id ${r}` });
  }
  const seen = new Set<string>();
  for (const m of k.myths) {
    if (seen.has(m.id)) issues.push({ file: "myths.yaml", field: `id ${m.id}`, message: "duplicate id" });
    seen.add(m.id);
    checkSources("myths.yaml", m.id, m.sources);
    if (!answerIds.has(m.entry))
      issues.push({ file: "myths.yaml", field: `${m.id}.entry`, message: `unknown entry id ${m.entry}` });
  }
  const aspects = new Set<string>();
  for (const a of k.compare) {
    if (aspects.has(a.id))
      issues.push({ file: "compare.yaml", field: `id ${a.id}`, message: "duplicate id" });
    aspects.add(a.id);
    checkSources("compare.yaml", a.id, a.sources);
  }
  for (const id of keyAspects)
    if (!aspects.has(id))
      issues.push({ file: "responses.yaml", field: "compare.keyAspects", message: `unknown aspect ${id}` });
}

/** Every citation in the knowledge base, with where it was made, for the citation checks. */
export function allCitations(
  k: Omit<Knowledge, "lexicon" | "responses" | "decision" | "situations"> & { decision?: DecisionKnowledge },
): { where: string; source: Source }[] {
  const out: { where: string; source: Source }[] = [];
  const add = (where: string, sources: Source[]) => {
    for (const source of sources) out.push({ where, source });
  };
  for (const e of k.faq) add(`faq ${e.id}`, e.sources);
  for (const g of k.glossary) add(`glossary ${g.id}`, g.sources);
  for (const m of k.myths) add(`myth ${m.id}`, m.sources);
  for (const a of k.compare) add(`compare ${a.id}`, a.sources);
  if ("decision" in k && k.decision) {
    const d = k.decision;
    for (const q of d.checklist) add(`checklist ${q.key}`, q.sources);
    for (const r of d.recommendations) add(`recommendation ${r.id}`, r.sources);
    for (const r of d.rules.rules) add(`rule ${r.id}`, [...r.sources, ...(r.aside?.sources ?? [])]);
    for (const c of d.rules.caveats) add(`caveat ${c.id}`, c.sources);
    for (const c of d.rules.constraints) add(`constraint ${c.id}`, c.sources);
    for (const [name, t] of Object.entries(d.rules.texts)) add(`rules text ${name}`, t.sources);
  }
  return out;
}
