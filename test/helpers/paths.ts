import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "../../src/paths.ts";

/** The shared folder beside the repository (seeds and public evaluation sets). */
export const sharedDir = resolve(repoRoot, "../shared");
export const seedsDir = resolve(sharedDir, "seeds");
export const evalDir = resolve(sharedDir, "eval");
export const hasShared = existsSync(seedsDir) && existsSync(evalDir);
