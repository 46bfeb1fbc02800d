import { createInterface } from "node:readline";

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs `each` on the text of the arguments, or, with none, on every non-blank line of standard
 * input. An empty argument text is refused with `usage` on stderr. Returns the exit code.
 */
export async function eachInput(
  words: string[],
  io: CliIo,
  usage: string,
  each: (text: string) => void,
): Promise<number> {
  if (words.length > 0) {
    const text = words.join(" ").trim();
    if (!text) {
      io.stderr.write(`${usage}\n`);
      return 2;
    }
    each(text);
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim()) each(line.trim());
  return 0;
}
