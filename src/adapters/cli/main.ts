// The vmvc command line: `npm run --silent vmvc -- <command> [--json] …`.
import { parseArgs } from "node:util";
import { buildQuestionAnswering } from "../../core/questions.ts";
import { Situations } from "../../core/situation/situations.ts";
import { loadKnowledge } from "../../knowledge/load.ts";
import { KnowledgeError } from "../../knowledge/read.ts";
import { knowledgeDir } from "../../paths.ts";
import { askCommand } from "./ask.ts";
import { checklistCommand } from "./checklist.ts";
import { decideCommand } from "./decide.ts";
import type { CliIo } from "./io.ts";
import { knowledgeCommand } from "./knowledgeExport.ts";
import { recommendCommand } from "./recommend.ts";
import { statsCommand } from "./stats.ts";

const USAGE = `usage: vmvc <command> [--json] [arguments]

commands:
  ask [question]           answer a question (or one per line on standard input);
                           --explain: why it matched (features, nearest phrasing, runner-ups, rule)
  decide [key=value ...]   recommend from checklist answers (or JSON objects, one per line, on standard input)
  recommend [description]  what a description of your situation answers, and the recommendation
                           (or one description per line on standard input; --json: decide's object + understood)
  checklist                the decision checklist as an interactive walkthrough
  knowledge                list every knowledge entry (--json: export them)
  stats                    usage report from the state store (STATE_URL): answered rate, gaps, 👎, picks
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr.write(`vmvc: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const json = parsed.values.json === true;
  if (parsed.values.help || !command || command === "help") {
    io.stdout.write(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  const knowledge = loadKnowledge(knowledgeDir);
  switch (command) {
    case "ask":
      return askCommand(
        rest,
        { json, explain: parsed.values.explain === true },
        io,
        buildQuestionAnswering(knowledge),
      );
    case "knowledge":
      return knowledgeCommand(json, io, knowledge);
    case "decide":
      return decideCommand(rest, io, knowledge.decision, { json });
    case "recommend":
      return recommendCommand(
        rest,
        { json },
        io,
        new Situations(knowledge),
        knowledge.responses.situation.changeInTerminal,
      );
    case "checklist":
      return checklistCommand(io, knowledge);
    case "stats":
      return statsCommand(json, io, knowledge);
    default:
      io.stderr.write(`vmvc: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean" },
      explain: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

// A reader that stops early (`vmvc recommend … | head`) closes the pipe: stop quietly, as other
// command-line tools do, rather than die with an unhandled EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures get one clear line; anything else is a bug worth its stack.
    if (error instanceof KnowledgeError) process.stderr.write(`vmvc: ${error.message}\n`);
    else
      process.stderr.write(`vmvc: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
