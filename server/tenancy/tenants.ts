import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SellerRecord } from '../../shared/api/admin';
import type { RedisPool } from '../store/redis';
import { hashApiKey, keyIdOf, newApiKey, newKeyId, sameDigest } from './api-key';
import { KeyChecks, type RateLimit } from './key-checks';
import { tenancyKeys } from './redis-keys';

export type TenancyErrorCode = 'SELLER_NOT_FOUND' | 'KEY_NOT_FOUND' | 'LABEL_TAKEN';

/** A refusal of a provisioning request; the HTTP layer maps it to 404 or 409. */
export class TenancyError extends Error {
  constructor(
    readonly code: TenancyErrorCode,
    readonly params: Record<string, string>,
  ) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = 'TenancyError';
  }
}

/** Who is calling: one seller, through one labelled key. */
export interface Principal {
  sellerId: string;
  keyId: string;
  label: string;
}

export type Authentication =
  | { outcome: 'ok'; principal: Principal; limit: number; remaining: number }
  | { outcome: 'unauthorized' }
  | { outcome: 'limited'; retryAfterSeconds: number; limit: number };

export interface NewKey {
  keyId: string;
  label: string;
  /** The only time the key exists in clear. */
  apiKey: string;
}

const StoredKey = z.object({ sellerId: z.string(), label: z.string(), hash: z.string(), createdAt: z.string(), revokedAt: z.string().optional() });
const StoredSeller = z.object({ name: z.string(), createdAt: z.string() });

/**
 * The HMACs of keys presented lately. A client presents the same key with every request, and its HMAC was
 * the dearest part of checking it. Bounded, so made-up keys cannot grow it; a key is only ever found here by
 * someone presenting that very key, so how long a check takes tells nobody anything new.
 */
const PRESENTED_HASHES = 1024;

export function newSellerId(): string {
  return `s_${randomBytes(6).toString('hex')}`;
}

/** Sellers, their API keys and each key's rate limit. */
export class Tenants {
  private readonly presentedHashes = new Map<string, Buffer>();
  private readonly keyChecks: KeyChecks;

  constructor(
    private readonly pool: RedisPool,
    private readonly hashKey: Buffer,
    private readonly rate: RateLimit,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.keyChecks = new KeyChecks(pool, rate, clock);
  }

  private redis() {
    return this.pool.pick();
  }

  /** The seller record first, then the registry: a worker never meets a registered seller without a record. */
  async createSeller(name: string, keyLabel: string, sellerId = newSellerId()): Promise<{ seller: SellerRecord } & NewKey> {
    const createdAt = this.clock().toISOString();
    await this.redis().hSet(tenancyKeys.seller(sellerId), { name, createdAt });
    await this.redis().sAdd(tenancyKeys.sellerRegistry, sellerId);
    const key = await this.createKey(sellerId, keyLabel);
    return { seller: { id: sellerId, name, createdAt }, ...key };
  }

  async getSeller(sellerId: string): Promise<SellerRecord | null> {
    const raw = await this.redis().hGetAll(tenancyKeys.seller(sellerId));
    if (Object.keys(raw).length === 0) return null;
    return { id: sellerId, ...StoredSeller.parse(raw) };
  }

  async listSellers(): Promise<SellerRecord[]> {
    const ids = (await this.redis().sMembers(tenancyKeys.sellerRegistry)).sort();
    const records = await Promise.all(ids.map((id) => this.getSeller(id)));
    return records.flatMap((record) => (record ? [record] : []));
  }

  /** Every seller id, for workers that visit each seller. */
  async sellerIds(): Promise<string[]> {
    return (await this.redis().sMembers(tenancyKeys.sellerRegistry)).sort();
  }

  async requireSeller(sellerId: string): Promise<SellerRecord> {
    const seller = await this.getSeller(sellerId);
    if (!seller) throw new TenancyError('SELLER_NOT_FOUND', { id: sellerId });
    return seller;
  }

