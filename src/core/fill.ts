/**
 * Fills `{name}` placeholders in one of the bot's sentences from knowledge/responses.yaml.
 * A placeholder with no value stays as written, so a typo shows up in tests instead of vanishing.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
