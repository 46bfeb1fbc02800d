import type { FailureReportLists, IntentId, Responses } from "../knowledge/schema.ts";
import type { Answerable } from "./answerable.ts";
import { FailureReports } from "./failureReport.ts";
import { type Decision, type DeclineRule, decide } from "./matcher/decide.ts";
import type { Explanation, Matcher, MatchResult } from "./matcher/matcher.ts";
import { rawWords } from "./matcher/text.ts";
import { asksForFigures } from "./replies/facets.ts";
import { type SmallTalk, SmallTalkReader } from "./smalltalk.ts";

/** Longer texts are declined before matching (the input boxes of Teams and the playground stop here too). */
export const MAX_QUESTION_CHARS = 4000;
/** A question without its style requests is matched so only with this many words left. */
const MIN_WITHOUT_STYLE = 3;
/** Words that only acknowledge or react, as a sentence of their own before a question. */
const INTERJECTIONS = new Set(
  "ok okay k kk fine cool sure alright right great nice hmm hm well whatever thanks thank you thx ty got it gotcha understood noted yes yeah yep oh ah interesting lol haha wow".split(
    " ",
  ),
);
/** A sentence needs this many words to be matched on its own. */
const MIN_SENTENCE_WORDS = 3;
/** How many runner-ups a best guess offers beside its answer. */
const MAX_OFFERS = 2;
/** How many entries a failure report is offered: as many as "did you mean" ever shows. */
const MAX_FAILURE_OFFERS = 3;
/** From this length a message is answered on its most telling sentence, and says which. */
const LONG_TEXT = 300;

export type AskOutcome =
  /**
   * `focus`: the sentence of a longer text that was answered, when the whole text was not.
   * `unsure`: a best guess, which says so; `alternatives`: the next entries, offered beside it.
   */
  | {
      kind: "answer";
      entry: Answerable;
      confidence: number;
      focus?: string;
      unsure?: true;
      alternatives?: Answerable[];
      /** Products the question names that the documents never mention (lexicon notInDocuments). */
      unnamed?: string[];
      /**
       * Terms of our glossary the question names that the answer never speaks of ("can firecracker
       * do gpu passthrough?" answered on GPUs): the documents do not put the two together.
       */
      uncovered?: Answerable[];
      /** It asks for a price ("how much does EKS cost per month?"), which the documents never give. */
      priced?: true;
      /** It asks for figures ("how many ms does a microVM take to boot?"), which the documents never give exactly. */
      figures?: true;
    }
  | { kind: "intent"; intent: IntentId; confidence: number }
  /** `why`: as decide() says (close, unsure, or sure but with no subject word). */
  | {
      kind: "no-match";
      confidence: number;
      suggestions: Answerable[];
      /**
       * "write": a request to write something (asksToWrite), with the entry surely matched, if any;
       * "failure-report": it reports something failing (failureReport.ts), with its closest entries.
       */
      why: "close" | "unsure" | "no-subject-word" | "write" | "failure-report";
      unnamed?: string[];
    }
  | {
      kind: "out-of-scope";
      confidence: number;
      rule: DeclineRule;
      offTopic: number;
      /** Its only subject words were general ones: it may well be someone else's subject. */
      generalOnly: boolean;
      unnamed?: string[];
      /** It asked whether the documents take something up (coverage.ts): they do not. */
      coverage?: true;
    }
  | { kind: "smalltalk"; which: SmallTalk }
  | { kind: "empty" }
  | { kind: "too-long" };

/** The entries an outcome offers: "did you mean" ones, or the runner-ups beside a best guess. */
export function offeredBy(outcome: AskOutcome): Answerable[] {
  if (outcome.kind === "no-match") return outcome.suggestions;
  return outcome.kind === "answer" ? [...(outcome.alternatives ?? []), ...(outcome.uncovered ?? [])] : [];
}

/** Why a question got what it got: the model's view and the rule that decided. */
export interface AskExplanation extends Explanation {
  question: string;
  decision: Decision;
  /** For a best guess: the runner-ups its reply offers (ids). */
  offered?: string[];
}

/** Receives the explanation of every matched question; called only when someone listens (debug logs). */
export type ExplainSink = (explain: () => AskExplanation) => void;

