import type { Knowledge } from "../../knowledge/load.ts";
import type { KeyCues, SituationKnowledge, ValueRange } from "../../knowledge/situationSchema.ts";
import { ANSWER_KEYS, ANSWER_VALUES, type AnswerKey, type Answers } from "../decision/contract.ts";
import { Speller } from "../matcher/speller.ts";
import { TextPipeline } from "../matcher/text.ts";
import { remembered } from "../memo.ts";
import { KeptByOthers } from "./keptByOthers.ts";
import { defaultSituationParams, type SituationParams } from "./params.ts";
import { afterArticles, type Token, tokenize } from "./tokens.ts";

/** One understood answer and the words of the text that led to it. */
export interface Understood {
  value: string;
  evidence: string;
}

export type UnderstoodAnswers = Partial<Record<AnswerKey, Understood>>;

/** What a description says: the answers, and the keys left unknown because cues disagreed. */
export interface Reading {
  understood: UnderstoodAnswers;
  /** Keys whose cues disagreed with no rule to settle it: left unknown rather than guessed. */
  conflicts: AnswerKey[];
  /** Does the text ask something: a question mark, or a phrase of situations.yaml `choiceCues`? */
  asksToChoose: boolean;
}

/** The stem a negator becomes, so "don't", "not" and "no" match each other in cue phrases. */
const NEG = "¬";
/** Marks a filler word: skipped between a cue's words, matched only where a cue names it. */
const FILLER = "~";
/** Marks a word matched as written, not by its stem (situations.yaml `exactWords`). */
const EXACT = "=";
/** A misspelt word this long may be two edits from the cue word it means; a shorter one, one. */
const TWO_EDITS_FROM = 9;
/** Shorter words are read as written. */
const SHORTEST_TYPO = 5;
/** Words at most in a clause that leaves its verb out ("the new services weekly"). */
const ELLIPSIS_CLAUSE = 8;
/** Before a period these make a multiplier a rate ("3x a week"). */
const RATE_WORDS = new Set(["a", "per", "every"]);
/** A rate written as one word: "10x/day", "2/week". */
const SLASHED_RATE = /^(\d+(?:\.\d+)?)x?\/([a-z]+)$/;
/** A word of shipping per a period, after a count: "20 deploys/day". */
const WORD_PER_PERIOD = /^([a-z]+)\/([a-z]+)$/;
/** An operating system named in a text, and the versions written right after it. */
interface OsNamed {
  i: number;
  family: string;
  name: string;
  versions: string[];
}

/** Words that may stand between an operating system's name and its versions. */
const OS_VERSION_GAP = new Set(["server", "lts", "and", "plus"]);
/** Right before the second of two systems, these make the pair a move from one to the other. */
const MOVE_TO = new Set(["to", "into"]);
/** A version right after the name ("RHEL 8", "Windows 10"), or a release ("20.04", "2016"). */
const VERSION_RIGHT_AFTER = /^\d{1,2}(?:\.\d+)*$|^\d{4}$/;
const RELEASE = /^\d+\.\d+$|^(?:19|20)\d\d$/;

/**
 * The versions written after the operating system at token `at`: "Ubuntu 20.04 + 22.04", "RHEL
 * 7/8", "Windows Server 2012/2016". A bare number counts only right after the name; a later one
 * only when it looks like a release, so "Windows 10 and 2 Linux boxes" has one version.
 */
function osVersions(tokens: Token[], at: number): string[] {
  const versions: string[] = [];
  // "rhel8", and "rhel7/rhel9": the same name glued to each version.
  const [head = "", ...rest] = tokens[at]!.word.split("/");
  const glued = GLUED_VERSION.exec(head);
  if (glued) {
    versions.push(glued[2]!);
    for (const half of rest) {
      const more = GLUED_VERSION.exec(half);
      if (more && more[1] === glued[1]) versions.push(more[2]!);
    }
  }
  for (let j = at + 1; j < tokens.length && j <= at + 6; j++) {
    const word = tokens[j]!.word;
    if (tokens[j]!.clause !== tokens[at]!.clause) break;
    if (OS_VERSION_GAP.has(word)) continue;
    const parts = word.split("/");
    const first = versions.length === 0 && j <= at + 2;
    if (!parts.every((p) => (first ? VERSION_RIGHT_AFTER : RELEASE).test(p) || RELEASE.test(p))) break;
    versions.push(...parts);
  }
  return versions;
}

/** Do the tokens from `at` on read `words`, word for word? */
function wordsAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return at >= 0 && words.every((w, k) => tokens[at + k]?.word === w);
}

/** A name with its version glued on: "rhel8", "win10". */
const GLUED_VERSION = /^([a-z]+)(\d+(?:\.\d+)*)$/;
/** Words that may stand between an experience marker and its verb ("have never run", "has ever used"). */
const AUXILIARY_ADVERBS = new Set(["ever", "never", "not", "really", "actually", "yet", "once", "properly"]);
/** "20x", "10-30x", "1.5x": the largest factor of a multiplier written as one word. */
const MULTIPLIER = /^(?:\d+(?:\.\d+)?-)?(\d+(?:\.\d+)?)x$/;
/** Before an `ended` word these say it has not happened yet ("is being retired", "will be retired"). */
/** No words: the default of a word set that adds nothing. */
const NONE: ReadonlySet<string> = new Set();
const STILL_THERE = new Set(["being", "be"]);
/** A key's name and its value may have one of these between them ("isolation is strong", "maturity at medium"). */
const LINKING = new Set(["is", "are", "at"]);
/** Words between a named question and its value that only say how much: "isolation is only standard". */
const DEGREE_BEFORE_VALUE = new Set(["only", "just", "merely", "now", "really", "basically"]);
/** In a list of named answers, what separates two of them. */
const LIST_SEPARATOR = /\s\/\s|\s\|\s|->/g;

/** Words whose stems and units are remembered; past it the memo starts again. */
const MEMO_SIZE = 10_000;

interface Cue {
  key: AnswerKey;
  value: string;
  negated?: string;
  /** Words anywhere in the text that make a negated cue say nothing (situations.yaml `negatedUnless`). */
  negatedUnless?: ReadonlySet<string>;
  /** Words beside the cue that make it say nothing (situations.yaml `notBeside`). */
  notBeside?: ReadonlySet<string>;
  /** Word sequences right after the cue that make it say nothing (situations.yaml `notFollowedBy`). */
  notFollowedBy?: string[][];
  /** A negated cue's value gives way to any other value read for the key (situations.yaml `negatedYields`). */
  negatedYields?: true;
  units: string[];
  /** Stems that may not stand in the gaps between the cue's words (situations.yaml `notAcross`). */
  notAcross?: ReadonlySet<string>;
  /** Words as written that may not be the cue's last word (situations.yaml `notWritten`). */
  notWritten?: ReadonlySet<string>;
  /** The group's own context words, instead of the key's. */
  context?: string[];
  /** The context words may be anywhere in the cue's sentence (situations.yaml `contextInSentence`). */
  contextInSentence?: true;
  /** Phrases that, in the cue's clause, make it state another value (situations.yaml `elsewhere`). */
  elsewhere?: { value: string | undefined; units: string[][] };
  /** The value said outright: it settles the key like an answer given by name. */
  explicit?: true;
}

interface Match {
  key: AnswerKey;
  value: string | undefined;
  /** First and last token of the words that led to it. */
  from: number;
  to: number;
  size: number;
  segment: number;
  sentence: number;
  /** The cue's clause says it applies to one part of the system only (the key's `scope`). */
  scoped?: boolean;
  /** An answer given by the question's name ("compliance: strict"). */
  named?: true;
  /** A quantifier before the cue ("most services are stateless") makes it speak for part of the system. */
  partial?: boolean;
  /**
   * A rate between two bands, read as both ("several times a week"): it leaves the key open only
   * when nothing else settles it ("we deploy daily, with hotfixes several times a week" is daily).
   */
  between?: true;
  /**
   * Read through a negation of this value, whose own value gives way to any third value read for
   * the key (`negatedYields`): "SOC 2 audits, but no regulator" denies strict, and is moderate.
   */
  yields?: string;
  /** The value a negator before the cue denied ("no platform team" denies high). */
  denied?: string;
  /**
   * The cue's clause lacks the key's `context` words: it states nothing, but a different value in
   * the same sentence ("the old part changes once a year, the new services weekly") is a conflict.
   */
  offContext?: boolean;
}

/**
 * Reads a description of someone's situation into checklist answers, from the cue phrases,
 * negators, contrast words and number ranges in knowledge/situations.yaml. It prefers leaving an
 * answer unknown to guessing: cues that disagree with no rule to settle them give nothing.
 */
export class SituationReader {
  private readonly text: TextPipeline;
  private readonly speller: Speller;
  private readonly known: Set<string>;
  private readonly cues: Cue[] = [];
  /** The cues by their first unit (indexes into `cues`, ascending). */
  private readonly cuesByFirst = new Map<string, number[]>();
  private readonly choiceCues: string[][];
  private readonly negators: Set<string>;
  private readonly contrast: Set<string>;
  private readonly filler: Set<string>;
  private readonly data: SituationKnowledge;
  /** Per key, the `scope` phrases' words: a cue in a clause with one of them is about one part. */
  private readonly scopes = new Map<AnswerKey, string[][]>();
  /** Word sequences that set aside what they close (situations.yaml `asides`). */
  private readonly asides: string[][];
  private readonly asideNotAfter: string[][];
  private readonly asidePointers: string[][];
  private readonly asideOpeners: Set<string>;
  /** Words that, opening an aside's clause, point back past a ";" (`asides.back`). */
  private readonly asideBack: Set<string>;
  /** Another part of the organisation, opening a clause (situations.yaml `otherParties`). */
  private readonly otherParties: string[][];
  private readonly otherPartyOpeners: Set<string>;
  /** Where the team speaks again: `subjects` and `team` together. */
  private readonly teamResumes: Set<string>;
  private readonly teamSubjects: Set<string>;
  private readonly joinsAgain: Set<string>;
  private readonly teamSpeaks: Set<string>;

