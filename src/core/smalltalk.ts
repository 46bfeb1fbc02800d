import type { Responses } from "../knowledge/schema.ts";
import { rawWords } from "./matcher/text.ts";

export type SmallTalk = "greeting" | "thanks" | "acknowledgement" | "help" | "documents";

/** Words that point back at what was said: "what are your sources for that?". */
const POINTERS = new Set(["that", "this", "it", "those", "these", "them", "its", "thats"]);

/** Chat spellings of the patterns' words: "are u chatgpt?", "what docs do u use". */
const CHAT_SPELLINGS = new Map([
  ["u", "you"],
  ["ya", "you"],
  ["ur", "your"],
  ["r", "are"],
  ["docs", "documents"],
]);

/** Kinds a message may mix with each other and courtesy words ("thanks, that helps", "hi, help"), the first found winning. */
const MIXABLE: readonly SmallTalk[] = ["help", "thanks", "greeting", "acknowledgement"];

/**
 * Small talk: a message made only of the responses' patterns (greeting, thanks, acknowledgement,
 * help) and courtesy words: "thanks, that helps", "thank you very much", "lol ok", "hi, what can
 * you do". Help wins over thanks, thanks over a greeting, a greeting over an acknowledgement ("ok
 * thanks" is thanks). Any other word makes it a question: "thanks, and for VMs?" is matched as
 * one, and so is "help me decide" (the checklist, said in words).
 */
export class SmallTalkReader {
  private readonly whole = new Map<string, SmallTalk>();
  /** The patterns as word lists, longest first, so "thank you" is taken before "thank". */
  private readonly parts: { words: string[]; which: SmallTalk }[];
  private readonly courtesy: Set<string>;

  constructor(responses: Responses) {
    const patterns: [SmallTalk, readonly string[]][] = [
      ["greeting", responses.greeting.patterns],
      ["thanks", responses.thanks.patterns],
      ["acknowledgement", responses.acknowledgement.patterns],
      ["help", responses.help.patterns],
      ["documents", responses.documents.patterns],
    ];
    for (const [which, list] of patterns) for (const p of list) this.whole.set(rawWords(p).join(" "), which);
    this.parts = patterns
      .flatMap(([which, list]) => list.map((p) => ({ words: rawWords(p), which })))
      // A pattern of no word ("👍") could never move the reading on.
      .filter((p) => p.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    this.courtesy = new Set(responses.acknowledgement.courtesyWords.flatMap((w) => rawWords(w)));
  }

  /** The kind of small talk `words` (rawWords of a message, the bot's name left out) are, if any. */
  of(typed: string[]): SmallTalk | undefined {
    const words = typed.map((w) => CHAT_SPELLINGS.get(w) ?? w);
    const exact = this.whole.get(words.join(" "));
    if (exact) return exact;
    const found = new Set<SmallTalk>();
    for (let i = 0; i < words.length; ) {
      const part = this.parts.find((p) => p.words.every((w, j) => words[i + j] === w));
      if (part) {
        found.add(part.which);
        i += part.words.length;
      } else if (this.courtesy.has(words[i]!)) i++;
      else return undefined;
    }
    // "what are your sources", with courtesy words too ("hi, what are your sources please"), but
    // not with a word that points back: "… for that?" asks about the last answer.
    if (found.has("documents")) return words.some((w) => POINTERS.has(w)) ? undefined : "documents";
    return MIXABLE.find((which) => found.has(which));
  }
}
