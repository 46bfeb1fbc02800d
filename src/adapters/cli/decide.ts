import { createInterface } from "node:readline";
import {
  type Answers,
  type Decision,
  DecisionInputError,
  decide,
  parseAnswerArgs,
  parseAnswers,
} from "../../core/decision/index.ts";
import type { DecisionKnowledge } from "../../knowledge/decisionSchema.ts";
import { decisionText } from "./decideText.ts";
import type { CliIo } from "./io.ts";

function usage(knowledge: DecisionKnowledge): string {
  const keys = knowledge.checklist.map(
    (q) => `  ${q.key.padEnd(14)} ${q.choices.map((c) => c.value).join(" | ")}`,
  );
  return [
    "usage: vmvc decide [--json] [key=value ...]",
    "With no key=value arguments, reads one JSON object of answers per line from standard input.",
    "",
    "keys and values:",
    ...keys,
    "",
  ].join("\n");
}

/** One stdin line: a JSON object of answers. Problems become DecisionInputError like bad answers. */
function parseLine(line: string, n: number): Answers {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    throw new DecisionInputError(
      `line ${n} is not valid JSON (${error instanceof Error ? error.message : error})`,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new DecisionInputError(
      `line ${n}: expected a JSON object of answers, such as {"isolation":"hard"}`,
    );
  }
  try {
    return parseAnswers(data as Record<string, unknown>);
  } catch (error) {
    if (error instanceof DecisionInputError)
      throw new DecisionInputError(`line ${n}: ${error.message}`, error.valid);
    throw error;
  }
}

/**
 * `decide [--json] [key=value …]`: one decision from the arguments, or one per JSON line on
 * standard input. Bad arguments: one line on stderr, exit 2. A bad stdin line is reported in
 * its place (as `{"error":…}` with --json) and the rest are still answered; exit 1 at the end.
 * `options.json` lets a caller that already parsed `--json` pass it on.
 */
export async function decideCommand(
  args: string[],
  io: CliIo,
  knowledge: DecisionKnowledge,
  options: { json?: boolean } = {},
): Promise<number> {
  const json = options.json === true || args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(usage(knowledge));
    return 0;
  }
  const flag = rest.find((a) => a.startsWith("-"));
  if (flag) {
    io.stderr.write(`vmvc decide: unknown option "${flag}" (try vmvc decide --help)\n`);
    return 2;
  }
  const print = (d: Decision) =>
    io.stdout.write(json ? `${JSON.stringify(d)}\n` : `${decisionText(d, knowledge)}\n`);

  if (rest.length > 0) {
    try {
      print(decide(parseAnswerArgs(rest), knowledge));
      return 0;
    } catch (error) {
      if (!(error instanceof DecisionInputError)) throw error;
      io.stderr.write(`vmvc decide: ${error.message}\n`);
      return 2;
    }
  }

  let failed = false;
  let n = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    n++;
    if (!line.trim()) continue;
    try {
      print(decide(parseLine(line, n), knowledge));
    } catch (error) {
      if (!(error instanceof DecisionInputError)) throw error;
      failed = true;
      if (json)
        io.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
      else io.stderr.write(`vmvc decide: ${error.message}\n`);
    }
  }
  return failed ? 1 : 0;
}
