import { type IntentId, isSubjectTerm, type Lexicon, oneWordSubjectTerms } from "../../knowledge/schema.ts";
import type { Answerable } from "../answerable.ts";
import {
  CACHE_FROM_EXAMPLES,
  cacheKey,
  type MatcherCache,
  readTrained,
  type TrainedState,
  writeTrained,
} from "./cache.ts";
import { Featurizer, type SparseVector } from "./features.ts";
import {
  consistentPostings,
  fieldsOf,
  LexicalIndex,
  type LexicalPostings,
  lexicalPostings,
  tilt,
} from "./lexical.ts";
import { type Example, SoftmaxModel } from "./model.ts";
import { defaultMatcherParams, type MatcherParams } from "./params.ts";
import { type Preference, PreferenceReader } from "./preference.ts";
import { Speller } from "./speller.ts";
import { rawWords, TextPipeline, writtenPattern } from "./text.ts";
import { examplesOf, type Labelled, trainingSet, type Vocabulary } from "./vocabulary.ts";

/**
 * A subject word as written, in a plural or as a verb form ("kernels", "monkey patching", "social
 * networking"), for lexicon.otherSenses; "migrations" is only itself.
 */
/** Words that turn a message to something else: one sense per discourse does not carry past them. */
// (Not "sorry" opening a message or asking pardon for something: "Sorry for the basic question. We
// use an rbf kernel …", an independent review's.)
const TURNS_ELSEWHERE =
  /(?<!^\W*)\b(?:sorry(?!\s+(?:for|to|if|about)\b)|anyway|anyways|unrelated|separately|by the way|btw|on another note)\b/i;

function wordForms(word: string): string[] {
  return [word, word.replace(/s$/, ""), word.replace(/es$/, ""), word.replace(/(ing|ed)$/, "")];
}

export interface Ranked {
  id: string;
  /** The model's probability, tilted by the lexical scores (params.lexical), that this entry answers the question. */
  score: number;
  /** The model's own probability. */
  model: number;
  /** The entry's lexical score as a share of the best any entry gets (lexical.ts). */
  lexical: number;
}

export interface MatchResult {
  /** The most probable entries (at most 10), best first. */
  ranked: Ranked[];
  /** The most probable intent (a command said in plain words) and its probability, if any is close. */
  intent?: { id: IntentId; score: number };
  /**
   * The model's probability of its most probable entry (0 when nothing matched): how sure it is
   * that one entry answers the question, whichever the lexical tilt ranks first.
   */
  confidence: number;
  /** Probability that the question is about something else entirely (the off-topic class). */
  offTopic: number;
  /** Share of the question's content words the knowledge knows (after typo correction). */
  known: number;
  /** Does the question use a word of the bot's subject (or only words the knowledge is asked with)? */
  onTopic: boolean;
  /** On topic only through general terms (lexicon.yaml generalTerms: "patch", "ci", "database"). */
  generalOnly: boolean;
  /**
   * Off topic after a subject word used in another sense was left out ("monkey patching",
   * "jupyter kernel"): the word that could have been ours is someone else's.
   */
  otherSense?: boolean;
  /** Words of making the choice ("decide", "walk me through", "checklist"): a request for the checklist. */
  deciding?: boolean;
  /** How many of our sides (lexicon.yaml sides: VMs, containers, microVMs) the question names. */
  sides: number;
  /** The side the question asks for or against by its word order, where that moved an entry up (preference.ts). */
  preference?: Preference;
}

export interface Explanation {
  result: MatchResult;
  /** The features that pushed the best entry up or down most, strongest first. */
  features: { feature: string; weight: number }[];
  /** The training phrasing of the best entry closest to the question. */
  nearest?: string;
  /** The question's words the best entry's text has, with their BM25+ weight in it, heaviest first. */
  words: { word: string; weight: number }[];
}

/** How many ranked entries a match returns: enough for an answer and its suggestions. */
const TOP_K = 10;
/** Words of making the choice: "help me decide on containers" asks for the checklist. */
const DECIDING =
  /\b(?:decide|deciding|decision|choose|choosing|pick|picking|walk|guide|checklist|wizard|recommend|recommendation)\b/i;
/** A stem the knowledge's texts use this often is a word, not a typo of a subject word. */
const COMMON_WORD = 3;
/** The shortest word the lexicon rewrites that a misspelling is read as (synonymSpeller). */
const SHORTEST_SYNONYM_KEY = 7;
/** Typed words that may misspell one: a letter shorter at most. */
const SYNONYM_TYPO = new RegExp(`\\p{L}{${SHORTEST_SYNONYM_KEY - 1},}`, "gu");
/** The shortest part a run-together word is split into ("kata" + "container"). */
const MIN_PART = 3;
/** Longer words are never split (trying every split point of a very long word is wasted work). */
const MAX_RUN_TOGETHER = 30;
/** Questions with this many content words or fewer count as on topic when every word is known. */
const SHORT_QUESTION = 3;

