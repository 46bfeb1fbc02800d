/**
 * Bad checklist input (unknown key, unknown value, malformed `key=value`). It is the
 * caller's mistake, so adapters show `message` as is: it names the problem and the valid
 * choices. Stable `code` for error hooks and `--json` output.
 */
export class DecisionInputError extends Error {
  readonly code = "DECISION_INPUT_INVALID";
  constructor(
    message: string,
    /** The valid keys or values, for buttons or "did you mean" hints. */
    readonly valid: readonly string[] = [],
  ) {
    super(message);
    this.name = "DecisionInputError";
  }
}