  /** A label names one active key of a seller, because it is recorded as the actor of what the key does. */
  async createKey(sellerId: string, label: string): Promise<NewKey> {
    await this.requireSeller(sellerId);
    const keyId = newKeyId();
    const apiKey = newApiKey(keyId);
    const labels = tenancyKeys.keyLabels(sellerId);
    if (!(await this.redis().hSetNX(labels, label, keyId))) {
      // A label left behind by a creation that died halfway (no record, or a revoked one) is free again.
      const holder = await this.redis().hGet(labels, label);
      const record = holder ? await this.keyRecord(holder) : null;
      if (record && !record.revokedAt) throw new TenancyError('LABEL_TAKEN', { label });
      await this.redis().hSet(labels, label, keyId);
    }
    const createdAt = this.clock().toISOString();
    await this.redis().hSet(tenancyKeys.apiKey(keyId), { sellerId, label, hash: hashApiKey(this.hashKey, apiKey), createdAt });
    return { keyId, label, apiKey };
  }

  async listKeys(sellerId: string): Promise<{ keyId: string; label: string; createdAt: string }[]> {
    await this.requireSeller(sellerId);
    const labels = await this.redis().hGetAll(tenancyKeys.keyLabels(sellerId));
    const keys = await Promise.all(
      Object.values(labels).map(async (keyId) => {
        const record = await this.keyRecord(keyId);
        return record && !record.revokedAt && record.sellerId === sellerId ? [{ keyId, label: record.label, createdAt: record.createdAt }] : [];
      }),
    );
    return keys.flat().sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.label.localeCompare(b.label));
  }

  /** The record stays (who did what stays explainable); the key answers 401 from now on. */
  async revokeKey(keyId: string): Promise<{ keyId: string; label: string; revokedAt: string }> {
    const record = await this.keyRecord(keyId);
    if (!record) throw new TenancyError('KEY_NOT_FOUND', { keyId });
    const revokedAt = record.revokedAt ?? this.clock().toISOString();
    if (!record.revokedAt) await this.redis().hSet(tenancyKeys.apiKey(keyId), 'revokedAt', revokedAt);
    // Other instances stop within their lease of the key (SHEETSHIP_KEY_LEASE_MS); this one at once.
    this.keyChecks.forget(keyId);
    const labels = tenancyKeys.keyLabels(record.sellerId);
    if ((await this.redis().hGet(labels, record.label)) === keyId) await this.redis().hDel(labels, record.label);
    return { keyId, label: record.label, revokedAt };
  }

  /** Stops background work (handing back lapsed rate-limit leases). */
  close(): void {
    this.keyChecks.close();
  }

  /** Checks a presented key and charges its rate limit: from a lease of its allowance, or in one round trip to Redis (shared by a busy key). */
  async authenticate(apiKey: string): Promise<Authentication> {
    const keyId = keyIdOf(apiKey);
    if (!keyId) return { outcome: 'unauthorized' };
    const check = await this.keyChecks.check(keyId);
    if (!check.found) return { outcome: 'unauthorized' };
    // The digest is compared whatever else the record says, so a revoked key costs the same time as a live one.
    const matches = sameDigest(this.presentedHash(apiKey), check.record.hash);
    if (!matches || check.record.revoked) return { outcome: 'unauthorized' };
    if (!check.allowed) return { outcome: 'limited', retryAfterSeconds: Math.max(1, Math.ceil(check.retryAfterUs / 1_000_000)), limit: this.rate.limit };
    return { outcome: 'ok', principal: { sellerId: check.record.sellerId, keyId, label: check.record.label }, limit: this.rate.limit, remaining: check.remaining };
  }

  private presentedHash(apiKey: string): Buffer {
    let hash = this.presentedHashes.get(apiKey);
    if (hash === undefined) {
      hash = Buffer.from(hashApiKey(this.hashKey, apiKey), 'hex');
      if (this.presentedHashes.size >= PRESENTED_HASHES) this.presentedHashes.clear();
      this.presentedHashes.set(apiKey, hash);
    }
    return hash;
  }

  private async keyRecord(keyId: string): Promise<z.infer<typeof StoredKey> | null> {
    const raw = await this.redis().hGetAll(tenancyKeys.apiKey(keyId));
    return Object.keys(raw).length === 0 ? null : StoredKey.parse(raw);
  }
}
