/**
 * Per-user rate limit: a token bucket per key (platform + user) holding `perMinute` turns,
 * refilled continuously. In memory, per process: with several replicas each one limits on its
 * own, which bounds abuse without a store round trip on every message.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Above this many tracked users, full buckets (idle users) are forgotten. */
    private readonly maxKeys = 10_000,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one turn for `key`; false when the user has none left (the turn must change nothing). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs)
      : this.perMinute;
    if (tokens < 1) {
      if (bucket) {
        bucket.tokens = tokens;
        bucket.at = now;
      }
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxKeys) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
  }
}
