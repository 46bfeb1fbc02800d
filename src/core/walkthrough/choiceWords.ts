import { stemmer } from "stemmer";
import type { ChecklistQuestion } from "../../knowledge/decisionSchema.ts";
import { editDistance, rawWords } from "../matcher/text.ts";

/** The content words of a text, stemmed ("bursty" and "bursts" are one), without `stopwords`. */
const contentWords = (text: string, stopwords: ReadonlySet<string>) =>
  rawWords(text)
    .filter((w) => !stopwords.has(w))
    .map((w) => stemmer(w));

/** A word that turns what follows round: "no legacy stuff" is not the label that says "legacy". */
const NEGATORS = new Set([
  "no",
  "not",
  "none",
  "nothing",
  "never",
  "without",
  "nor",
  "dont",
  "isnt",
  "arent",
  "doesnt",
  "cant",
  "cannot",
  "wont",
  "wouldnt",
  "shouldnt",
  "hardly",
]);

/** Before words said for a choice, a negator or "than" turns them down ("rather EKS than our own control plane"). */
const turnsDown = (w: string) => NEGATORS.has(w) || w === "than";
/**
 * "no" answering the question, not negating what follows: first in its clause and followed by a
 * word that opens a statement ("no we wrote it ourselves", "no just ubuntu everywhere"; blind
 * trials 19 and 20 read neither). "no legacy stuff" still turns "legacy stuff" down.
 */
const ANSWERING_NO = new Set(["no", "nope", "nah"]);
const STATEMENT_OPENERS = new Set([
  "we",
  "were",
  "weve",
  "i",
  "im",
  "it",
  "its",
  "our",
  "they",
  "just",
  "only",
]);
const turnsDownAt = (words: string[], i: number) =>
  turnsDown(words[i]!) && !(i === 0 && ANSWERING_NO.has(words[0]!) && STATEMENT_OPENERS.has(words[1] ?? ""));
/** Right after words said for a choice, these deny them: "managed is not an option". */
const DENIED_AFTER = new Set(["not", "dont", "doesnt", "isnt", "arent", "never", "wont", "cant", "nor"]);
/** How many words after them a denial may come, before a word that opens another clause. */
const DENIAL_WINDOW = 3;
/** Words that open another clause: "eks since we cant run clusters ourselves" denies nothing of EKS. */
const CLAUSE_OPENERS = new Set([
  "since",
  "because",
  "cause",
  "cuz",
  "as",
  "and",
  "but",
  "so",
  "while",
  "though",
]);
/** Is a denial among the first words after `at`, before another clause opens? */
function deniedAfter(words: string[], at: number): boolean {
  for (let i = at; i < words.length && i < at + DENIAL_WINDOW; i++) {
    if (CLAUSE_OPENERS.has(words[i]!)) return false;
    if (DENIED_AFTER.has(words[i]!)) return true;
  }
  return false;
}

/** After an option's word, these say it fits: "standard is fine", "medium for us". */
const FITS = new Set(["is", "are", "was", "for", "fine", "please", "then", "it", "i", "we", "here"]);

/** Does a text say "no" or "not" anywhere (which turns a label's word round)? */
export const negated = (text: string) => rawWords(text).some((w) => NEGATORS.has(w));

/** The words before the first comma, colon or dash between words; not a hyphen inside one ("medium-sized"). */
const headOf = (text: string) => /^\s*(.+?)\s*(?:[,;:]|\s[-—–]\s|[—–])/.exec(text)?.[1];

/** Words that qualify what came before them: "none, except the GPU inference boxes". */
const EXCEPTS = "except|apart from|other than|besides|save for";
/** After an option named first: an exception, or a concession. */
const EXCEPTED = new RegExp(`\\b(?:${EXCEPTS}|though|although)\\b`, "i");
/**
 * Someone else's word ("the vendor said strict"), as regular-expression source; not the asker's own
 * ("no wait, isolation should be strong, I said go strong": blind trial 22's, not read).
 */
const HEARSAY_VERB = String.raw`(?<!\b(?:i|we|i already|we already)\s)(?:says|said)`;
/** After an option named first, whatever the rest says: also a condition, hearsay, a doubt or a "but". */
const QUALIFIED = new RegExp(
  `\\b(?:if|unless|${HEARSAY_VERB}|maybe|might|but|${EXCEPTS}|though|although)\\b`,
  "i",
);
/**
 * Anywhere beside words said for a choice, an exception or a rejection says otherwise ("all linux
 * except one windows box", "our own code on top of SAP", "tried eks, hated it", "we find EKS too
 * expensive"). (Not "but": "decent CI but nobody knows kubernetes" is still decent CI.)
 */
const SAID_EXCEPTED = new RegExp(
  `\\b(?:${EXCEPTS}|on top of|hated?|hates|dropped|ditched|moved off|gave up|too expensive|pricey|nightmare|painful|regret)\\b`,
  "i",
);

/** Words that open a reply before what it says: "ok then yes, we have to keep both", "no wait q3 …". */
const OPENING =
  /^\s*(?:(?:ok|okay|well|so|hmm+|right|alright|then|oh|no+\s+wait|nope\s+wait|wait|oops|sorry|actually|my\s+bad|scratch\s+that)\b[\s,.!]*)+(?=\S)/i;