/** A style request as written, anywhere, any case: apostrophes optional, any spacing or ";" between words ("tl;dr"). */
function stylePattern(phrase: string): RegExp {
  const words = phrase
    .toLowerCase()
    .split(/[\s;]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['’]/g, "['’]?"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[\\s;,-]*")}(?![\\p{L}\\p{N}])`, "giu");
}

/** A name of several words in a text: its words in a row, joined by spaces or hyphens, the last in the singular or the plural. */
function phrasePattern(words: string[]): RegExp {
  const last = words.length - 1;
  const parts = words.map((w, i) => {
    const word = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return i === last ? `${word.replace(/s$/, "")}s?` : word;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])${parts.join("[\\s-]+")}(?![\\p{L}\\p{N}])`, "iu");
}

/**
 * A glossary name the answer leaves out is a gap only when it is this rare across the entries
 * (Matcher.rarity): "firecracker" 4.8, "seccomp" 5.2, "statefulset" 5.2; not "kernel" 3.6,
 * "hypervisor" 3.2 or "kubernetes" 1.9, which answers speak around without naming.
 */
const SPECIFIC_NAME = 4;
/** At most this many terms an answer leaves out are named above it. */
const MAX_UNCOVERED = 2;

/**
 * What a text asks: its last question (its last sentence if none ends in "?"), from a comma before
 * the words that ask ("we use a service mesh, what's cheaper …?" asks "what's cheaper …?").
 */
function askedPart(text: string): string {
  const sentences = sentencesOf(text);
  const asked = sentences.findLast((s) => s.endsWith("?")) ?? sentences.at(-1) ?? text;
  const clause =
    /,\s*((?:and\s+|so\s+|but\s+)?(?:what|which|how|why|when|where|who|is|are|should|can|could|do|does|would|will)\b.*)$/i.exec(
      asked,
    );
  return clause?.[1] ?? asked;
}

/** Answers a free-text question: an entry, "did you mean" suggestions, or an honest decline. */
export class Asker {
  private readonly byId: Map<string, Answerable>;
  private readonly smalltalk: SmallTalkReader;
  private readonly notInDocuments: Map<string, string>;
  /** The names of several words ("live migration"), each with the pattern that finds it in a text. */
  private readonly notInDocumentsPhrases: { pattern: RegExp; name: string }[];
  /** lexicon styleRequests as patterns (stylePattern). */
  private readonly styleRequests: RegExp[];
  private readonly failures: FailureReports | undefined;

  constructor(
    entries: Answerable[],
    /** The trained matcher; training happens on the first call (see questions.ts). */
    private readonly trainedMatcher: () => Matcher,
    responses: Responses,
    private readonly onExplain?: ExplainSink,
    /** lexicon notInDocuments: names of our subject the documents never mention. */
    notInDocuments: readonly string[] = [],
    /** lexicon styleRequests: how the answer should be said ("in plain english"), not what about. */
    styleRequests: readonly string[] = [],
    /** lexicon sides' words ("containers", "vms"): what "what are they?" may ask about. */
    private readonly sides: readonly string[] = [],
    /** lexicon failureReports: how a question reports something failing. */
    failureReports?: FailureReportLists,
  ) {
    this.failures = failureReports ? new FailureReports(failureReports) : undefined;
    this.styleRequests = styleRequests.map(stylePattern);
    this.byId = new Map(entries.map((e) => [e.id, e]));
    const single = notInDocuments.filter((n) => !n.includes(" "));
    this.notInDocuments = new Map(single.map((n) => [n.toLowerCase(), n]));
    this.notInDocumentsPhrases = notInDocuments
      .filter((n) => n.includes(" "))
      .map((name) => ({ pattern: phrasePattern(rawWords(name)), name }));
    this.smalltalk = new SmallTalkReader(responses);
  }

  /**
   * Without the sentences that open it and only acknowledge ("fine. how many containers can I fit
   * on one host?", "ok whatever. …": a blind trial's "fine" was matched, and pulled the answer to
   * when to choose containers), where a question of MIN_WITHOUT_STYLE words or more is left.
   */
  private withoutInterjections(question: string): string {
    const sentences = sentencesOf(question);
    let at = 0;
    while (at < sentences.length - 1 && rawWords(sentences[at]!).every((w) => INTERJECTIONS.has(w))) at++;
    const rest = sentences.slice(at).join(" ");
    return at > 0 && rawWords(rest).length >= MIN_WITHOUT_STYLE ? rest : question;
  }

