import type { Lexicon } from "../knowledge/schema.ts";

interface Side {
  as: string;
  /** The stems of each of its words; all of one word's stems name the side ("machine" alone does not). */
  words: string[][];
  /** Any of its words as written, longest first, as whole words. */
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

  /** The side a question's content stems name when they name nothing else ("and for VMs?"). */
  only(own: string[]): Side | undefined {
    if (own.length === 0) return undefined;
    return this.sides().find((side) => side.words.some((w) => sameSet(w, own)));
  }

  /**
   * `text` about `side` in place of the other sides it names; undefined when it names `side`
   * already ("How fast do VMs and containers start?" is about VMs too) or no other side.
   */
  swap(text: string, side: Side): string | undefined {
    const stems = this.stems(text);
    const names = (s: Side) => s.words.some((w) => w.every((stem) => stems.includes(stem)));
    if (names(side)) return undefined;
    const others = this.sides().filter((s) => s !== side && names(s));
    if (others.length === 0) return undefined;
    return others.reduce((t, other) => t.replace(other.written, side.as), text);
  }

  /** Built on first use: the stems come from the matcher, which trains on first use. */
  private sides(): Side[] {
    this.built ??= this.lexicon.sides.map((s) => {
      const written = [...s.words].sort((a, b) => b.length - a.length).map(asPattern);
      return {
        as: s.as,
        words: s.words.map((w) => this.stems(w)),
        written: new RegExp(`(?<![\\p{L}\\p{N}])(?:${written.join("|")})(?![\\p{L}\\p{N}])`, "giu"),
      };
    });
    return this.built;
  }
}

/** Do two lists hold the same stems (in any order, repeats aside)? */
const sameSet = (a: string[], b: string[]) => a.every((s) => b.includes(s)) && b.every((s) => a.includes(s));

/** A word or phrase as a regular expression: special characters literal, any space or hyphen between words. */
const asPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[\s-]+/g, "[\\s-]+");