  /** Per key, the `parts` rules with their phrases' words. */
  private readonly parts = new Map<
    AnswerKey,
    { units: string[][]; with: string; gives: string; afterContrast: boolean; notBeside: Set<string> }[]
  >();
  /** Word -> operating-system family (situations.yaml `osFamilies`). */
  private readonly osFamily = new Map<string, string>();
  /** The tokens of the text being read (read() is synchronous). */
  private lastTokens: Token[] = [];
  /** Positions of the text being read where a `pastMarkers` phrase starts: they negate like negators. */
  private pastAt = new Set<number>();
  /**
   * Where a `negatorPhrases` phrase of the text being read ends, to where it starts, in one clause:
   * it negates as a negator does.
   */
  private negatorAt = new Map<number, number>();
  private readonly pastMarkers: string[][];
  private readonly negatorPhrases: string[][];
  private readonly hedges: Set<string>;
  private readonly passive: Set<string>;
  private readonly subordinators: Set<string>;
  /** Where a subordinator opens a relative clause a negator reaches into (situations.yaml relativeClauses). */
  private readonly relativeClauses: {
    relatives: Set<string>;
    pronouns: Set<string>;
    determiners: Set<string>;
    complements: Set<string>;
  };
  private readonly supersede: Set<string>;
  private readonly joiners: Set<string>;
  private readonly naming: Set<string>;
  private readonly teamNouns: Set<string>;
  /** Keys whose cue right before a team noun is the team's name. */
  private readonly teamKeys: Set<AnswerKey>;
  private readonly storeModifiers: Set<string>;
  /** Does someone else run a named store (situations.yaml `keptByOthers`)? */
  private readonly othersKeep: KeptByOthers | undefined;
  private readonly intentions: Set<string>;
  private readonly comparisons: Set<string>;
  private readonly experience: { keys: Set<AnswerKey>; markers: Set<string>; verbs: Set<string> } | undefined;
  private readonly stages: { keys: Set<AnswerKey>; words: Set<string>; conjunctions: Set<string> };
  private readonly askedNotStated: Set<AnswerKey>;
  private readonly exactWords: Set<string>;
  /** Stems of situations.yaml `adjacent`: a cue word that must be followed by the next at once. */
  private readonly adjacent: Set<string>;
  private readonly likeness: Set<string>;
  private readonly softeners: Set<string>;
  private readonly notOnly: { words: Set<string>; notAfter: Set<string> };
  private readonly degreeSuffixes: string[];
  private readonly usually: { keys: Set<AnswerKey>; values: Set<string>; words: Set<string> };
  /** A key's name and the colon after it ("compliance: strict"), which would end the clause. */
  private readonly keyColon: RegExp | undefined;
  /** A key's name and "=" after it: one answer of a list ("compliance=strict / arch=mixed"). */
  private readonly keyEquals: RegExp | undefined;
  /** Each key's names (situations.yaml keyNames) as words, and the words for its values. */
  private readonly keyNames: {
    key: AnswerKey;
    words: string[];
    values: { word: string; value: string }[];
  }[] = [];
  private readonly negatedAfter: {
    negators: Set<string>;
    verbs: Set<string>;
    ended: Set<string>;
    auxiliaries: Set<string>;
    lacking: Set<string>;
    lackingKeys: Set<string>;
    wanted: { pointers: Set<string>; verbs: Set<string>; times: Set<string> };
    /** Each refusal phrase's words, as tokens give them ("no thanks"). */
    refused: string[][];
  };
  private readonly listNegators: Set<string>;
  private readonly listSubjects: Set<string>;

  /** Every stem of a cue phrase: a word that is a negating prefix + one of these is its negation. */
  private readonly cueStems: Set<string> | undefined;
  /** Per `counts` rule, the stems of its units. */
  private readonly countUnits: Set<string>[];
  /** Where a phrase occurs in the text being read (`inClauseFound`), cleared for each text. */
  private readonly foundInText = new Map<string[], { from: number; to: number }[]>();
  /** Per `context` word list, its stems and its phrases of several words. */
  private readonly contextStems = new Map<readonly string[], { stems: Set<string>; phrases: string[][] }>();
  /** A word's stems, and a word's units as read() sees them: both the same every time. */
  private readonly stemsOf = new Map<string, readonly string[]>();
  private readonly readUnits = new Map<string, string[]>();