  /**
   * The question without the words that ask how to say the answer ("…, in plain english", "eli5:"),
   * which only pulled it towards entries whose phrasings use them ("whats the difference in
   * isolation between a vm and a container, in plain english" got the microVMs entry, a blind
   * trial's); the whole question where little else is left.
   */
  private withoutStyle(question: string): string {
    let rest = question;
    for (const p of this.styleRequests) rest = rest.replace(p, " ");
    return rawWords(rest).length >= MIN_WITHOUT_STYLE
      ? rest.replace(/\s+([,.;:!?])/g, "$1").trim()
      : question;
  }

  private get matcher(): Matcher {
    return this.trainedMatcher();
  }

  entry(id: string): Answerable | undefined {
    return this.byId.get(id);
  }

  /** What small talk a text is alone, if any ("keep answers short" before a question). */
  smallTalkOf(text: string): SmallTalk | undefined {
    return this.smalltalk.of(rawWords(text));
  }

  /**
   * `inConversation`: the conversation so far was about our subject, so a question naming none of
   * its words is judged as if it did (a follow-up such as "what about the people side, like
   * skills?"); every other rule still applies.
   */
  ask(question: string, inConversation = false): AskOutcome {
    if (question.length > MAX_QUESTION_CHARS) return { kind: "too-long" };
    const words = rawWords(question);
    if (words.length === 0) return { kind: "empty" };
    const smalltalk =
      this.smalltalk.of(words) ?? this.smalltalk.of(words.filter((w) => w !== "vmvc" && w !== "bot"));
    if (smalltalk) return { kind: "smalltalk", which: smalltalk };
    // Thanks beside a remark that names nothing of our subject ("thanks, this is useful for my
    // slide deck"); "thanks, vms vs containers" is a question.
    if (this.smalltalk.closingThanks(question) && !this.matcher.match(question).onTopic)
      return { kind: "smalltalk", which: "thanks" };

    const plain = this.withoutStyle(this.withoutInterjections(question));
    const found = this.pronounResolved(plain, inConversation) ?? this.bestPart(plain, inConversation);
    const { focus } = found;
    const decision = this.offeredIfFailure(question, found.decision, inConversation);
    this.onExplain?.(() => this.explain(focus ?? question, inConversation));
    // A greeting with who is speaking, which the documents could not answer anyway: greeted; not
    // in a conversation on our subject, where "hey, I am the one who asked about k8s" follows up.
    if (!inConversation && decision.kind === "decline" && this.smalltalk.greetingWithIntroduction(question))
      return { kind: "smalltalk", which: "greeting" };
    // "write me a dockerfile for a node app": no answer; the entry surely matched is offered.
    if (asksToWrite(question))
      return {
        kind: "no-match",
        confidence: decision.confidence,
        suggestions: decision.kind === "answer" && !decision.unsure ? [this.byId.get(decision.id)!] : [],
        why: "write",
        ...this.unnamedOf(question),
      };
    switch (decision.kind) {
      case "answer":
        return {
          kind: "answer",
          entry: this.byId.get(decision.id)!,
          confidence: decision.confidence,
          ...(focus ? { focus } : {}),
          ...(decision.unsure ? this.offers(decision.id, decision.alternatives) : {}),
          // Only what was answered: a long message's other sentences may name what they like.
          ...this.namedNotes(focus ?? question, this.byId.get(decision.id)!),
          ...(asksForPrice(focus ?? question) ? { priced: true as const } : {}),
          ...(asksForFigures(focus ?? question) ? { figures: true as const } : {}),
        };
      case "intent":
        return { kind: "intent", intent: decision.id, confidence: decision.confidence };
      case "suggest":
        return {
          kind: "no-match",
          confidence: decision.confidence,
          suggestions: decision.ids.map((id) => this.byId.get(id)!),
          why: decision.why,
          ...this.unnamedOf(question),
        };
      case "decline":
        return {
          kind: "out-of-scope",
          confidence: decision.confidence,
          rule: decision.rule,
          offTopic: decision.offTopic,
          generalOnly: decision.generalOnly,
          ...this.unnamedOf(question),
        };
    }
  }

