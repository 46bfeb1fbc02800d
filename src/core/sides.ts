import type { Lexicon } from "../knowledge/schema.ts";
import { writtenPattern } from "./matcher/text.ts";

export interface Side {
  as: string;
  /** The stems of each of its words, as the matcher reads them ("vms": "virtual", "machin"). */
  stems: string[][];
  /** Any of its words as written: by stem, the verb "contain" would name containers. */
  written: RegExp;
}

/**
 * The sides our comparisons are between (lexicon sides: VMs, containers, microVMs), so that a
 * follow-up naming one ("and for VMs?") can ask the previous question about it instead of the
 * side that question named ("In which situations are containers the better choice?").
 */
export class Sides {
  private built?: Side[];

  constructor(
    private readonly lexicon: Pick<Lexicon, "sides">,
    /** The matcher's content stems of a text (synonyms applied: "vms" is "virtual machine"). */
    private readonly stems: (text: string) => string[],
  ) {}

  /**
   * The side a question names when it names nothing else ("and for VMs?"): one of its words as
   * written, and no content word (`own`, the question's stems) besides.
   */
  only(question: string, own: string[]): Side | undefined {
    if (own.length === 0) return undefined;
    return this.sides().find((side) => this.names(question, side) && side.stems.some((w) => sameSet(w, own)));
  }

  /**
   * `text` about `side` in place of the other sides it names; undefined when it names `side`
   * already ("How fast do VMs and containers start?" is about VMs too), no other side, or when
   * the swap would set the side against itself ("… better security than microVMs").
   */
  swap(text: string, side: Side): string | undefined {
    if (this.names(text, side)) return undefined;
    const others = this.sides().filter((s) => s !== side && this.names(text, s));
    if (others.length === 0) return undefined;
    const global = (s: Side) => new RegExp(s.written.source, "giu");
    const swapped = others.reduce((t, other) => t.replace(global(other), side.as), text);
    // "How fast do VMs and containers start?" about microVMs: "How fast do microVMs start?".
    const name = writtenPattern([side.as]).source;
    const joined = new RegExp(
      `${name}(?:\\s*(?:,|&|\\band\\b|\\bor\\b|\\bvs\\b\\.?|\\bversus\\b)\\s*${name})+`,
      "giu",
    );
    const once = swapped.replace(joined, side.as);
    return (once.match(new RegExp(name, "giu")) ?? []).length === 1 ? once : undefined;
  }

  /** Does `text` name `side` by one of its words as written? */
  names(text: string, side: Side): boolean {
    return side.written.test(text);
  }

  /** The one side a text names, if it names exactly one ("When should we choose virtual machines?"). */
  onlySide(text: string): Side | undefined {
    const named = this.sides().filter((s) => this.names(text, s));
    return named.length === 1 ? named[0] : undefined;
  }

  /** Built on first use: the stems come from the matcher, which trains on first use. */
  private sides(): Side[] {
    this.built ??= this.lexicon.sides.map((s) => ({
      as: s.as,
      stems: s.words.map((w) => this.stems(w)),
      written: writtenPattern(s.words),
    }));
    return this.built;
  }
}

/** Do two lists hold the same stems (in any order, repeats aside)? */
const sameSet = (a: string[], b: string[]) => a.every((s) => b.includes(s)) && b.every((s) => a.includes(s));
