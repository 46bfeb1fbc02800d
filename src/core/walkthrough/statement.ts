import { rawWords } from "../matcher/text.ts";

/** Said before what is meant, and skipped: "hmm, we do have a platform team". */
const INTERJECTIONS = new Set([
  "hey",
  "hi",
  "hello",
  "howdy",
  "hmm",
  "hm",
  "um",
  "uh",
  "ok",
  "okay",
  "so",
  "well",
  "lol",
  "yeah",
  "yes",
  "right",
  "oh",
  "ah",
  "and",
  "also",
  "actually",
  "honestly",
]);

/** A sentence opening with one of these asks, bids or supposes: "isnt customer code untrusted". */
const OPENERS = new Set([
  // questions, with and without their negation
  ...["what", "whats", "why", "how", "when", "where", "which", "who", "whom", "whose"],
  ...["is", "are", "am", "was", "were", "do", "does", "did", "have", "has", "had"],
  ...["can", "could", "should", "would", "will", "may", "might", "must", "shall"],
  ...["isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "havent", "hasnt"],
  ...["cant", "couldnt", "shouldnt", "wouldnt", "wont", "mustnt"],
  // requests
  ...["explain", "tell", "describe", "define", "show", "compare", "list", "give", "help", "please", "pls"],
  // suppositions
  ...["suppose", "imagine", "assume", "say", "consider", "if", "what-if"],
]);

/** Anywhere in the message, these make it a supposition, hearsay or a question about us. */
const HEDGES = new Set([
  "if",
  "whether",
  "suppose",
  "supposing",
  "imagine",
  "hypothetically",
  "ideally",
  "would",
  // Not "said": "like I said, small platform team" is ours.
  "says",
  "claims",
  "anyone",
  "anybody",
  "someone",
]);

/** The message speaks of us: "we", "our", "I" and their forms ("we're" is read as "were"). */
const FIRST_PERSON = new Set([
  "we",
  "were",
  "weve",
  "wed",
  "our",
  "ours",
  "us",
  "i",
  "im",
  "ive",
  "my",
  "me",
]);

/** At most this many words may state an answer without a word about us: "all linux", "its customer code". */
const SHORT = 6;

/**
 * Does a message typed in a checklist's thread state something about us, as an answer to its
 * question would ("we have a dedicated platform team", "it's customer code, so untrusted"),
 * rather than ask, request, suppose or report ("isnt customer code untrusted", "explain hard
 * isolation", "suppose we had a platform team", "Bob says we run untrusted code")?
 */
export function statesAboutUs(text: string): boolean {
  if (text.includes("?")) return false;
  const sentences = text
    .split(/[.!;:\n]+/)
    .map(rawWords)
    .filter((w) => w.length > 0);
  if (sentences.length === 0) return false;
  for (const words of sentences) {
    let i = 0;
    while (i < words.length - 1 && INTERJECTIONS.has(words[i]!)) i++;
    if (OPENERS.has(words[i]!)) return false;
  }
  const all = sentences.flat();
  if (all.some((w) => HEDGES.has(w))) return false;
  return all.some((w) => FIRST_PERSON.has(w)) || all.length <= SHORT;
}
