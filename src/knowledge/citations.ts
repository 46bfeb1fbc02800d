import { stemmer } from "stemmer";
import type { Knowledge } from "./load.ts";
import type { DocumentInfo, Source } from "./schema.ts";
import { isEmptySection, type SeedLibrary, type SeedSection } from "./seeds.ts";

/** Document 001 has no headings: a citation quotes the opening words of a paragraph. */
export const OPENING_WORDS = { min: 4, max: 8 } as const;

/**
 * Why a citation does not point at a section of its document, or undefined when it does: a
 * heading line copied exactly, or for the headingless document the opening 4-8 words of a
 * paragraph (ending at a word boundary). Curly quotes and dashes must match exactly, so a
 * citation is always findable with the reader's search. A heading with no text of its own (a
 * parent heading followed directly by its sub-headings) carries no claim: cite the sub-heading
 * whose text does.
 */
export function citationProblem(source: Source, seeds: SeedLibrary): string | undefined {
  const doc = seeds.document(source.doc);
  if (!doc) return `unknown document ${source.doc}`;
  const section = source.section.trim();
  const resolved = seeds.resolve(source);
  if (resolved.length > 0) {
    const words = section.split(/\s+/).length;
    if (doc.sectioning === "paragraphs" && (words < OPENING_WORDS.min || words > OPENING_WORDS.max))
      return `section "${section}" quotes ${words} words of a paragraph of ${doc.doc}; use its first ${OPENING_WORDS.min}-${OPENING_WORDS.max}`;
    if (doc.sectioning === "headings" && resolved.every(isEmptySection)) {
      const below = [...new Set(resolved.flatMap((s) => seeds.headingsBelow(s)))];
      const hint = below.length
        ? `; cite the heading below it that carries the claim (${below.map((h) => `"${h}"`).join(", ")}…)`
        : "";
      return `section "${section}" of ${doc.doc} has no text of its own${hint}`;
    }
    return undefined;
  }
  if (doc.sectioning === "paragraphs")
    return `section "${section}" does not begin a paragraph of ${doc.doc} (use its first ${OPENING_WORDS.min}-${OPENING_WORDS.max} words exactly)`;
  return seeds.lines(source.doc).includes(section)
    ? `section "${section}" is a line of ${doc.doc} but not a heading (cite the heading above it)`
    : `section "${section}" is not a heading line of ${doc.doc}`;
}

/** A document the text names: by its number ("(003)", "003 says") or by its title or short name. */
export interface NamedDocument {
  doc: string;
  as: string;
}

const docNumber = /(?<![\d.,])\b(\d{3})\b(?![.,]?\d)/g;

export function namedDocuments(text: string, documents: DocumentInfo[]): NamedDocument[] {
  const out: NamedDocument[] = [];
  const lower = text.toLowerCase();
  for (const m of text.matchAll(docNumber)) {
    const doc = documents.find((d) => d.doc.startsWith(`${m[1]}_`));
    if (doc) out.push({ doc: doc.doc, as: m[1] ?? "" });
  }
  for (const d of documents)
    for (const name of [d.title, d.short])
      if (name && lower.includes(name.toLowerCase())) out.push({ doc: d.doc, as: `"${name}"` });
  return out;
}

/** One piece of text that makes claims, with the sources that must cover it. */
export interface ClaimUnit {
  /** The entry, e.g. `faq what-is-a-container`. */
  where: string;
  /** Which part of it, e.g. `details[2]`, `answer`, `containers`. */
  part: string;
  text: string;
  sources: Source[];
}

/** Markdown bullets ("- ") as separate claims; lines that are no bullet join the one before. */
export function bullets(details: string): string[] {
  const out: string[] = [];
  for (const line of details.split(/\r?\n/)) {
    if (!line.trim()) continue;
    if (/^\s*- /.test(line) || out.length === 0) out.push(line.replace(/^\s*- /, ""));
    else out[out.length - 1] += ` ${line.trim()}`;
  }
  return out;
}

