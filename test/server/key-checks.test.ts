import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Tenants } from '../../server/tenancy/tenants';
import { openTestStore } from '../support/store';

const store = await openTestStore();

describe('keys checked in the same turn of the event loop', () => {
  it('are charged one after another, each answered as if alone', async () => {
    const now = Date.parse('2026-02-01T00:00:00Z');
    const tenants = new Tenants(store.pool, randomBytes(32), { limit: 3, windowSeconds: 30 }, () => new Date(now));
    const { apiKey, keyId } = await tenants.createSeller('묶음 상점', 'owner');
    const other = await tenants.createKey((await tenants.listSellers()).find((seller) => seller.name === '묶음 상점')!.id, 'packer');
    // A wrong secret under the same key id is charged to that key, and answered 401.
    const wrongSecret = `ssk_${keyId}_${randomBytes(32).toString('base64url')}`;

    const answers = await Promise.all([apiKey, wrongSecret, apiKey, other.apiKey, apiKey, apiKey].map((key) => tenants.authenticate(key)));
    expect(answers).toEqual([
      expect.objectContaining({ outcome: 'ok', remaining: 2 }),
      { outcome: 'unauthorized' },
      expect.objectContaining({ outcome: 'ok', remaining: 0 }),
      expect.objectContaining({ outcome: 'ok', remaining: 2, principal: expect.objectContaining({ label: 'packer' }) }),
      { outcome: 'limited', retryAfterSeconds: 10, limit: 3 },
      { outcome: 'limited', retryAfterSeconds: 10, limit: 3 },
    ]);
  });

  it('of a revoked key are all refused and charge nothing', async () => {
    const tenants = new Tenants(store.pool, randomBytes(32), { limit: 2, windowSeconds: 60 });
    const { apiKey, keyId } = await tenants.createSeller('취소 상점', 'owner');
    await tenants.revokeKey(keyId);
    const answers = await Promise.all(Array.from({ length: 4 }, () => tenants.authenticate(apiKey)));
    expect(answers).toEqual(Array.from({ length: 4 }, () => ({ outcome: 'unauthorized' })));
    expect(await tenants.authenticate(`ssk_${'0'.repeat(16)}_${'A'.repeat(43)}`)).toEqual({ outcome: 'unauthorized' });
  });
});
