import { describe, expect, it } from 'vitest';
import { sellerKeys } from '../../server/store/keys';
import { SyncStatusBook } from '../../server/sync/status';
import { call } from '../http/support/harness';
import { sandboxProduct, startSyncHarness, stockSkus, waitFor } from './support/harness';

// XAUTOCLAIM would only rescue the failed batch after ten minutes: anything sooner is the worker's own retry.
const harness = await startSyncHarness({ sync: { outbox: { claimIdleMs: 10 * 60_000 } } });
const { sandbox, server, seller } = harness;
const shop = sandbox.account();
const account = await harness.connect(shop);
const pendingOutbox = () => new SyncStatusBook(server.store.pool).pendingOutbox(seller.sellerId, harness.group);

describe('the outbox worker after a failed batch', () => {
  it('takes its own unacknowledged entries again after the backoff, without waiting for another consumer to claim them', async () => {
    await stockSkus(harness, { R: 1 });
    const product = sandboxProduct(shop, [0], '재시도 상품');
    await harness.map(account.id, product.listingIds, [{ R: 1 }]);
    await waitFor('the outbox drained', async () => (await pendingOutbox()) === 0);

    // A broken key makes the batch fail inside the worker (WRONGTYPE from Redis), after the entry was delivered.
    const redis = server.store.pool.pick();
    const listingsOfR = sellerKeys(seller.sellerId).skuListings('R');
    const saved = await redis.sMembers(listingsOfR);
    await redis.del(listingsOfR);
    await redis.set(listingsOfR, 'not a set');
    const adjusted = await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'R', kind: 'inbound', quantity: 6 }] } });
    expect(adjusted.status, adjusted.text).toBe(200);
    const outbox = sellerKeys(seller.sellerId).outbox;
    await waitFor('the batch delivered to the worker and left unacknowledged', async () => (await redis.xPending(outbox, harness.group)).pending > 0);
    expect(shop.stockOfListing(product.listingIds[0] ?? '')).toBe(1);

    await redis.del(listingsOfR);
    await redis.sAdd(listingsOfR, saved);
    await waitFor('the same entry pushed on a retry', () => shop.stockOfListing(product.listingIds[0] ?? '') === 7, 30_000);
    await waitFor('nothing left pending', async () => (await pendingOutbox()) === 0, 30_000);
  });
});