/** Said before an option named outright: "I'd say strong, …", "probably medium", "more like a mix". */
const LEADS =
  /^\s*(?:i'?d say|i would say|i think|i guess|probably|definitely|maybe|go with|i'?d go with|we'?d say|more like)\s+/i;

/**
 * An option named at the very end after a word of judging, in rawWords: "… i think thats
 * monolith", "… id say moderate overall" (blind trial 26's were not read, the second for a
 * "nothing formal" earlier in it).
 */
const ENDS_JUDGED =
  /(?:^|\s)(?:id say|i would say|i think|i guess|call it|lets say|go with|i would call it|id call it)\s+(?:(?:thats|its|that is|it is)\s+)?(.+?)(?:\s+(?:overall|mostly|really|honestly|tbh|then|here|i guess|i think))*$/;

/** Yeses that are as often filler as an answer: "…, so yeah". */
const FILLER_YES = new Set(["yeah", "yep", "yup"]);

/** A last clause that concludes, in rawWords: "so not really", "which means no". */
const CONCLUDES = /^(?:so|thus|hence|therefore|meaning|which means|so basically|so i guess)\s+(.+)$/;

/** A yes or no said too firmly to be chatter ("very much yes, the chemistry suite …"). */
const EMPHATIC_NO = ["definitely not", "absolutely not", "not at all"];
const EMPHATIC_YES = [
  ...["very much", "very much yes", "very much so", "definitely", "absolutely", "of course", "for sure"],
  ...["yes definitely", "definitely yes"],
];
const EMPHATIC = new Set([...EMPHATIC_YES, ...EMPHATIC_NO]);

/** A bare "no" or "yes" in other words, for the option valued "no" or "none", or "yes". */
const BARE = new Map<string, "no" | "yes">([
  ...["no", "nope", "nah", "none", "nothing", "not really", "nothing special", "none at all"].map(
    (w) => [w, "no"] as const,
  ),
  ...[...EMPHATIC_NO, "thats a no", "its a no", "the answer is no"].map((w) => [w, "no"] as const),
  ...["yes", "yep", "yeah", "yup"].map((w) => [w, "yes"] as const),
  // "oh very much yes, the chemistry suite …", "i meant thats a yes" (blind trial 26's)
  ...[...EMPHATIC_YES, "oh yes", "thats a yes", "its a yes", "the answer is yes"].map(
    (w) => [w, "yes"] as const,
  ),
]);

/** Putting the answer off: "let me check", "we'll find out tomorrow", "good question - let me ask". */
const DEFERS =
  /\b(?:let me|lemme|check|ask|asking|find out|get back|one sec|tomorrow|later|good question|not sure)\b/;

/** Words for a mix of two answers, for the option valued "mixed" ("a mix i guess", "both - …"). */
const MIXED = new Set([
  "mix",
  "a mix",
  "mixed bag",
  "a mixed bag",
  "both",
  "a bit of both",
  "bit of both",
  "a mixture",
  "a mix of both",
]);

/** The yes and no words much chatter begins with ("no, sorry, wrong thread", "yes, let me check"). */
const CHATTER = new Set(["no", "nope", "nah", "yes", "yeah", "yep", "yup"]);

/** Any one option of a question its words name by a head word, wherever it stands ("do those need hard?"). */
export function optionNamedIn(q: ChecklistQuestion, text: string): string | undefined {
  const found = headValuesIn(q, text);
  return found.length === 1 ? found[0] : undefined;
}

/** The options of a question a text's words name by their heads, each once. */
function headValuesIn(q: ChecklistQuestion, text: string): string[] {
  const heads = headsOf(q);
  return [...new Set(rawWords(text).flatMap((w) => heads.get(w) ?? []))];
}

/** Is the text only a bare "no" or "yes" ("nope", "yeah")? */
export const bareYesOrNo = (text: string) => BARE.has(rawWords(text).join(" "));

/**
 * The option a bare yes or no opening a message gives a question that has it ("No, everything we
 * run is Linux." is No; "nope just a basic droplet" None), "mostly no" included; undefined for a
 * question without such an option.
 */
export function bareAnswer(q: ChecklistQuestion, opening: string): string | undefined {
  const words = rawWords(opening).join(" ");
  const sense = BARE.get(words) ?? (/^mostly (?:no|not)$/.test(words) ? "no" : undefined);
  const values = sense === "no" ? ["no", "none"] : sense === "yes" ? ["yes"] : [];
  return q.choices.find((c) => values.includes(c.value))?.value;
}

/** Is an opening only a yes or no, said plainly or firmly ("no", "yeah", "of course")? */
export const openingChatter = (text: string) => bareYesOrNo(text) || EMPHATIC.has(rawWords(text).join(" "));

/**
 * Words typed around a bare answer that add nothing to it, in rawWords: "ok yes then" is "yes",
 * "well strict i guess" is "strict" (blind trial 22's "ok yes then" was thanked for).
 */
export function withoutChatter(words: string): string {
  return (
    words
      .replace(/^(?:(?:ok|okay|oh|well|um|umm|hmm|so|alright|right|fine)\s+)+/, "")
      .replace(/(?:\s+(?:then|i guess|i think|probably|please|pls|tbh|thanks))+$/, "")
      // "strong i would say", "moderate rather than none" (blind trial 28's were not read).
      .replace(
        /(?:\s+(?:i would say|id say|i suppose|i reckon|imo|really|rather than \w+|instead of \w+))+$/,
        "",
      )
      .replace(/^(?:(?:quite|pretty|fairly|very)\s+)/, "")
  );
}

/**
 * A choice named by its value, its label or its label's head ("standard", "Strict"), in rawWords
 * joined by spaces; or a bare "nope" for None, "yeah" for Yes.
 */
export function named(q: ChecklistQuestion, words: string): ChecklistQuestion["choices"][number] | undefined {
  const same = (label: string) => rawWords(label).join(" ") === words;
  const choice = q.choices.find((c) => same(c.value) || same(c.label) || same(c.label.split("—")[0]!));
  const bare = BARE.get(words);
  const mixed = MIXED.has(words) ? q.choices.find((c) => c.value === "mixed") : undefined;
  return (
    choice ??
    mixed ??
    (bare && q.choices.find((c) => c.value === bare || (bare === "no" && c.value === "none")))
  );
}

/**
 * "that's a yes" or "it's a no" anywhere in a message, for a question with those options: "i
 * meant thats a yes for the checklist q" (blind trial 26's was not read).
 */
export function yesOrNoSaid(
  q: ChecklistQuestion,
  words: string,
): ChecklistQuestion["choices"][number] | undefined {
  const said = [
    ...words.matchAll(/(?:^|\s)(?:thats|its|that is|it is|answer is)\s+a\s+(yes|no)(?!\s+brainer)(?=\s|$)/g),
  ];
  // Not both ("a no for the web side but a yes for payroll"), nor in doubt ("not sure if its a
  // yes or a no", "hard to say whether it's a yes"): an independent review's.
  const both = /\ba yes\b/.test(words) && /\ba no\b(?!\s+brainer)/.test(words);
  if (said.length !== 1 || both || DOUBTED.test(words)) return undefined;
  return q.choices.find((c) => c.value === said[0]![1]);
}

/** Doubt around a yes or no: "not sure if", "hard to say whether". */
const DOUBTED =
  /\b(?:not sure if|if its|if it is|whether|not sure|unsure|hard to say|dont know|no idea|depends)\b/;

/**
 * A yes or no word before the option it agrees with, named outright: "nah none", "nope, none",
 * "yeah strict"; not "no strict" (which says two things).
 */
export function confirmedNamed(
  q: ChecklistQuestion,
  words: string,
): ChecklistQuestion["choices"][number] | undefined {
  const [first = "", ...rest] = words.split(" ");
  const sense = CHATTER.has(first) ? BARE.get(first) : undefined;
  const choice = sense && rest.length > 0 ? named(q, rest.join(" ")) : undefined;
  if (!choice) return undefined;
  const saysNo = choice.value === "no" || choice.value === "none";
  return saysNo === (sense === "no") ? choice : undefined;
}

/** After a lead-in, the option alone: "probably medium", "I'd say high" (a hedge, but a choice). */
export function leadNamed(q: ChecklistQuestion, text: string): string | undefined {
  const said = text.replace(LEADS, "");
  return said === text ? undefined : named(q, rawWords(said).join(" "))?.value;
}

/**
 * The choice a typed answer names in so many words, if one does:
 * - alone after a lead-in: "probably medium";
 * - its value or label head first, before a comma or dash: "standard, it's all our own services",
 *   "strict, we're audited under SOC 2" (an option named outright beats what the rest implies);
 * - opening a later clause and said to fit: "Chloe here: standard is fine for us".
 * (Not by a word of its label alone: "linux" is in Yes's label, "automated" in Low's.)
 */
export function choiceNamed(
  q: ChecklistQuestion,
  text: string,
  stopwords: ReadonlySet<string>,
): string | undefined {
  const said = text.replace(OPENING, "").replace(LEADS, "");
  const alone = leadNamed(q, text);
  if (alone) return alone;
  const head = headOf(said);
  const first = head ? named(q, rawWords(head).join(" ")) : undefined;
  // "yes" and "no" begin much chatter ("no, sorry, wrong thread", "yes, let me check"): only
  // with more of the option's own words after them ("no, one OS family is fine"), or a bare
  // confirmation ("yes, we do", "no, we don't").
  // (The words of chatter only: "none, just regular x86 boxes" and "nothing special, just normal
  // x86 servers" name the None option.)
  const headWords = rawWords(head ?? "");
  const sense = headWords.length === 1 && CHATTER.has(headWords[0]!) ? BARE.get(headWords[0]!) : undefined;
  const chatty = first && (first.value === "yes" || first.value === "no" || sense !== undefined);
  const rest = head ? said.slice(said.indexOf(head) + head.length) : "";
  // "nope, nothing special" says no twice.
  const confirms =
    (rawWords(rest).length <= 3 && contentWords(rest, stopwords).length === 0) ||
    (sense !== undefined && BARE.get(rawWords(rest).join(" ")) === sense);
  // An exception after it qualifies what it names ("none, except the GPU inference boxes"): the
  // rest is read as anything else is.
  // ("but" alone does not: "I'd say strong, it's sensitive health data but no untrusted code".)
  const excepted = EXCEPTED.test(rest);
  // (Not before a deferral: "of course, let me check with the team first", an independent review's.)
  const emphatic = EMPHATIC.has(headWords.join(" ")) && !DEFERS.test(rawWords(rest).join(" "));
  if (
    first &&
    !excepted &&
    (!chatty || emphatic || confirms || closestChoice(q, rest, stopwords, 1) === first.value)
  )
    return first.value;
  // Judged at the very end, whatever came before ("… i think thats monolith"), in a last clause
  // that negates nothing.
  const last =
    said
      .split(/[,;:.!?]|\s[-—–]\s/)
      .filter((c) => c.trim())
      .at(-1) ?? "";
  // (Or the last clause alone, without chatter: "…, a mix i guess".)
  const lastWords = rawWords(last).join(" ");
  const judgedWords = ENDS_JUDGED.exec(lastWords)?.[1];
  // (What it is set against is no negation of it: "… moderate rather than none".)
  const judged = negated(last.replace(/\s+(?:rather\s+than|instead\s+of)\s+\S+\s*$/i, ""))
    ? undefined
    : judgedWords !== undefined
      ? withoutChatter(judgedWords)
      : withoutChatter(lastWords);
  const ending = judged ? named(q, judged) : undefined;
  if (ending && ending.value !== "yes" && ending.value !== "no") return ending.value;
  // A bare yes or no the message concludes with ("PCI is handled by our payment provider, so not
  // really": blind trial 27's read Strict from "PCI").
  // A "so yeah" agrees with what came before: that is the answer where it names one ("only ubuntu
  // everywhere, so yeah" is No), else the yes ("there's an old as400 thing in the corner, so
  // yeah"); a yes counts only after no negation (independent reviews').
  const concluded = CONCLUDES.exec(lastWords)?.[1];
  const before = said.slice(0, Math.max(0, said.length - last.length)).replace(/[,;:\s]+$/, "");
  const filler = concluded !== undefined && FILLER_YES.has(concluded) && before.trim() !== "";
  if (filler) {
    const saidBefore = saidFor(q, before);
    const agreed =
      choiceNamed(q, before, stopwords) ?? (saidBefore.length === 1 ? saidBefore[0]!.value : undefined);
    if (agreed !== undefined) return agreed;
  }
  const yes = concluded !== undefined && BARE.get(concluded) === "yes";
  // (The clause it concludes, after any "but": "no licensed stuff but the old payroll thing
  // needs windows xp, so yes" is a yes.)
  const concludes = said
    .slice(0, Math.max(0, said.length - last.length))
    .split(/[,;:.!?]|\s[-—–]\s|\bbut\b/i)
    .filter((c) => c.trim())
    .at(-1);
  // (A filler yes after any negation is no answer: "honestly nothing like that, it's all django,
  // so yeah".)
  const firm = yes ? !rawWords((filler ? before : concludes) ?? "").some((w) => NEGATORS.has(w)) : true;
  const verdict = concluded !== undefined && BARE.has(concluded) && firm ? named(q, concluded) : undefined;
  if (verdict) return verdict.value;
  if (negated(text)) return undefined;
  // An option opening a later clause and said to fit ("Chloe here: standard is fine for us"),
  // not an adjective of something else ("low latency matters").
  // (Sentences too, each after its own lead-in: "…not public. I'd say strong".)
  // (Or the whole clause, after a lead-in and without chatter: "more like a mix. big core thing …",
  // "it's a shared cluster … a mix i guess".)
  const clauses = said.split(/[,;:.!]|\s[-—–]\s|[—–]/).map((c) => rawWords(c.replace(LEADS, "")));
  const opening = new Set(
    clauses.flatMap((words) => {
      const whole = words.length > 1 ? named(q, withoutChatter(words.join(" "))) : undefined;
      if (whole && whole.value !== "yes" && whole.value !== "no" && !BARE.has(words.join(" ")))
        return [whole.value];
      const option = words[0] === undefined ? undefined : named(q, words[0]);
      const fits = words.length === 1 || FITS.has(words[1]!);
      return option && fits && option.value !== "yes" && option.value !== "no" ? [option.value] : [];
    }),
  );
  return opening.size === 1 ? [...opening][0] : undefined;
}

/**
 * An option named outright before a comma or dash, whatever the rest says of the future or of
 * others ("low, they will never run a k8s cluster"), unless the head is a bare yes or no or an
 * exception follows ("none, except …").
 */
export function headNamed(q: ChecklistQuestion, text: string): string | undefined {
  const said = text.replace(OPENING, "").replace(LEADS, "");
  const head = headOf(said);
  if (!head) return undefined;
  const words = rawWords(head);
  const choice = named(q, words.join(" "));
  if (!choice || choice.value === "yes" || choice.value === "no" || BARE.has(words.join(" ")))
    return undefined;
  const rest = said.slice(said.indexOf(head) + head.length);
  // Not asked, supposed, reported or taken back after it ("strict: is that the one for HIPAA?",
  // "medium, if we hire a platform team", "high, says our CTO, but honestly it's low").
  return text.includes("?") || QUALIFIED.test(rest) ? undefined : choice.value;
}

/**
 * Between choices a text reads as both of ("a platform team of 6 with solid CI/CD and
 * observability": a high maturity and a medium one), the one whose label shares the most of its
 * words, when it shares at least two and more than any other.
 */
export function closestChoice(
  q: ChecklistQuestion,
  text: string,
  stopwords: ReadonlySet<string>,
  /** How many of its words a label must share at least. */
  least = 2,
): string | undefined {
  const words = new Set(contentWords(text, stopwords));
  const shared = q.choices
    .map((c) => ({
      value: c.value,
      n: new Set(contentWords(c.label, stopwords).filter((w) => words.has(w))).size,
    }))
    .sort((a, b) => b.n - a.n);
  const [best, next] = shared;
  return best && best.n >= least && best.n > (next?.n ?? 0) ? best.value : undefined;
}

/**
 * The choices whose `said` words a typed text holds, with those words as the person wrote them;
 * not where a negator stands before them in their clause ("we don't really have what you'd call
 * decent ci") or a verb's negation right after them ("managed is not an option"), though a
 * "no" to someone else in a clause before does not count ("no, it's just our code").
 */
export function saidFor(q: ChecklistQuestion, text: string): { value: string; words: string }[] {
  // "all linux except one windows box": the exception says otherwise.
  if (SAID_EXCEPTED.test(text)) return [];
  const clauses = text.split(/[,;:.!?]+|\s[-—–]\s/);
  return q.choices.flatMap((c) => {
    for (const p of c.said) {
      const phrase = rawWords(p);
      for (const clause of clauses) {
        const words = rawWords(clause);
        const at = words.findIndex((_, i) => phrase.every((w, k) => words[i + k] === w));
        if (at < 0 || words.slice(0, at).some((_, i) => turnsDownAt(words, i))) continue;
        if (deniedAfter(words, at + phrase.length)) continue;
        const pattern = new RegExp(
          phrase.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\W+"),
          "i",
        );
        return [{ value: c.value, words: pattern.exec(clause)?.[0] ?? phrase.join(" ") }];
      }
    }
    return [];
  });
}

/** How many content words of an option's description, in a row, make a message echo it. */
const ECHO_WORDS = 3;
/** What may stand before an echoed description in its clause: the team and words of no weight. */
const ECHO_LEADS = new Set([
  ...["we", "were", "weve", "our", "us", "i", "im", "and", "so", "also", "yeah", "yes", "ok", "okay"],
  ...["honestly", "well", "are", "is", "its", "only", "just", "really", "mostly", "all", "the", "a", "an"],
  ...[
    "actually",
    "wait",
    "oh",
    "no",
    "nope",
    "sorry",
    "stuff",
    "everything",
    "we'd",
    "wed",
    "rather",
    "would",
  ],
]);
/** In a sentence with an echoed description, words that say the team has it not: "… is what we are missing". */
const LACKS = new Set(["missing", "lack", "lacking", "lost", "without", "want", "wish", "need"]);

/**
 * The option whose description (its label after the dash) a message repeats, three content words
 * or more of it in a row, in a sentence without a negation ("one OS family only" echoes
 * "No — one OS family is fine", "we run and tune our own clusters" echoes "High — we can run and
 * tune our own clusters"), with those words as written; none when two options are echoed.
 */
export function echoedChoice(
  q: ChecklistQuestion,
  text: string,
  stopwords: ReadonlySet<string>,
): { value: string; words: string } | undefined {
  const found = new Map<string, string>();
  // Not in a sentence with a negation anywhere: "we have no platform team, strong CI/CD and
  // observability" denies the whole list (a second review's).
  const sentences = text
    .split(/[.!?]+\s*/)
    .filter((t) => !rawWords(t).some((w) => turnsDown(w) || LACKS.has(w)));
  for (const clause of sentences.flatMap((t) => t.split(/[,;:]+|\s[-—–]\s/))) {
    const raw = rawWords(clause);
    const kept = raw.map((w, i) => ({ stem: stemmer(w), i })).filter(({ i }) => !stopwords.has(raw[i]!));
    for (const c of q.choices) {
      const description = c.label.split("—")[1];
      if (!description) continue;
      const wanted = contentWords(description, stopwords);
      for (let start = 0; start < kept.length; start++) {
        let run = 0;
        for (const from of wanted.keys()) {
          let n = 0;
          while (kept[start + n] && wanted[from + n] === kept[start + n]!.stem) n++;
          run = Math.max(run, n);
        }
        if (run < ECHO_WORDS) continue;
        const [from, to] = [kept[start]!.i, kept[start + run - 1]!.i + 1];
        // Said by the team, with nothing before it but words of its own ("we are fine with …",
        // not "the vendor controls the software stack").
        if (!raw.slice(0, from).every((w) => ECHO_LEADS.has(w))) continue;
        found.set(c.value, raw.slice(from, to).join(" "));
        break;
      }
    }
  }
  const [only] = found;
  return found.size === 1 && only ? { value: only[0], words: only[1] } : undefined;
}

/** What makes a typed answer no answer of today: a condition, a supposition, hearsay, a plan. */
const NOT_AN_ANSWER = new RegExp(
  `\\b(?:if|unless|suppose (?:we|that|our|the)|supposing|imagine|assume|${HEARSAY_VERB}|claims|might|will|gonna|plan|planning|eventually|someday|next (?:year|quarter|month|sprint|week)|later this year)\\b`,
  "i",
);
/** A clause opening as a question without its question mark: "what is high", "why so strict". */
const ASKS = /(?:^|[,;.!:]\s*)(?:what|whats|why|how|which|who|where)\b/i;
/** A doubt or a wish to skip anywhere in a message: no option it names is the answer ("not sure, its hard"). */
/** When a what-if would hold: "in the next year", "by next quarter", "later this year". */
const WHEN_SUPPOSED =
  /\b(?:(?:in|by|over|within)\s+)?(?:the\s+)?(?:next\s+(?:year|quarter|month|sprint|week)|later\s+this\s+year|eventually|someday)\b/gi;
const DOUBTS = /\b(?:not sure|no idea|dont know|do not know|dunno|unsure|skip)\b/;
/** What would be, not what is ("hard isolation would be overkill"), unless it would do ("would be fine"). */
const WOULD = /\bwould(?! (?:be )?(?:fine|ok|okay|work|do)\b)/;
/**
 * A message no option it names answers: one that asks (also without its question mark), supposes,
 * reports, doubts, asks to skip, says what would be, or takes an exception ("none, except the GPU
 * inference boxes": the exception says otherwise).
 */
function answersNothing(text: string): boolean {
  const typed = rawWords(text).join(" ");
  return (
    text.includes("?") ||
    ASKS.test(text) ||
    NOT_AN_ANSWER.test(text) ||
    EXCEPTED.test(text) ||
    DOUBTS.test(typed) ||
    WOULD.test(typed)
  );
}

/** Said right before an option word that ends its clause (in rawWords): "so I'd say strong", "call it medium". */
const SAYS_BEFORE =
  /(?:^|\s)(?:(?:id|i|wed|we) (?:would )?say|i meant|meant to say|change (?:it|that) to|make (?:it|that)|i (?:think|guess|suppose)|probably|call it|go with|more like|rather|should (?:be|have been)|shouldve been|its|it is|so id say)$/;
/** After an option word, words that keep it the answer: "mixed i suppose", "low tbh", "medium-ish". */
const HEDGED = new Set([
  "i",
  "tbh",
  "probably",
  "maybe",
  "really",
  "mostly",
  "honestly",
  "ish",
  "imo",
  "for",
]);

/**
 * The one option a typed answer names by its head word, among other words ("medium i guess - ci
 * yes, k8s no", "low appetite", "patient records so I'd say strong, but we host no one's code"):
 * a head word (the label before its dash, one word: not Yes or No, which open much chatter)
 * opening a clause, followed by nothing, a hedge ("i guess", "tbh"), a word that says it fits
 * ("is fine") or a word of the question's title ("appetite"); or ending a clause after "I'd say",
 * "should be", "it's" or "probably" (not "is": "the learning curve is high"). Not in a clause
 * with a negation anywhere ("not strict", "strict compliance doesn't apply", though "strong not
 * standard" names strong), nor in a message that asks, doubts, asks to skip, supposes, reports
 * or says what would be; two options named are no answer, nor one with an exception.
 */
export function optionWordNamed(q: ChecklistQuestion, text: string): string | undefined {
  if (answersNothing(text)) return undefined;
  const heads = headsOf(q);
  const title = new Set(rawWords(q.title));
  const found = new Set<string>();
  // (Also before "so" and a word of degree: "we hold cardholder data so pretty strong".)
  for (const clause of text
    .replace(OPENING, "")
    .split(
      /[,;:.!(){}]+|\s[-—–]\s|[—–]|\s(?=so\s+(?:pretty|fairly|quite|very|reasonably|somewhat|super)\b)/,
    )) {
    const said = clause.replace(LEADS, "");
    const words = rawWords(said);
    words.forEach((w, i) => {
      const value = heads.get(w.replace(/-?ish$/, "")) ?? misspeltHead(heads, w);
      if (!value || words.slice(0, i).some((x) => NEGATORS.has(x))) return;
      const [after, next, ...more] = words.slice(i + 1);
      // "strong not standard": the option after the negator is the one turned down.
      const beforeRefused =
        after !== undefined && NEGATORS.has(after) && next !== undefined && heads.has(next);
      // Any other negator after it in its clause turns it down ("low maturity is not our problem").
      const rest = beforeRefused ? more : words.slice(i + 1);
      if (rest.some((x) => NEGATORS.has(x))) return;
      const opens =
        i === 0 &&
        (after === undefined || beforeRefused || HEDGED.has(after) || FITS.has(after) || title.has(after));
      const last = after === undefined || (beforeRefused && more.length === 0);
      const ends =
        last && i > 0 && (SAYS_BEFORE.test(words.slice(0, i).join(" ")) || degreeLed(words.slice(0, i)));
      if (opens || ends) found.add(value);
    });
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Words of degree before an option that ends its clause: "pretty strong", "fairly standard". */
// (Not "mostly": "mostly stateless, one postgres" is the reader's, which reads a part as Mixed.)
const DEGREE_BEFORE = new Set(["pretty", "fairly", "quite", "very", "reasonably", "somewhat", "super"]);

/**
 * Are the words before an option that ends its clause only words of degree, after an opening
 * "so" at most ("pretty strong", "so moderate"), never a description of something else ("the
 * learning curve feels pretty high", "costs so high")?
 */
function degreeLed(before: string[]): boolean {
  const rest = before[0] === "so" ? before.slice(1) : before;
  return before.length > 0 && rest.every((w) => DEGREE_BEFORE.has(w));
}

/** An option's head word of seven letters or more typed one letter off ("standrd", "moderte"). */
const MIN_TYPO_HEAD = 7;
function misspeltHead(heads: ReadonlyMap<string, string>, word: string): string | undefined {
  if (word.length < MIN_TYPO_HEAD - 1) return undefined;
  const found = [...heads].filter(
    ([head]) => head.length >= MIN_TYPO_HEAD && editDistance(head, word, 1) === 1,
  );
  return found.length === 1 ? found[0]![1] : undefined;
}

/**
 * Says an answer given before was wrong: "no wait", "oops", "i meant", "should be", "that's
 * wrong" (in rawWords: apostrophes are gone).
 */
const CORRECTS =
  /^\s*(?:(?:no+|nope|nah|oh|hmm+) wait|oops|correction|my bad|scratch that)\b|\b(?:i meant|meant to say|thats wrong|thats not right|wrong answer|go back)\b/;
/** Words that may correct, or answer the current question ("make it mixed", "it should be mixed"). */
const MAY_CORRECT = /\b(?:should be|should have been|shouldve been|change (?:that|it) to|make (?:that|it))\b/;

/**
 * The option of question `q`, answered just before the current one, that a typed correction
 * names instead ("no thats wrong, should be strong not standard", "hmm no, go back, i meant
 * moderate"), if the message says it corrects something and names one of `q`'s options as
 * optionWordNamed reads them.
 */
export function correctedTo(
  q: ChecklistQuestion,
  text: string,
  /** Also with words that may answer the current question instead (tried after it). */
  weak = false,
): string | undefined {
  const typed = rawWords(text).join(" ");
  return CORRECTS.test(typed) || (weak && MAY_CORRECT.test(typed)) ? optionWordNamed(q, text) : undefined;
}

/** A question's options by their one-word heads ("strong", "hard"), Yes and No left out. */
function headsOf(q: ChecklistQuestion): Map<string, string> {
  const heads = new Map<string, string>();
  for (const c of q.choices) {
    const head = rawWords(c.label.split("—")[0]!);
    if (head.length === 1 && c.value !== "yes" && c.value !== "no") heads.set(head[0]!, c.value);
  }
  return heads;
}

/**
 * The option a what-if puts in place of another of the same question, each named by its head
 * alone ("what if i'd said strong instead of hard on q1": Strong, for Isolation's Hard): only
 * when each names exactly one option of this question, and they differ.
 */
export function optionSwapped(q: ChecklistQuestion, supposed: string, replaced: string): string | undefined {
  const [to, ...moreTo] = headValuesIn(q, supposed);
  const [from, ...moreFrom] = headValuesIn(q, replaced);
  return to && from && to !== from && moreTo.length === 0 && moreFrom.length === 0 ? to : undefined;
}

/**
 * After a question's name, the words that give it an answer: "should be", "is actually", "=", ":";
 * with `are`, also "are" and "(up) to" (a what-if's supposition: see givenByName; "what if we get
 * our platform maturity up to medium", blind trial 28's).
 */
const givenAfterName = (are: boolean) =>
  String.raw`(?:\s+(?:answer|question|one|need|needs|requirement|requirements|level))?\s*(?:should\s+(?:be|have\s+been)|shouldve\s+been|is\s+(?:actually\s+|really\s+|more\s+like\s+|only\s+|just\s+)?${are ? String.raw`|are\s+|(?:up\s+|down\s+)?to\s+` : ""}|=|:)\s*(?:actually\s+|more\s+like\s+|probably\s+)?`;

/**
 * Words before a question's name, in its sentence, that make the answer someone else's, a report
 * or a wish: "google's deploy frequency is daily", "people say deploy frequency is hourly", "our
 * target deploy frequency is daily", "in theory …" (an independent review's, each re-decided).
 */
const OTHERS_BEFORE =
  /\b(?:say|says|said|heard|read|claim|claims|told|target|targets|ideal|goal|goals|aim|theory|typical|typically|usual|usually)\b/i;
/** Before a colon opening the sentence, words that correct our own answers ("correction: compliance is moderate"). */
const OWN_LABELS =
  /^(?:correction|correct|fix|update|edit|note|change|changes|ps|btw|also|actually|ok|okay|oops|sorry|wait|so|and|oh|hmm+|no)$/;

/** Is the answer given by `name` in `text` said of someone else (OTHERS_BEFORE, a possessive before it, "spotify: …")? */
function saidOfOthers(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const at = new RegExp(`(?:^|[^\\w])${name.replace(/ /g, "\\s+")}\\b`).exec(lower);
  if (!at) return false;
  const sentence =
    lower
      .slice(0, at.index + 1)
      .split(/[.!?]\s/)
      .at(-1) ?? "";
  if (OTHERS_BEFORE.test(sentence)) return true;
  // "netflix's deploy cadence", "the bank's compliance", "most teams' deploys" (not "our team's").
  const possessive = /(?:(\w+)\s+)?\w+(?:['’]s|s['’])\s+(?:\w+\s+)?$/.exec(sentence);
  if (possessive && !/^(?:our|my)$/.test(possessive[1] ?? "")) return true;
  // "spotify: deploy frequency = hourly" (not "correction: compliance is moderate").
  const label = /^\s*([\w-]+)\s*:\s*$/.exec(sentence);
  return label !== null && !OWN_LABELS.test(label[1]!);
}

/** Words that may open a request to change answers ("ok", "hey", "can you"), as regular-expression source. */
export const CHANGE_OPENINGS = String.raw`(?:ok|okay|oh|pls|plz|please|actually|hmm+|no|sorry|hey|so|can\s+you|could\s+you)`;
/** The verbs of such a request ("change", "set" …), as regular-expression source. */
export const CHANGE_VERBS = "(?:change|set|switch|update|put|flip|make|treat|mark)";

/** A request to change answers, opening the message: the list after its verb ("change X to Y and Z to W"). */
const CHANGE_LIST = new RegExp(
  String.raw`^\W*(?:${CHANGE_OPENINGS}\W+)*${CHANGE_VERBS}\b[\s:]+(.+?)\s*(?:please|pls|thanks|thx)?[.!]*$`,
  "i",
);

/**
 * The changes a request to change answers lists after its verb ("change X to Y and Z to W"), in
 * lower case; none when the message opens with no such request.
 */
export function requestedChanges(text: string): string[] {
  const request = CHANGE_LIST.exec(text.toLowerCase().replace(/[’']/g, "").trim());
  return request ? request[1]!.split(/\s*(?:,|;|\band\b|&)\s*/) : [];
}

/**
 * Does a request's list of `changes` (requestedChanges: "set isolation to strict please") name `q`,
 * whatever the value (givenByName reads the value; this says the question was asked for)?
 */
export function changeRequested(q: ChecklistQuestion, changes: readonly string[]): boolean {
  // By its title or a name of two words or more: "switch the deploys to blue green" asks about
  // deploying (an independent review's), "set isolation to strict" names the question.
  const names = [q.title.toLowerCase(), ...q.names.filter((n) => n.includes(" "))];
  return names.some((name) => {
    const naming = new RegExp(
      `^(?:the\\s+)?${name.replace(/ /g, "\\s+")}(?:\\s+(?:answer|question|one))?\\s+(?:to|as|=)\\s+\\S`,
      "i",
    );
    return changes.some((c) => naming.test(c));
  });
}

/**
 * The option of `q` a message names in one word after the question's name: its value ("no",
 * "strict"), its head as optionWordNamed reads it ("medium"), or a word checklist.yaml lists as
 * naming it (`named`: "daily" is Frequent). Not any word of an option's description: "linux" in
 * "Yes — e.g. Windows and Linux" and "formal" in "None — no formal regime" name the opposite (an
 * independent review's).
 */
function valueNamed(q: ChecklistQuestion, word: string): string | undefined {
  const byValue = q.choices.find((c) => c.value === word);
  if (byValue) return byValue.value;
  return optionWordNamed(q, `should be ${word}`) ?? q.choices.find((c) => c.named.includes(word))?.value;
}

/**
 * The option a message gives a question it names ("the architecture answer should be mixed",
 * "compliance is actually moderate", "platform maturity: medium"), by the option's head word or
 * value right after the name, with the words it was given in; not in a question, a supposition or
 * a doubt ("not sure the state is …").
 */
export function givenByName(
  q: ChecklistQuestion,
  text: string,
  /**
   * A what-if's supposition, which says "are" for its "were" ("what if isolation were hard"):
   * "are" gives an answer there only. Said of today, "deploys are daily" may be anyone's
   * ("google's deploys are daily", "most teams' deploys are daily": an independent review's).
   */
  supposed = false,
): { value: string; words: string } | undefined {
  // A what-if says when it would be ("… up to medium in the next year"): no plan of today's.
  if (answersNothing(supposed ? text.replace(WHEN_SUPPOSED, "") : text)) return undefined;
  const typed = ` ${text.toLowerCase().replace(/[’']/g, "")} `;
  const givenWords = givenAfterName(supposed);
  for (const name of [q.title.toLowerCase(), ...q.names]) {
    // The option ends its clause, or turns another down ("mixed, not monolith"): not "isolation
    // is hard to judge".
    const pattern = new RegExp(
      `(?:^|[^\\w])${name.replace(/ /g, "\\s+")}${givenWords}([\\w-]+)(?=\\s*(?:$|[,;.!)]|\\s(?:not|now|then|instead|tbh|i think|please|pls|in|by|within|over|soon)\\b))`,
      "i",
    );
    const m = pattern.exec(typed);
    if (!m) continue;
    // No negation in the words right before the name ("i dont think compliance is strict"; but
    // "we have no ops people so maturity is low").
    const clause =
      typed
        .slice(0, m.index)
        .split(/[,;:.!]|\s[-—–]\s/)
        .at(-1) ?? "";
    if (
      rawWords(clause)
        .slice(-3)
        .some((w) => NEGATORS.has(w))
    )
      continue;
    if (saidOfOthers(text, name)) continue;
    const word = m[1]!.toLowerCase();
    const value =
      q.choices.find((c) => rawWords(c.label.split("—")[0]!).join(" ") === word)?.value ??
      valueNamed(q, word);
    if (value) return { value, words: m[0].replace(/^[^\w]/, "").trim() };
  }
  // "change compliance to moderate", "set the architecture answer to mixed", "Change: legacy
  // software to no and several operating systems to no": opening the message, each change a part
  // of the list after the verb (not "next year we switch the architecture to microservices", a plan).
  const changes = requestedChanges(text);
  for (const name of [q.title.toLowerCase(), ...q.names]) {
    const written = name.replace(/ /g, "\\s+");
    const changing = new RegExp(
      `^(?:the\\s+)?${written}(?:\\s+(?:answer|question|one))?\\s+(?:(?:to|as|=)\\s+)?([\\w-]+)$`,
      "i",
    );
    for (const change of changes) {
      const named = changing.exec(change)?.[1];
      const value = named && valueNamed(q, named.toLowerCase());
      if (value) return { value, words: change };
    }
    // "for compliance, we do get payment audits, so moderate": the question named first, then the
    // option ending the message as optionWordNamed reads it.
    const about = new RegExp(
      `(?:^|[^\\w])(?:for|on|about|re|regarding)\\s+(?:the\\s+)?${written}\\b[,:;\\s-]*`,
      "i",
    ).exec(typed);
    // (In its sentence only: "for orchestration we use EKS. maturity: high" gives orchestration nothing.)
    const sentence = about ? (typed.slice(about.index + about[0].length).split(/[.!?]\s/)[0] ?? "") : "";
    const given = about ? optionWordNamed(q, sentence) : undefined;
    if (about && given) return { value: given, words: `${about[0]}${sentence}`.replace(/^[^\w]/, "").trim() };
  }
  return undefined;
}
