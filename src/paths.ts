import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file so commands work from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const knowledgeDir = process.env.VMVC_KNOWLEDGE_DIR
  ? resolve(process.env.VMVC_KNOWLEDGE_DIR)
  : resolve(repoRoot, "knowledge");

/**
 * Where a large knowledge base's trained matcher is kept between starts (src/core/matcher/cache.ts):
 * beside the SQLite state, in the one directory the container image lets the bot write.
 */
export const matcherCacheDir = resolve(repoRoot, "data", "matcher-cache");
