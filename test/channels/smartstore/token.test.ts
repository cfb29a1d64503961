import { describe, expect, it } from 'vitest';
import { channelError, HOUR_MS, productWithOptions, smartStoreHarness } from './harness';

/** The client's token against the sandbox gateway: one token per account, reused, refreshed ahead of expiry. */
describe('smartstore token', () => {
  it('fetches one token for many calls, even concurrent ones', async () => {
    const { sandbox, account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [5]);
    await Promise.all(Array.from({ length: 8 }, () => connector.setStock([{ listingId: product.listingIds[0] ?? '', quantity: 4, metadata: {} }])));
    await connector.fetchClaims(['2026100009999']);
    expect(sandbox.faults.requests('token')).toBe(1);
    expect(sandbox.faults.requests('origin-products/get')).toBe(8);
  });

  it('keeps the token until 30 minutes before it expires, then gets a new one', async () => {
    const { sandbox, account, connector, clock } = await smartStoreHarness();
    await connector.fetchClaims(['x']);
    clock.advance(2 * HOUR_MS + 29 * 60 * 1000);
    await connector.fetchClaims(['x']);
    expect(sandbox.faults.requests('token')).toBe(1);
    clock.advance(2 * 60 * 1000);
    await connector.fetchClaims(['x']);
    expect(sandbox.faults.requests('token')).toBe(2);
    expect(sandbox.auth.tokenCount(account.clientId)).toBe(2);
  });

  it('on a 401 refreshes once and retries the call', async () => {
    const { sandbox, account, connector } = await smartStoreHarness();
    await connector.fetchClaims(['x']);
    sandbox.auth.expireTokens(account.clientId);
    await expect(connector.fetchClaims(['x'])).resolves.toEqual([]);
    expect(sandbox.faults.requests('token')).toBe(2);
    expect(sandbox.faults.requests('product-orders/query')).toBe(3);
  });

  it('gives up with an auth error when the fresh token is refused too', async () => {
    const { sandbox, connector } = await smartStoreHarness();
    sandbox.faults.inject({ kind: 'unauthorized', endpoint: 'product-orders/query', times: 5 });
    const error = await channelError(connector.fetchClaims(['x']));
    expect(error.kind).toBe('auth');
    expect(error.channelCode).toBe('GW.AUTHN');
    expect(sandbox.faults.requests('product-orders/query')).toBe(2);
    expect(sandbox.faults.requests('token')).toBe(2);
  });

  it('reports a wrong client secret as an auth error without retrying', async () => {
    const { sandbox, account, connect } = await smartStoreHarness();
    const other = sandbox.addAccount();
    const wrong = connect(account, { clientSecret: other.clientSecret });
    const error = await channelError(wrong.fetchClaims(['x']));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('client_secret_sign');
    expect(sandbox.faults.requests('token')).toBe(1);
    expect(sandbox.faults.requests('product-orders/query')).toBe(0);
  });

  it('signs with a timestamp 3 s in the past, so a gateway 2 s behind the client still accepts it', async () => {
    const tolerant = await smartStoreHarness({ gatewayOffsetMs: -2_000 });
    await expect(tolerant.connector.fetchClaims(['x'])).resolves.toEqual([]);
    const exact = await smartStoreHarness({ gatewayOffsetMs: -2_000, connector: { signSkewMs: 0 } });
    const error = await channelError(exact.connector.fetchClaims(['x']));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('미래');
  });

  it('is refused once the signed timestamp is older than 5 minutes', async () => {
    const stale = await smartStoreHarness({ gatewayOffsetMs: 5 * 60 * 1000 });
    const error = await channelError(stale.connector.fetchClaims(['x']));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('만료');
  });
});
