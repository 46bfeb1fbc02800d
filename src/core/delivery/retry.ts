import { StoreUnavailableError } from "../../store/store.ts";
import { ConflictError } from "../../store/update.ts";
import { DeliveryError } from "./port.ts";

/** How often and how patiently a failed platform call or store write is tried again. */
export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** First backoff; doubled per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 5_000 };
/** A platform's Retry-After is honoured up to this long; beyond it the call is given up. */
export const MAX_RETRY_AFTER_MS = 30_000;

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Failures worth trying again: transient platform errors and an unreachable or contended store. */
export function isTransient(error: unknown): boolean {
  if (error instanceof DeliveryError) return error.transient;
  return error instanceof StoreUnavailableError || error instanceof ConflictError;
}

/** The wait before attempt `attempt + 1`: the platform's Retry-After, else exponential backoff. */
export function delayFor(error: unknown, attempt: number, policy: RetryPolicy): number {
  if (error instanceof DeliveryError && error.retryAfterMs !== undefined)
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/** Runs `call`, trying transient failures again with backoff; the last failure is thrown. */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, sleep: Sleep): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.retries || !isTransient(error)) throw error;
      await sleep(delayFor(error, attempt, policy));
    }
  }
}
