import { readFileSync } from "node:fs";
import type { z } from "zod";

/** Reads a JSON-lines file, one value a line (blank lines skipped), each checked against `schema`. */
export function readJsonl<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = schema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
