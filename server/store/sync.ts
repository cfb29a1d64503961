import { z } from 'zod';
import { AccountIdSchema } from '../../shared/ids';
import type { SellerContext } from './context';
import { validated } from './validate';

export const LeaseReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('acquired'), token: z.int() }),
  z.object({ status: z.literal('renewed'), token: z.int() }),
  z.object({ status: z.literal('held'), holder: z.string(), token: z.int().optional(), ttlMs: z.int() }),
  z.object({ status: z.literal('lost') }),
]);
export type LeaseReply = z.infer<typeof LeaseReplySchema>;

export const CursorWriteSchema = z.object({
  written: z.boolean(),
  reason: z.enum(['not_holder', 'stale_token']).optional(),
  holder: z.string().optional(),
  last: z.int().optional(),
});
export type CursorWrite = z.infer<typeof CursorWriteSchema>;

export interface StoredCursor {
  cursor: string | null;
  /** The lease token that wrote it. */
  token: number | null;
  at: string | null;
}

const LeaseInput = z.strictObject({
  account: AccountIdSchema,
  owner: z.string().min(1).max(200).regex(/^[^|]+$/, 'must not contain "|"'),
  ttlMs: z.int().min(100).max(3_600_000),
});
const TokenInput = z.strictObject({ account: AccountIdSchema, token: z.int().min(1) });
const CursorInput = TokenInput.extend({ cursor: z.string().min(1).max(1_000_000) });

/**
 * The poller's lease per channel account and its fenced feed cursor (DESIGN "Redis rules": locks only for
 * efficiency, the cursor write conditional on the lease token). Scripts acquire_lease, release_lease and
 * write_cursor.
 */
export class SyncStateStore {
  constructor(private readonly ctx: SellerContext) {}

  /** Takes the lease if it is free (a new, higher token), or renews it when `token` holds it. */
  async acquireLease(account: string, owner: string, ttlMs: number, token: number | null = null): Promise<LeaseReply> {
    validated(LeaseInput, { account, owner, ttlMs });
    return this.lease(account, owner, ttlMs, 'acquire', token);
  }

  /** Extends the lease only if `token` still holds it; 'lost' otherwise. */
  async renewLease(account: string, owner: string, token: number, ttlMs: number): Promise<LeaseReply> {
    validated(LeaseInput, { account, owner, ttlMs });
    return this.lease(account, owner, ttlMs, 'renew', token);
  }

  async releaseLease(account: string, token: number): Promise<boolean> {
    validated(TokenInput, { account, token });
    const reply = await this.ctx.callParsed('release_lease', [this.ctx.keys.syncLease(account)], [String(token)], z.object({ released: z.boolean() }));
    return reply.released;
  }

  /** Who holds the lease now, read without taking it (for the status page and tests). */
  async leaseHolder(account: string): Promise<{ token: number; holder: string; ttlMs: number } | null> {
    const redis = this.ctx.redis();
    const [value, ttlMs] = await Promise.all([redis.get(this.ctx.keys.syncLease(account)), redis.pTTL(this.ctx.keys.syncLease(account))]);
    if (!value) return null;
    const [token = '', ...holder] = value.split('|');
    return { token: Number(token), holder: holder.join('|'), ttlMs };
  }

  async readCursor(account: string): Promise<StoredCursor> {
    const raw = await this.ctx.redis().hGetAll(this.ctx.keys.syncCursor(account));
    return { cursor: raw.cursor ?? null, token: raw.token ? Number(raw.token) : null, at: raw.at ?? null };
  }

  /** Writes the cursor only while `token` holds the lease and no newer token has written (fencing). */
  async writeCursor(account: string, token: number, cursor: string): Promise<CursorWrite> {
    validated(CursorInput, { account, token, cursor });
    const keys = [this.ctx.keys.syncLease(account), this.ctx.keys.syncCursor(account)];
    return this.ctx.callParsed('write_cursor', keys, [String(token), cursor], CursorWriteSchema);
  }

  private async lease(account: string, owner: string, ttlMs: number, mode: 'acquire' | 'renew', token: number | null): Promise<LeaseReply> {
    const keys = [this.ctx.keys.syncLease(account), this.ctx.keys.syncFence(account)];
    return this.ctx.callParsed('acquire_lease', keys, [owner, String(ttlMs), mode, token === null ? '' : String(token)], LeaseReplySchema);
  }
}