/** Every claim-bearing text in the knowledge base with the sources of its entry. */
export function claimUnits(k: Omit<Knowledge, "lexicon" | "responses">): ClaimUnit[] {
  const out: ClaimUnit[] = [];
  const add = (where: string, part: string, text: string | undefined, sources: Source[]) => {
    if (text?.trim()) out.push({ where, part, text, sources });
  };
  for (const e of k.faq) {
    add(`faq ${e.id}`, "answer", e.answer, e.sources);
    bullets(e.details).forEach((b, i) => {
      add(`faq ${e.id}`, `details[${i}]`, b, e.sources);
    });
  }
  for (const g of k.glossary) add(`glossary ${g.id}`, "definition", g.definition, g.sources);
  for (const m of k.myths) {
    add(`myth ${m.id}`, "myth", m.myth, m.sources);
    add(`myth ${m.id}`, "summary", m.summary, m.sources);
  }
  for (const a of k.compare) {
    add(`compare ${a.id}`, "vms", a.vms, a.sources);
    add(`compare ${a.id}`, "containers", a.containers, a.sources);
    add(`compare ${a.id}`, "note", a.note, a.sources);
  }
  const d = k.decision;
  for (const q of d.checklist) add(`checklist ${q.key}`, "help", q.help, q.sources);
  for (const r of d.recommendations) add(`recommendation ${r.id}`, "summary", r.summary, r.sources);
  for (const r of d.rules.rules) {
    add(`rule ${r.id}`, "reason", r.reason, r.sources);
    if (r.aside) add(`rule ${r.id}`, "aside", r.aside.text, r.aside.sources);
  }
  for (const c of d.rules.caveats) add(`caveat ${c.id}`, "text", c.text, c.sources);
  for (const [name, t] of Object.entries(d.rules.texts)) add(`rules text ${name}`, "text", t.text, t.sources);
  return out;
}

/**
 * Section-level accuracy, as a heuristic: the distinctive words of a claim (words the
 * documents use in only a few sections) should occur in a section the claim cites. A word
 * found only elsewhere suggests the claim comes from a neighbouring section or an uncited
 * document. Words the documents never use are the author's own and are not checked.
 */
export const DISTINCTIVE = {
  /** A word is distinctive when at most this many sections, over all documents, use it. */
  maxSections: 8,
  /** Shorter words are ignored. */
  minLength: 4,
  /** A claim is reported when at least this many of its distinctive words are found only elsewhere. */
  minMissing: 2,
} as const;

const stem = (w: string) => stemmer(w);

/**
 * Everyday words that carry no claim, and the words an author uses to talk about the sources
 * ("the article stresses", "003 notes"). Rare in a small corpus, so they would look distinctive.
 */
const PLAIN_WORDS = new Set(
  `about above across after again against along also although among another anything around away back
  because been before behind being below beside best better between beyond both bring brings came cannot
  case cases come comes could does doing done down during each either else enough even ever every
  everything example fact fairly few find first follow follows from gets give given gives goes going gone
  good great hand happen have having here itself just keep keeps kind know last least less like likely
  little long look looks looking made make makes making many matter matters maybe mean means might more
  most much must near need needs never next none nothing often once only other others over own part parts
  perhaps point quite rather real really same says said seem seems several should show shows side since
  some something still such sure take takes than that their them then there these they thing things
  this those though through thus today together toward under unless unlike until upon very want ways well
  were what whatever whats when where whereas whether which while whole whom whose will with within
  without would your yours
  source sources article articles document documents overview informed decision guide guides author
  authors writer notes note noted stresses stressed argues argued calls called adds added agree agrees
  agreed puts warns warned mentions mentioned explains explained describes described lists listed says
  point points adds sees treats frames instead usually lets letting carry carries themselves inside
  especially easily meant options gain handle produces served goal versus feel tied apps built`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stemmer(w)),
);

export function stems(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= DISTINCTIVE.minLength && !/^\d+$/.test(w));
  return new Set(words.map(stem));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface SectionWarning {
  where: string;
  part: string;
  /** Distinctive words of the claim that no cited section uses. */
  missing: string[];
  /** Sections, not cited, that use most of the missing words. */
  suggest: SeedSection[];
}

export class SectionIndex {
  private readonly stemsOf = new Map<SeedSection, Set<string>>();
  private readonly df = new Map<string, number>();

