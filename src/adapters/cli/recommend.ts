import { plainText } from "../../core/render/plainText.ts";
import type { Situations } from "../../core/situation/situations.ts";
import { type CliIo, eachInput } from "./io.ts";

/**
 * `recommend [--json] [description…]`: the checklist answers a description states, and the
 * recommendation; one description from the arguments, or one a line from standard input.
 * `--json` prints the `decide --json` object plus `understood` (DESIGN.md); without it, the
 * same text a person sees in chat.
 */
export async function recommendCommand(
  words: string[],
  mode: { json: boolean },
  io: CliIo,
  situations: Situations,
): Promise<number> {
  const print = (text: string) => {
    if (mode.json) io.stdout.write(`${JSON.stringify(situations.json(text))}\n`);
    else io.stdout.write(`${plainText([situations.reply(situations.read(text))])}\n\n`);
  };
  return eachInput(
    words,
    io,
    'vmvc recommend: the description is empty. Usage: vmvc recommend [--json] "<description>"',
    print,
  );
}
