import type { Responses } from "../knowledge/schema.ts";
import { rawWords } from "./matcher/text.ts";

export type SmallTalk =
  | "greeting"
  | "thanks"
  | "acknowledgement"
  | "help"
  | "documents"
  | "limits"
  | "shortAnswers"
  | "fullAnswers";

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

/**
 * The most words a remark beside thanks may have ("thanks, this is useful for my slide deck",
 * "Alright, I think I have enough to write up a proposal. Thanks for your patience …"): 8 until
 * blind trial 24, whose "Thanks very much for your help today — this will make the slide much
 * easier." was declined; what keeps a question out is that no clause asks and that the message
 * names nothing of our subject (Asker.ask).
 */
const MAX_REMARK_WORDS = 24;
/** Words of a request, in rawWords' spelling: "I need …", "we'd like …", "please …", "can you …". */
const REQUESTS =
  /\b(?:(?:i|we)\s+(?:still\s+|also\s+|really\s+)?(?:need|want|would\s+like|d\s+like|id\s+like)|id\s+like|please|pls|plz|can\s+you|could\s+you|now\s+(?:i|we|can|could|what|how|explain|tell|show|give))\b/;
/**
 * Who is speaking, in rawWords' spelling: a role ("i lead …", "we run …", "i work at …"), what
 * they are ("im the cto of …", "we are a small lab …") or a name. Not how they feel or what they
 * are doing: "I am confused by that answer", "we are moving to aws lambda", "we are a bit lost"
 * (an independent review's were greeted).
 */
const INTRODUCES =
  /^(?:(?:i|we)\s+(?:lead|run|manage|head|look\s+after|maintain|work\s+(?:at|for|in|on))|(?:i\s+am|im|we\s+are|were)\s+(?:a|an|the)\s+(?!bit\b|little\b|lot\b)|my\s+name\s+is)\b/;