  constructor(
    knowledge: Pick<Knowledge, "situations" | "faq" | "glossary">,
    readonly params: SituationParams = defaultSituationParams,
  ) {
    const data = knowledge.situations;
    this.data = data;
    this.negators = new Set(data.negators);
    this.contrast = new Set(data.contrast);
    this.filler = new Set(data.filler);
    this.hedges = new Set(data.hedges);
    this.passive = new Set(data.passive);
    this.subordinators = new Set(data.subordinators);
    this.relativeClauses = {
      relatives: new Set(data.relativeClauses.relatives),
      pronouns: new Set(data.relativeClauses.pronouns),
      determiners: new Set(data.relativeClauses.determiners),
      complements: new Set(data.relativeClauses.complements),
    };
    this.supersede = new Set(data.supersede);
    this.joiners = new Set(data.joiners);
    this.naming = new Set(data.naming);
    this.teamNouns = new Set(data.teamNames.nouns);
    this.teamKeys = new Set(data.teamNames.keys);
    this.storeModifiers = new Set(data.storeModifiers);
    this.intentions = new Set(data.intentions);
    this.comparisons = new Set(data.comparisons);
    this.experience = data.experience && {
      keys: new Set(data.experience.keys),
      markers: new Set(data.experience.markers),
      verbs: new Set(data.experience.verbs),
    };
    this.stages = {
      keys: new Set(data.stages.keys),
      words: new Set(data.stages.words),
      conjunctions: new Set(data.stages.conjunctions),
    };
    this.askedNotStated = new Set(data.askedNotStated);
    this.exactWords = new Set(data.exactWords);
    this.likeness = new Set(data.likeness);
    this.softeners = new Set(data.softeners);
    const bare = (w: string) => w.toLowerCase().replace(/['’]/g, "");
    this.notOnly = {
      words: new Set(data.notOnly.words.map(bare)),
      notAfter: new Set(data.notOnly.notAfter.map(bare)),
    };
    this.degreeSuffixes = data.degreeSuffixes.map((s) => `-${s}`);
    this.usually = {
      keys: new Set(data.usually.keys),
      values: new Set(data.usually.values),
      words: new Set(data.usually.words),
    };
    this.negatedAfter = {
      negators: new Set(data.negatedAfter.negators),
      verbs: new Set(data.negatedAfter.verbs),
      ended: new Set(data.negatedAfter.ended),
      auxiliaries: new Set(data.negatedAfter.auxiliaries),
      lacking: new Set(data.negatedAfter.lacking),
      lackingKeys: new Set(data.negatedAfter.lackingKeys),
      wanted: {
        pointers: new Set(data.negatedAfter.wanted.pointers),
        verbs: new Set(data.negatedAfter.wanted.verbs),
        times: new Set(data.negatedAfter.wanted.times),
      },
      refused: data.negatedAfter.refused.map((p) => tokenize(p, new Set()).map((t) => t.word)),
    };
    this.listNegators = new Set(data.listNegators);
    this.listSubjects = new Set(data.listSubjects);
    this.pastMarkers = data.pastMarkers.map((p) => tokenize(p, new Set()).map((t) => t.word));
    this.negatorPhrases = data.negatorPhrases.map((p) => tokenize(p, new Set()).map((t) => t.word));
    // The matcher's pipeline with our own small lexicon: its synonyms merge topics
    // ("regulated" is "compliance"), which would blur the values we tell apart.
    this.text = new TextPipeline({
      synonyms: data.synonyms,
      stopwords: [],
      weakwords: [],
      definitionCues: [],
      domainTerms: ["vm"],
      generalTerms: [],
      offTopic: [],
      otherSenses: [],
      notInDocuments: [],
      framingWords: [],
      styleRequests: [],
      caveatMarks: { labels: [], sentences: [] },
      preference: { over: [], against: [], badAfter: [] },
      sides: [],
    });
    this.adjacent = new Set(data.adjacent.flatMap((w) => this.stems(w)));
    this.othersKeep =
      data.keptByOthers &&
      new KeptByOthers(data.keptByOthers, {
        stems: (w) => this.stems(w),
        joiners: this.joiners,
        filler: this.filler,
      });
    for (const key of ANSWER_KEYS) {
      for (const g of data.cues[key]?.groups ?? []) {
        for (const phrase of g.phrases) {
          const units = this.phraseUnits(phrase);
          if (units.length === 0) continue;
          const elsewhere = g.elsewhere && {
            value: g.elsewhere.value,
            units: g.elsewhere.phrases.map((p) => this.phraseUnits(p)),
          };
          this.cues.push({
            key,
            value: g.value,
            units,
            ...(g.negated ? { negated: g.negated } : {}),
            ...(g.negatedUnless
              ? { negatedUnless: new Set(g.negatedUnless.map((w) => w.toLowerCase())) }
              : {}),
            ...(g.notBeside ? { notBeside: new Set(g.notBeside.map((w) => w.toLowerCase())) } : {}),
            ...(g.notFollowedBy
              ? {
                  notFollowedBy: g.notFollowedBy.map((w) =>
                    w.toLowerCase().replace(/['’]/g, "").split(/\s+/),
                  ),
                }
              : {}),
            ...(g.notAcross ? { notAcross: new Set(g.notAcross.flatMap((w) => this.stems(w))) } : {}),
            ...(g.notWritten ? { notWritten: new Set(g.notWritten.map((w) => w.toLowerCase())) } : {}),
            ...(g.negatedYields ? { negatedYields: true as const } : {}),
            ...(g.context ? { context: g.context } : {}),
            ...(g.contextInSentence ? { contextInSentence: true as const } : {}),
            ...(elsewhere ? { elsewhere } : {}),
            ...(g.explicit ? { explicit: true as const } : {}),
          });
        }
      }
    }
    const names = Object.values(data.keyNames)
      .flat()
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|");
    // A name may be quoted, as in JSON ('"compliance": "strict"').
    this.keyColon = names ? new RegExp(`\\b(${names})(["']?\\s*):`, "gi") : undefined;
    this.keyEquals = names ? new RegExp(`\\b(${names})["']?\\s*=`, "gi") : undefined;
    // "compliance = strict", "team maturity: medium": a question answered by name.
    for (const key of ANSWER_KEYS)
      for (const name of data.keyNames[key] ?? []) {
        const words = tokenize(name, new Set()).map((t) => t.word);
        const values = ANSWER_VALUES[key].flatMap((value) =>
          [value, ...(data.valueNames[key]?.[value] ?? [])].map((word) => ({
            word: word.toLowerCase(),
            value,
          })),
        );
        if (words.length > 0) this.keyNames.push({ key, words, values });
      }
    for (const [i, cue] of this.cues.entries()) {
      const list = this.cuesByFirst.get(cue.units[0]!);
      if (list) list.push(i);
      else this.cuesByFirst.set(cue.units[0]!, [i]);
    }
    this.choiceCues = data.choiceCues.map((p) => this.phraseUnits(p)).filter((u) => u.length > 0);
    // Fixed expressions, matched word for word ("not my problem" is not "no problem").
    const wordsOf = (p: string) => p.toLowerCase().replace(/['’]/g, "").split(/\s+/);
    this.asides = data.asides.phrases.map(wordsOf);
    // Compared as written, apostrophe kept: "we're" is not the "were" of "the boxes were".
    this.asideNotAfter = data.asides.notAfter.map((p) => p.toLowerCase().replace(/’/g, "'").split(/\s+/));
    this.asidePointers = data.asides.pointers.map(wordsOf);
    this.asideOpeners = new Set(data.asides.openers.map((w) => w.toLowerCase()));
    this.asideBack = new Set(data.asides.back.map((w) => w.toLowerCase().replace(/['’]/g, "")));
    this.otherParties = data.otherParties.phrases.map(wordsOf);
    this.otherPartyOpeners = new Set(data.otherParties.openers);
    this.teamSubjects = new Set(data.otherParties.subjects);
    this.teamResumes = new Set([...data.otherParties.subjects, ...data.otherParties.team]);
    this.joinsAgain = new Set(data.otherParties.joins);
    this.teamSpeaks = new Set(data.otherParties.team);
    for (const key of ANSWER_KEYS) {
      const scope = data.cues[key]?.scope ?? [];
      if (scope.length > 0)
        this.scopes.set(
          key,
          scope.map((p) => this.phraseUnits(p)),
        );
    }
    for (const key of ANSWER_KEYS) {
      const parts = data.cues[key]?.parts ?? [];
      if (parts.length > 0)
        this.parts.set(
          key,
          parts.map((p) => ({
            ...p,
            units: p.phrases.map((ph) => this.phraseUnits(ph)),
            notBeside: new Set(p.notBeside.flatMap((w) => this.stems(w))),
          })),
        );
    }
    for (const [family, names] of Object.entries(data.osFamilies?.families ?? {}))
      for (const n of names) this.osFamily.set(n.toLowerCase(), family);
    const cueStems = new Map<string, number>();
    const partUnits = [...this.parts.values()].flatMap((ps) => ps.flatMap((p) => p.units));
    for (const c of [...this.cues.map((c) => c.units), ...this.choiceCues, ...partUnits])
      for (const u of c) if (u !== NEG && !u.startsWith(FILLER)) cueStems.set(u, (cueStems.get(u) ?? 0) + 1);
    // Two edits only for long words ("weekday" is a word of its own, not "weekly" misspelt), and
    // none for short ones ("sale" is not "same").
    this.speller = new Speller(cueStems, TWO_EDITS_FROM, SHORTEST_TYPO);
    this.cueStems = new Set(cueStems.keys());
    // Words the knowledge uses are real words, never typos of a cue word.
    this.known = new Set<string>();
    const addKnown = (t: string) => {
      for (const tok of tokenize(t, this.contrast)) for (const s of this.stems(tok.word)) this.known.add(s);
    };
    for (const e of knowledge.faq)
      for (const t of [e.question, ...e.alternates, e.answer, e.details]) addKnown(t);
    for (const g of knowledge.glossary) addKnown(`${g.term} ${g.definition}`);
    for (const w of data.notTypos) addKnown(w);
    this.countUnits = data.counts.map((c) => new Set(c.units.flatMap((u) => this.stems(u))));
  }

  /** Reads `text`: the answers it states, with the words that state them. */
  read(text: string): Reading {
    const keyed = this.keyed(text);
    const tokens = tokenize(keyed, this.contrast, this.naming);
    this.markKeyNames(keyed, tokens);
    this.lastTokens = tokens;
    this.foundInText.clear();
    this.pastAt = new Set(
      tokens.flatMap((_, i) =>
        this.pastMarkers.some((m) => wordsAt(tokens, i, m)) && !this.passive.has(tokens[i - 1]?.word ?? "")
          ? [i]
          : [],
      ),
    );
    // Each phrase's last word, mapped to its first (where the words it negates are quoted from).
    this.negatorAt = new Map(
      tokens.flatMap((t, i) =>
        this.negatorPhrases
          .filter((m) => wordsAt(tokens, i, m) && tokens[i + m.length - 1]!.clause === t.clause)
          .map((m): [number, number] => [i + m.length - 1, i]),
      ),
    );
    const units = tokens.map((t) => this.readUnitsOf(t.word));
    // A negating phrase is one negator, at its first word ("drop the untrusted code" reads as
    // "no untrusted code").
    for (const [end, start] of this.negatorAt) {
      units[start] = [NEG];
      for (let i = start + 1; i <= end; i++) units[i] = [];
    }
    // A cue can only match where its first unit occurs: the others are not tried. The ones tried
    // are tried in the order of `cues`, as when every cue was.
    const present = new Set(units.flat());
    const tried: number[] = [];
    for (const unit of present) {
      const list = this.cuesByFirst.get(unit);
      if (list) tried.push(...list);
    }
    tried.sort((a, b) => a - b);
    const aside = this.setAside(keyed, tokens);
    for (const i of this.toldOfOthers(tokens)) aside.add(i);
    const found = [
      ...tried.flatMap((i) => this.matchCue(this.cues[i]!, tokens, units)),
      ...this.counts(tokens),
      ...this.frequencies(tokens),
      ...this.osLists(tokens),
      ...this.namedAnswers(tokens),
      ...this.multipliers(tokens),
    ].filter((m) => !aside.has(m.from));
    // A list item saying what its first item denied, and that first item too, say nothing.
    // (Every reading of its key in the first item's clause: "no regulation" is read twice.)
    // (Only where a list negator stands at all: most descriptions have none.)
    const listing = tokens.some((t) => this.listNegators.has(t.word));
    const heads = found.map((m) => (listing ? this.negatedListHead(keyed, tokens, m, found) : undefined));
    const unsure = new Set(heads.flatMap((h) => (h ? [`${h.key} ${tokens[h.from]!.clause}`] : [])));
    const matches = found.map((m, i) =>
      heads[i] !== undefined || unsure.has(`${m.key} ${tokens[m.from]!.clause}`)
        ? { ...m, value: undefined }
        : m,
    );
    const partMatches = new Map<AnswerKey, { rule: number; from: number; to: number; segment: number }[]>();
    for (const [key, rules] of this.parts)
      partMatches.set(
        key,
        rules.flatMap((r, rule) =>
          r.units.flatMap((u) =>
            (present.has(u[0]!) ? this.find(u, tokens, units) : [])
              .filter(
                ({ from, to }) =>
                  !this.planned(tokens, from) &&
                  !this.qualified(tokens, from, to, r.notBeside) &&
                  // "the DB the data team runs", "MySQL, which the DBA team runs"
                  !this.othersKeep?.keeps(key, tokens, units, from, to) &&
                  this.before(tokens, from, undefined).negator === undefined && // "no database of our own"
                  !tokens[from]!.asks && // "is a database needed?"
                  !aside.has(from),
              )
              .map(({ from, to }) => ({ rule, from, to, segment: tokens[from]!.segment })),
          ),
        ),
      );
    const understood: UnderstoodAnswers = {};
    const conflicts: AnswerKey[] = [];
    for (const key of ANSWER_KEYS) {
      const all = matches.filter((m) => m.key === key);
      const settled = all.some((m) => !m.between && !m.offContext && m.value !== undefined);
      const ofKey = settled ? all.filter((m) => !m.between) : all;
      const resolved = this.resolve(key, this.withoutYielded(ofKey), partMatches.get(key) ?? []);
      if (resolved === "conflict") conflicts.push(key);
      else if (resolved) {
        const evidence = resolved.matches
          .map((m) => text.slice(tokens[m.from]!.start, tokens[Math.max(m.from, m.to)]!.end))
          .join(" … ");
        understood[key] = { value: resolved.value, evidence };
      }
    }
    // "~25 services around a vendor core that only runs on RHEL 7": both kinds at once.
    for (const key of ANSWER_KEYS)
      for (const a of this.data.cues[key]?.alongside ?? []) {
        const own = understood[key];
        const other = understood[a.key];
        if (own?.value !== a.from || other?.value !== a.value) continue;
        if (a.gives) understood[key] = { value: a.gives, evidence: `${own.evidence} … ${other.evidence}` };
        else delete understood[key];
      }
    const asksToChoose =
      text.includes("?") ||
      this.choiceCues.some((c) => present.has(c[0]!) && this.find(c, tokens, units).length > 0);
    return { understood, conflicts, asksToChoose };
  }

  /** The understood answers as plain checklist answers. */
  static answers(understood: UnderstoodAnswers): Answers {
    const out: Record<string, string> = {};
    for (const key of ANSWER_KEYS) {
      const u = understood[key];
      if (u) out[key] = u.value;
    }
    return out as Answers;
  }

  /**
   * A cue phrase's words to match. Filler words are left out, except in a phrase with a single
   * other word: "by hand" must not match every "hand" ("handful" stems to it).
   */
  private phraseUnits(phrase: string): string[] {
    const units = tokenize(phrase, new Set()).flatMap((t) => this.unitsOf(t.word, false));
    const content = units.filter((u) => !u.startsWith(FILLER));
    return content.length > 1 ? content : units;
  }

  /** unitsOf(word, true), worked out once per word (it depends on nothing else). */
  private readUnitsOf(word: string): string[] {
    return remembered(this.readUnits, word, MEMO_SIZE, (w) => this.unitsOf(w, true));
  }

  /** A word's stems after synonyms; negators become NEG, filler words FILLER + the word. */
  private unitsOf(word: string, typos: boolean): string[] {
    if (this.negators.has(word)) return [NEG];
    if (this.filler.has(word)) return [FILLER + word];
    if (this.exactWords.has(word)) return [EXACT + word];
    const stems = this.stems(word);
    if (this.cueStems && stems.length === 1 && !this.cueStems.has(stems[0]!) && !this.known.has(stems[0]!)) {
      // "unpredictable", "unregulated": a negating prefix on a cue word is that word negated,
      // never a typo of it.
      const stem = stems[0]!;
      for (const prefix of this.data.negatingPrefixes) {
        const rest = stem.slice(prefix.length);
        if (stem.startsWith(prefix) && rest.length >= 4 && this.cueStems.has(rest)) return [NEG, rest];
      }
    }
    if (!typos || !this.params.typos) return [...stems];
    return stems.map((s) => {
      if (this.speller.has(s) || this.known.has(s) || /\d/.test(s)) return s;
      const c = this.speller.correct(s);
      // A correction that only drops letters from the front ("unpredict" to "predict") reads a
      // different word, one with a prefix, as another: not a typo. Nor does one that changes how
      // the word starts ("salaries" is not "Solaris"): typos keep a word's first two letters.
      if (!c || (s.length - c.length >= 2 && s.endsWith(c)) || c.slice(0, 2) !== s.slice(0, 2)) return s;
      return c;
    });
  }

  private stems(word: string): readonly string[] {
    return remembered(this.stemsOf, word, MEMO_SIZE, (w) =>
      Object.freeze(this.text.canonicalWords(w).map((x) => this.text.stem(x))),
    );
  }

  /** Where `units` occur in order: each next word within maxGap words, in one clause. */
  private find(
    cue: string[],
    tokens: Token[],
    units: string[][],
    notAcross?: ReadonlySet<string>,
  ): { from: number; to: number }[] {
    const found: { from: number; to: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!units[i]!.includes(cue[0]!)) continue;
      let at = i;
      let k = 1;
      // A token may carry several units ("gke" is "managed kubernetes"): match within it first.
      let inToken = units[i]!.indexOf(cue[0]!) + 1;
      while (k < cue.length) {
        const here = units[at]!;
        if (inToken < here.length && here[inToken] === cue[k]) {
          inToken++;
          k++;
          continue;
        }
        let next = -1;
        let gap = 0;
        for (let j = at + 1; j < tokens.length && tokens[j]!.clause === tokens[i]!.clause; j++) {
          if (units[j]![0] === cue[k]) {
            next = j;
            break;
          }
          // "only Linux hosts are supported" is no "only supported on", nor "a SaaS vendor and our
          // product" a "vendor product": an `adjacent` word takes the next cue word at once.
          if (this.adjacent.has(cue[k - 1]!) && units[j]!.length > 0) break;
          if (units[j]![0]?.startsWith(FILLER)) {
            if (cue[k]!.startsWith(FILLER)) break; // a named filler word must come next
            continue;
          }
          if (units[j]!.length === 0) continue;
          if (units[j]![0] === NEG) break; // "run no clusters" is not "run clusters"
          if (notAcross?.has(units[j]![0]!)) break;
          if (++gap > this.params.maxGap) break;
        }
        if (next < 0) break;
        at = next;
        inToken = 1;
        k++;
      }
      if (k === cue.length) found.push({ from: i, to: at });
    }
    return found;
  }

  private matchCue(cue: Cue, tokens: Token[], units: string[][]): Match[] {
    const context = cue.context ?? this.data.cues[cue.key]?.context;
    return this.find(cue.units, tokens, units, cue.notAcross).flatMap(({ from, to }) => {
      if (tokens.slice(from, to + 1).some((t) => t.named)) return []; // "a team called 'Legacy'"
      if (cue.notWritten?.has(tokens[to]!.word)) return []; // "no EKS"
      // "the Legacy squad": a team's name (`teamNames`).
      const after = tokens[to + 1];
      if (
        after &&
        after.clause === tokens[to]!.clause &&
        this.teamNouns.has(after.word) &&
        this.teamKeys.has(cue.key)
      )
        return [];
      const clause = tokens[from]!.clause;
      // Without its regime in the sentence, a `contextInSentence` cue is not read at all: it is no
      // second value for the short-clause conflict below either.
      if (cue.contextInSentence && context && !this.inSentence(tokens, tokens[from]!.sentence, context))
        return [];
      const offContext =
        context !== undefined && !cue.contextInSentence && !this.inClause(tokens, clause, context);
      let start = from;
      let value: string | undefined = cue.value;
      let isPartial = false;
      // Where a negation of the cue starts, for the `experience` check: the word before the cue's
      // own "no" ("we have never run k8s" matched as "no kubernetes").
      let negatedFrom = cue.units[0] === NEG ? Math.max(0, from - 1) : undefined;
      // "not bank-level audits": the cue's own negator compares degrees, it says nothing; nor does
      // it when softened ("not very regulated", "not just trust the kernel"), as in `before`.
      if (cue.units[0] === NEG && this.softened(tokens, from)) value = undefined;
      const own = units[from]!;
      if (cue.units[0] !== NEG && own.indexOf(NEG) >= 0 && own.indexOf(NEG) < own.indexOf(cue.units[0]!)) {
        value = cue.negated; // "unpredictable": the word negates itself
      } else if (cue.units[0] !== NEG) {
        const before = this.before(tokens, from, cue.key);
        if (before.negator !== undefined) {
          start = before.negator;
          value = cue.negated;
          negatedFrom = Math.max(0, before.negator - 1); // the word before: "we've never run"
        } else if (before.hedged)
          value = undefined; // a possibility, or the past: nothing of today
        else {
          const after = this.after(tokens, to, cue.key);
          if (after === "negated")
            value = cue.negated; // "HIPAA doesn't apply"
          // "the Solaris box was retired": gone, no opposite; "flat most of the year": the usual
          // case, with exceptions to come.
          else if (
            after === "ended" ||
            after === "open" ||
            (after === "usually" && this.usually.values.has(cue.value))
          )
            value = undefined;
        }
        isPartial = before.partial;
      }
      // "a sportsbook licensed in 6 jurisdictions": a licensed business, not licensed software.
      if (cue.notBeside && this.beside(tokens, from, to, cue.notBeside)) value = undefined;
      // "legacy giving": a bequest, not old software.
      if (cue.notFollowedBy?.some((seq) => wordsAt(tokens, to + 1, seq))) value = undefined;
      // "nobody wants to self-host a cluster, EKS is fine": no refusal of orchestration as a whole.
      if (
        value !== undefined &&
        value === cue.negated &&
        tokens.some((t) => t.word.split("/").some((w) => cue.negatedUnless?.has(w)))
      )
        value = undefined;
      if (
        value === cue.value &&
        cue.elsewhere &&
        (cue.elsewhere.units.some((u) => this.reaches(u, tokens, units, from, to)) ||
          this.othersKeep?.keeps(cue.key, tokens, units, from, to))
      )
        value = cue.elsewhere.value;
      // "nobody has run k8s", "we've never run GPU nodes": experience, not a wish nor an absence.
      if (negatedFrom !== undefined && this.experienced(cue.key, tokens.slice(negatedFrom, to + 1)))
        value = undefined;
      // "no k8s yet": a stage on the way, neither a wish nor a refusal.
      if (negatedFrom !== undefined && this.stages.keys.has(cue.key) && this.stageAfter(tokens, to))
        value = undefined;
      // "is k8s overkill for us?": the asker wants this answer, and has not given it. Only in the
      // clause that asks: "we don't want to run Kubernetes, what would you recommend?" states it.
      if (this.askedNotStated.has(cue.key) && this.asking(tokens, from)) value = undefined;
      // "does stateful vs stateless matter?": two values set side by side in a question.
      if (this.compared(tokens, from, to)) value = undefined;
      const scoped = (this.scopes.get(cue.key) ?? []).some((p) =>
        this.inClauseFound(p, tokens, units, clause),
      );
      return [
        {
          key: cue.key,
          value,
          from: start,
          to,
          size: cue.units.length,
          segment: tokens[from]!.segment,
          sentence: tokens[from]!.sentence,
          ...(scoped ? { scoped } : {}),
          ...(isPartial && value !== undefined ? { partial: true } : {}),
          ...(cue.negatedYields && value !== undefined && value === cue.negated ? { yields: cue.value } : {}),
          ...(start !== from ? { denied: cue.value } : {}),
          ...(cue.explicit && value === cue.value && !offContext ? { named: true as const } : {}),
          ...(offContext ? { offContext } : {}),
        },
      ];
    });
  }

  /**
   * What the words just before token `at` (same clause, a window of words that say something) do
   * to it: negate it (a negator or a past marker), make it a possibility (a hedge), or limit it to
   * part of the system (the key's `partial` quantifiers).
   */
  private before(
    tokens: Token[],
    at: number,
    key: AnswerKey | undefined,
  ): { negator?: number; hedged: boolean; partial: boolean } {
    const partial = new Set(key ? (this.data.cues[key]?.partial ?? []) : []);
    const out: { negator?: number; hedged: boolean; partial: boolean } = { hedged: false, partial: false };
    let words = 0;
    // The past does not reach across "and": "written 15 years ago and the vendor only supports it".
    let joined = false;
    // Nor a negator across "and" onto "only", "just": "no legacy software and only linux" says
    // one OS family, not none. (A hedge still reaches it: "possibly no windows and only linux".)
    let onlyJoined = false;
    for (let j = at - 1; j >= 0 && words < this.params.negationWindow; j--) {
      if (tokens[j]!.clause !== tokens[at]!.clause) break;
      const word = tokens[j]!.word;
      if (this.subordinators.has(word) && !this.relativeClause(tokens, j)) break;
      // "we lack CI/CD", "missing observability": a skill the team lacks (lackingKeys only: "we
      // are missing a sandbox for the untrusted code" still asks for isolation).
      const lacks =
        key !== undefined && this.negatedAfter.lackingKeys.has(key) && this.negatedAfter.lacking.has(word);
      if (!onlyJoined && (this.negators.has(word) || this.negatorAt.has(j) || lacks)) {
        // "nothing like HIPAA", "not bank-level audits": a comparison, which says neither the cue
        // nor its opposite; "not heavily regulated": a softened cue, neither the cue nor its
        // opposite either.
        if (this.likeness.has(tokens[j + 1]?.word ?? "") || this.softened(tokens, j)) out.hedged = true;
        else out.negator = this.negatorAt.get(j) ?? j;
        return out;
      }
      if (this.joiners.has(word) && this.notOnly.words.has(tokens[j + 1]?.word ?? "")) onlyJoined = true;
      if (this.joiners.has(word)) joined = true;
      if (this.hedges.has(word) || (this.pastAt.has(j) && !joined)) out.hedged = true;
      if (partial.has(word)) out.partial = true;
      if (!this.filler.has(word)) words++;
    }
    return out;
  }

  /**
   * Does the subordinator at token `at` open a relative clause that says what there is none of
   * ("nothing that needs", "anything that needs", "no app that needs"), so a negator before it
   * reaches in? Not a clause of its own: "we do not care that …".
   */
  private relativeClause(tokens: Token[], at: number): boolean {
    const { relatives, pronouns, determiners, complements } = this.relativeClauses;
    const inClause = (i: number) => tokens[i]?.clause === tokens[at]!.clause;
    const word = (i: number) => (inClause(i) ? (tokens[i]?.word ?? "") : "");
    if (!relatives.has(word(at))) return false;
    // "nothing that needs", "none of which need".
    if (pronouns.has(word(at - 1)) || (word(at - 1) === "of" && pronouns.has(word(at - 2)))) return true;
    // "no app that needs"; not "no question that …", "no denying that …": what follows is said.
    return determiners.has(word(at - 2)) && !complements.has(word(at - 1));
  }

  /**
   * Does the negator at token `at` soften rather than negate: a degree or softener after it ("not
   * bank-level", "not heavily regulated"), or "not just / only" (not after a refusal: "can't just
   * run our own clusters" refuses)?
   */
  private softened(tokens: Token[], at: number): boolean {
    // Articles skipped between a negator and a softener: "not a heavily regulated industry".
    const next = tokens[afterArticles(tokens, at)]?.word ?? "";
    return (
      this.isDegree(next) ||
      this.softeners.has(next) ||
      (!this.notOnly.notAfter.has(tokens[at]!.word) &&
        // "can not just", "could not just": written apart, a refusal too.
        !(tokens[at]!.word === "not" && this.refusal(tokens[at - 1]?.word ?? "")) &&
        this.notOnly.words.has(tokens[at + 1]?.word ?? ""))
    );
  }

  /**
   * The tokens of clauses that another part of the organisation, or someone the speaker knows,
   * opens (situations.yaml `otherParties`): from its name to the end of the clause, or to the team
   * speaking again; where the team speaks of itself elsewhere in the text.
   */
  private toldOfOthers(tokens: Token[]): number[] {
    const out: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const party = this.otherParties.find((seq) => wordsAt(tokens, i, seq));
      if (!party) continue;
      const { clause } = tokens[i]!;
      let start = i;
      while (tokens[start - 1]?.clause === clause && this.otherPartyOpeners.has(tokens[start - 1]!.word))
        start--;
      if (tokens[start - 1]?.clause === clause) continue; // not what opens its clause ("we and the sister team")
      let end = i + party.length;
      while (tokens[end]?.clause === clause && !this.teamResumes.has(tokens[end]!.word)) end++;
      // The team in the clause other than as a new subject after "and", "but" or "while" ("… SOC 2
      // for us", "the GPU nodes we train on", "… and so are we"): what it says is the team's too.
      const resumed = tokens[end]?.clause === clause;
      if (
        resumed &&
        !(this.teamSubjects.has(tokens[end]!.word) && this.joinsAgain.has(tokens[end - 1]!.word))
      )
        continue;
      for (let j = start; j < end; j++) out.push(j);
    }
    // Only beside the team's own case: "my friend's startup runs 200 microservices, deploys daily.
    // what should they use?" describes theirs, to be read.
    const aside = new Set(out);
    return tokens.some((t, j) => !aside.has(j) && this.teamSpeaks.has(t.word)) ? out : [];
  }

  /**
   * The tokens the asker set aside (situations.yaml `asides`): from the start of an aside's sentence,
   * or of its contrast segment (not past an open "(" or a ";" unless the aside points back), to the
   * end of its clause and a bracket right after it; and the last sentence before that says more
   * than "Oops!", when the aside's sentence opens with a pointer ("That is not what I'm asking about").
   */
  private setAside(text: string, tokens: Token[]): Set<number> {
    const out = new Set<number>();
    const raw = (t: Token | undefined) =>
      t ? text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'") : "";
    const word = (t: Token | undefined) => t?.word ?? "";
    const between = (a: number) => text.slice(tokens[a]!.end, tokens[a + 1]?.start ?? text.length);
    for (let i = 0; i < tokens.length; i++) {
      const aside = this.asides.find((seq) => wordsAt(tokens, i, seq));
      if (!aside) continue;
      // "we can't ignore that", "we can't really ignore that" (in the aside's own clause: "they
      // don't matter, please ignore them" is an aside).
      if (
        [1, 2].some(
          (k) => tokens[i - k]?.clause === tokens[i]!.clause && this.negators.has(word(tokens[i - k])),
        )
      )
        continue;
      // "we're out of scope", and "were out of scope" opening its clause, as hurried chat writes it.
      const prev = tokens[i - 1];
      const openedBy = prev?.word === "were" && tokens[i - 2]?.clause !== prev.clause;
      const rawAt = (seq: string[], from: number) =>
        from >= 0 && seq.every((w, k) => raw(tokens[from + k]) === w);
      if (openedBy || this.asideNotAfter.some((seq) => rawAt(seq, i - seq.length))) continue;
      const { sentence, segment, clause } = tokens[i]!;
      // Back to the start of the sentence or contrast segment, but not into the words before an
      // open "(" or a ";": "We are HIPAA regulated (the analytics cluster is out of scope)" keeps
      // HIPAA. An aside that opens its bracket or its clause after ";" speaks of what came before:
      // "8 GPU workstations (out of scope, different team)", "GPU boxes; those are out of scope".
      let clauseStart = i;
      while (tokens[clauseStart - 1]?.clause === clause) clauseStart--;
      let clauseEnd = i;
      while (tokens[clauseEnd + 1]?.clause === clause) clauseEnd++;
      // It points back when nothing follows it in its clause ("(out of scope, different team)",
      // not "please ignore the typos", "out of scope: the marketing site"), opening its clause or
      // after a pronoun that is its subject ("; those are out of scope", not "that cluster is").
      const endsClause =
        tokens.slice(i + aside.length, clauseEnd + 1).every((t) => this.filler.has(t.word)) &&
        !between(clauseEnd).trimStart().startsWith(":");
      const pronoun =
        this.asideBack.has(word(tokens[clauseStart])) &&
        (["thats", "its"].includes(word(tokens[clauseStart])) ||
          this.passive.has(word(tokens[clauseStart + 1])));
      const pointsBack = endsClause && (clauseStart === i || pronoun);
      let start = i;
      let closed = 0; // brackets closed between here and the aside, walking back
      while (
        start > 0 &&
        tokens[start - 1]!.sentence === sentence &&
        tokens[start - 1]!.segment === segment
      ) {
        const gap = between(start - 1);
        closed += (gap.match(/\)/g) ?? []).length;
        const opened = (gap.match(/\(/g) ?? []).length;
        if (opened > closed || gap.includes(";")) {
          if (!(pointsBack && start === clauseStart)) break;
        }
        closed = Math.max(0, closed - opened);
        start--;
      }
      const last = clauseEnd;
      for (let j = start; j <= last; j++) out.add(j);
      // "… pls ignore (the GPU boxes are the ML group's)": and the brackets right after, in its sentence.
      if (/^\s*\(/.test(between(last)))
        for (let j = last + 1; j < tokens.length && tokens[j]!.sentence === sentence; j++) {
          out.add(j);
          if (between(j).includes(")")) break;
        }
      // A pointer opening the sentence, with the aside in it or right after it ("That is NOT what
      // I'm asking about", "Sorry, ignore that"), sets the sentence before aside: the last one
      // that says more than "Oops!".
      let first = tokens.findIndex((t) => t.sentence === sentence);
      while (this.asideOpeners.has(word(tokens[first]))) first++;
      // "That is, GPUs are out of scope" means "i.e.": no pointer ("Sorry, ignore that, …" is one).
      const pointer = this.asidePointers.find(
        (seq) =>
          wordsAt(tokens, first, seq) &&
          !(seq[seq.length - 1] === "is" && /^\s*[,:]/.test(between(first + seq.length - 1))),
      );
      // "That is NOT what I'm asking about", "That's probably a separate thread", "Those are
      // honestly all out of scope": the aside within three words of the pointer.
      if (!pointer || i > first + pointer.length + 3) continue;
      let before = sentence - 1;
      while (before >= 0 && tokens.every((t) => t.sentence !== before || this.asideOpeners.has(t.word)))
        before--;
      tokens.forEach((t, j) => {
        if (t.sentence === before) out.add(j);
      });
    }
    return out;
  }

  /** Is a modal before "not" a refusal ("can not", "could not", "will not" as "cannot", "couldnt", "wont")? */
  private refusal(modal: string): boolean {
    const r = this.notOnly.notAfter;
    return r.has(`${modal}not`) || r.has(`${modal}nt`) || (modal === "will" && r.has("wont"));
  }

  /** Does a word name a degree ("bank-level", "HIPAA-grade"), to compare rather than negate? */
  private isDegree(word: string): boolean {
    return this.degreeSuffixes.some((s) => word.endsWith(s));
  }

  /** A negated cue of an `experience` key whose words say what was done, not what is or is wanted. */
  private experienced(key: AnswerKey, words: Token[]): boolean {
    const e = this.experience;
    if (!e?.keys.has(key)) return false;
    // A marker helps a verb of doing ("has run", "have never operated"), skipping a negator or
    // an adverb; "we don't have the people to run it" is possession, not experience.
    return words.some((t, k) => {
      if (!e.markers.has(t.word)) return false;
      const next = words
        .slice(k + 1)
        .find((w) => !this.negators.has(w.word) && !AUXILIARY_ADVERBS.has(w.word));
      return next !== undefined && e.verbs.has(next.word);
    });
  }

  /** A cue right beside "vs" in the same clause of a question: two values asked about, not stated. */
  private compared(tokens: Token[], from: number, to: number): boolean {
    // The nearest word on each side that is not filler ("stateful vs. a stateless design").
    const nearest = (i: number, step: number) => {
      while (tokens[i] && this.filler.has(tokens[i]!.word)) i += step;
      return tokens[i];
    };
    const beside = [nearest(from - 1, -1), nearest(to + 1, 1)].some(
      (t) => t !== undefined && t.clause === tokens[from]!.clause && this.comparisons.has(t.word),
    );
    return beside && tokens[from]!.asks === true;
  }

  /**
   * Is the part named at token `at` a plan or a possibility rather than part of today's system:
   * an `intentions` word, a hedge or the past a few words before it, in its clause?
   */
  private planned(tokens: Token[], at: number): boolean {
    let words = 0;
    for (let j = at - 1; j >= 0 && words < this.params.negationWindow; j--) {
      if (tokens[j]!.clause !== tokens[at]!.clause) return false;
      const word = tokens[j]!.word;
      if (this.intentions.has(word) || this.hedges.has(word) || this.pastAt.has(j)) return true;
      if (!this.filler.has(word)) words++;
    }
    return false;
  }

  /**
   * Does `hit` hold for a word among the three that say something just before tokens from..to, or
   * the three just after, in their clause? Filler words are tried too ("did a spike") but do not
   * count towards the three.
   */
  private near(tokens: Token[], from: number, to: number, hit: (word: string) => boolean): boolean {
    const side = (start: number, step: number) => {
      for (let j = start, seen = 0; j >= 0 && j < tokens.length && seen < 3; j += step) {
        if (tokens[j]!.clause !== tokens[from]!.clause) return false;
        if (hit(tokens[j]!.word)) return true;
        if (!this.filler.has(tokens[j]!.word)) seen++;
      }
      return false;
    };
    return side(from - 1, -1) || side(to + 1, 1);
  }

  /**
   * Is one of `words` (as written, or a part of a hyphenated word) beside from..to (`near`), or
   * between its words ("fine with a managed orchestrator" matches "fine with the orchestration")?
   */
  private beside(tokens: Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
    const hit = (word: string) => word.split(/[-/]/).some((w) => words.has(w));
    return this.near(tokens, from, to, hit) || tokens.slice(from, to + 1).some((t) => hit(t.word));
  }

  /**
   * Is one of the `wanted` stems beside tokens from..to (`near`): "managed Postgres", "Postgres on
   * RDS", "a database that AWS manages"?
   */
  private qualified(tokens: Token[], from: number, to: number, wanted: ReadonlySet<string>): boolean {
    return (
      wanted.size > 0 && this.near(tokens, from, to, (word) => this.stems(word).some((s) => wanted.has(s)))
    );
  }

  /**
   * What the words right after a cue (same clause, a few words that say something) do to it:
   * "HIPAA doesn't formally apply", "GPUs aren't needed" negate it (a negator, then among the next
   * two words that say something one of `negatedAfter.verbs`, or "table": "isn't on the table"), so
   * does a negator ending the clause after auxiliaries only ("our own k8s would not"), and "or not"
   * right after it leaves it open;
   * "the Solaris box was retired" ends it (`ended`, but not "is being retired" or "will be
   * retired": still there today); "flat most of the year" is the usual case (`usually`).
   */
  private after(
    tokens: Token[],
    to: number,
    key?: AnswerKey,
  ): "negated" | "ended" | "usually" | "open" | undefined {
    const next = this.nextWord(tokens, to);
    if (key && next && this.usually.keys.has(key) && this.usually.words.has(next.word)) return "usually";
    if (this.refusedNext(tokens, to)) return "negated"; // "running my own control plane, no thanks"
    let words = 0;
    for (let j = to + 1; j < tokens.length && words < this.params.negationWindow; j++) {
      if (tokens[j]!.clause !== tokens[to]!.clause) return undefined;
      const word = tokens[j]!.word;
      // "strong CI/CD is what we're missing": a skill the team lacks, ending the clause.
      if (
        this.negatedAfter.lacking.has(word) &&
        key !== undefined &&
        this.negatedAfter.lackingKeys.has(key) &&
        this.endsClause(tokens, j)
      )
        return "negated";
      if (this.negatedAfter.ended.has(word))
        return STILL_THERE.has(tokens[j - 1]!.word) ? undefined : "ended";
      if (this.negatedAfter.negators.has(word)) {
        const rest = tokens
          .slice(j + 1)
          .filter((t) => t.clause === tokens[to]!.clause && !this.filler.has(t.word))
          .slice(0, 2);
        if (rest.some((t) => this.negatedAfter.verbs.has(t.word))) return "negated"; // "GPUs aren't needed"
        const { pointers, verbs, times } = this.negatedAfter.wanted;
        // "is not something we want": the pointer first, a verb of wanting right after it, ending
        // the clause but for words of time ("not something we need right now"; "not something we
        // want to mess up" keeps it).
        const [pointer, verb] = rest;
        if (
          pointer &&
          verb &&
          pointers.has(pointer.word) &&
          verbs.has(verb.word) &&
          this.endsClause(tokens, tokens.indexOf(verb), times)
        )
          return "negated";
        if (rest.length > 0) return undefined;
        // The negator ends the clause. Right after the cue, "or" leaves it open ("stateful or
        // not"); with only auxiliaries between, it denies it ("running our own k8s would not");
        // anything else is another subject ("the API is stateful and the workers are not").
        const gap = tokens.slice(to + 1, j);
        const saying = gap.filter((t) => !this.filler.has(t.word));
        // "GPUs or not", "regulated or are we not?" (not "GPUs now or never").
        if (saying.length === 0 && gap.some((t) => t.word === "or")) return "open";
        return saying.every((t) => this.negatedAfter.auxiliaries.has(t.word)) ? "negated" : undefined;
      }
      if (!this.filler.has(word)) words++;
    }
    return undefined;
  }

  /** Is the clause right after token `to`'s nothing but a refusal (negatedAfter.refused: "no thanks")? */
  private refusedNext(tokens: Token[], to: number): boolean {
    const clause = tokens[to]!.clause;
    const start = tokens.findIndex((t, i) => i > to && t.clause !== clause);
    // In its sentence: "we need gpus. no way." may be surprise as much as refusal.
    if (start < 0 || tokens[start]!.sentence !== tokens[to]!.sentence) return false;
    const length = tokens.filter((t, i) => i >= start && t.clause === tokens[start]!.clause).length;
    return this.negatedAfter.refused.some((r) => r.length === length && wordsAt(tokens, start, r));
  }

  /**
   * The denied first item of a list of which a match is a later item of the same key: "we have no
   * platform team, strong CI/CD and observability" may deny all three or only the first, so the
   * later items say nothing. Items of other keys are facts of their own ("no compliance,
   * quarterly deploys"). The list runs over comma-joined clauses of one sentence, from a clause
   * with a list negator among its last three words; a clause that opens with a subject of its
   * own ("…, we have strong CI/CD") ends it, and an item with a verb of its own is none.
   */
  private negatedListHead<
    M extends { key: AnswerKey; value: string | undefined; from: number; denied?: string },
  >(text: string, tokens: Token[], m: M, all: readonly M[]): M | undefined {
    if (m.value === undefined) return undefined;
    let clause = tokens[m.from]!.clause;
    // A clause with a verb of its own states something: "no kubernetes, managed k8s is fine".
    if (tokens.some((t) => t.clause === clause && this.negatedAfter.auxiliaries.has(t.word)))
      return undefined;
    for (;;) {
      const first = tokens.findIndex((t) => t.clause === clause);
      const previous = tokens[first - 1];
      if (first <= 0 || !previous) return undefined;
      const token = tokens[first]!;
      const comma = text.slice(previous.end, token.start).trim() === ",";
      if (!comma || token.sentence !== previous.sentence || this.listSubjects.has(token.word))
        return undefined;
      clause = previous.clause;
      const saying: string[] = [];
      for (let j = first - 1; j >= 0 && tokens[j]!.clause === clause && saying.length < 3; j--)
        if (!this.filler.has(tokens[j]!.word)) saying.push(tokens[j]!.word);
      if (!saying.some((w) => this.listNegators.has(w))) continue;
      const head = clause;
      // The same thing denied again ("no platform team, strong CI/CD": high both times); another
      // value is said instead ("no microservices, one big monolith").
      return all.find((n) => n.key === m.key && tokens[n.from]!.clause === head && n.denied === m.value);
    }
  }

  /** Does only filler follow token `at` in its clause ("… is what we are missing", "… we want")? */
  private endsClause(tokens: Token[], at: number, also: ReadonlySet<string> = NONE): boolean {
    for (let j = at + 1; j < tokens.length && tokens[j]!.clause === tokens[at]!.clause; j++)
      if (!this.filler.has(tokens[j]!.word) && !also.has(tokens[j]!.word)) return false;
    return true;
  }

  /** Is token `at` in the clause that ends its sentence with a question mark? */
  private asking(tokens: Token[], at: number): boolean {
    if (!tokens[at]!.asks) return false;
    let last = at;
    while (tokens[last + 1]?.sentence === tokens[at]!.sentence) last++;
    return tokens[last]!.clause === tokens[at]!.clause;
  }

  /**
   * A stage word ("yet") among the two words after a cue, in its sentence: "no k8s yet", "not a
   * k8s shop yet", or alone in brackets, "no k8s (yet)"; not one in a clause of its own ("we skip
   * k8s, yet we manage", "we don't use k8s, and yet we deploy daily").
   */
  private stageAfter(tokens: Token[], at: number): boolean {
    for (let j = at + 1, seen = 0; j < tokens.length && seen < 2; j++) {
      const t = tokens[j]!;
      if (t.sentence !== tokens[at]!.sentence) return false;
      if (this.filler.has(t.word)) continue;
      seen++;
      // Past the cue's clause (a skipped "and" may have opened it) only a bracketed "(yet)" counts.
      const otherClause = t.clause !== tokens[at]!.clause;
      const alone = tokens[j - 1]!.clause !== t.clause && tokens[j + 1]?.clause !== t.clause;
      if (this.stages.words.has(t.word))
        return (!otherClause || alone) && !this.stages.conjunctions.has(tokens[j - 1]!.word);
      if (otherClause) return false;
    }
    return false;
  }

  /** The first word after token `at` that is not filler, in its clause. */
  private nextWord(tokens: Token[], at: number): Token | undefined {
    for (let j = at + 1; j < tokens.length && tokens[j]!.clause === tokens[at]!.clause; j++)
      if (!this.filler.has(tokens[j]!.word)) return tokens[j];
    return undefined;
  }

  /**
   * Does an `elsewhere` phrase belong to the cue from..to: inside it ("run a Kafka cluster") or
   * right after it ("keep their data in Aurora"), before any joiner ("… and a Kafka cluster")?
   */
  private reaches(phrase: string[], tokens: Token[], units: string[][], from: number, to: number): boolean {
    // The phrase may start at the first word that says something after the cue, or the one after
    // it when that first word only qualifies a store ("data lives in managed RDS").
    let reach = to;
    for (let next = to + 1; next < tokens.length; next++) {
      const word = tokens[next]!.word;
      if (tokens[next]!.clause !== tokens[to]!.clause || this.joiners.has(word)) break;
      if (this.filler.has(word)) continue;
      reach = next;
      if (!this.storeModifiers.has(word)) break;
    }
    return this.find(phrase, tokens, units).some((m) => m.from >= from && m.from <= reach);
  }

  /** Does the phrase occur in the clause? */
  private inClauseFound(phrase: string[], tokens: Token[], units: string[][], clause: number): boolean {
    // Found once per text: every cue of a key asks about the same scope phrases.
    let found = this.foundInText.get(phrase);
    if (!found) {
      found = this.find(phrase, tokens, units);
      this.foundInText.set(phrase, found);
    }
    return found.some(({ from }) => tokens[from]!.clause === clause);
  }

  /** Is one of `words` (as written) in the sentence? */
  private inSentence(tokens: Token[], sentence: number, words: readonly string[]): boolean {
    return tokens.some((t) => t.sentence === sentence && words.includes(t.word));
  }

  /**
   * Is one of `words` in the clause: a word by stem, or words with a space between as written, in
   * a row ("roll out", not the "roll" of "logs roll over").
   */
  private inClause(tokens: Token[], clause: number, words: readonly string[]): boolean {
    let wanted = this.contextStems.get(words);
    if (!wanted) {
      wanted = {
        stems: new Set(words.filter((w) => !w.includes(" ")).flatMap((w) => this.stems(w))),
        phrases: words.filter((w) => w.includes(" ")).map((w) => w.split(" ")),
      };
      this.contextStems.set(words, wanted);
    }
    const { stems, phrases } = wanted;
    return tokens.some(
      (t, i) =>
        t.clause === clause &&
        (this.stems(t.word).some((s) => stems.has(s)) ||
          phrases.some((p) =>
            p.every((part, k) => tokens[i + k]?.word === part && tokens[i + k]!.clause === clause),
          )),
    );
  }

  /** A number at token i ("60", "40ish", "couple dozen"), and the last token it spans. */
  /**
   * A number at token i ("60", "40ish", "1,200", "couple dozen"), and the last token it spans. A
   * range ("3-4", "15-20") gives both ends (`low`); "10x" is a count of times (`times`), which only
   * a rate right after it reads ("10x a day").
   */
  private numberAt(
    tokens: Token[],
    i: number,
  ): { n: number; low: number; to: number; times: boolean } | undefined {
    const word = tokens[i]?.word;
    if (!word) return undefined;
    const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:-(\d+))?(ish|x)?$/.exec(word);
    let low = digits ? Number(digits[1]!.replaceAll(",", "")) : this.data.numberWords[word];
    if (low === undefined) return undefined;
    let n = digits?.[2] ? Math.max(low, Number(digits[2])) : low;
    low = Math.min(low, n);
    let to = i;
    // "couple dozen", "a few hundred": a multiplier after a count multiplies it.
    const next = tokens[i + 1];
    const scale = next && next.clause === tokens[i]!.clause ? this.data.numberWords[next.word] : undefined;
    if (scale !== undefined && scale >= 12 && n < scale) {
      n *= scale;
      low *= scale;
      to = i + 1;
    }
    return { n, low, to, times: digits?.[3] === "x" };
  }

  /** The value both ends of a range fall in, or none: "5-10 services" straddles a threshold. */
  private inBand(a: number, b: number, ranges: ValueRange[]): string | undefined {
    const value = this.inRange(a, ranges);
    return value !== undefined && value === this.inRange(b, ranges) ? value : undefined;
  }

  /**
   * The two bands a rate or range touches when it falls between bands ("several times a week":
   * more than weekly, less than daily), or none: only when exactly two bands are touched.
   */
  private bandsAround(a: number, b: number, ranges: ValueRange[]): string[] {
    const touched = new Set<string>();
    for (const n of [a, b]) {
      const value = this.inRange(n, ranges);
      if (value !== undefined) {
        touched.add(value);
        continue;
      }
      // In a gap: the bands just below and just above it.
      const below = ranges.filter((r) => r.max !== undefined && r.max < n).sort((x, y) => y.max! - x.max!)[0];
      const above = ranges.filter((r) => r.min !== undefined && r.min > n).sort((x, y) => x.min! - y.min!)[0];
      if (!below || !above) return [];
      touched.add(below.value);
      touched.add(above.value);
    }
    return touched.size === 2 ? [...touched] : [];
  }

  private inRange(n: number, ranges: ValueRange[]): string | undefined {
    return ranges.find((r) => (r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max))
      ?.value;
  }

  /** "about 60 services": a number, then its unit within a few words. */
  private counts(tokens: Token[]): Match[] {
    const out: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const num = this.numberAt(tokens, i);
      if (!num) continue;
      for (const [n, c] of this.data.counts.entries()) {
        const units = this.countUnits[n]!;
        // (In its clause: "stack: python, 20 services" counts them, an independent review's.)
        const before = tokens[i - 1];
        if (before?.clause === tokens[i]!.clause && c.versionsOf.includes(before.word)) continue;
        // Words between the number and its unit; filler words ("Go and Node services") are free.
        let between = 0;
        for (let j = num.to + 1; between <= this.params.countGap && j < tokens.length; j++) {
          if (tokens[j]!.clause !== tokens[i]!.clause) break;
          // A compound is not its last part: "self-service kiosks" are not services. Nor is a
          // singular after a number above one: "the 311 service request portal" is one portal.
          const word = tokens[j]!.word;
          const singular = num.n >= 2 && !c.units.includes(word);
          if (/[-/]/.test(word) || singular || !this.stems(word).some((s) => units.has(s))) {
            if (!this.filler.has(tokens[j]!.word)) between++;
            continue;
          }
          // (Nor someone else's: "6 AWS services", "5 external services", an independent review's.)
          if (tokens.slice(num.to + 1, j).some((t) => c.notOfOurs.includes(t.word))) break;
          const value = num.times ? undefined : this.inBand(num.low, num.n, c.ranges);
          // "the rest is ~12 services": a count of one part of the system.
          const partial = this.before(tokens, i, c.key).partial;
          if (value)
            out.push({
              key: c.key,
              value,
              from: i,
              to: j,
              size: j - i + 1,
              segment: tokens[i]!.segment,
              sentence: tokens[i]!.sentence,
              ...(partial ? { partial } : {}),
            });
          break;
        }
      }
    }
    return out;
  }

  /**
   * "twice a year", "a couple of releases a year", "every two weeks", "every quarter": a rate per
   * year, in a clause about shipping changes (the key's `context`), mapped by `frequency.ranges`.
   */
  private frequencies(tokens: Token[]): Match[] {
    const f = this.data.frequency;
    const context = this.data.cues[f.key]?.context;
    const out: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      // "10x/day", "2/week": a rate written as one word.
      const slashed = SLASHED_RATE.exec(tokens[i]!.word);
      const slashedPerYear = slashed ? f.perYear[slashed[2]!] : undefined;
      if (slashed && slashedPerYear !== undefined) {
        const rate = Number(slashed[1]) * slashedPerYear;
        const value = this.inBand(rate, rate, f.ranges);
        // Only beside a word for shipping: "batch jobs run 4/day" is no rate of releases, not even
        // one to set against them.
        const inContext = context === undefined || this.inClause(tokens, tokens[i]!.clause, context);
        if (value && inContext)
          out.push({
            key: f.key,
            value,
            from: i,
            to: i,
            size: 1,
            segment: tokens[i]!.segment,
            sentence: tokens[i]!.sentence,
          });
        continue;
      }
      if (i === 0) continue;
      // "~20 deploys/day" (a blind trial's was read as nothing): the count before, in context.
      const worded = WORD_PER_PERIOD.exec(tokens[i]!.word);
      const perPeriod = worded ? f.perYear[worded[2]!] : undefined;
      const count = Number(tokens[i - 1]!.word);
      if (worded && perPeriod !== undefined && context?.includes(worded[1]!) && Number.isFinite(count)) {
        const value = this.inBand(count * perPeriod, count * perPeriod, f.ranges);
        if (value)
          out.push({
            key: f.key,
            value,
            from: i - 1,
            to: i,
            size: 2,
            segment: tokens[i]!.segment,
            sentence: tokens[i]!.sentence,
          });
        continue;
      }
      const perYear = f.perYear[tokens[i]!.word];
      if (perYear === undefined) continue;
      const clause = tokens[i]!.clause;
      const before = tokens[i - 1]!;
      if (before.clause !== clause) continue;
      // "a year ago" dates something; it is no rate.
      if (tokens[i + 1]?.word === "ago" && tokens[i + 1]!.clause === clause) continue;
      let rate: number | undefined;
      let slowest: number | undefined;
      let from = i - 1;
      // "twice a year", "two times per year", and "two times in the year" or "one time in month"
      // as some write it (a blind trial's "deploy maybe one time in month" read no cadence); "in"
      // alone not before a number: not "our 2 releases in year one", "2 services in week 1".
      const inPeriod =
        before.word === "in" &&
        !(tokens[i + 1]?.clause === clause && this.numberAt(tokens, i + 1) !== undefined);
      const per =
        ["a", "an", "per", "each"].includes(before.word) || inPeriod
          ? 1
          : before.word === "the" && tokens[i - 2]?.word === "in" && tokens[i - 2]!.clause === clause
            ? 2
            : 0;
      if (before.word === "every") rate = perYear;
      // "every other Tuesday", "every second week": half as often.
      else if (
        ["other", "second"].includes(before.word) &&
        tokens[i - 2]?.word === "every" &&
        tokens[i - 2]!.clause === clause
      ) {
        rate = perYear / 2;
        from = i - 2;
      } else if (per > 0) {
        for (let j = i - 1 - per; j >= 0 && j >= i - 1 - per - this.params.frequencyGap; j--) {
          if (tokens[j]!.clause !== clause) break;
          const num = this.numberAt(tokens, j);
          // "10x a day" is ten times a day only right before the rate ("10x the traffic per day" is not).
          if (num && num.to < i - per && (!num.times || num.to === i - 1 - per)) {
            rate = num.n * perYear;
            slowest = num.low * perYear;
            from = j;
            break;
          }
        }
      } else {
        // "every 2 weeks", "every couple of weeks": the number right after "every".
        const every = before.word === "of" ? i - 3 : i - 2;
        const num =
          tokens[every]?.word === "every" && tokens[every]!.clause === clause
            ? this.numberAt(tokens, every + 1)
            : undefined;
        if (num && !num.times) {
          rate = perYear / num.low;
          slowest = perYear / num.n;
          from = every;
        }
      }
      if (rate === undefined) continue;
      const offContext = context !== undefined && !this.inClause(tokens, clause, context);
      // A range ("every 2-3 months", "1-5 times a week") answers only when both ends agree; a
      // rate between two bands ("several times a week") reads as both, which leaves it open.
      const value = this.inBand(slowest ?? rate, rate, f.ranges);
      const values = value ? [value] : this.bandsAround(slowest ?? rate, rate, f.ranges);
      for (const v of values)
        out.push({
          ...(value ? {} : { between: true as const }),
          key: f.key,
          value: v,
          from,
          to: i,
          size: i - from + 1,
          segment: tokens[i]!.segment,
          sentence: tokens[i]!.sentence,
          ...(offContext ? { offContext } : {}),
        });
    }
    return out;
  }

  /** "Traffic goes 20x on launch day", "a 10-30x spike": a multiplier beside a word for load. */
  private multipliers(tokens: Token[]): Match[] {
    const m = this.data.multipliers;
    if (!m) return [];
    const out: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const factor = MULTIPLIER.exec(tokens[i]!.word);
      if (!factor || Number(factor[1]) < m.min) continue;
      const clause = tokens[i]!.clause;
      // The next word that says something, in the clause ("10x the size of", "3x replicas").
      const next = this.nextWord(tokens, i)?.word ?? "";
      const swing = this.inClause(tokens, clause, m.context) || m.before.includes(next);
      if (!swing || this.inClause(tokens, clause, m.growth) || m.after.includes(next) || /\d/.test(next))
        continue;
      // "3x a week", "10x per day": a rate, not a swing.
      const raw = tokens[i + 1]?.word ?? "";
      if (RATE_WORDS.has(raw) && this.data.frequency.perYear[tokens[i + 2]?.word ?? ""] !== undefined)
        continue;
      const before = this.before(tokens, i, m.key);
      if (before.negator !== undefined || before.hedged) continue;
      out.push({
        key: m.key,
        value: m.value,
        from: i,
        to: i,
        size: 1,
        segment: tokens[i]!.segment,
        sentence: tokens[i]!.sentence,
      });
    }
    return out;
  }

  /**
   * The text with each key name's colon written as "=" ("compliance: strict" would otherwise end
   * the clause after the name) and, in a list of two or more such answers, " / ", " | " and "->"
   * written as ";" (they separate answers there, not elsewhere: "no GPUs / kernel modules"). Every
   * replacement keeps the length, so evidence still quotes the text as written.
   */
  private keyed(text: string): string {
    // "monolith vs. services": the abbreviation's full stop ends no clause.
    const abbreviated = text.replace(/\b(vs)\.(?=\s)/gi, "$1 ");
    if (!this.keyColon || !this.keyEquals) return abbreviated;
    const keyed = abbreviated.replace(this.keyColon, "$1$2=");
    const answers = keyed.match(this.keyEquals)?.length ?? 0;
    return answers >= 2 ? keyed.replace(LIST_SEPARATOR, (m) => m.replace(/[/|>-]/g, ";")) : keyed;
  }

  /**
   * A key's name right before "=" (or a colon, see keyed) names a question; it states nothing
   * itself: "legacy: no idea" is no legacy software.
   */
  private markKeyNames(text: string, tokens: Token[]): void {
    for (const { words } of this.keyNames)
      for (let i = 0; i + words.length <= tokens.length; i++) {
        if (!wordsAt(tokens, i, words)) continue;
        const end = tokens[i + words.length - 1]!.end;
        if (!/^["']?\s*=/.test(text.slice(end))) continue;
        for (let k = i; k < i + words.length; k++) tokens[k]!.named = true;
      }
  }

  /**
   * "compliance = strict", "team maturity: medium", "isolation normal": a key's name, then one of
   * its values (or a "is"/"are" between) as the last word of the clause, so "legacy: no idea" and
   * "isolation is hard to get right" say nothing. A value may carry a suffix ("medium-ish"). A
   * negated or hedged name says nothing either ("I wouldn't call our load spiky").
   */
  private namedAnswers(tokens: Token[]): Match[] {
    const out: Match[] = [];
    for (const { key, words, values } of this.keyNames)
      for (let i = 0; i + words.length < tokens.length; i++) {
        if (!words.every((w, k) => tokens[i + k]!.word === w && tokens[i + k]!.clause === tokens[i]!.clause))
          continue;
        let at = i + words.length;
        if (LINKING.has(tokens[at]!.word)) at++;
        // "isolation is only standard": a degree word before the value.
        if (DEGREE_BEFORE_VALUE.has(tokens[at]?.word ?? "") && tokens[at + 1]?.clause === tokens[at]!.clause)
          at++;
        const said = tokens[at];
        if (!said || said.clause !== tokens[i]!.clause) continue;
        // More words follow: not a bare value ("legacy: no idea"), unless a last "now" ("I'd put our
        // maturity at medium now").
        const next = tokens[at + 1];
        const lastNow =
          next !== undefined && this.supersede.has(next.word) && tokens[at + 2]?.clause !== said.clause;
        if (next?.clause === said.clause && !lastNow) continue;
        const v = values.find((x) => said.word === x.word || said.word.startsWith(`${x.word}-`));
        if (!v) continue;
        const before = this.before(tokens, i, key);
        if (before.negator !== undefined || before.hedged) continue; // "I wouldn't call our load spiky"
        out.push({
          key,
          value: v.value,
          named: true,
          from: i,
          to: at,
          size: at - i + 1,
          segment: said.segment,
          sentence: said.sentence,
        });
      }
    // The value before the name, at the end of its clause: "medium platform maturity, moderate
    // compliance" (a blind trial's was read as nothing, or as the "SRE team" said before it).
    for (const { key, words, values } of this.keyNames)
      for (let i = 1; i + words.length <= tokens.length; i++) {
        const clause = tokens[i]!.clause;
        if (!words.every((w, k) => tokens[i + k]!.word === w && tokens[i + k]!.clause === clause)) continue;
        const said = tokens[i - 1]!;
        if (said.clause !== clause || tokens[i + words.length]?.clause === clause) continue;
        const v = values.find((x) => said.word === x.word);
        if (!v) continue;
        const before = this.before(tokens, i - 1, key);
        if (before.negator !== undefined || before.hedged) continue;
        out.push({
          key,
          value: v.value,
          named: true,
          from: i - 1,
          to: i + words.length - 1,
          size: words.length + 1,
          segment: said.segment,
          sentence: said.sentence,
        });
      }
    return out;
  }

  /**
   * "Ubuntu 18, RHEL 8 and Windows Server": two operating systems (situations.yaml `osFamilies`:
   * two families, two distributions of one, or one in two versions, see differentOs) named in
   * one sentence within `window` words, neither negated nor in the past, and not a move from one
   * to the other ("from CentOS 7 to Rocky 9", "upgrading to Ubuntu 24.04").
   */
  private osLists(tokens: Token[]): Match[] {
    const os = this.data.osFamilies;
    if (!os) return [];
    const named: OsNamed[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.named) continue;
      // "Windows/Linux servers": each half of a slash-joined pair of two families is a name of its
      // own; "RHEL/CentOS 7" or "SUSE/SLES" are two names for one system.
      const split = tokens[i]!.word.split("/");
      const families = new Set(split.map((w) => this.osFamily.get(this.osName(w))).filter(Boolean));
      const halves = families.size > 1 ? split : [tokens[i]!.word];
      for (const word of halves) {
        const name = this.osName(word.split("/")[0]!);
        const family = this.osFamily.get(name);
        if (!family) continue;
        const versions = halves.length === 1 ? osVersions(tokens, i) : [];
        // A name that is also a word ("a rocky rollout") counts only with a version or its family.
        if (os.versioned.includes(name) && versions.length === 0 && tokens[i + 1]?.word !== family) continue;
        // "Win10", but not "a quick win 1" or "win-win".
        if (os.joined.includes(name) && !/^\d/.test(word.slice(name.length))) continue;
        const before = i > 0 && tokens[i - 1]!.clause === tokens[i]!.clause ? tokens[i - 1]!.word : "";
        if (os.notAfter[name]?.includes(before)) continue; // "maintenance windows"
        const preceding = this.before(tokens, i, undefined);
        if (preceding.negator === undefined && !preceding.hedged && this.after(tokens, i) === undefined)
          named.push({ i, family, name, versions });
      }
    }
    const out: Match[] = [];
    for (let a = 0; a < named.length; a++)
      for (let b = a; b < named.length; b++) {
        const [x, y] = [named[a]!, named[b]!];
        if (y.i - x.i > os.window || !this.differentOs(x, y)) continue;
        if (tokens[x.i]!.sentence !== tokens[y.i]!.sentence) continue;
        if (x !== y && this.moveTo(tokens, y.i)) continue;
        out.push({
          key: os.key,
          value: os.value,
          from: x.i,
          to: y.i,
          size: 1,
          segment: tokens[x.i]!.segment,
          sentence: tokens[x.i]!.sentence,
        });
        break;
      }
    return out;
  }

  /** The OS name a word may hold: itself, or its start before a version ("rhel8", "win10"). */
  private osName(word: string): string {
    return this.osFamily.has(word) ? word : word.split(/[-.+]/)[0]!.replace(/\d[\d.]*$/, "");
  }

  /**
   * Two operating systems, or one named in two versions: "Windows and Linux", "CentOS 6 … Ubuntu
   * 22.04", "RHEL 7 and RHEL 9", "Ubuntu 20.04 + 22.04". A family's generic name ("linux") is no
   * other distribution than a named one, and a name without a version no other version.
   */
  private differentOs(x: OsNamed, y: OsNamed): boolean {
    if (x === y) return new Set(x.versions).size >= 2;
    if (x.family !== y.family) return true;
    const generic = (o: OsNamed) => o.name === o.family;
    if (!generic(x) && !generic(y) && x.name !== y.name) return true;
    // "Ubuntu 22.04 with the Linux 5.15 kernel" is one system: versions count under one name.
    return (
      x.name === y.name &&
      x.versions.length > 0 &&
      y.versions.length > 0 &&
      x.versions.some((v) => !y.versions.includes(v))
    );
  }

  /** Is the word before token `at` (fillers skipped) "to": the second system is where one moves? */
  private moveTo(tokens: Token[], at: number): boolean {
    for (let j = at - 1; j >= 0 && tokens[j]!.clause === tokens[at]!.clause; j--) {
      if (this.filler.has(tokens[j]!.word) && !MOVE_TO.has(tokens[j]!.word)) continue;
      return MOVE_TO.has(tokens[j]!.word);
    }
    return false;
  }

  /**
   * "SOC 2 audits, but no regulator telling us how": a negation that only denies one value
   * (`negatedYields`, here strict) gives way to a third value read for the key (moderate); beside
   * the value it denies ("no regulator … card data") it still stands, and the two conflict.
   */
  private withoutYielded(matches: Match[]): Match[] {
    const third = (y: Match) =>
      matches.some(
        (m) =>
          !m.yields && !m.offContext && m.value !== undefined && m.value !== y.value && m.value !== y.yields,
      );
    return matches.filter((m) => !m.yields || !third(m));
  }

  /**
   * One key's matches to one answer: the longest cue wins where cues overlap; then one value,
   * a dominating value, the later side of a contrast, or a combined value; else a conflict.
   */
  private resolve(
    key: AnswerKey,
    everything: Match[],
    parts: { rule: number; from: number; to: number; segment: number }[],
  ): { value: string; matches: Match[] } | "conflict" | undefined {
    const resolved = this.resolveValues(
      key,
      everything.filter((m) => !m.offContext),
      parts,
    );
    if (!resolved || resolved === "conflict") return resolved;
    // Another value for the key in the same sentence, in a clause without the key's context words
    // ("once a year, the new services weekly"): two answers for one question, left unknown.
    // Only a short clause after the stated one counts: the elided verb is the same ("the new
    // services weekly"); a clause of its own before ("audited yearly, we push monthly") does not.
    const other = everything.some(
      (m) =>
        m.offContext &&
        m.value !== undefined &&
        m.value !== resolved.value &&
        resolved.matches.some((r) => r.sentence === m.sentence && r.to < m.from) &&
        this.clauseLength(m) <= ELLIPSIS_CLAUSE,
    );
    return other ? "conflict" : resolved;
  }

  private clauseLength(m: Match): number {
    return this.lastTokens.filter((t) => t.clause === this.lastTokens[m.from]!.clause).length;
  }

  private resolveValues(
    key: AnswerKey,
    all: Match[],
    parts: { rule: number; from: number; to: number; segment: number }[],
  ): { value: string; matches: Match[] } | "conflict" | undefined {
    // An answer given by name ("maturity: medium") is explicit: it settles its key over any cue.
    const named = all.filter((m) => m.named && m.value !== undefined);
    const kept: Match[] = [];
    for (const m of [...(named.length > 0 ? named : all)].sort(
      (a, b) => b.size - a.size || a.from - b.from,
    )) {
      const covered = kept.some((k) => k.size > m.size && m.from <= k.to && k.from <= m.to);
      if (!covered && !kept.some((k) => k.from === m.from && k.to === m.to && k.value === m.value))
        kept.push(m);
    }
    const matches = kept.filter((m) => m.value !== undefined).sort((a, b) => a.from - b.from);
    if (matches.length === 0) return undefined;
    // A cue about one part of the system ("only the payments service is in PCI scope") says
    // nothing about the whole: a mixed signal, left unknown.
    if (matches.some((m) => m.scoped)) return "conflict";
    const values = [...new Set(matches.map((m) => m.value!))];
    const cues: KeyCues | undefined = this.data.cues[key];
    // Two values that make a third ("monolith" and "microservices": "mixed").
    const pair = cues?.combine.find((c) => values.length === 2 && c.values.every((v) => values.includes(v)));
    const combined = pair && {
      value: pair.value,
      matches: pair.values.map((v) => matches.find((m) => m.value === v)!),
    };
    // "Most services are stateless" speaks for part of the system: beside another value it
    // combines with it ("…, but the search cluster keeps its indexes on local disks": mixed);
    // alone it leaves the key unknown, but no contradiction.
    if (matches.some((m) => m.partial)) return combined;
    const of = (v: string) => ({ value: v, matches: matches.filter((m) => m.value === v).slice(0, 1) });
    if (values.length === 1) {
      const v = values[0]!;
      for (const [i, rule] of (this.parts.get(key) ?? []).entries()) {
        if (rule.with !== v) continue;
        for (const p of parts.filter((p) => p.rule === i)) {
          const m = matches.find(
            (m) =>
              (m.to < p.from || m.from > p.to) &&
              (!rule.afterContrast || (m.segment > p.segment && m.from > p.to)),
          );
          if (m)
            return {
              value: rule.gives,
              matches: [{ ...m, from: p.from, to: p.to }, m].sort((a, b) => a.from - b.from),
            };
        }
      }
      return of(v);
    }
    const dominant = values.find((v) => values.every((o) => o === v || cues?.dominates[v]?.includes(o)));
    if (dominant) return of(dominant);
    // "It was a monolith, but now it is 30 services": the later side replaces the earlier.
    const last = Math.max(...matches.map((m) => m.segment));
    const later = [...new Set(matches.filter((m) => m.segment === last).map((m) => m.value!))];
    const replaces = this.lastTokens.some((t) => t.segment === last && this.supersede.has(t.word));
    if (replaces && later.length === 1 && matches.some((m) => m.segment < last)) return of(later[0]!);
    // Two values that make a third are two parts of one system, on either side of a contrast
    // ("the match servers are stateless, but we self-host a Redis with persistence": mixed).
    if (combined) return combined;
    // Otherwise what follows a contrast is said instead ("not regulated yet, but SOC 2 audits start").
    if (later.length === 1 && matches.some((m) => m.segment < last)) return of(later[0]!);
    return "conflict";
  }
}
