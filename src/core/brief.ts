/**
 * A question asked for in short: "one line please: VMs or containers?", "what's a hypervisor,
 * in one sentence?", "tl;dr: do we need kubernetes". The request is said before or after the
 * question; what is left is the question. Alone ("tl;dr?") it is a follow-up, not this.
 */
const ASK_SHORT = String.raw`(?:(?:in\s+)?(?:one|1|a\s+single|a\s+few)\s+(?:line|sentence|word)s?|tl\s*;?\s*dr|briefly|in\s+short|in\s+a\s+nutshell|short\s+answer|quick\s+answer)(?:\s+(?:please|pls|plz))?`;
const BEFORE = new RegExp(String.raw`^\s*${ASK_SHORT}\s*[:,\-–—]\s*`, "i");
const AFTER = new RegExp(String.raw`[\s,;:\-–—(]+${ASK_SHORT}\s*\)?\s*([.!?]*)\s*$`, "i");

/** The question without its request to be brief, or undefined when it asks for no short answer. */
export function briefRequest(text: string): string | undefined {
  const before = BEFORE.exec(text);
  const rest = before ? text.slice(before[0].length) : text.replace(AFTER, "$1");
  if (rest === text || !/[\p{L}\p{N}]{2,}.*\s\S/su.test(rest.trim())) return undefined;
  return rest.trim();
}
