import { editDistance } from "./text.ts";

/** The shortest word read as two of its letters swapped ("csot"). */
const MIN_SWAPPED = 4;

/** Corrects a misspelt stem to the closest known one ("hypervisr" -> "hypervisor"). */
export class Speller {
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string | null>();

  /**
   * `known` maps each stem to how common it is; the more common wins a tie. A stem of
   * `twoEditsFrom` letters or more may be two edits from its correction, a shorter one only one,
   * and one shorter than `shortest` only two neighbouring letters swapped (from MIN_SWAPPED letters).
   * Without `substitutions`, a stem is one letter more or less than its correction, two of its
   * letters swapped, or, from six letters, one letter changed for its neighbour on a QWERTY
   * keyboard ("backuo"), never for another ("pitch" is no "patch").
   */
  constructor(
    private readonly known: ReadonlyMap<string, number>,
    private readonly twoEditsFrom = 7,
    private readonly shortest = 4,
    private readonly substitutions = true,
  ) {
    for (const s of known.keys()) {
      const list = this.byLength.get(s.length);
      if (list) list.push(s);
      else this.byLength.set(s.length, [s]);
    }
  }

  /** How often the knowledge uses a stem (0 when never). */
  count(stem: string): number {
    return this.known.get(stem) ?? 0;
  }

  has(stem: string): boolean {
    return this.known.has(stem);
  }

  /** The stem itself when known, else the known stem it most likely meant, if one is close enough. */
  correct(stem: string): string | undefined {
    if (this.known.has(stem)) return stem;
    if (/\d/.test(stem)) return undefined;
    // A short word is only two of its letters typed the wrong way round ("csot"): one letter
    // more or less makes another word too often ("rain" and "train"), and so does a swap in a
    // word of two or three ("mv" is no "vm", "ic" no "ci").
    if (stem.length < this.shortest) return stem.length >= MIN_SWAPPED ? this.swapped(stem) : undefined;
    const cached = this.cache.get(stem);
    if (cached !== undefined) return cached ?? undefined;
    const max = this.substitutions && stem.length >= this.twoEditsFrom ? 2 : 1;
    let best: string | undefined = this.substitutions ? undefined : this.swapped(stem);
    let bestDistance = best ? 1 : max + 1;
    for (let len = stem.length - max; len <= stem.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (
          !this.substitutions &&
          len === stem.length &&
          !(stem.length >= NEIGHBOUR_FROM && neighbourKeyTypo(stem, candidate))
        )
          continue;
        const d = editDistance(stem, candidate, max);
        if (d > max) continue;
        const commoner = (this.known.get(candidate) ?? 0) > (best ? (this.known.get(best) ?? 0) : -1);
        if (d < bestDistance || (d === bestDistance && commoner)) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(stem, best ?? null);
    return best;
  }

  /** The known stem `stem` is with two neighbouring letters swapped back, the commonest if several. */
  private swapped(stem: string): string | undefined {
    let best: string | undefined;
    for (let i = 0; i + 1 < stem.length; i++) {
      const candidate = stem.slice(0, i) + stem[i + 1] + stem[i] + stem.slice(i + 2);
      if (this.known.has(candidate) && (!best || this.count(candidate) > this.count(best))) best = candidate;
    }
    return best;
  }
}

/**
 * The shortest word read as one letter changed for its keyboard neighbour: shorter everyday words
 * sit a key from ours too often ("latch" and "patch", "parch" and "patch"; a third review's).
 */
const NEIGHBOUR_FROM = 6;

/** Letters beside each other on a QWERTY keyboard, row by row. */
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const NEIGHBOURS = new Map<string, Set<string>>();
ROWS.forEach((row, r) => {
  for (let i = 0; i < row.length; i++) {
    const near = new Set<string>([row[i - 1] ?? "", row[i + 1] ?? ""]);
    // The rows are staggered: a key touches the two keys below-left and below of it, and above.
    for (const other of [ROWS[r - 1], ROWS[r + 1]])
      if (other) for (const j of r < ROWS.indexOf(other) ? [i - 1, i] : [i, i + 1]) near.add(other[j] ?? "");
    near.delete("");
    NEIGHBOURS.set(row[i]!, near);
  }
});

/** Is `typed` `known` with one letter changed for its keyboard neighbour ("backuo", "netwirking")? */
function neighbourKeyTypo(typed: string, known: string): boolean {
  if (typed.length !== known.length) return false;
  let at = -1;
  for (let i = 0; i < typed.length; i++)
    if (typed[i] !== known[i]) {
      if (at >= 0) return false;
      at = i;
    }
  return at >= 0 && (NEIGHBOURS.get(known[at]!)?.has(typed[at]!) ?? false);
}