/**
 * The learned question matcher: a softmax classifier trained, when the knowledge loads, on every
 * way an entry is asked (its question, alternates and keywords), plus an off-topic class trained
 * on the lexicon's off-topic examples. Features are stems, stem pairs and character n-grams
 * (features.ts); the model is in model.ts; every knob is in params.ts.
 */
export interface MatcherOptions {
  params?: MatcherParams;
  /** Texts that name the subject's topics ("Monitoring, scaling, patching …"). */
  topics?: string[];
  /** Commands said in plain words (intents.yaml), each learnt as a class of its own. */
  intents?: Partial<Record<IntentId, string[]>>;
  /** Where a large knowledge base's trained model is kept between starts (cache.ts). */
  cache?: MatcherCache;
}

export class Matcher {
  private readonly text: TextPipeline;
  private readonly preference: PreferenceReader;
  private readonly featurizer: Featurizer;
  /** The numbered, weighed features (vocabulary.ts). */
  private readonly training: Vocabulary;
  /** The phrasings as vectors, for "nearest phrasing" (made again on demand after a cache hit). */
  private trainingExamples: Example[] | undefined;
  /** Stems of two words side by side in an entry's phrasings, built when first needed (inOwnPhrase). */
  private ownPairs: Set<string> | undefined;
  private readonly labelled: Labelled[];
  private readonly model: SoftmaxModel;
  /** Whether the trained model came from the cache (cache.ts), was stored there, or neither. */
  readonly cacheStatus: "off" | "loaded" | "stored" | "not-stored";
  private readonly offTopicLabel: number;
  /** The phrasing behind each training example, for "nearest phrasing". */
  private readonly exampleText: string[];
  private readonly speller: Speller;
  /** Stems of the one-word subject words of both tiers (lexicon.yaml domainTerms, generalTerms). */
  private readonly subjectStems: Set<string>;
  /** Stems of lexicon.notInDocuments: names, never read as a typo of one of our words. */
  private readonly unmentionedStems: Set<string>;
  /** Each of lexicon.sides as written ("vms", "virtual machine"): by stem, "contain" would be a container. */
  private readonly sidesWritten: RegExp[];
  /** Topic words (topic titles, glossary terms, keywords): a short question made only of these is on topic. */
  private readonly topicStems: Set<string>;
  private readonly domainTerms: string[][];
  private readonly generalTerms: string[][];
  /** Pairs of lexicon.otherSenses: the subject word as written, the other word by stem ("virtual function"). */
  private readonly otherSenses: Set<string>;
  /** Corrects typos towards domain terms only, whatever the knowledge's own typos are. */
  private readonly subjectSpeller: Speller;
  /**
   * Reads a general term in a word with a letter more or less ("scalling"), two neighbouring
   * letters swapped ("pacthing") or, from six letters, one changed for its keyboard neighbour
   * ("backuo"), never another letter changed: general terms are everyday words, a letter from
   * other everyday words ("pitch" is no "patch", "spicy" no "spiky", "audio" no "audit").
   */
  private readonly generalSpeller: Speller;
  /** Stems of general terms that are no domain term's. */
  private readonly generalOnlyStems: Set<string>;
  /**
   * Reads a word the lexicon rewrites (synonyms: "rollback", "virtualization") in a word a letter
   * more or less, two letters swapped or one keyboard neighbour off ("rollbak"): the rewritten
   * word's stems are known, the word itself never is, so the speller cannot reach it.
   */
  private readonly synonymSpeller: Speller;
  private readonly byId: Map<string, Answerable>;
  /** Exact words of every entry's text, which tilt the model's ranking (params.lexical). */
  private readonly lexical: LexicalIndex | undefined;
  /** Whether that index came from the model cache or was built at this start. */
  readonly exactWordsFrom: "cache" | "built" | "off";

  readonly params: MatcherParams;
  /** Class numbers: entries first, then intents, then the off-topic class. */
  private readonly intentIds: IntentId[];