  /**
   * The products a question names that the documents never mention, else the terms of ours it
   * names that the answer never speaks of: one line above an answer is enough.
   */
  private namedNotes(text: string, entry: Answerable): { unnamed?: string[]; uncovered?: Answerable[] } {
    const unnamed = this.unnamedOf(text);
    return unnamed.unnamed ? unnamed : this.uncoveredOf(text, entry);
  }

  /**
   * The glossary terms a question names whose names the answer's entry never uses, in the order
   * of the glossary, at most MAX_UNCOVERED: only specific names (SPECIFIC_NAME), so "kernel" or
   * "kubernetes" beside an answer that speaks of neither is no gap, and never a term of the same
   * subject as the answer (a glossary term and the FAQ entry about it).
   */
  private uncoveredOf(text: string, entry: Answerable): { uncovered?: Answerable[] } {
    // Only in what is asked: "we use canary releases and a service mesh, what's cheaper vms or
    // containers?" names the mesh as its setup (an independent review's).
    text = askedPart(text);
    const said = [...entry.phrasings, entry.answer, entry.details].join("\n");
    const found: Answerable[] = [];
    for (const term of this.namedTerms()) {
      if (found.length === MAX_UNCOVERED) break;
      if (term.entry.id === entry.id || this.matcher.sameSubject(term.entry.id, entry.id)) continue;
      const named = term.names.filter((n) => n.specific && n.pattern.test(text));
      if (named.length > 0 && !term.names.some((n) => n.pattern.test(said))) found.push(term.entry);
    }
    return found.length > 0 ? { uncovered: found } : {};
  }

  private terms: { entry: Answerable; names: { pattern: RegExp; specific: boolean }[] }[] | undefined;

  /** Every glossary term with a pattern for each of its names, built on first use (it needs the trained matcher). */
  private namedTerms(): NonNullable<Asker["terms"]> {
    this.terms ??= [...this.byId.values()]
      .filter((e) => (e.names?.length ?? 0) > 0 && !e.inPassing)
      .map((entry) => ({
        entry,
        names: entry.names!.map((name) => ({
          pattern: phrasePattern(rawWords(name)),
          specific:
            Math.max(0, ...this.matcher.stems(name).map((s) => this.matcher.rarity(s))) >= SPECIFIC_NAME,
        })),
      }));
    return this.terms;
  }

  /**
   * The names of notInDocuments a question uses, as the lexicon writes them, in the question's
   * order: each word, else the parts of a hyphenated one ("nspawn-based"), and a plural "s" count;
   * a name of several words where they stand in a row ("is live migration possible?").
   */
  private unnamedOf(text: string): { unnamed?: string[] } {
    const words = rawWords(text);
    const found = new Set<string>();
    const nameOf = (w: string) => this.notInDocuments.get(w) ?? this.notInDocuments.get(w.replace(/s$/, ""));
    // A name of several words where they stand in a row, split by spaces or hyphens only (not
    // "windows: containers"), in the singular or the plural.
    for (const phrase of this.notInDocumentsPhrases) if (phrase.pattern.test(text)) found.add(phrase.name);
    for (const word of words) {
      const whole = nameOf(word);
      if (whole) found.add(whole);
      else
        for (const part of word.split(/[-/]/)) {
          const name = nameOf(part);
          if (name) found.add(name);
        }
    }
    if (found.size === 0) return {};
    // A name inside another found ("lock-in" in "vendor lock-in") is named once, by the longer.
    for (const name of [...found])
      if ([...found].some((other) => other !== name && other.toLowerCase().includes(name.toLowerCase())))
        found.delete(name);
    // Phrases were looked for first: in the question's order by where each name's first word stands.
    const lower = text.toLowerCase();
    const at = (name: string) => {
      const i = lower.indexOf(name.toLowerCase().split(/[\s-]/)[0]!);
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    };
    return { unnamed: [...found].sort((a, b) => at(a) - at(b)) };
  }

