import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CreateKeyResponseSchema } from '../../shared/api/admin';
import { ErrorBodySchema } from '../../shared/api/common';
import { call, provisionSeller, startTestServer } from './support/harness';

// Two instances on one Redis, with the same keys: the limit is per key and shared between them.
const masterKey = randomBytes(32);
const adminKey = randomBytes(24).toString('hex');
const first = await startTestServer({ rateLimit: 4, rateWindowSeconds: 3600, masterKey, adminKey });
const second = await startTestServer({ rateLimit: 4, rateWindowSeconds: 3600, masterKey, adminKey });

describe('rate limit', () => {
  it('answers 429 with Retry-After once a key used its allowance, across instances, key by key', async () => {
    const seller = await provisionSeller(first);
    const statuses: number[] = [];
    for (const server of [first, second, first, second]) {
      const answer = await call(server, 'GET', '/v1/me', { key: seller.key });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);

    const limited = await call(second, 'GET', '/v1/me', { key: seller.key });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const error = ErrorBodySchema.parse(limited.body).error;
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain(String(retryAfter));
    expect((await call(first, 'PUT', '/v1/skus', { key: seller.key, body: { skus: [] } })).status).toBe(429);

    const other = CreateKeyResponseSchema.parse((await call(first, 'POST', `/v1/admin/sellers/${seller.sellerId}/keys`, { key: adminKey, body: { label: 'second' } })).body);
    const fresh = await call(first, 'GET', '/v1/me', { key: other.apiKey });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit-remaining')).toBe('3');
  });

  it('answers a revoked key 401, never 429', async () => {
    const seller = await provisionSeller(first);
    const revoked = await call(first, 'DELETE', `/v1/admin/keys/${seller.keyId}`, { key: adminKey });
    expect(revoked.status).toBe(200);
    for (let attempt = 0; attempt < 6; attempt++) expect((await call(first, 'GET', '/v1/me', { key: seller.key })).status).toBe(401);
  });
});
