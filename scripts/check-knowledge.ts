// Validates knowledge/ and every citation against the seed documents; lists every problem.
// Errors (exit code 1): a cited section that is not in its document or is a heading with no
// text of its own (a parent of sub-headings), a document named in the text but not cited, a
// document never cited, an answer whose first sentence opens with a bare
// yes/no/often/probably/usually/sometimes/generally (src/knowledge/openings.ts). Warnings
// (printed, exit code 0): claims whose distinctive words occur in none of their cited sections;
// read them as "check this citation".
// Usage: npx tsx scripts/check-knowledge.ts [seedsDir] [--quiet]   (default ../shared/seeds)
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { checkCitations } from "../src/knowledge/citations.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { checkOpenings } from "../src/knowledge/openings.ts";
import { KnowledgeError } from "../src/knowledge/read.ts";
import { SeedLibrary } from "../src/knowledge/seeds.ts";

const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const seeds = resolve(args.find((a) => !a.startsWith("--")) ?? "../shared/seeds");
try {
  const k = loadKnowledge(resolve("knowledge"));
  if (!existsSync(seeds)) {
    console.log(`seed documents not found at ${seeds}: citations not checked`);
    process.exit(1);
  }
  const report = checkCitations(k, new SeedLibrary(k.documents, seeds));
  const { warnings } = report;
  const errors = [...report.errors, ...checkOpenings(k)];
  if (!quiet) for (const w of warnings) console.log(`warning: ${w}`);
  for (const e of errors) console.log(`error: ${e}`);
  console.log(
    `${k.faq.length} FAQ entries, ${k.glossary.length} glossary terms, ${k.myths.length} myths, ${k.compare.length} compare aspects; ${errors.length} errors, ${warnings.length} warnings`,
  );
  process.exit(errors.length ? 1 : 0);
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.log(error.message);
    process.exit(1);
  }
  throw error;
}