  /**
   * A long message (a pasted description, a forum post) is answered on its most telling
   * sentence, questions first and the last question first, since people end with what they want
   * to know; a shorter one on the whole text, unless that only got "did you mean" and one of its
   * sentences gets an answer.
   */
  private bestPart(text: string, inConversation: boolean): { decision: Decision; focus?: string } {
    const long = text.length >= LONG_TEXT;
    const judge = (result: MatchResult) => this.decide(result, inConversation);
    const whole = () => judge(this.matcher.match(text));
    const decision = long ? undefined : whole();
    // A short text declined as a whole stays declined: a fragment of it proves nothing; except its
    // one question after sentences naming nothing of our subject, which only dilute it
    // ("Returning to the matter at hand. Do the sources say anything about running Windows-based
    // workloads …?": blind trial 26's was declined).
    if (decision?.kind === "decline") {
      const question = this.askedAfterLeadIn(text);
      const part = question ? judge(this.matcher.match(question, text)) : undefined;
      return part?.kind === "answer" ? { decision: part, focus: question! } : { decision };
    }
    if (decision && decision.kind !== "suggest") return { decision };
    const sentences = sentencesOf(text).filter((s) => rawWords(s).length >= MIN_SENTENCE_WORDS);
    if (sentences.length >= 2) {
      const questions = sentences.filter((s) => s.endsWith("?")).reverse();
      const others = sentences.filter((s) => !s.endsWith("?")).reverse();
      for (const sentence of [...questions, ...others]) {
        const part = judge(this.matcher.match(sentence, text));
        if (part.kind === "answer") return { decision: part, focus: sentence };
      }
    }
    return { decision: decision ?? whole() };
  }

  /**
   * "my CTO keeps saying we should use containers. what are they in plain english?": the last
   * sentence asks what something is by a pronoun; asked with the last subject the sentences before
   * it name ("what are containers?"), where that is surely answered (a blind trial's founder got
   * when containers win).
   */
  private pronounResolved(
    text: string,
    inConversation: boolean,
  ): { decision: Decision; focus: string } | undefined {
    const sentences = sentencesOf(text);
    const asked = sentences.at(-1);
    const pronoun = asked === undefined ? null : WHAT_IS_PRONOUN.exec(asked);
    if (sentences.length < 2 || !asked || !pronoun) return undefined;
    // In the sentence just before, one name only, which opens or ends it ("kata containers came
    // up in a meeting", "… we should use containers"): not "we got an error starting the vm:
    // exit code 137. what is that?", where "that" is the error, nor "vms and containers" (a
    // second review's). The longest name where two overlap ("kata containers", not "containers").
    const words = rawWords(sentences.at(-2)!);
    const found: { from: number; to: number; name: string }[] = [];
    for (const target of this.pronounTargets())
      for (let at = 0; at + target.words.length <= words.length; at++)
        if (target.words.every((w, k) => words[at + k] === w))
          found.push({ from: at, to: at + target.words.length - 1, name: target.words.join(" ") });
    const longest = found.filter(
      (f) => !found.some((g) => g !== f && g.from <= f.from && g.to >= f.to && g.to - g.from > f.to - f.from),
    );
    const only = longest[0];
    if (new Set(longest.map((f) => f.name)).size !== 1 || !only) return undefined;
    if (only.from > 1 && only.to < words.length - 2) return undefined;
    const start = pronoun.index + pronoun[0].length - pronoun[1]!.length;
    const focus = `${asked.slice(0, start)}${only.name}${asked.slice(pronoun.index + pronoun[0].length)}`;
    const decision = this.decide(this.matcher.match(focus), inConversation);
    return decision.kind === "answer" && !decision.unsure ? { decision, focus } : undefined;
  }

  private targets: PronounTarget[] | undefined;

  /** What a pronoun may stand for: our sides' words and the glossary's names, in rawWords' spelling. */
  private pronounTargets(): PronounTarget[] {
    this.targets ??= [...this.sides, ...this.namedTerms().flatMap((t) => t.entry.names ?? [])]
      .map((n) => ({ words: rawWords(n) }))
      .filter((t) => t.words.length > 0);
    return this.targets;
  }

