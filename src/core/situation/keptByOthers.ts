import type { SituationKnowledge } from "../../knowledge/situationSchema.ts";
import type { AnswerKey } from "../decision/contract.ts";
import { ARTICLES, afterArticles, type Token } from "./tokens.ts";

type Config = NonNullable<SituationKnowledge["keptByOthers"]>;

/** The word of token `i`, or "" past either end. */
const wordAt = (tokens: readonly Token[], i: number) => tokens[i]?.word ?? "";

/**
 * Does someone else run the store a cue names (situations.yaml `keptByOthers`, where the rules
 * are explained): "the Postgres the data folks own", "VMs owned by the billing team", "MySQL,
 * which the DBA team runs"; not "run by us", "our team runs", "managed by Ansible".
 */
export class KeptByOthers {
  /** The key whose cues and parts this reads (state). */
  private readonly key: AnswerKey;
  private readonly stores: Set<string>;
  private readonly by: Set<string>;
  private readonly nouns: Set<string>;
  private readonly owners: Set<string>;
  private readonly verbs: Set<string>;
  private readonly ours: Set<string>;
  private readonly ownStores: Set<string>;
  private readonly relatives: Set<string>;
  private readonly window: number;
  private readonly joiners: ReadonlySet<string>;
  private readonly filler: ReadonlySet<string>;

  constructor(
    config: Config,
    reader: {
      /** The situation reader's stems of a word, so stores compare with a text's units. */
      stems: (word: string) => readonly string[];
      joiners: ReadonlySet<string>;
      filler: ReadonlySet<string>;
    },
  ) {
    this.key = config.key;
    this.stores = new Set(config.stores.flatMap((w) => reader.stems(w)));
    this.by = new Set(config.by);
    this.nouns = new Set(config.nouns);
    this.owners = new Set(config.owners);
    this.verbs = new Set(config.verbs);
    this.ours = new Set(config.ours);
    this.ownStores = new Set(config.ownStores);
    this.relatives = new Set(config.relatives);
    this.window = config.window;
    this.joiners = reader.joiners;
    this.filler = reader.filler;
  }

  /**
   * Is the store a cue or part of `key` names, tokens from..to (each token's units in `units`),
   * someone else's? Always no for the other keys.
   */
  keeps(key: AnswerKey, tokens: Token[], units: string[][], from: number, to: number): boolean {
    if (key !== this.key) return false;
    const word = (i: number) => wordAt(tokens, i);
    // A store must be named, in the cue or on the way: "data lives in the Oracle cluster the DBA
    // team runs", not "uploads go to local disks on VMs run by the infra team".
    const store = (i: number) => (units[i] ?? []).some((unit) => this.stores.has(unit));
    let named = units.slice(from, to + 1).some((_, i) => store(from + i));
    // "our own Postgres on VMs the infra team owns", "a self-hosted database run by ops": the
    // asker's, on someone else's machines ("all our data lives in the cluster the DBA team runs"
    // is the data's owner speaking, not the store's; and the verb of "a database the data folks
    // own", read as "database of our own", is the team's).
    for (let i = from; i <= to; i++)
      if ((this.ours.has(word(i)) || this.ownStores.has(word(i))) && !this.nouns.has(word(i - 1)))
        return false;
    if ([from - 1, from - 2].some((i) => this.ownStores.has(word(i)))) return false;
    let clause = tokens[from]!.clause;
    let relativeTaken = false;
    for (let j = from + 1, seen = 0; j < tokens.length && seen < this.window; j++) {
      if (tokens[j]!.clause !== clause) {
        // ", which the DBA team runs": a relative clause still speaks of the store.
        if (relativeTaken || j <= to || !this.relatives.has(word(j))) return false;
        relativeTaken = true;
        clause = tokens[j]!.clause;
      }
      const w = word(j);
      // Not past a joiner, inside the cue either ("a database and the BI team owns the dashboards"
      // matched "database … own").
      if (this.joiners.has(w)) return false;
      named ||= store(j);
      const inClause = (i: number) => tokens[i]?.clause === clause;
      // "owned by the billing team", "looked after by ops"
      const by = [j + 1, j + 2].find((i) => inClause(i) && word(i) === "by");
      if (this.by.has(w) && by !== undefined) {
        const first = afterArticles(tokens, by);
        if (!named || this.ours.has(word(first))) return false;
        if (this.owners.has(word(first))) return true;
        return [first, first + 1, first + 2].some((i) => inClause(i) && this.namedTeam(tokens, i));
      }
      // "the data folks own", "the DBA team runs", "… own and babysit": the verb ends what is said
      // (not "all the teams run on it", "the BI team runs reports against it").
      const ends = (i: number) => !inClause(i + 1) || this.joiners.has(word(i + 1));
      if (
        named &&
        this.namedTeam(tokens, j) &&
        [j + 1, j + 2].some((i) => inClause(i) && this.verbs.has(word(i)) && ends(i))
      )
        return true;
      if (j > to && !this.filler.has(w)) seen++;
    }
    return false;
  }

  /**
   * A team named by a word before it that is no article and not the asker's: "the DBA team", "the
   * data folks"; not "the team", "a team of four", "our small team", "my own team".
   */
  private namedTeam(tokens: Token[], i: number): boolean {
    const word = (j: number) => wordAt(tokens, j);
    return (
      this.nouns.has(word(i)) &&
      i > 0 &&
      !ARTICLES.has(word(i - 1)) &&
      ![i - 1, i - 2].some((j) => this.ours.has(word(j))) &&
      word(i + 1) !== "of"
    );
  }
}
