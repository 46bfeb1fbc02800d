import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DocumentInfo, Source } from "./schema.ts";

/**
 * Checks that a cited section really occurs in its document: a whole (trimmed) line for
 * documents with headings, the start of a line for the headingless one. Curly quotes and
 * dashes must match exactly, so a citation is always findable with the reader's search.
 */
export function citationProblem(
  source: Source,
  doc: DocumentInfo,
  seedsDir: string,
  cache = new Map<string, string[]>(),
): string | undefined {
  let lines = cache.get(doc.doc);
  if (!lines) {
    lines = readFileSync(join(seedsDir, doc.doc), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    cache.set(doc.doc, lines);
  }
  const section = source.section.trim();
  const found =
    doc.sectioning === "headings"
      ? lines.some((l) => l === section)
      : section.split(/\s+/).length >= 4 && lines.some((l) => l.startsWith(section));
  if (found) return undefined;
  return doc.sectioning === "headings"
    ? `section "${section}" is not a heading line of ${doc.doc}`
    : `section "${section}" does not open a paragraph of ${doc.doc} (use its first 4-8 words exactly)`;
}