  /** A text's one question, when its other sentences name no subject word of ours nor any other. */
  private askedAfterLeadIn(text: string): string | undefined {
    const sentences = sentencesOf(text);
    const asked = sentences.filter((s) => s.endsWith("?"));
    if (sentences.length < 2 || asked.length !== 1) return undefined;
    const others = sentences.filter((s) => s !== asked[0]);
    // Chatter, not another subject: every word of the lead-in is one the knowledge uses ("Our CFO
    // wants to cut the AWS bill by 30 percent. Where do we start?" is someone else's subject; an
    // independent review's).
    return others.every((s) => {
      const lead = this.matcher.match(s);
      return !lead.onTopic && lead.known >= 1;
    })
      ? asked[0]
      : undefined;
  }

  /**
   * A best guess and up to MAX_OFFERS runner-ups to offer beside it: none the reply shows anyway
   * (the answer's related questions), and no two on one subject.
   */
  private offers(answered: string, ranked: string[]): { unsure: true; alternatives?: Answerable[] } {
    const entry = this.byId.get(answered)!;
    const shown = new Set([answered, ...entry.related]);
    const offered: Answerable[] = [];
    for (const id of ranked) {
      if (offered.length === MAX_OFFERS) break;
      if (shown.has(id) || offered.some((o) => this.matcher.sameSubject(o.id, id))) continue;
      offered.push(this.byId.get(id)!);
    }
    return offered.length > 0 ? { unsure: true, alternatives: offered } : { unsure: true };
  }

  /**
   * The entries a question comes next closest to after `answered`, as a best guess offers them
   * (at least params.decide.suggest): for a sure answer given before, which a reply does not print
   * again, the question may have meant one of these ("… doesnt that blow up cost? whats the
   * density hit" after the untrusted-tenants answer; blind trial 28's).
   */
  runnerUps(question: string, answered: string): Answerable[] {
    const { suggest } = this.matcher.params.decide;
    const ranked = this.matcher
      .match(question)
      .ranked.filter((r) => r.score >= suggest)
      .map((r) => r.id);
    return this.offers(answered, ranked).alternatives ?? [];
  }

  /** The match behind `ask`: features and weights, nearest phrasing, runner-ups and the deciding rule. */
  explain(question: string, inConversation = false): AskExplanation {
    // Matched as ask() matches it: without its style requests.
    const explanation = this.matcher.explain(this.withoutStyle(question));
    const decision = this.offeredIfFailure(
      question,
      this.decide(explanation.result, inConversation),
      inConversation,
    );
    const offered =
      decision.kind === "answer" && decision.unsure
        ? (this.offers(decision.id, decision.alternatives).alternatives ?? []).map((a) => a.id)
        : undefined;
    return { question, ...explanation, decision, ...(offered ? { offered } : {}) };
  }

  /**
   * A question that reports something failing ("USB passthrough not working") is offered the
   * entries it matched, never answered: the documents troubleshoot no tool (failureReport.ts).
   * Not where the asker reads it as part of a conversation on our subject (`inConversation`).
   */
  private offeredIfFailure(question: string, decision: Decision, inConversation: boolean): Decision {
    if (inConversation || (decision.kind !== "answer" && decision.kind !== "suggest")) return decision;
    const reported = this.failures?.reportIn(question);
    // Asking between two of our sides, it asks a choice the documents weigh, whatever went wrong
    // first ("our containers keep getting OOMKilled, would VMs be better?"; a blind measurement's).
    if (!reported || (question.includes("?") && this.matcher.match(question).sides >= 2)) return decision;
    const ids = decision.kind === "answer" ? [decision.id, ...decision.alternatives] : decision.ids;
    return {
      kind: "suggest",
      ids: ids.slice(0, MAX_FAILURE_OFFERS),
      confidence: decision.confidence,
      why: "failure-report",
      reported,
    };
  }

  private decide(result: MatchResult, inConversation = false): Decision {
    const judged = inConversation ? { ...result, onTopic: true, generalOnly: false } : result;
    return decide(judged, this.matcher.params.decide, (a, b) => this.matcher.sameSubject(a, b));
  }
}

/** A name "what are they?" may stand for, as its words. */
type PronounTarget = { words: string[] };

