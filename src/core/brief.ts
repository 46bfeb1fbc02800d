import { asksSomething } from "./walkthrough/statement.ts";

/**
 * A question asked for in short: "one line please: VMs or containers?", "what's a hypervisor,
 * in one sentence?", "tl;dr: do we need kubernetes". The request is said before or after the
 * question; what is left is the question. Alone ("tl;dr?") it is a follow-up, not this.
 */
const ASK_SHORT = String.raw`(?:(?:in\s+)?(?:one|1|a\s+single|a\s+few)\s+(?:line|sentence|word)s?|tl\s*;?\s*dr|briefly|in\s+short|in\s+a\s+nutshell|short\s+answer|quick\s+answer|keep\s+it\s+(?:short|brief))(?:\s+(?:please|pls|plz))?`;
// ("give me one sentence: should a 5 person startup use kubernetes", a blind trial's, got it in full.)
const BEFORE = new RegExp(
  String.raw`^\s*(?:(?:give\s+me|gimme|tell\s+me|answer|reply|just)\s+)?${ASK_SHORT}\s*[:,\-–—]\s*`,
  "i",
);
const AFTER = new RegExp(String.raw`[\s,;:\-–—(]+${ASK_SHORT}\s*\)?\s*([.!?]*)\s*$`, "i");

/** What cannot end a question: "is there a short answer?" is not "is there a?". */
const DANGLING = /\b(?:a|an|the|of|in|for|to|with|on|at|by|there|it|that|this)\s*[.!?]*$/i;

/**
 * The question without its request to be brief, or undefined when it asks for no short answer,
 * or when what is left is no question of its own ("can you explain it in one sentence" asks for
 * the answer before in short: a follow-up).
 */
export function briefRequest(text: string): string | undefined {
  const before = BEFORE.exec(text);
  const rest = (before ? text.slice(before[0].length) : text.replace(AFTER, "$1")).trim();
  if (rest === text.trim() || rest.split(/\s+/).length < 2 || DANGLING.test(rest)) return undefined;
  return rest;
}

/** What may be a request about answers' length, then the question after it: "keep answers short, what is …". */
const LENGTH_AHEAD = /^([^,:;.!?]+?)\s*(?:[,:;.!?]+|\s[-–—])\s+(\S[\s\S]*)$/;

/**
 * A request for short or full answers from now on, then a question: "keep answers short, what is
 * a microVM?" (a review's got it in full, the request unheard). With a remark after it instead
 * ("keep answers short, i'm on mobile", "…, thanks a lot"), the request alone (`request`), with
 * no question.
 */
export function lengthAskedAhead(
  text: string,
  smallTalkOf: (text: string) => string | undefined,
): { short: boolean; request: string; question?: string } | undefined {
  const split = LENGTH_AHEAD.exec(text);
  if (!split) return undefined;
  const which = smallTalkOf(split[1]!);
  if (which !== "shortAnswers" && which !== "fullAnswers") return undefined;
  const rest = split[2]!.trim();
  const asks = rest.split(/\s+/).length >= 2 && smallTalkOf(rest) === undefined && asksSomething(rest);
  return { short: which === "shortAnswers", request: split[1]!, ...(asks ? { question: rest } : {}) };
}
