import type { Redis, Result } from "ioredis";

/**
 * Lua scripts run atomically inside Redis, which is what makes compare-and-set and log
 * appends safe when several replicas write at once. ioredis sends them with EVALSHA and
 * falls back to EVAL on NOSCRIPT, so they survive a Redis restart that empties the cache.
 */

/**
 * KEYS[1] = value hash {v = JSON, ver = version}. ARGV = json, ttlMs, ifVersion ("" = any).
 * Returns the new version, or 0 on a version conflict. A missing (or expired) key is version 0.
 */
const CAS_SET = `
local current = tonumber(redis.call('HGET', KEYS[1], 'ver')) or 0
if ARGV[3] ~= '' and tonumber(ARGV[3]) ~= current then return 0 end
local version = current + 1
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'ver', version)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return version`;

/**
 * KEYS[1] = log sorted set (score = append time), KEYS[2] = sequence counter.
 * ARGV = nowMs, ttlMs, "<expiresAtMs>:<json>".
 * Members are "<16-digit seq>:<expiresAt>:<json>": unique even for equal entries, and equal
 * scores sort by member, i.e. in append order. Expired entries are pruned from the oldest end,
 * stopping at the first live one, so a short-lived entry never evicts a longer-lived one.
 */
const LOG_APPEND = `
local now = tonumber(ARGV[1])
local seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], now, string.format('%016d', seq) .. ':' .. ARGV[3])
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, 99)) do
  local expires = tonumber(string.match(member, '^%d+:(%d+):'))
  if expires > now then break end
  redis.call('ZREM', KEYS[1], member)
end
local ttl = tonumber(ARGV[2])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end`;

declare module "ioredis" {
  interface RedisCommander<Context> {
    vmvcCasSet(key: string, json: string, ttlMs: number, ifVersion: string): Result<number, Context>;
    vmvcLogAppend(
      log: string,
      seq: string,
      nowMs: number,
      ttlMs: number,
      member: string,
    ): Result<null, Context>;
  }
}

export function defineScripts(client: Redis): void {
  client.defineCommand("vmvcCasSet", { numberOfKeys: 1, lua: CAS_SET });
  client.defineCommand("vmvcLogAppend", { numberOfKeys: 2, lua: LOG_APPEND });
}

/** Splits a log member back into its expiry and JSON entry (see LOG_APPEND). */
export function parseLogMember(member: string): { expiresAt: number; json: string } | undefined {
  const head = /^\d+:(\d+):/.exec(member);
  if (!head) return undefined;
  return { expiresAt: Number(head[1]), json: member.slice(head[0].length) };
}
