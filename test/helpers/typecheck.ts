import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/**
 * Compiles generated TypeScript sources (name → text) with the project's strictness and returns
 * the compiler's complaints, each prefixed with its file's name: how tests hold recorded payloads
 * and manifests to the platforms' own type definitions.
 */
export function typeErrors(dirName: string, sources: Record<string, string>): string[] {
  const dir = join(process.cwd(), "node_modules", ".cache", dirName);
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(sources).map(([name, text]) => {
    const file = join(dir, `${name.replace(/\W/g, "_")}.ts`);
    writeFileSync(file, text);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? d.file.fileName.split("/").pop() : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 300)}`,
    );
}
