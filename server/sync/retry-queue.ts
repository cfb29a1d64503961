import { z } from 'zod';
import { sellerKeys } from '../store/keys';
import type { RedisPool } from '../store/redis';
import { backoffMs } from './timing';

export const AttemptsSchema = z.object({ attempts: z.int(), since: z.string(), code: z.string(), message: z.string() });
export type Attempts = z.infer<typeof AttemptsSchema>;

/**
 * Work that failed and waits to be tried again, kept in Redis so any instance picks it up: a sorted set of
 * members by due time and a hash of their attempts (count, first failure, last error). Written before the
 * outbox entry that carried the work is acknowledged, so a crash in between repeats work, never loses it.
 */
export class RetryQueue {
  constructor(
    private readonly pool: RedisPool,
    private readonly keys: { due: string; attempts: string },
    private readonly policy: { retryBaseMs: number; retryMaxMs: number },
  ) {}

  async get(member: string): Promise<Attempts | null> {
    const raw = await this.pool.pick().hGet(this.keys.attempts, member);
    if (!raw) return null;
    const parsed = AttemptsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  /** Counts a failure and schedules the next try with backoff, and not sooner than `atLeastMs` from now. */
  async failed(member: string, code: string, message: string, atLeastMs = 0): Promise<Attempts> {
    const previous = await this.get(member);
    const attempts: Attempts = { attempts: (previous?.attempts ?? 0) + 1, since: previous?.since ?? new Date().toISOString(), code, message: message.slice(0, 500) };
    const redis = this.pool.pick();
    await redis.hSet(this.keys.attempts, member, JSON.stringify(attempts));
    await redis.zAdd(this.keys.due, { score: Date.now() + Math.max(atLeastMs, backoffMs(attempts.attempts, this.policy.retryBaseMs, this.policy.retryMaxMs)), value: member });
    return attempts;
  }

  /** Forgets a member; true when it had failed before (an alert about it may be open). */
  async succeeded(member: string): Promise<boolean> {
    const redis = this.pool.pick();
    const had = (await redis.hDel(this.keys.attempts, member)) > 0;
    await redis.zRem(this.keys.due, member);
    return had;
  }

  async forget(members: readonly string[]): Promise<void> {
    if (members.length === 0) return;
    const redis = this.pool.pick();
    await redis.zRem(this.keys.due, [...members]);
    await redis.hDel(this.keys.attempts, [...members]);
  }

  async due(limit = 200): Promise<string[]> {
    return this.pool.pick().zRangeByScore(this.keys.due, '-inf', Date.now(), { LIMIT: { offset: 0, count: limit } });
  }
}

/** A seller's queue of stock pushes (by listing key) or tracking dispatches (by order key) to try again. */
export function sellerRetryQueue(pool: RedisPool, sellerId: string, work: 'push' | 'dispatch', policy: { retryBaseMs: number; retryMaxMs: number }): RetryQueue {
  const keys = sellerKeys(sellerId);
  const names = work === 'push' ? { due: keys.syncPushRetry, attempts: keys.syncPushAttempts } : { due: keys.syncDispatchRetry, attempts: keys.syncDispatchAttempts };
  return new RetryQueue(pool, names, policy);
}
