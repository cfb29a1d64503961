import { describe, expect, it } from 'vitest';
import { createCjClient } from '../../../server/carriers/cj/client';
import { isCjError } from '../../../server/carriers/cj/errors';
import type { CjTokenStore } from '../../../server/carriers/cj/token';
import type { CjToken } from '../../../server/carriers/cj/wire';
import { BUSINESS_NUMBER, CUSTOMER_ID, cjHarness } from './harness';

const ADDRESS = '서울 강남구 테헤란로 152';
const HOUR = 3600_000;

function blockedTokenRequests(sandbox: Awaited<ReturnType<typeof cjHarness>>['sandbox']): number {
  return sandbox.state.requests('ReqOneDayToken').filter((request) => request.status === 429).length;
}

describe('CJ one-day token', () => {
  it('is requested once, then reused, and sent in both the header and TOKEN_NUM', async () => {
    const { sandbox, client } = await cjHarness();
    for (let i = 0; i < 3; i += 1) expect(await client.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    expect(sandbox.state.tokenRequests()).toBe(1);
    const business = sandbox.state.requests('ReqAddrRfnSm');
    expect(business).toHaveLength(3);
    for (const request of business) {
      expect(request.headerToken).toBeTruthy();
      expect(request.data?.TOKEN_NUM).toBe(request.headerToken);
      expect(request.status).toBe(200);
    }
    expect(sandbox.state.requests('ReqOneDayToken')[0]?.headerToken).toBeUndefined();
  });

  it('is fetched once for many concurrent first calls', async () => {
    const { sandbox, client } = await cjHarness();
    const results = await Promise.all(Array.from({ length: 12 }, () => client.refineAddress(ADDRESS)));
    expect(results.every((result) => result.kind === 'refined')).toBe(true);
    expect(sandbox.state.tokenRequests()).toBe(1);
  });

  it('is refreshed once for a crowd of calls refused together, and never in a burst CJ would block', async () => {
    const { sandbox, client } = await cjHarness();
    await client.refineAddress(ADDRESS);
    sandbox.control.revokeTokens();
    const results = await Promise.all(Array.from({ length: 10 }, () => client.refineAddress(ADDRESS)));
    expect(results.every((result) => result.kind === 'refined')).toBe(true);
    expect(sandbox.state.tokenRequests()).toBe(2);
    for (let round = 0; round < 2; round += 1) {
      sandbox.control.revokeTokens();
      await client.refineAddress(ADDRESS);
    }
    expect(sandbox.state.tokenRequests()).toBe(4);
    expect(blockedTokenRequests(sandbox)).toBe(0);
  });

  it('gets the customer blocked when token requests are not spaced (what the spacing prevents)', async () => {
    // A wide burst window keeps this deterministic on a loaded machine.
    const { sandbox, client } = await cjHarness({ sandbox: { tokenBurstIntervalMs: 60_000 }, client: { tokenMinSpacingMs: 0 } });
    await client.refineAddress(ADDRESS);
    sandbox.control.revokeTokens();
    const outcome = await client.refineAddress(ADDRESS).catch((error: unknown) => error);
    expect(isCjError(outcome, 'blocked')).toBe(true);
    expect(blockedTokenRequests(sandbox)).toBe(1);
  });

  it('refreshes at most once per call when CJ keeps refusing', async () => {
    let sandboxRef: Awaited<ReturnType<typeof cjHarness>>['sandbox'] | null = null;
    const revokingFetch: typeof fetch = (input, init) => {
      if (!String(input).endsWith('/ReqOneDayToken')) sandboxRef?.control.revokeTokens();
      return fetch(input, init);
    };
    const { sandbox, client } = await cjHarness({ client: { fetch: revokingFetch } });
    sandboxRef = sandbox;
    const outcome = await client.refineAddress(ADDRESS).catch((error: unknown) => error);
    expect(isCjError(outcome, 'auth')).toBe(true);
    expect(sandbox.state.tokenRequests()).toBe(2);
    expect(sandbox.state.requests('ReqAddrRfnSm').map((request) => request.status)).toEqual([401, 401]);
  });

  it('renews before expiry, keeps the unchanged token CJ returns early, and takes a new one after expiry', async () => {
    const { sandbox, client } = await cjHarness();
    const first = await client.token();
    sandbox.control.advanceTime(23 * HOUR + 45 * 60_000);
    await client.refineAddress(ADDRESS);
    expect(sandbox.state.tokenRequests()).toBe(2);
    expect(await client.token()).toBe(first);
    await client.refineAddress(ADDRESS);
    expect(sandbox.state.tokenRequests()).toBe(2);
    sandbox.control.advanceTime(20 * 60_000);
    await client.refineAddress(ADDRESS);
    expect(sandbox.state.tokenRequests()).toBe(3);
    expect(await client.token()).not.toBe(first);
  });

  it('recovers when CJ says the token expired before the client thought so', async () => {
    const { sandbox, client } = await cjHarness({ client: { clock: Date.now } });
    await client.refineAddress(ADDRESS);
    sandbox.control.advanceTime(25 * HOUR);
    expect(await client.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    expect(sandbox.state.requests('ReqAddrRfnSm').map((request) => request.status)).toEqual([200, 401, 200]);
    expect(sandbox.state.tokenRequests()).toBe(2);
  });

  it('is shared through a token store, so a second instance does not ask CJ again', async () => {
    let shared: CjToken | null = null;
    const store: CjTokenStore = {
      load: async () => shared,
      save: async (token) => {
        shared = token;
      },
    };
    const { sandbox, client } = await cjHarness({ client: { tokenStore: store } });
    const other = createCjClient({ baseUrl: sandbox.url, customerId: CUSTOMER_ID, businessNumber: BUSINESS_NUMBER, clock: () => sandbox.state.now(), tokenStore: store });
    await client.refineAddress(ADDRESS);
    expect(await other.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    expect(sandbox.state.tokenRequests()).toBe(1);
    expect(other.tokenRequests).toBe(0);
  });

  it('is refused for a business number CJ does not have on file', async () => {
    const { sandbox, client } = await cjHarness({ client: { businessNumber: '999-99-99999' } });
    const outcome = await client.refineAddress(ADDRESS).catch((error: unknown) => error);
    expect(isCjError(outcome, 'rejected')).toBe(true);
    expect(sandbox.state.requests('ReqAddrRfnSm')).toHaveLength(0);
  });
});