/** A remark opening with one of these asks something: "thanks, is that true for VMs". */
const ASKS_FIRST = new Set([
  ...["is", "are", "do", "does", "did", "can", "could", "should", "would", "will", "what", "how"],
  ...["why", "which", "when", "where", "who", "whats", "hows", "and", "but", "also", "so", "any"],
  // Asking in the imperative: "thanks, explain microvms".
  ...["explain", "tell", "show", "give", "compare", "list", "describe", "define", "help", "recommend"],
]);
/** A remark with one of these complains or corrects: "thanks, not helpful", "thanks but that's wrong". */
const COMPLAINS = new Set([
  ...["not", "no", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "wrong", "useless"],
  ...["unhelpful", "but", "except", "missed", "ignored", "forgot"],
]);
const WH_WORDS = new Set(["what", "how", "why", "which", "when", "where", "who"]);
/** After a wh-word, these make a question: "now what about GPUs" (not "what our CTO said"). */
const ASKS_AFTER_WH = new Set([
  "about",
  "if",
  "is",
  "are",
  "do",
  "does",
  "should",
  "would",
  "can",
  "s",
  "else",
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
/**
 * Does a clause of `text` open with a word that asks ("thanks. how do we patch them")? `skip`:
 * how many of a clause's first words to pass over first (the thanks opening it).
 */
function clauseAsks(text: string, skip: (clause: string[]) => number = () => 0): boolean {
  return text
    .split(/[.!;:,]+|\s[-—–]\s/)
    .map((c) => rawWords(c).map((w) => CHAT_SPELLINGS.get(w) ?? w))
    .some((clause) => ASKS_FIRST.has(clause[skip(clause)] ?? ""));
}

export class SmallTalkReader {
  private readonly whole = new Map<string, SmallTalk>();
  /** The patterns as word lists, longest first, so "thank you" is taken before "thank". */
  private readonly parts: { words: string[]; which: SmallTalk }[];
  private readonly courtesy: Set<string>;
  /** The thanks patterns among `parts`, for thanks beside a remark. */
  private readonly thanksParts: { words: string[]; which: SmallTalk }[];

  constructor(responses: Responses) {
    const patterns: [SmallTalk, readonly string[]][] = [
      ["greeting", responses.greeting.patterns],
      ["thanks", responses.thanks.patterns],
      ["acknowledgement", responses.acknowledgement.patterns],
      ["help", responses.help.patterns],
      ["documents", responses.documents.patterns],
      ["limits", responses.limits.patterns],
      ["shortAnswers", responses.shortAnswers.patterns],
      ["fullAnswers", responses.fullAnswers.patterns],
    ];
    for (const [which, list] of patterns) for (const p of list) this.whole.set(rawWords(p).join(" "), which);
    this.parts = patterns
      .flatMap(([which, list]) => list.map((p) => ({ words: rawWords(p), which })))
      // A pattern of no word ("👍") could never move the reading on.
      .filter((p) => p.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    this.courtesy = new Set(responses.acknowledgement.courtesyWords.flatMap((w) => rawWords(w)));
    this.thanksParts = this.parts.filter((p) => p.which === "thanks");
  }

  /**
   * Thanks with a short remark beside them, which asks nothing and complains of nothing: "thanks,
   * this is useful for my slide deck", "cool, firecracker it is. thanks!", "lol ok ty ur kinda
   * helpful ngl", "Alright, I think I have enough to write up a proposal. Thanks for your patience
   * with my long messages, have a good one." (blind trial 24's last two were declined); not
   * "thanks, and for VMs?", "thanks! what about GPUs", "thanks, is that true for VMs".
   */
  closingThanks(question: string): boolean {
    if (question.includes("?")) return false;
    const words = rawWords(question).map((w) => CHAT_SPELLINGS.get(w) ?? w);
    const at = words.findIndex((_, i) => this.thanksAt(words, i) > 0);
    if (at < 0) return false;
    const rest = [...words.slice(0, at), ...words.slice(at + this.thanksAt(words, at))];
    if (rest.length > MAX_REMARK_WORDS) return false;
    if (rest.some((w) => COMPLAINS.has(w))) return false;
    // A request beside the thanks: "thanks. now I need the short version for my boss", "ok cool
    // ty. please send the summary to my manager" (an independent review's).
    if (REQUESTS.test(rest.join(" "))) return false;
    // No clause of it asks: "thanks. how do we patch them", "ok ty, and for vms".
    if (clauseAsks(question, (clause) => this.thanksAt(clause, 0))) return false;
    const saying = rest.filter((w) => !this.courtesy.has(w));
    return !saying.some((w, i) => WH_WORDS.has(w) && ASKS_AFTER_WH.has(saying[i + 1] ?? ""));
  }

  /**
   * A greeting, then who the person is, asking nothing: "hello, I lead the infra team at a
   * regional hospital group", "hi! i run the compute for a ML research lab at a university" (a
   * blind trial's were declined as outside what the bot knows). Not a request or a question
   * after it: "hi, i need to pick a platform", "hey, we run k8s, is that overkill?"; only where
   * the bot would decline the message anyway (ask.ts), which one describing the system is not.
   */
  greetingWithIntroduction(question: string): boolean {
    if (question.includes("?")) return false;
    const words = rawWords(question).map((w) => CHAT_SPELLINGS.get(w) ?? w);
    const greeting = this.parts.find(
      (p) => p.which === "greeting" && p.words.every((w, j) => words[j] === w),
    );
    if (!greeting) return false;
    const rest = words.slice(greeting.words.length);
    while (rest.length > 0 && this.courtesy.has(rest[0]!)) rest.shift();
    if (rest.length === 0 || rest.length > MAX_REMARK_WORDS) return false;
    const said = rest.join(" ");
    if (!INTRODUCES.test(said) || REQUESTS.test(said)) return false;
    // Nor a question without its mark: "Hello, I have cors issues … How can I handle it".
    return !clauseAsks(question);
  }

  /** How many words of thanks `words` has at `i` ("thank you": 2), 0 for none. */
  private thanksAt(words: readonly string[], i: number): number {
    return this.thanksParts.find((p) => p.words.every((w, j) => words[i + j] === w))?.words.length ?? 0;
  }

  /** The kind of small talk `words` (rawWords of a message, the bot's name left out) are, if any. */
  of(typed: string[]): SmallTalk | undefined {
    // A letter held down is the word, once or twice: "hiii", "heyyy", "cooool" (blind trial 18's
    // "hiii what's up" was declined as off topic).
    const held = (times: string) => typed.map((w) => w.replace(/(\p{L})\1{2,}/gu, times));
    const words = held("$1");
    return this.read(words) ?? (words.join() === typed.join() ? undefined : this.read(held("$1$1")));
  }

  private read(typed: string[]): SmallTalk | undefined {
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
    // "ok, what can't you do?", "can you answer in spanish?": what the bot does not do, beside
    // courtesy only (with "help" too, it is asked what the bot does).
    // "ok thanks, keep answers short from now on": the preference, whatever courtesy comes with it.
    if (found.has("shortAnswers")) return "shortAnswers";
    if (found.has("fullAnswers")) return "fullAnswers";
    if (found.has("limits")) return found.has("help") ? "help" : "limits";
    return MIXABLE.find((which) => found.has(which));
  }
}
