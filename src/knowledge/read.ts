import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import type { z } from "zod";

/** One thing wrong in one knowledge file: where, which field, and what. */
export interface KnowledgeIssue {
  file: string;
  field: string;
  message: string;
}

/** A broken knowledge base: start-up stops with every issue listed. */
export class KnowledgeError extends Error {
  readonly code = "KNOWLEDGE_INVALID";
  constructor(readonly issues: KnowledgeIssue[]) {
    super(
      `knowledge is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  ${i.file}: ${i.field}: ${i.message}`).join("\n"),
    );
    this.name = "KnowledgeError";
  }
}

/** Formats a zod path such as ["3", "sources", 0, "doc"] as `[3].sources[0].doc`, naming the entry id when known. */
function fieldName(path: PropertyKey[], data: unknown): string {
  let out = "";
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === "number") {
      const id = (node as unknown[] | undefined)?.[key];
      const label =
        id && typeof id === "object" && "id" in id ? `(id ${String((id as { id: unknown }).id)})` : "";
      out += `[${key}]${label}`;
    } else out += out ? `.${String(key)}` : String(key);
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return out || "(file)";
}

/**
 * Reads a YAML file and validates it; problems are added to `issues` (so every broken file
 * is reported at once) and `undefined` is returned.
 */
export function readYaml<S extends z.ZodType>(
  path: string,
  displayName: string,
  schema: S,
  issues: KnowledgeIssue[],
): z.infer<S> | undefined {
  let data: unknown;
  try {
    data = load(readFileSync(path, "utf8"), { filename: displayName });
  } catch (error) {
    issues.push({
      file: displayName,
      field: "(file)",
      message: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({ file: displayName, field: fieldName(issue.path, data), message: issue.message });
  }
  return undefined;
}
