import { z } from 'zod';
import type { AccountSyncStatus } from '../../shared/api/channels';
import type { ChannelAccountRecord } from '../channels/accounts';
import { sellerKeys } from '../store/keys';
import type { RedisPool } from '../store/redis';

/**
 * Each account's sync health, kept in Redis (`ss:{s}:sync:status:<account>`, a hash) so every instance and
 * GET /v1/sync/status see the same, whichever instance polls.
 */

const StoredStatus = z.object({
  lastPollAt: z.string().optional(),
  lastSuccessAt: z.string().optional(),
  lastErrorKind: z.string().optional(),
  lastErrorMessage: z.string().optional(),
  lastErrorAt: z.string().optional(),
  failures: z.coerce.number().int().optional(),
  blocked: z.enum(['0', '1']).optional(),
  ordersIngested: z.coerce.number().int().optional(),
  lastPushAt: z.string().optional(),
  lastDispatchAt: z.string().optional(),
});

export interface PollFailure {
  kind: string;
  message: string;
  /** Polling waits for the seller (credentials, IP allow-list) rather than retrying. */
  blocked: boolean;
}

const GroupInfo = z.array(z.object({ name: z.string(), pending: z.coerce.number(), lag: z.coerce.number().nullable().optional() }).loose());

export class SyncStatusBook {
  constructor(
    private readonly pool: RedisPool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private key(sellerId: string, account: string): string {
    return sellerKeys(sellerId).syncStatus(account);
  }

  private now(): string {
    return this.clock().toISOString();
  }

  async pollStarted(sellerId: string, account: string): Promise<void> {
    await this.pool.pick().hSet(this.key(sellerId, account), 'lastPollAt', this.now());
  }

  /** Returns the consecutive failures before this success, so the caller knows whether an alert is open. */
  async pollSucceeded(sellerId: string, account: string, ingested: number): Promise<number> {
    const key = this.key(sellerId, account);
    const redis = this.pool.pick();
    const failures = Number((await redis.hGet(key, 'failures')) ?? 0);
    await redis.hSet(key, { lastSuccessAt: this.now(), failures: '0', blocked: '0' });
    if (ingested > 0) await redis.hIncrBy(key, 'ordersIngested', ingested);
    return failures;
  }

  /** Returns the count of consecutive failures, this one included. */
  async pollFailed(sellerId: string, account: string, failure: PollFailure): Promise<number> {
    const key = this.key(sellerId, account);
    const redis = this.pool.pick();
    await redis.hSet(key, {
      lastErrorKind: failure.kind,
      lastErrorMessage: failure.message.slice(0, 1000),
      lastErrorAt: this.now(),
      blocked: failure.blocked ? '1' : '0',
    });
    return redis.hIncrBy(key, 'failures', 1);
  }

  async touched(sellerId: string, account: string, what: 'lastPushAt' | 'lastDispatchAt'): Promise<void> {
    await this.pool.pick().hSet(this.key(sellerId, account), what, this.now());
  }

  /** Outbox entries the consumer group has not finished: delivered but unacknowledged, plus not yet delivered. */
  async pendingOutbox(sellerId: string, group: string): Promise<number> {
    const redis = this.pool.pick();
    const outbox = sellerKeys(sellerId).outbox;
    try {
      const groups = GroupInfo.parse(await redis.xInfoGroups(outbox));
      const ours = groups.find((entry) => entry.name === group);
      if (!ours) return await redis.xLen(outbox);
      return ours.pending + (ours.lag ?? 0);
    } catch (error) {
      // No outbox yet: nothing pending.
      if (error instanceof Error && /no such key/i.test(error.message)) return 0;
      throw error;
    }
  }

  async read(sellerId: string, records: readonly ChannelAccountRecord[], context: { group: string; defaultPollMs: number; lease: (account: string) => Promise<{ holder: string; token: number } | null> }): Promise<AccountSyncStatus[]> {
    const redis = this.pool.pick();
    const keys = sellerKeys(sellerId);
    const now = this.clock().getTime();
    const [entries, pushRetries, dispatchRetries] = await Promise.all([
      this.pendingOutbox(sellerId, context.group),
      redis.zRange(keys.syncPushRetry, 0, -1),
      redis.zRange(keys.syncDispatchRetry, 0, -1),
    ]);
    return Promise.all(
      records.map(async (record): Promise<AccountSyncStatus> => {
        const stored = StoredStatus.parse(await redis.hGetAll(this.key(sellerId, record.id)));
        const prefix = `${record.channel}:${record.id}:`;
        const lastSuccess = stored.lastSuccessAt ? Date.parse(stored.lastSuccessAt) : null;
        const erroredSinceSuccess = stored.lastErrorAt !== undefined && (lastSuccess === null || Date.parse(stored.lastErrorAt) >= lastSuccess);
        return {
          id: record.id,
          channel: record.channel,
          name: record.name,
          poller: await context.lease(record.id),
          pollIntervalSeconds: (record.settings.pollIntervalSeconds ?? context.defaultPollMs / 1000),
          lastPollAt: stored.lastPollAt ?? null,
          lastSuccessAt: stored.lastSuccessAt ?? null,
          lagSeconds: lastSuccess === null ? null : Math.max(0, Math.round((now - lastSuccess) / 100) / 10),
          lastError:
            erroredSinceSuccess && stored.lastErrorAt
              ? { kind: stored.lastErrorKind ?? 'unknown', message: stored.lastErrorMessage ?? '', at: stored.lastErrorAt }
              : null,
          blocked: stored.blocked === '1',
          ordersIngested: stored.ordersIngested ?? 0,
          lastPushAt: stored.lastPushAt ?? null,
          lastDispatchAt: stored.lastDispatchAt ?? null,
          pendingOutbox: {
            entries,
            stockPushes: pushRetries.filter((member) => member.startsWith(prefix)).length,
            dispatches: dispatchRetries.filter((member) => member.startsWith(prefix)).length,
            confirms: await redis.sCard(keys.syncConfirm(record.id)),
          },
        };
      }),
    );
  }
}