  constructor(
    private readonly entries: Answerable[],
    lexicon: Lexicon,
    options: MatcherOptions = {},
  ) {
    const params = options.params ?? defaultMatcherParams;
    this.params = params;
    this.text = new TextPipeline(lexicon);
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.preference = new PreferenceReader(lexicon);
    this.featurizer = new Featurizer(this.text, params.features);
    // Terms are taken literally (no synonyms), so "observability" does not make "monitor" a
    // subject word through its synonym; the question is checked both literally and canonically.
    this.domainTerms = lexicon.domainTerms.map((t) => this.text.literalStems(t)).filter((t) => t.length > 0);
    this.generalTerms = lexicon.generalTerms
      .map((t) => this.text.literalStems(t))
      .filter((t) => t.length > 0);
    // Each pair as "<subject word as written> <the other word's stem>" in its order: the subject
    // word by its form ("virtualization" is no "virtual", though they share a stem), the other by
    // stem ("jupyter kernels", "virtual envs").
    const subjectWords = oneWordSubjectTerms(lexicon);
    this.otherSenses = new Set(
      lexicon.otherSenses.map((phrase) => {
        const [first = "", second = ""] = phrase.toLowerCase().split(/[\s-]+/);
        return isSubjectTerm(subjectWords, first)
          ? `${first} ${this.text.stem(second)}`
          : `${this.text.stem(first)} ${second}`;
      }),
    );

    const labelled: Labelled[] = [];
    entries.forEach((e, label) => {
      for (const p of [...e.phrasings, ...e.keywords]) labelled.push({ text: p, label });
    });
    this.intentIds = Object.keys(options.intents ?? {}).sort() as IntentId[];
    this.intentIds.forEach((id, i) => {
      for (const text of options.intents?.[id] ?? []) labelled.push({ text, label: entries.length + i });
    });
    this.offTopicLabel = entries.length + this.intentIds.length;
    for (const text of lexicon.offTopic) labelled.push({ text, label: this.offTopicLabel });

    const classes = this.offTopicLabel + 1;
    this.labelled = labelled;
    this.exampleText = labelled.map((l) => l.text);
    const cache =
      options.cache && labelled.length >= (options.cache.minExamples ?? CACHE_FROM_EXAMPLES)
        ? options.cache
        : undefined;
    const key = cache && trainingKey(params, lexicon, entries, classes, labelled);
    const exact = new ExactWords(entries, params.lexical, lexicon.framingWords, cache);
    let exactWords: LexicalPostings | null;
    const stored = cache && key ? readTrained(cache, key) : undefined;
    if (stored) {
      ({ postings: exactWords, from: this.exactWordsFrom } = exact.fromStored(stored));
      // Written back once rebuilt, so the next start loads it (a failed write only costs time).
      if (cache && key && this.exactWordsFrom === "built")
        writeTrained(cache, key, { ...stored, lexical: exact.stored(exactWords) });
      this.training = {
        vocabulary: new Map(stored.names.map((n, i) => [n, i])),
        names: stored.names,
        ...(stored.weights ? { weights: stored.weights } : {}),
        unknownWeight: stored.unknownWeight,
      };
      this.model = new SoftmaxModel(stored.model);
      this.speller = new Speller(new Map(stored.counts), twoEditsFrom(params), params.features.shortestTypo);
      this.cacheStatus = "loaded";
    } else {
      const training = trainingSet(labelled, classes, this.featurizer, params.features);
      this.training = training;
      this.trainingExamples = training.examples;
      const examples = params.features.offTopicForeignOnly
        ? foreignOnly(training.examples, this.offTopicLabel, (label) => label < entries.length)
        : training.examples;
      this.model = SoftmaxModel.train(classes, training.names.length, examples, params.training);
      const counts = new Map<string, number>();
      // Spelling and "known word" checks use every word the knowledge has, answers included.
      for (const e of entries) {
        const text = `${e.phrasings.join(" ")} ${e.keywords.join(" ")} ${e.answer} ${e.details}`;
        for (const s of this.text.stems(text)) counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      this.speller = new Speller(counts, twoEditsFrom(params), params.features.shortestTypo);
      ({ postings: exactWords, from: this.exactWordsFrom } = exact.fresh());
      this.cacheStatus =
        !cache || !key
          ? "off"
          : writeTrained(cache, key, {
                names: training.names,
                weights: training.weights ?? null,
                unknownWeight: training.unknownWeight,
                model: this.model.weights,
                counts: [...counts],
                lexical: exact.stored(exactWords),
              })
            ? "stored"
            : "not-stored";
    }
    const subject = [...this.domainTerms, ...this.generalTerms];
    this.subjectSpeller = new Speller(
      new Map(this.domainTerms.flat().map((s) => [s, 1])),
      twoEditsFrom(params),
      params.features.shortestTypo,
    );
    const domainStems = new Set(this.domainTerms.flat());
    this.generalOnlyStems = new Set(this.generalTerms.flat().filter((s) => !domainStems.has(s)));
    // The words as written ("scaling", not the stem "scale"): "scalling" is a letter more than
    // "scaling" but one changed from "scale".
    this.generalSpeller = new Speller(
      new Map(lexicon.generalTerms.flatMap((t) => t.toLowerCase().split(/\s+/)).map((w) => [w, 1])),
      twoEditsFrom(params),
      params.features.shortestTypo,
      false,
    );
    this.synonymSpeller = new Speller(
      new Map(
        Object.keys(lexicon.synonyms)
          // (Long words only: a shorter key is an everyday word a letter from others, "money" from "monkey".)
          .filter((k) => k.length >= SHORTEST_SYNONYM_KEY && /^\p{L}+$/u.test(k))
          .map((k) => [k.toLowerCase(), 1]),
      ),
      twoEditsFrom(params),
      params.features.shortestTypo,
      false,
    );
    this.subjectStems = new Set(subject.filter((t) => t.length === 1).map((t) => t[0]!));
    this.unmentionedStems = new Set(lexicon.notInDocuments.flatMap((n) => this.text.literalStems(n)));
    this.sidesWritten = lexicon.sides.map((s) => writtenPattern(s.words));
    const named = entries.flatMap((e) => (e.kind === "term" ? e.phrasings : e.keywords));
    this.topicStems = new Set([...(options.topics ?? []), ...named].flatMap((t) => this.text.stems(t)));
    this.lexical = exactWords ? new LexicalIndex(exactWords, lexicon.framingWords) : undefined;
  }

  /**
   * A glossary term and a FAQ entry that link to each other answer the same thing ("what does a
   * hypervisor do"): being torn between them is no reason to ask back.
   */
  sameSubject(a: string, b: string): boolean {
    const x = this.byId.get(a);
    const y = this.byId.get(b);
    if (!x || !y || x.kind === y.kind) return false;
    return x.related.includes(b) || y.related.includes(a);
  }

  /** How many SGD passes training made. */
  get epochs(): number {
    return this.model.epochs;
  }

  /** Content stems of a text, as the matcher sees them (for grouping similar questions). */
  stems(text: string): string[] {
    return this.text.stems(text);
  }

  /** Does the knowledge use a stem (as `stems` gives it) anywhere, or a likely misspelling of it, or is it a subject word? */
  knows(stem: string): boolean {
    return this.subjectStems.has(stem) || this.correct(stem) !== undefined;
  }

  /**
   * How rare a stem (as `stems` gives it) is across the entries' phrasings: its rarity weight,
   * log(classes / classes using it); 0 for one the phrasings never use, or with params.features.idf off.
   */
  rarity(stem: string): number {
    // Typos as the model reads them: "bakups" is as rare as "backups".
    const known = this.training.vocabulary.has(`w:${stem}`) ? stem : (this.correct(stem) ?? stem);
    const id = this.training.vocabulary.get(`w:${known}`);
    return id === undefined ? 0 : (this.training.weights?.[id] ?? 0);
  }

  /**
   * `discourse`: the whole message when `question` is one of its sentences, so a word used in
   * another sense anywhere in it keeps that sense in every sentence (withoutOtherSenses).
   */
  match(question: string, discourse?: string): MatchResult {
    return this.run(question, discourse).result;
  }

  /** The match, with the features that decided it and the nearest phrasing, for `ask --explain`. */
  explain(question: string): Explanation {
    const { result, vector } = this.run(question);
    const best = result.ranked[0];
    if (!best) return { result, features: [], words: [] };
    const label = this.entries.findIndex((e) => e.id === best.id);
    const words = (this.lexical?.words(this.splitRunTogether(question), label) ?? []).map((w) => ({
      ...w,
      weight: round(w.weight),
    }));
    const features = this.model
      .contributions(vector, label)
      .map((c) => ({ feature: this.training.names[c.feature]!, weight: round(c.weight) }))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.feature.localeCompare(b.feature));
    return { result, features, nearest: this.nearest(vector, label), words };
  }

