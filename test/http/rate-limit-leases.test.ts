import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { tenancyKeys } from '../../server/tenancy/redis-keys';
import { call, provisionSeller, startTestServer, type TestServer, type TestSeller } from './support/harness';

// Two instances on one Redis with the same keys, each spending leased slices of a key's allowance locally
// (server/tenancy/key-leases.ts). A limit of 40 per hour: slices of up to 4 units, and an interval (90 s) far
// longer than the test, so nothing refills while it runs.
const LIMIT = 40;
const WINDOW_SECONDS = 3600;
const masterKey = randomBytes(32);
const adminKey = randomBytes(24).toString('hex');
const pair = async (keyLeaseMs: number) => [
  await startTestServer({ rateLimit: LIMIT, rateWindowSeconds: WINDOW_SECONDS, keyLeaseMs, masterKey, adminKey }),
  await startTestServer({ rateLimit: LIMIT, rateWindowSeconds: WINDOW_SECONDS, keyLeaseMs, masterKey, adminKey }),
] as const;
const [first, second] = await pair(60_000);
const [quickFirst, quickSecond] = await pair(1_500);

/** Units of the key's allowance charged in Redis so far (leased ones included): the GCRA's lead over now, in intervals. */
async function charged(server: TestServer, seller: TestSeller): Promise<number> {
  const tat = await server.store.pool.pick().get(tenancyKeys.rateLimit(seller.keyId));
  if (tat === null) return 0;
  const intervalUs = (WINDOW_SECONDS * 1_000_000) / LIMIT;
  return Math.ceil((Number(tat) - Date.now() * 1000) / intervalUs);
}

async function me(server: TestServer, seller: TestSeller): Promise<number> {
  return (await call(server, 'GET', '/v1/me', { key: seller.key })).status;
}

/** Calls one instance until it refuses: by then it holds no unspent units of the key. */
async function untilRefused(server: TestServer, seller: TestSeller): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt <= LIMIT && statuses.at(-1) !== 429; attempt++) statuses.push(await me(server, seller));
  return statuses;
}

describe('rate-limit leases', () => {
  it('let two instances together serve exactly the limit, and never more than Redis charged', async () => {
    const seller = await provisionSeller(first);
    const statuses: number[] = [];
    let leasedAhead = false;
    // Bursts at both instances at once, so each takes slices of the allowance.
    for (let round = 0; round < 12; round++) {
      const burst = await Promise.all([first, second].flatMap((server) => Array.from({ length: 4 }, () => me(server, seller))));
      statuses.push(...burst);
      const served = statuses.filter((status) => status === 200).length;
      const units = await charged(first, seller);
      expect(served).toBeLessThanOrEqual(units);
      if (units > served) leasedAhead = true;
    }
    // Slices were taken ahead of the requests that spent them.
    expect(leasedAhead).toBe(true);
    // Each instance spends what it still holds, then is refused like the other.
    statuses.push(...(await untilRefused(first, seller)), ...(await untilRefused(second, seller)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(await charged(first, seller)).toBe(LIMIT);

    const limited = await call(second, 'GET', '/v1/me', { key: seller.key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('give what a lapsed lease did not spend back to the key, for the other instance to use', async () => {
    const seller = await provisionSeller(quickFirst);
    // Bursts in a row at one instance, so its slices grow.
    const served: number[] = [];
    for (let round = 0; round < 4; round++) served.push(...(await Promise.all(Array.from({ length: 3 }, () => me(quickFirst, seller)))));
    expect(served).toEqual(Array.from({ length: 12 }, () => 200));
    expect(await charged(quickFirst, seller)).toBeGreaterThan(12);
    // The lease lapses 1.5 s after it was last renewed and its unspent units go back: Redis then counts only
    // what was served, and the other instance may serve all the rest.
    await vi.waitFor(async () => expect(await charged(quickFirst, seller)).toBe(12), { timeout: 10_000, interval: 50 });
    const rest = await untilRefused(quickSecond, seller);
    expect(rest.filter((status) => status === 200)).toHaveLength(LIMIT - 12);
  });

  it('stop at once on the instance that revoked the key, and on the other within its lease', async () => {
    const seller = await provisionSeller(quickFirst);
    const warm = await Promise.all([quickFirst, quickSecond].flatMap((server) => Array.from({ length: 6 }, () => me(server, seller))));
    expect(warm.every((status) => status === 200)).toBe(true);
    expect((await call(quickFirst, 'DELETE', `/v1/admin/keys/${seller.keyId}`, { key: adminKey })).status).toBe(200);
    expect(await me(quickFirst, seller)).toBe(401);
    await vi.waitFor(async () => expect(await me(quickSecond, seller)).toBe(401), { timeout: 10_000, interval: 20 });
    expect(await me(quickSecond, seller)).toBe(401);
  });
});
