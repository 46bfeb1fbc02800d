/**
 * Argument rules every backend applies the same way, so one contract suite holds for all
 * of them and a bad call fails the same on a laptop (memory) as in production (Redis).
 */

/** Values are stored as JSON text; `undefined` or a bare function would silently vanish. */
export function encodeValue(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("StateStore values must be JSON-serialisable (got undefined)");
  return json;
}

export function decodeValue<T>(json: string): T {
  return JSON.parse(json) as T;
}

/** A whole number of milliseconds > 0: Redis `PX` takes integers, and 0 would mean "already gone". */
export function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
  }
  return Math.ceil(ttlMs);
}

export function checkIfVersion(ifVersion: number | undefined): void {
  if (ifVersion !== undefined && (!Number.isSafeInteger(ifVersion) || ifVersion < 0)) {
    throw new RangeError(`ifVersion must be a whole number >= 0, got ${ifVersion}`);
  }
}

/** Background failures (purge, lost connection) have no caller to reject; they go here. */
export type ErrorHook = (error: Error) => void;

export const warnOnError: ErrorHook = (error) => {
  console.warn(`[vmvc store] ${error.message}`);
};