  constructor(private readonly seeds: SeedLibrary) {
    for (const s of seeds.sections()) {
      const set = stems(s.text);
      this.stemsOf.set(s, set);
      for (const w of set) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    }
  }

  /** The distinctive words of `text`, original spelling kept for the report. */
  distinctive(text: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const w of text
      .toLowerCase()
      .replace(/[’']/g, "")
      .split(/[^\p{L}\p{N}]+/u)) {
      if (w.length < DISTINCTIVE.minLength || /^\d+$/.test(w)) continue;
      const s = stem(w);
      if (PLAIN_WORDS.has(s)) continue;
      const n = this.df.get(s) ?? 0;
      if (n > 0 && n <= DISTINCTIVE.maxSections && !out.has(s)) out.set(s, w);
    }
    return out;
  }

  check(unit: ClaimUnit): SectionWarning | undefined {
    const cited = unit.sources.flatMap((s) => this.seeds.resolve(s));
    const covered = new Set(cited.flatMap((s) => [...(this.stemsOf.get(s) ?? [])]));
    let text = unit.text;
    for (const d of this.seeds.documents)
      for (const name of [d.title, d.short])
        if (name) text = text.replaceAll(new RegExp(escapeRegExp(name), "gi"), " ");
    const missing = [...this.distinctive(text)].filter(([s]) => !covered.has(s));
    if (missing.length < DISTINCTIVE.minMissing) return undefined;
    const scored = [...this.stemsOf]
      .filter(([s]) => !cited.includes(s))
      .map(([s, set]) => ({ s, n: missing.filter(([m]) => set.has(m)).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 2);
    return {
      where: unit.where,
      part: unit.part,
      missing: missing.map(([, w]) => w),
      suggest: scored.map((x) => x.s),
    };
  }
}

export interface CitationReport {
  errors: string[];
  warnings: string[];
}

const shortRef = (doc: string) => doc.slice(0, 3);

export function formatSection(s: SeedSection, documents: DocumentInfo[]): string {
  const doc = documents.find((d) => d.doc === s.doc);
  const name =
    doc?.sectioning === "paragraphs" ? `${s.heading.split(/\s+/).slice(0, 6).join(" ")}…` : s.heading;
  return `${shortRef(s.doc)} "${name}"`;
}

/**
 * Every citation check over the knowledge base. Errors: a citation that points at no section
 * or at a heading with no text of its own,
 * a document named in the text but not cited, a document never cited at all. Warnings: claims
 * whose distinctive words occur in none of their cited sections (see DISTINCTIVE).
 */
export function checkCitations(
  k: Omit<Knowledge, "lexicon" | "responses">,
  seeds: SeedLibrary,
): CitationReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cited = new Set<string>();
  const units = claimUnits(k);

  const seen = new Set<string>();
  for (const u of units)
    for (const s of u.sources) {
      cited.add(s.doc);
      const key = `${u.where}\u0000${s.doc}\u0000${s.section}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const problem = citationProblem(s, seeds);
      if (problem) errors.push(`${u.where}: ${problem}`);
    }

  for (const u of units) {
    const citedDocs = new Set(u.sources.map((s) => s.doc));
    const uncited = new Map<string, string[]>();
    for (const n of namedDocuments(u.text, k.documents))
      if (!citedDocs.has(n.doc)) uncited.set(n.doc, [...(uncited.get(n.doc) ?? []), n.as]);
    for (const [doc, as] of uncited)
      errors.push(`${u.where} ${u.part}: names ${[...new Set(as)].join(" and ")} but does not cite ${doc}`);
  }
  for (const d of k.documents) if (!cited.has(d.doc)) errors.push(`document ${d.doc} is never cited`);

  const index = new SectionIndex(seeds);
  for (const u of units) {
    const w = index.check(u);
    if (!w) continue;
    const hint = w.suggest.length
      ? `; found in ${w.suggest.map((s) => formatSection(s, k.documents)).join(", ")}`
      : "";
    const start = u.text.replace(/\s+/g, " ").slice(0, 40);
    warnings.push(
      `${w.where} ${w.part} ("${start}…"): not in its cited sections: ${w.missing.join(", ")}${hint}`,
    );
  }
  return { errors, warnings };
}