  /**
   * The known stem a stem is, or most likely misspells; never for a name the documents do not
   * mention: "kustomize" is not a typo of "custom", nor "portainer" of "container".
   */
  private correct(stem: string): string | undefined {
    // A word the knowledge uses is itself, even where it is part of a name ("cloud" of cloud-init).
    if (this.speller.has(stem)) return stem;
    return this.unmentionedStems.has(stem) ? undefined : this.speller.correct(stem);
  }

  private run(asked: string, discourse?: string): { result: MatchResult; vector: SparseVector } {
    const question = this.splitRunTogether(this.synonymTypos(asked));
    // A word the model never saw is read as the known word it most likely misspells; never a word
    // of our subject ("helm" is not a typo of "help").
    const { vocabulary, weights, unknownWeight } = this.training;
    const names = this.featurizer.names(question, (stem) =>
      vocabulary.has(`w:${stem}`) || this.subjectStems.has(stem) ? stem : this.correct(stem),
    );
    const vector = this.featurizer.toVector(names, vocabulary, weights, unknownWeight);
    const stems = this.text.stems(question);
    const corrected = stems.map((s) => this.correct(s));
    // A subject word is known even where no phrasing uses it ("gvisor").
    const known =
      stems.length === 0
        ? 0
        : corrected.filter((c, i) => c || this.subjectStems.has(stems[i]!)).length / stems.length;
    // Its words used in another sense left out, once for the subject check, the sides and the
    // exact-word tilt.
    const ours = this.withoutOtherSenses(question, discourse);
    const { onTopic, generalOnly, otherSense } = this.subjectOf(question, stems, corrected, ours);
    const extra = this.intentIds.length + 1;
    const top = vector.ids.length === 0 ? [] : this.model.top(vector, TOP_K + extra);
    const offTopic = top.find((t) => t.label === this.offTopicLabel)?.probability ?? 0;
    // Entries are ranked by their share of the probability the entries hold together, so adding
    // an intent or off-topic examples does not by itself lower every answer's confidence.
    const others = top
      .filter((t) => t.label >= this.entries.length)
      .reduce((sum, t) => sum + t.probability, 0);
    const entryMass = Math.max(1e-9, 1 - others);
    const candidates = top.filter((t) => t.label < this.entries.length).slice(0, TOP_K);
    const model = candidates.map((t) => Math.min(1, t.probability / entryMass));
    // The exact words without those used in another sense: "kernel panic on boot" tilts nothing
    // toward the shared-kernel entry.
    const shares =
      this.lexical?.relative(
        ours ?? question,
        candidates.map((t) => t.label),
      ) ?? model.map(() => 0);
    const { weight, below } = this.params.lexical;
    const tilted = this.lexical && (model[0] ?? 0) < below ? tilt(model, shares, weight) : model;
    const ranked = candidates
      .map((t, i) => ({
        id: this.entries[t.label]!.id,
        score: round(tilted[i]!),
        model: round(model[i]!),
        lexical: round(shares[i]!),
      }))
      .sort((a, b) => b.score - a.score);
    const intent = top.find((t) => t.label >= this.entries.length && t.label < this.offTopicLabel);
    const preference = this.preference.read(ours ?? question);
    const leaned = preference ? this.leanTo(ranked, preference) : false;
    const result: MatchResult = {
      ranked,
      confidence: round(Math.max(model[0] ?? 0, leaned ? ranked[0]!.model : 0)),
      offTopic: round(offTopic),
      known: round(known),
      onTopic,
      generalOnly,
      sides: this.sidesNamed(ours ?? question),
    };
    if (DECIDING.test(ours ?? question)) result.deciding = true;
    if (otherSense) result.otherSense = true;
    if (leaned) result.preference = preference;
    if (intent)
      result.intent = {
        id: this.intentIds[intent.label - this.entries.length]!,
        score: round(intent.probability),
      };
    return { result, vector };
  }

