/**
 * Whether a text reports a fault ("doesn't work", "runs out of memory", "failing"), by the phrases
 * of lexicon.yaml faultReports: each as whole words, any run of spaces between them, apostrophes
 * optional ("doesnt work" is "doesn't work"). None: never.
 */
export function faultReportTest(phrases: string[]): (text: string) => boolean {
  const alternatives = phrases
    .map((p) => normalised(p).trim())
    .filter((p) => p.length > 0)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  if (alternatives.length === 0) return () => false;
  const pattern = new RegExp(`\\b(?:${alternatives.join("|")})\\b`);
  return (text) => pattern.test(normalised(text));
}

/** Lower case without apostrophes, straight or curly: "Doesn’t" and "doesnt" read alike. */
function normalised(text: string): string {
  return text.toLowerCase().replace(/['’]/g, "");
}
