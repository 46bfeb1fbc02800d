/**
 * Freezes a value and everything reachable from it, and returns it. Values kept and shared between
 * requests (recent answers, an entry's answer parts, their Slack blocks) are frozen, so code that
 * would change one for one request throws instead of changing it for every later one.
 */
export function deepFrozen<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFrozen(v);
    Object.freeze(value);
  }
  return value;
}