  /**
   * Of the two entries that say when to choose opposite sides (faq `favours`), the one the question
   * asks for takes the probability of both, in place of the other: the model gave it to them for
   * the question's words, which ask "when to choose", and the word order says which side. Returns
   * whether it moved one up; `ranked` is sorted again.
   */
  private leanTo(ranked: Ranked[], preference: Preference): boolean {
    const asked = (favours: string | undefined) =>
      favours !== undefined && (favours === preference.side) === preference.favours;
    const unwanted = ranked.find((r) => {
      const favours = this.byId.get(r.id)?.favours;
      return favours !== undefined && !asked(favours);
    });
    if (!unwanted) return false;
    // (Brought in where the model ranked it too low to list: "when shouldn't we use containers".)
    let wanted = ranked.find((r) => asked(this.byId.get(r.id)?.favours));
    if (!wanted) {
      const entry = this.entries.find((e) => asked(e.favours));
      if (!entry) return false;
      wanted = { id: entry.id, score: 0, model: 0, lexical: 0 };
      ranked.push(wanted);
    }
    // (The ranked probabilities then add up to more than the model's: the asked entry is meant to
    // stand alone, as if the other had never been a candidate; the README says so.)
    const first = ranked.indexOf(wanted) < ranked.indexOf(unwanted);
    [wanted.score, unwanted.score] = [
      round(wanted.score + unwanted.score),
      first ? unwanted.score : wanted.score,
    ];
    [wanted.model, unwanted.model] = [
      round(Math.min(1, wanted.model + unwanted.model)),
      first ? unwanted.model : wanted.model,
    ];
    ranked.sort((a, b) => b.score - a.score);
    return true;
  }

  /** How many of our sides a question names as written, not counting words in another sense ("css container"). */
  private sidesNamed(ours: string): number {
    return this.sidesWritten.filter((side) => side.test(ours)).length;
  }

