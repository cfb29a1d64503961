import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tenancyKeys } from '../../server/tenancy/redis-keys';
import { Tenants } from '../../server/tenancy/tenants';
import { openTestStore } from '../support/store';

const store = await openTestStore();

describe('tenants', () => {
  it('stores a key only as a keyed hash: the same key under another server secret is refused', async () => {
    const hashKey = randomBytes(32);
    const tenants = new Tenants(store.pool, hashKey, { limit: 100, windowSeconds: 60 });
    const created = await tenants.createSeller('해시 상점', 'owner');
    const record = await store.pool.pick().hGetAll(tenancyKeys.apiKey(created.keyId));
    expect(Object.keys(record).sort()).toEqual(['createdAt', 'hash', 'label', 'sellerId']);
    // Everything after `ssk_<keyId>_`: base64url may put '_' inside the secret, so it is not split on '_'.
    const secretPart = created.apiKey.slice(`ssk_${created.keyId}_`.length);
    expect(secretPart).toHaveLength(43);
    expect(JSON.stringify(record)).not.toContain(secretPart);
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.pool.pick().sIsMember(tenancyKeys.sellerRegistry, created.seller.id)).toBe(1);

    expect(await tenants.authenticate(created.apiKey)).toMatchObject({ outcome: 'ok', principal: { sellerId: created.seller.id, keyId: created.keyId, label: 'owner' } });
    const elsewhere = new Tenants(store.pool, randomBytes(32), { limit: 100, windowSeconds: 60 });
    expect(await elsewhere.authenticate(created.apiKey)).toEqual({ outcome: 'unauthorized' });
  });

  it('allows `limit` requests at once, then one per interval, with the wait in whole seconds', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const tenants = new Tenants(store.pool, randomBytes(32), { limit: 3, windowSeconds: 30 }, () => new Date(now));
    const { apiKey } = await tenants.createSeller('속도 상점', 'owner');
    const remaining: number[] = [];
    for (let index = 0; index < 3; index++) {
      const auth = await tenants.authenticate(apiKey);
      if (auth.outcome !== 'ok') throw new Error(`request ${index} was ${auth.outcome}`);
      remaining.push(auth.remaining);
    }
    expect(remaining).toEqual([2, 1, 0]);
    expect(await tenants.authenticate(apiKey)).toEqual({ outcome: 'limited', retryAfterSeconds: 10, limit: 3 });
    now += 9_000;
    expect(await tenants.authenticate(apiKey)).toEqual({ outcome: 'limited', retryAfterSeconds: 1, limit: 3 });
    now += 1_000;
    expect(await tenants.authenticate(apiKey)).toMatchObject({ outcome: 'ok', remaining: 0 });
    now += 60_000;
    expect(await tenants.authenticate(apiKey)).toMatchObject({ outcome: 'ok', remaining: 2 });
  });
});
