import { describe, expect, it } from 'vitest';
import { channelError, productWithOptions, smartStoreHarness } from './harness';

/** The gateway's refusals and failures, each handled its own way (channels.md §1.7). */
describe('smartstore limits and failures', () => {
  it('429 GW.RATE_LIMIT backs off and retries', async () => {
    const { sandbox, connector, clock } = await smartStoreHarness();
    await connector.fetchClaims(['x']);
    sandbox.faults.inject({ kind: 'rate_limit', endpoint: 'product-orders/query', times: 2 });
    await expect(connector.fetchClaims(['x'])).resolves.toEqual([]);
    expect(sandbox.faults.requests('product-orders/query')).toBe(4);
    // Exponential: the second wait is longer than the first.
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[1] ?? 0).toBeGreaterThan(clock.sleeps[0] ?? 0);
  });

  it('gives up after the bounded number of tries with a rate_limit error', async () => {
    const { sandbox, connector } = await smartStoreHarness({ connector: { retry: { maxAttempts: 3 } } });
    sandbox.faults.inject({ kind: 'rate_limit', endpoint: 'product-orders/query', times: 10 });
    const error = await channelError(connector.fetchClaims(['x']));
    expect(error).toMatchObject({ kind: 'rate_limit', channelCode: 'GW.RATE_LIMIT' });
    expect(sandbox.faults.requests('product-orders/query')).toBe(3);
  });

  it('429 GW.QUOTA_LIMIT with a SECONDS period waits the second out and retries', async () => {
    const { sandbox, connector, clock } = await smartStoreHarness();
    sandbox.faults.inject({ kind: 'quota', endpoint: 'product-orders/query', quotaPeriod: 'SECONDS' });
    await expect(connector.fetchClaims(['x'])).resolves.toEqual([]);
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('a quota period without a known reset pauses that API for the configured fallback and fails fast meanwhile', async () => {
    const { sandbox, connector, clock } = await smartStoreHarness({ connector: { retry: { quotaFallbackMs: 120_000 } } });
    sandbox.faults.inject({ kind: 'quota', endpoint: 'product-orders/query', quotaPeriod: 'ROUND' });
    const error = await channelError(connector.fetchClaims(['x']));
    expect(error).toMatchObject({ kind: 'quota', retryAfterMs: 120_000, channelCode: 'GW.QUOTA_LIMIT' });
    clock.advance(60_000);
    const paused = await channelError(connector.fetchClaims(['x']));
    expect(paused).toMatchObject({ kind: 'quota', retryAfterMs: 60_000 });
    expect(sandbox.faults.requests('product-orders/query')).toBe(1);
    // Other APIs are not paused by this one's quota.
    const product = productWithOptions(sandbox.account(), [3]);
    await expect(connector.setStock([{ listingId: product.listingIds[0] ?? '', quantity: 1, metadata: {} }])).resolves.toEqual([{ listingId: product.listingIds[0], ok: true }]);
    clock.advance(60_000);
    await expect(connector.fetchClaims(['x'])).resolves.toEqual([]);
    expect(sandbox.faults.requests('product-orders/query')).toBe(2);
  });

  it('5xx, timeouts, malformed bodies and slow answers are retried for reads', async () => {
    const { sandbox, connector } = await smartStoreHarness({ connector: { timeoutMs: 300 } });
    sandbox.faults.inject({ kind: 'server', endpoint: 'product-orders/query' });
    sandbox.faults.inject({ kind: 'timeout', endpoint: 'product-orders/query', delayMs: 30_000 });
    sandbox.faults.inject({ kind: 'malformed', endpoint: 'product-orders/query' });
    sandbox.faults.inject({ kind: 'slow', endpoint: 'product-orders/query', delayMs: 50 });
    await expect(connector.fetchClaims(['x'])).resolves.toEqual([]);
    expect(sandbox.faults.requests('product-orders/query')).toBe(4);
    expect(sandbox.faults.faults('product-orders/query')).toBe(4);
  });

  it('names each failure: server, timeout, bad_response', async () => {
    const { sandbox, connector } = await smartStoreHarness({ connector: { timeoutMs: 300, retry: { maxAttempts: 1 } } });
    for (const [kind, expected] of [
      ['server', 'server'],
      ['timeout', 'timeout'],
      ['malformed', 'bad_response'],
      ['applied_then_lost', 'timeout'],
    ] as const) {
      sandbox.faults.inject({ kind, endpoint: 'product-orders/query', delayMs: 30_000 });
      expect((await channelError(connector.fetchClaims(['x']))).kind).toBe(expected);
    }
  });

  it('403 GW.IP_NOT_ALLOWED is not retried', async () => {
    const { sandbox, connector } = await smartStoreHarness();
    sandbox.faults.inject({ kind: 'ip_not_allowed', endpoint: 'token' });
    const error = await channelError(connector.fetchClaims(['x']));
    expect(error).toMatchObject({ kind: 'ip_not_allowed', channelCode: 'GW.IP_NOT_ALLOWED' });
    expect(sandbox.faults.requests('token')).toBe(1);
    expect(sandbox.faults.requests('product-orders/query')).toBe(0);
  });

  it('a 400 is a rejection naming the invalid inputs, not retried', async () => {
    const { sandbox, connector } = await smartStoreHarness();
    const error = await channelError(connector.client.lastChangedStatuses({ lastChangedFrom: Date.now(), lastChangedTo: Date.now() + 25 * 60 * 60 * 1000 }));
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('lastChangedTo');
    expect(sandbox.faults.requests('last-changed-statuses')).toBe(1);
  });
});