/** "what are they?", "what's that", "so what is it exactly?": what something is, by a pronoun (group 1). */
const WHAT_IS_PRONOUN =
  /^(?:(?:ok|okay|so|and|but|um|well|sorry)[\s,]+)*(?:what|wtf)(?:\s+(?:are|is)|'s|’s|s|'re|’re)\s+(they|those|these|it|that|this)(?=\s*(?:exactly|actually|again|even|then|anyway)?\s*[?.!]*\s*$)/i;

/** The sentences of a text: split after . ? ! and at line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Does a message ask the bot to write something, code or prose: "can you write me a dockerfile for
 * a node app", "write a haiku about kubernetes", "generate a k8s manifest for this"? Not "how do I
 * write a Dockerfile?" (a question) or "what is a compose file?".
 */
export function asksToWrite(question: string): boolean {
  // A question only when it asks the bot ("can you write me a dockerfile?"): not "compose file
  // or k8s manifests for a 3-service app?".
  if (question.includes("?") && !/^\W*(?:\w+\W+){0,2}?(?:can|could|would|will)\s+(?:you|u)\b/i.test(question))
    return false;
  // The thing to write right after the verb (an article and two words at most, none of them a
  // preposition): not "give me some examples of untrusted code", "give me a recommendation for our code".
  return /^\W*(?:(?:hey|hi|ok|okay|so|lol|pls|please)\W+)*(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:please\s+|pls\s+)?(?:help\s+(?:me|us)\s+(?:to\s+)?)?(?:write|generate|draft|give)\s+(?:me\s+|us\s+)?(?:a|an|the|some|my|our)?\s*(?:(?!(?:of|for|from|on|about|in|with|to|into|by)\b)[\w-]+\s+){0,3}?(?:dockerfiles?|polic(?:y|ies)|rego|docker-compose(?:\.yml)?|compose\s+files?|yaml|manifests?|scripts?|one-liners?|poems?|haiku|songs?|limericks?|stories|story|essays?|jokes?|code|config|configs|configuration|helm\s+charts?|terraform|playbooks?|programs?|functions?|emails?|blog\s+posts?|tweets?|raps?|sonnets?|cover\s+letters?|letters?|resumes?|cvs?)(?=\s*(?:$|[,.!?]|\s(?:for|that|which|to|in|about|with|of|so|please|pls|on)\b))/i.test(
    question,
  );
}

/**
 * Does a question ask for a price: "how much does docker desktop cost", "what would 50 VMs cost
 * per month", "EKS pricing", "$200 a month"? Money words only: not "we release once a month", "what
 * price do we pay in performance" or "how much does kubernetes cost us in engineering time" (the
 * documents compare costs; they never price anything).
 */
export function asksForPrice(question: string): boolean {
  const q = question.toLowerCase();
  if (/\b(?:pricing|prices|price list|priced)\b|[$€£]\s?\d|\b\d+\s?(?:usd|eur|dollars|euros)\b/.test(q))
    return true;
  // "cost(s) per month", "monthly bill": money over time.
  if (
    /\b(?:costs?|spend|bill|pay)\b[^?]{0,50}\b(?:per|a|each)\s+(?:\w+\s+)?(?:month|year|hour)\b|\bmonthly\s+(?:cost|bill|spend|price)\b/.test(
      q,
    )
  )
    return true;
  // "how much is a t3.medium … per month": a thing's price over time (not "how much traffic per hour").
  if (/\bhow much (?:is|are|would|will|does|do)\b[^?]{0,50}\bper\s+(?:month|year|hour)\b/.test(q))
    return true;
  // "how much does … cost", unless what it costs is something other than money ("cost us in
  // engineering time", "cost in latency", "cost, performance-wise") or overhead ("does it cost much?").
  const howMuch = /\bhow much (?:does|do|did|would|will|is|are|should)\b[^?]*?\bcost\b(.*)$/.exec(q);
  const after = howMuch?.[1] ?? "";
  return (
    howMuch !== null &&
    !/^\s*(?:us\s+)?in\s+(?:terms\s+of\s+)?(?:time|effort|engineering|latency|performance|memory|cpu|resources|overhead|complexity|people|staff|developer|hours|headcount)\b/.test(
      after,
    ) &&
    !/^[\s,]*\w+-wise\b/.test(after) &&
    !/\boverhead\b/.test(q)
  );
}
