import { z } from 'zod';
import type { RedisPool } from '../store/redis';
import authenticateSource from './authenticate.lua';
import { DEFAULT_KEY_LEASE_MS, KeyLeases } from './key-leases';
import { LuaScript } from './lua-script';
import { tenancyKeys } from './redis-keys';

/** What Redis knows of a presented key id, and whether this one request may go on. */
export type KeyCheck =
  | { found: false }
  | { found: true; record: KeyRecord; allowed: boolean; retryAfterUs: number; remaining: number };

/** The stored record of a key id: whose it is, its label, the HMAC of the whole key (bytes), whether revoked. */
export interface KeyRecord {
  sellerId: string;
  label: string;
  hash: Buffer;
  revoked: boolean;
}

const NOT_FOUND: KeyCheck = { found: false };

const NoKey = z.tuple([]);
const KeyReply = z.tuple([z.string(), z.string(), z.string(), z.string()]).rest(z.number());

const authenticateScript = new LuaScript(authenticateSource);

interface Waiting {
  resolve(check: KeyCheck): void;
  reject(error: unknown): void;
}

export interface RateLimit {
  limit: number;
  windowSeconds: number;
  /** How long a lease of a key's allowance (and the key's record with it) may be used here; 0: never lease. */
  leaseMs?: number;
}

/**
 * Looks up key ids and charges their rate limits. A busy key's requests are mostly answered from a lease of
 * its allowance (key-leases.ts). The others of one key id asked for in the same turn of the event loop share
 * one call of authenticate.lua, which charges them one after another: every request still gets the answer it
 * would get alone, and a busy client costs one round trip per turn instead of one per request.
 */
export class KeyChecks {
  private readonly waiting = new Map<string, Waiting[]>();
  private scheduled = false;
  private readonly leases: KeyLeases;
  private readonly sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: RedisPool,
    private readonly rate: RateLimit,
    private readonly clock: () => Date,
  ) {
    const leaseMs = rate.leaseMs ?? DEFAULT_KEY_LEASE_MS;
    this.leases = new KeyLeases(rate.limit, leaseMs, () => this.clock().getTime());
    if (leaseMs > 0) {
      this.sweeper = setInterval(() => this.giveBackLapsed(), leaseMs);
      this.sweeper.unref();
    }
  }

  check(keyId: string): Promise<KeyCheck> {
    const leased = this.leases.take(keyId);
    if (leased) return Promise.resolve(leased);
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(keyId);
      if (queue) queue.push({ resolve, reject });
      else this.waiting.set(keyId, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.waiting];
    this.waiting.clear();
    for (const [keyId, queue] of batches) {
      this.run(keyId, queue.length).then(
        (checks) => queue.forEach((waiting, index) => waiting.resolve(checks[index] ?? NOT_FOUND)),
        (error: unknown) => queue.forEach((waiting) => waiting.reject(error)),
      );
    }
  }

  /** A key revoked through this instance answers 401 here from now on, without waiting for its lease to lapse. */
  forget(keyId: string): void {
    this.leases.drop(keyId);
  }

  /** Stops handing back lapsed leases (shutdown). */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Units of lapsed leases go back to their keys' allowances; a failure only leaves them to expire in Redis. */
  private giveBackLapsed(): void {
    for (const { keyId, units } of this.leases.sweep()) {
      this.call(keyId, 0, 0, units).catch(() => {
        // Redis unreachable: the units stay charged and come back as the window moves on.
      });
    }
  }

  private call(keyId: string, count: number, extra: number, giveBack: number) {
    const windowUs = this.rate.windowSeconds * 1_000_000;
    const intervalUs = Math.max(1, Math.floor(windowUs / this.rate.limit));
    const nowUs = this.clock().getTime() * 1000;
    const args = [String(nowUs), String(intervalUs), String(windowUs), String(count), String(extra), String(giveBack)];
    return authenticateScript.run(this.pool, [tenancyKeys.apiKey(keyId), tenancyKeys.rateLimit(keyId)], args);
  }

  private async run(keyId: string, count: number): Promise<KeyCheck[]> {
    const terms = this.leases.renew(keyId);
    const reply = await this.call(keyId, count, terms.extra, terms.giveBack);
    const checks: KeyCheck[] = [];
    if (NoKey.safeParse(reply).success) {
      this.leases.drop(keyId);
      for (let index = 0; index < count; index++) checks.push(NOT_FOUND);
      return checks;
    }
    const [sellerId, label, hash, revokedAt, ...charges] = KeyReply.parse(reply);
    const record: KeyRecord = { sellerId, label, hash: Buffer.from(hash, 'hex'), revoked: revokedAt !== '' };
    if (!record.revoked && charges.length !== count * 3 + 2) throw new Error(`authenticate.lua answered ${count} requests with ${charges.length} figures`);
    this.leases.granted(keyId, record, charges[count * 3] ?? 0, charges[count * 3 + 1] ?? 0);
    for (let index = 0; index < count; index++) {
      checks.push(
        record.revoked
          ? { found: true, record, allowed: false, retryAfterUs: 0, remaining: 0 }
          : { found: true, record, allowed: charges[index * 3] === 1, retryAfterUs: charges[index * 3 + 1] ?? 0, remaining: charges[index * 3 + 2] ?? 0 },
      );
    }
    return checks;
  }
}
