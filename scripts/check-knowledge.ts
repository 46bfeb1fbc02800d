// Validates knowledge/ and every citation against the seed documents; lists every problem.
// Usage: npx tsx scripts/check-knowledge.ts [seedsDir]   (default ../shared/seeds)
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { citationProblem } from "../src/knowledge/citations.ts";
import { allCitations, loadKnowledge } from "../src/knowledge/load.ts";
import { KnowledgeError } from "../src/knowledge/read.ts";

const seeds = resolve(process.argv[2] ?? "../shared/seeds");
try {
  const k = loadKnowledge(resolve("knowledge"));
  const docs = new Map(k.documents.map((d) => [d.doc, d]));
  const problems: string[] = [];
  if (existsSync(seeds)) {
    const cache = new Map<string, string[]>();
    for (const { where, source } of allCitations(k)) {
      const doc = docs.get(source.doc);
      const problem = doc && citationProblem(source, doc, seeds, cache);
      if (problem) problems.push(`${where}: ${problem}`);
    }
  } else problems.push(`seed documents not found at ${seeds}: citations not checked`);
  const cited = new Set(allCitations(k).map((c) => c.source.doc));
  for (const d of k.documents) if (!cited.has(d.doc)) problems.push(`document ${d.doc} is never cited`);
  for (const p of problems) console.log(p);
  console.log(
    `${k.faq.length} FAQ entries, ${k.glossary.length} glossary terms, ${k.myths.length} myths, ${k.compare.length} compare aspects; ${problems.length} citation problems`,
  );
  process.exit(problems.length ? 1 : 0);
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.log(error.message);
    process.exit(1);
  }
  throw error;
}
