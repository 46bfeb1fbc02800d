import { fill } from "../../core/fill.ts";
import { plainText } from "../../core/render/plainText.ts";
import { SituationReader } from "../../core/situation/extract.ts";
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
  /** responses.yaml situation.changeInTerminal. */
  changeInTerminal: string,
): Promise<number> {
  const print = (text: string) => {
    if (mode.json) {
      io.stdout.write(`${JSON.stringify(situations.json(text))}\n`);
      return;
    }
    const reading = situations.read(text);
    io.stdout.write(`${plainText([situations.reply(reading)])}\n\n`);
    // In chat the card has Refine and Change buttons; here the answers come back as a command line.
    const answers = Object.entries(SituationReader.answers(reading.understood));
    if (answers.length > 0) {
      const command = `npm run --silent vmvc -- decide ${answers.map(([k, v]) => `${k}=${v}`).join(" ")}`;
      io.stdout.write(`${fill(changeInTerminal, { command })}\n\n`);
    }
  };
  return eachInput(
    words,
    io,
    'vmvc recommend: the description is empty. Usage: vmvc recommend [--json] "<description>"',
    print,
  );
}