  /** Misspelt words the lexicon rewrites, as written right (synonymSpeller); every other word as it is. */
  private synonymTypos(question: string): string {
    return question.replace(SYNONYM_TYPO, (word) => {
      const lower = word.toLowerCase();
      const stem = this.text.stem(lower);
      if (this.synonymSpeller.has(lower) || this.unmentionedStems.has(stem) || this.correct(stem))
        return word;
      const fixed = this.synonymSpeller.correct(lower);
      // Not a word the key begins or ends with, nor one ending with the key: another word, not a
      // typo ("graphic" is no "graphics", "flogging" no "logging"; a second review's).
      const another = fixed && (fixed.startsWith(lower) || fixed.endsWith(lower) || lower.endsWith(fixed));
      return fixed && !another ? fixed : word;
    });
  }

  /**
   * Two subject words typed as one ("katacontainer", "dockercompose") are read as two. Only a word
   * that is neither known nor a likely misspelling is split, into parts of three letters or more;
   * other words are not ("usestate" is no question of ours).
   */
  private splitRunTogether(question: string): string {
    const subject = this.subjectStems;
    return question.replace(/\p{L}{7,}/gu, (word) => {
      if (word.length > MAX_RUN_TOGETHER) return word; // no two subject words are that long
      const lower = word.toLowerCase();
      const stem = this.text.stem(lower);
      // A known word, a likely misspelling of one, or a name ("portainer") is one word.
      if (this.unmentionedStems.has(stem) || this.speller.correct(stem)) return word;
      let best: [string, string] | undefined;
      for (let i = MIN_PART; i <= lower.length - MIN_PART; i++) {
        const [left, right] = [lower.slice(0, i), lower.slice(i)];
        if (!subject.has(this.text.stem(left)) || !subject.has(this.text.stem(right))) continue;
        if (!best || Math.min(left.length, right.length) > Math.min(best[0].length, best[1].length))
          best = [left, right];
      }
      return best ? `${best[0]} ${best[1]}` : word;
    });
  }

  /**
   * A question is about the bot's subject when it uses a subject word (lexicon.domainTerms,
   * after synonyms, stems and typo correction), or when it is short and every word of it names
   * one of the subject's topics ("rollbacks", "cost", "monitoring"). Through a general term alone
   * (lexicon.generalTerms) it is on topic only "generally": decide.ts asks the model to be surer.
   */
  private subjectOf(
    asked: string,
    askedCanonical: string[],
    askedCorrected: (string | undefined)[],
    /** The question without its words in another sense (withoutOtherSenses), if it has any. */
    kept: string | undefined,
  ): { onTopic: boolean; generalOnly: boolean; otherSense: boolean } {
    // A subject word in another sense is left out where it is written so, and only there: in "our
    // virtual agent on EC2", EC2 still names a virtual machine.
    let [question, canonical, corrected] = [asked, askedCanonical, askedCorrected];
    if (kept !== undefined) {
      question = kept;
      canonical = this.text.stems(question);
      corrected = canonical.map((s) => this.correct(s));
    }
    const stems = new Set<string>(canonical);
    for (const s of corrected) if (s) stems.add(s);
    const literal = this.text.literalStems(question);
    const typed = new Set<string>([...canonical, ...literal]);
    for (const s of literal) {
      stems.add(s);
      const fixed = this.correct(s);
      if (fixed) stems.add(fixed);
    }
    // A misspelt subject word still counts ("hypervisr", "kubernets"); a word the knowledge uses
    // often is no typo ("data" is not "kata").
    for (const s of [...stems]) {
      if (this.speller.count(s) >= COMMON_WORD) continue;
      const fixed = this.subjectSpeller.correct(s);
      if (fixed) stems.add(fixed);
    }
    const has = (terms: string[][]) => terms.some((term) => term.every((s) => stems.has(s)));
    if (has(this.domainTerms)) return { onTopic: true, generalOnly: false, otherSense: false };
    const count = canonical.length;
    const generalTypos = this.generalTypos(question);
    // A general term reached by one letter changed is no topic word either ("pitch it").
    const readAs = corrected.map((c, i) =>
      c !== undefined && c !== canonical[i] && this.generalOnlyStems.has(c) && !generalTypos.has(c)
        ? undefined
        : c,
    );
    // Not once a word was left out: "virtual env" is no short question about "env".
    const short =
      kept === undefined &&
      count > 0 &&
      count <= SHORT_QUESTION &&
      readAs.every((s) => s && this.topicStems.has(s)) &&
      // Not of weak words alone (lexicon.weakwords): "what time is it?" is no question about boot time.
      readAs.some((s) => s && !this.text.weakStems.has(s));
    if (short) return { onTopic: true, generalOnly: false, otherSense: false };
    // General terms as typed, or misspelt in the ways generalSpeller reads.
    for (const s of generalTypos) typed.add(s);
    const general = this.generalTerms.some((term) => term.every((s) => typed.has(s)));
    return { onTopic: general, generalOnly: general, otherSense: !general && kept !== undefined };
  }

