import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DocumentInfo, Source } from "./schema.ts";

/** One citable section of a seed document: its heading (or, headingless, its paragraph) and its text. */
export interface SeedSection {
  doc: string;
  /** The heading line; in a headingless document the whole paragraph. */
  heading: string;
  /** The heading and every line up to the next heading. */
  text: string;
}

/** True when a heading has no text of its own: the next line of the document is another heading. */
export function isEmptySection(s: SeedSection): boolean {
  return s.text.trim() === s.heading.trim();
}

const MAX_HEADING = 100;
const endsSentence = /[.:;!,]$/;

/**
 * Splits a document into sections. With headings, a heading is a short line standing alone
 * between blank lines (or the start or end of the file) that does not end like a sentence;
 * every line up to the next heading belongs to it. Sections are flat: a heading followed
 * directly by another heading has no text of its own, so a claim is cited to the heading right
 * above its words. Without headings, each paragraph (non-empty line) is a section.
 */
export function splitSections(doc: DocumentInfo, content: string): SeedSection[] {
  const lines = content.split(/\r?\n/).map((l) => l.trim());
  if (doc.sectioning === "paragraphs")
    return lines.filter(Boolean).map((p) => ({ doc: doc.doc, heading: p, text: p }));
  const isHeading = (i: number) => {
    const l = lines[i] ?? "";
    return l.length > 0 && l.length <= MAX_HEADING && !endsSentence.test(l) && !lines[i - 1] && !lines[i + 1];
  };
  const out: SeedSection[] = [];
  let current: string[] | undefined;
  const close = () => {
    if (current) out.push({ doc: doc.doc, heading: current[0] ?? "", text: current.join("\n") });
  };
  lines.forEach((l, i) => {
    if (isHeading(i)) {
      close();
      current = [l];
    } else if (l && current) current.push(l);
  });
  close();
  return out;
}

/** The five seed documents, read once, split into sections, with lookups for citations. */
export class SeedLibrary {
  private readonly sectionsByDoc = new Map<string, SeedSection[]>();
  private readonly linesByDoc = new Map<string, string[]>();

  constructor(
    readonly documents: DocumentInfo[],
    seedsDir: string,
  ) {
    for (const d of documents) {
      const content = readFileSync(join(seedsDir, d.doc), "utf8");
      this.sectionsByDoc.set(d.doc, splitSections(d, content));
      this.linesByDoc.set(
        d.doc,
        content
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
      );
    }
  }

  document(doc: string): DocumentInfo | undefined {
    return this.documents.find((d) => d.doc === doc);
  }

  sections(doc?: string): SeedSection[] {
    return doc ? (this.sectionsByDoc.get(doc) ?? []) : [...this.sectionsByDoc.values()].flat();
  }

  /** Every non-empty trimmed line of a document. */
  lines(doc: string): string[] {
    return this.linesByDoc.get(doc) ?? [];
  }

  /**
   * The headings that follow an empty section (one with no text of its own), up to the next
   * empty heading: its sub-headings, or at least the first of them, since a plain-text document
   * does not mark where a parent's sub-headings end. At most `max` are returned.
   */
  headingsBelow(section: SeedSection, max = 3): string[] {
    const list = this.sections(section.doc);
    const out: string[] = [];
    for (const s of list.slice(list.indexOf(section) + 1)) {
      if (isEmptySection(s) || out.length >= max) break;
      out.push(s.heading);
    }
    return out;
  }

  /**
   * The sections a citation points at: the sections under that heading (a heading may occur
   * twice), or the paragraph the opening words begin. Empty when the citation points nowhere.
   */
  resolve(source: Source): SeedSection[] {
    const doc = this.document(source.doc);
    if (!doc) return [];
    const section = source.section.trim();
    return this.sections(source.doc).filter((s) =>
      doc.sectioning === "headings" ? s.heading === section : opensWith(s.heading, section),
    );
  }
}

/** True when `paragraph` begins with `words` and the match ends at a word boundary. */
export function opensWith(paragraph: string, words: string): boolean {
  if (!paragraph.startsWith(words)) return false;
  const next = paragraph.charAt(words.length);
  return next === "" || !/[\p{L}\p{N}]/u.test(next);
}
