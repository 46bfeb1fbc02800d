import { ANSWER_KEYS, ANSWER_VALUES, type AnswerKey, type Answers } from "./contract.ts";
import { DecisionInputError } from "./errors.ts";

const list = (items: readonly string[]) => items.join(", ");

/** Keys match case-insensitively ("multios" is multiOs): people type them by hand. */
function keyOf(raw: string): AnswerKey {
  const wanted = raw.trim().toLowerCase();
  const key = ANSWER_KEYS.find((k) => k.toLowerCase() === wanted);
  if (!key)
    throw new DecisionInputError(`unknown key "${raw}"; valid keys: ${list(ANSWER_KEYS)}`, ANSWER_KEYS);
  return key;
}

function valueFor(key: AnswerKey, raw: unknown): string {
  const valid: readonly string[] = ANSWER_VALUES[key];
  if (typeof raw !== "string") {
    throw new DecisionInputError(`value for ${key} must be a string; valid values: ${list(valid)}`, valid);
  }
  const value = raw.trim().toLowerCase();
  if (!valid.includes(value)) {
    throw new DecisionInputError(`unknown value "${raw}" for ${key}; valid values: ${list(valid)}`, valid);
  }
  return value;
}

/**
 * Validates checklist answers from JSON, a walkthrough or a form. `null` means "not
 * answered"; anything else unknown is an error naming the valid keys or values.
 */
export function parseAnswers(input: Record<string, unknown>): Answers {
  const out: Partial<Record<AnswerKey, string>> = {};
  const seen = new Set<AnswerKey>();
  for (const [rawKey, rawValue] of Object.entries(input)) {
    const key = keyOf(rawKey);
    if (seen.has(key)) throw new DecisionInputError(`${key} is given twice`, ANSWER_KEYS);
    seen.add(key);
    if (rawValue === null) continue;
    out[key] = valueFor(key, rawValue);
  }
  // Safe: every value was checked against ANSWER_VALUES[key] above.
  return out as Answers;
}

/** Parses CLI arguments such as `isolation=hard multiOs=yes`. */
export function parseAnswerArgs(args: readonly string[]): Answers {
  const input: Record<string, unknown> = {};
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) {
      throw new DecisionInputError(
        `expected key=value, got "${arg}"; valid keys: ${list(ANSWER_KEYS)}`,
        ANSWER_KEYS,
      );
    }
    const key = keyOf(arg.slice(0, eq));
    if (key in input) throw new DecisionInputError(`${key} is given twice`, ANSWER_KEYS);
    input[key] = arg.slice(eq + 1);
  }
  return parseAnswers(input);
}