  /** Stems of the general terms' words the question misspells in the ways generalSpeller reads. */
  private generalTypos(question: string): Set<string> {
    const found = new Set<string>();
    for (const word of rawWords(question)) {
      const lower = word.toLowerCase();
      if (this.speller.count(this.text.stem(lower)) >= COMMON_WORD) continue;
      const fixed = this.generalSpeller.correct(lower);
      if (fixed && fixed !== lower) for (const s of this.text.literalStems(fixed)) found.add(s);
    }
    return found;
  }

  /**
   * The question without its subject words used in another sense (lexicon.otherSenses: "virtual
   * functions", "neural network", "rbf kernel"), or undefined when it has none. Pairs are looked
   * up within a sentence or clause, over the parts of hyphenated words; only the word of the pair
   * is dropped ("cri-o" and "k8s-on-vms" stay whole). One sense per discourse: once a question
   * uses a word in another sense, the same word elsewhere in it is taken in that sense too
   * ("changing kernel of svc from linear to rbf ... the rbf kernel"), except beside a word it
   * makes one of the knowledge's own phrases with ("virtual functions inside a virtual machine").
   */
  private withoutOtherSenses(question: string, discourse?: string): string | undefined {
    if (this.otherSenses.size === 0) return undefined;
    // Within a clause: not across "," or ";" ("uses Jupyter, kernel upgrades …"), but code such
    // as "svm.SVC(kernel='rbf')" and "Jupyter: kernel …" is one.
    // One sense per discourse, not across a word that turns to something else ("I only know the rbf
    // kernel from ML, sorry: what happens if the kernel crashes?", an independent review's).
    const clausesOf = (text: string) =>
      text.split(TURNS_ELSEWHERE).flatMap((part, segment) =>
        part.split(/[?!;,]+|\.\s+/).map((clause) => {
          const tokens = rawWords(clause);
          const parts = tokens.flatMap((t) => t.split(/[-/]/));
          return { clause, tokens, parts, dropped: new Set<number>(), segment };
        }),
      );
    const clauses = clausesOf(question);
    // The words in another sense, by segment of the question (-1: the whole message's).
    const otherSense = new Map<number, Set<string>>();
    const sensed = (segment: number, word: string) => {
      const words = otherSense.get(segment) ?? new Set<string>();
      otherSense.set(segment, words.add(word));
    };
    // The whole message's, from its segment that holds the question (not past a turn elsewhere).
    const holding =
      discourse !== undefined && discourse !== question
        ? discourse.split(TURNS_ELSEWHERE).find((segment) => segment.includes(question))
        : undefined;
    const around = holding ? clausesOf(holding).map((c) => ({ ...c, segment: -1 })) : [];
    for (const { parts, dropped, segment } of [...clauses, ...around]) {
      for (let i = 0; i + 1 < parts.length; i++) {
        const [a, b] = [parts[i]!, parts[i + 1]!];
        const first = wordForms(a).find((f) => this.otherSenses.has(`${f} ${this.text.stem(b)}`));
        const second = wordForms(b).find((f) => this.otherSenses.has(`${this.text.stem(a)} ${f}`));
        if (first !== undefined) {
          dropped.add(i);
          sensed(segment, first);
        }
        if (second !== undefined) {
          dropped.add(i + 1);
          sensed(segment, second);
        }
      }
    }
    if (otherSense.size === 0) return undefined;
    for (const { parts, dropped, segment } of clauses)
      parts.forEach((part, i) => {
        const inSense = (f: string) => otherSense.get(segment)?.has(f) || otherSense.get(-1)?.has(f);
        if (dropped.has(i) || !wordForms(part).some(inSense)) return;
        if (!this.inOwnPhrase(parts, i)) dropped.add(i);
      });
    return clauses
      .map(({ clause, tokens, dropped }) => {
        if (dropped.size === 0) return clause;
        let at = 0;
        return tokens
          .map((t) => {
            const own = t.split(/[-/]/);
            const kept = own.filter((_, k) => !dropped.has(at + k));
            at += own.length;
            return kept.length === own.length ? t : kept.join("-");
          })
          .join(" ");
      })
      .join(" . ");
  }

