import type { Lexicon } from "../../knowledge/schema.ts";
import { writtenPattern } from "./text.ts";

/**
 * Which of our sides a question asks to choose (lexicon.yaml `preference`): "when should I use a
 * container instead of a VM" and "when shouldn't we use VMs" ask when containers win, though their
 * words are those of "when should I use a VM instead of a container". The model reads words, not
 * their order, so it cannot tell the two apart; this reads the order.
 */
export class PreferenceReader {
  private readonly sides: { as: string; written: RegExp }[];
  private readonly over: RegExp;
  private readonly against: RegExp;
  private readonly badAfter: RegExp;
  private readonly asksWhen: RegExp;

  constructor(lexicon: Pick<Lexicon, "sides" | "preference">) {
    const { over, against, badAfter } = lexicon.preference;
    this.sides = lexicon.sides.map((s) => ({ as: s.as, written: writtenPattern(s.words, "giu") }));
    // (Never empty alternatives: a pattern of nothing would match everywhere.)
    const phrases = (list: string[]) => (list.length > 0 ? writtenPattern(list, "iu").source : "(?!)");
    // (A verb before: "would be a better fit than"; a bare "not" only after a comma or dash, "VMs,
    // not containers", not "containers are not VMs".)
    this.over = new RegExp(
      `^(?:[\\s,;:—–-]*(?:a|an|the|using|plain|just)?\\s*(?:(?:is|are|be|would\\s+be|seem|seems)\\s+)?(?:${phrases(over)})|\\s*[,;:—–-]\\s*not)\\s*(?:a|an|the|using|plain|just)?\\s*$`,
      "iu",
    );
    // Against a side only inside a question of when to choose ("when shouldn't we use containers",
    // "in which cases should we avoid VMs"), in its clause: "why not use containers?" argues for
    // them, and "we don't use containers yet, when would they make sense?" asks when they win (an
    // independent review's).
    const when = String.raw`\b(?:when|which\s+cases|what\s+cases|which\s+situations|what\s+situations|reasons?)\b[^,.;:!?]*?`;
    this.against = new RegExp(
      `${when}(?:${phrases(against)})\\s+(?:(?:a|an|the|using|plain|just)\\s+)?$`,
      "iu",
    );
    this.badAfter = new RegExp(`^\\s*(?:${phrases(badAfter)})`, "iu");
    this.asksWhen = new RegExp(`${when}$`, "iu");
  }

  /**
   * The side the question asks for (`favours`: true) or against (false), by its order: the first
   * of two sides joined by one of `over` ("containers instead of VMs", "VMs over docker"); against
   * a side named alone after one of `against` ("when not to use containers") or before one of
   * `badAfter` ("when are VMs a bad idea"). Undefined when it says neither, or both ways.
   */
  read(question: string): Preference | undefined {
    const named = this.sides
      .flatMap((s) =>
        [...question.matchAll(s.written)].map((m) => ({ as: s.as, at: m.index, end: m.index + m[0].length })),
      )
      .sort((a, b) => a.at - b.at);
    const found = new Map<string, Preference>();
    const add = (p: Preference) => found.set(`${p.side} ${p.favours}`, p);
    for (let i = 0; i + 1 < named.length; i++) {
      const [a, b] = [named[i]!, named[i + 1]!];
      if (a.as !== b.as && this.over.test(question.slice(a.end, b.at))) add({ side: a.as, favours: true });
    }
    // (Where two sides are named, only through `over`: "when not to use VMs, and containers?")
    if (new Set(named.map((n) => n.as)).size === 1)
      for (const n of named)
        if (
          this.against.test(question.slice(0, n.at)) ||
          (this.badAfter.test(question.slice(n.end)) && this.asksWhen.test(question.slice(0, n.at)))
        )
          add({ side: n.as, favours: false });
    return found.size === 1 ? [...found.values()][0] : undefined;
  }
}

export interface Preference {
  /** A side's name as lexicon.yaml `sides` writes it ("VMs"). */
  side: string;
  /** For that side, or against it. */
  favours: boolean;
}