  /** Whether the word at `i` and a neighbour are two words side by side in an entry's phrasing ("virtual machine"). */
  private inOwnPhrase(parts: string[], i: number): boolean {
    if (!this.ownPairs) {
      this.ownPairs = new Set();
      for (const { text, label } of this.labelled) {
        if (label >= this.entries.length) continue;
        const stems = rawWords(text)
          .flatMap((w) => w.split(/[-/]/))
          .map((w) => this.text.stem(w));
        for (let k = 0; k + 1 < stems.length; k++) this.ownPairs.add(`${stems[k]} ${stems[k + 1]}`);
      }
    }
    const stem = (k: number) => (parts[k] === undefined ? undefined : this.text.stem(parts[k]));
    const [before, word, after] = [stem(i - 1), stem(i)!, stem(i + 1)];
    return (
      (before !== undefined && this.ownPairs.has(`${before} ${word}`)) ||
      (after !== undefined && this.ownPairs.has(`${word} ${after}`))
    );
  }

  /** The entry's training phrasing whose features overlap the question's most. */
  private nearest(vector: SparseVector, label: number): string | undefined {
    const weights = new Map<number, number>();
    vector.ids.forEach((f, j) => {
      weights.set(f, vector.values[j]!);
    });
    let best: string | undefined;
    let bestScore = -1;
    this.trainingExamples ??= examplesOf(this.labelled, this.featurizer, this.training);
    this.trainingExamples.forEach((e, i) => {
      if (e.label !== label) return;
      let dot = 0;
      e.vector.ids.forEach((f, j) => {
        dot += (weights.get(f) ?? 0) * e.vector.values[j]!;
      });
      if (dot > bestScore) {
        bestScore = dot;
        best = this.exampleText[i];
      }
    });
    return best;
  }
}

/**
 * The `label` examples without the features any entry's phrasings use: the off-topic class then
 * learns from words foreign to the knowledge ("sourdough", "quicksort"), never from words people
 * ask our entries with ("code", "file", "error"), which would otherwise count against an entry.
 */
function foreignOnly(examples: Example[], label: number, isEntry: (label: number) => boolean): Example[] {
  const asked = new Set<number>();
  for (const e of examples) if (isEntry(e.label)) for (const f of e.vector.ids) asked.add(f);
  return examples.map((e) => {
    if (e.label !== label) return e;
    const keep = [...e.vector.ids.keys()].filter((j) => !asked.has(e.vector.ids[j]!));
    return {
      ...e,
      vector: {
        ids: Int32Array.from(keep, (j) => e.vector.ids[j]!),
        values: Float64Array.from(keep, (j) => e.vector.values[j]!),
      },
    };
  });
}

/** The word length from which the spellers may correct two edits (params.features.spellingEdits). */
function twoEditsFrom(params: MatcherParams): number {
  return params.features.spellingEdits === 2 ? 7 : Number.POSITIVE_INFINITY;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The model cache's key: everything training reads. It covers every text field apart (the
 * exact-word index scores them apart: words moved from an answer to its details change it). The
 * index has a key of its own inside the file: its knobs and framing words retrain nothing.
 */
function trainingKey(
  params: MatcherParams,
  lexicon: Lexicon,
  entries: Answerable[],
  classes: number,
  labelled: Labelled[],
): string {
  const { lexical: _lexical, ...trainingParams } = params;
  const { framingWords: _framing, ...trainingLexicon } = lexicon;
  const texts = entries.map((e) => [...fieldsOf(e), ...e.keywords]);
  return cacheKey({ params: trainingParams, classes, labelled, texts, lexicon: trainingLexicon });
}

/**
 * Where the exact-word index comes from: the model cache when its own key (the BM25 knobs and
 * the framing words) matches and the stored arrays are whole and fit the knowledge, else built.
 */
class ExactWords {
  private readonly key: string;

  constructor(
    private readonly entries: Answerable[],
    private readonly params: MatcherParams["lexical"],
    private readonly framingWords: string[],
    cache: MatcherCache | undefined,
  ) {
    const { k1, b, d } = params;
    this.key = cache ? cacheKey({ k1, b, d, framingWords }) : "";
  }

  /** Built from the entries (none when the tilt is off). */
  fresh(): { postings: LexicalPostings | null; from: Matcher["exactWordsFrom"] } {
    if (!(this.params.weight > 0)) return { postings: null, from: "off" };
    return { postings: lexicalPostings(this.entries, this.params, this.framingWords), from: "built" };
  }

  fromStored(state: TrainedState): { postings: LexicalPostings | null; from: Matcher["exactWordsFrom"] } {
    const stored = state.lexical;
    if (
      this.params.weight > 0 &&
      stored?.key === this.key &&
      consistentPostings(stored.postings, this.entries.length)
    )
      return { postings: stored.postings, from: "cache" };
    return this.fresh();
  }

  stored(postings: LexicalPostings | null): TrainedState["lexical"] {
    return postings && { key: this.key, postings };
  }
}
