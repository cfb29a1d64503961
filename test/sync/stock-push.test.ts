import { describe, expect, it } from 'vitest';
import { SyncStatusResponseSchema } from '../../shared/api/channels';
import { sellerKeys } from '../../server/store/keys';
import { SyncStatusBook } from '../../server/sync/status';
import { call } from '../http/support/harness';
import { listingKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor } from './support/harness';

const harness = await startSyncHarness({ sync: { outbox: { claimIdleMs: 400 } } });
const { sandbox, store, server, seller } = harness;
const shop = sandbox.account();
const account = await harness.connect(shop);
const outboxDone = () => new SyncStatusBook(server.store.pool).pendingOutbox(seller.sellerId, harness.group).then((pending) => pending === 0);

describe('stock push', () => {
  it('pushes every API listing of a changed SKU its sellable quantity (sets by their scarcest part), never a file channel', async () => {
    await stockSkus(harness, { A: 5, B: 3 });
    const product = sandboxProduct(shop, [0, 0, 0], '세트 구성 상품');
    const [single, set, pair] = product.listingIds;
    await harness.map(account.id, product.listingIds, [{ A: 1 }, { A: 1, B: 1 }, { A: 2 }]);
    const ohouse = await call(server, 'PUT', '/v1/listings', { key: seller.key, body: { listings: [{ channel: 'ohouse', account: 'oh', listingId: 'OH-1', components: [{ sku: 'A', qty: 1 }] }] } });
    expect(ohouse.status).toBe(200);
    // Mapping a listing is a change of what it can sell: it is pushed at once.
    await waitFor('the first figures', () => shop.stockOfListing(single ?? '') === 5 && shop.stockOfListing(set ?? '') === 3 && shop.stockOfListing(pair ?? '') === 2);
    await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'A', kind: 'inbound', quantity: 1 }, { sku: 'B', kind: 'inbound', quantity: 1 }] } });
    await waitFor('the new figures', () => shop.stockOfListing(single ?? '') === 6 && shop.stockOfListing(set ?? '') === 4 && shop.stockOfListing(pair ?? '') === 3);
    // What was pushed is remembered per listing (it is written just after the channel took it).
    const expected = { [listingKeyOf(account.id, single ?? '')]: '6', [listingKeyOf(account.id, set ?? '')]: '4', [listingKeyOf(account.id, pair ?? '')]: '3' };
    const pushed = await waitFor('the pushed figures remembered', async () => {
      const remembered = await server.store.pool.pick().hGetAll(sellerKeys(seller.sellerId).syncPushed);
      return Object.entries(expected).every(([key, value]) => remembered[key] === value) ? remembered : null;
    });
    expect(Object.keys(pushed).some((key) => key.startsWith('ohouse:'))).toBe(false);

    // An entry for a SKU whose figures did not move costs no call to the channel.
    await waitFor('the outbox drained', outboxDone);
    const reads = sandbox.faults.requests('origin-products/get');
    await server.store.pool.pick().xAdd(sellerKeys(seller.sellerId).outbox, '*', { type: 'stock', sku: 'A' });
    await waitFor('the outbox drained again', async () => (await server.store.pool.pick().xLen(sellerKeys(seller.sellerId).outbox)) > 0 && (await outboxDone()));
    expect(sandbox.faults.requests('origin-products/get')).toBe(reads);
  });

  it('coalesces many changes of one SKU into one push per product', async () => {
    await stockSkus(harness, { C: 1 });
    const product = sandboxProduct(shop, [0], '단품');
    await harness.map(account.id, product.listingIds, [{ C: 1 }]);
    await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'C', kind: 'inbound', quantity: 1 }] } });
    await waitFor('the first push', () => shop.stockOfListing(product.listingIds[0] ?? '') === 2);
    await waitFor('the outbox drained', outboxDone);

    await harness.stopSync();
    const adjustments = Array.from({ length: 20 }, () => ({ sku: 'C', kind: 'inbound', quantity: 1 }));
    expect((await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments } })).status).toBe(200);
    const writes = sandbox.faults.requests('origin-products/option-stock');
    harness.startSync();
    await waitFor('the coalesced push', () => shop.stockOfListing(product.listingIds[0] ?? '') === 22);
    await waitFor('the outbox drained', outboxDone);
    expect(sandbox.faults.requests('origin-products/option-stock') - writes).toBe(1);
  });

  it('retries a failing push, raises STOCK_PUSH_FAILED while it lasts, and closes it once a push gets through', async () => {
    await stockSkus(harness, { D: 2 });
    const product = sandboxProduct(shop, [0], '실패 상품');
    const listing = listingKeyOf(account.id, product.listingIds[0] ?? '');
    await harness.map(account.id, product.listingIds, [{ D: 1 }]);
    sandbox.faults.inject({ kind: 'server', endpoint: 'origin-products/option-stock', times: 1_000 });
    await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'D', kind: 'inbound', quantity: 1 }] } });
    const alert = await waitFor('the alert', () => store.alerts.get(`STOCK_PUSH_FAILED:${listing}`));
    expect(alert.detail).toMatchObject({ listing, quantity: 3, code: 'GW.INTERNAL_SERVER_ERROR' });
    const status = SyncStatusResponseSchema.parse((await call(server, 'GET', '/v1/sync/status', { key: seller.key })).body);
    expect(status.accounts.find((entry) => entry.id === account.id)?.pendingOutbox.stockPushes).toBe(1);

    sandbox.faults.clear();
    await waitFor('the push through', () => shop.stockOfListing(product.listingIds[0] ?? '') === 3);
    await waitFor('the alert closed', async () => (await store.alerts.get(`STOCK_PUSH_FAILED:${listing}`)) === null);
  });

  it('claims entries a dead consumer took and never acknowledged', async () => {
    await stockSkus(harness, { E: 1 });
    const product = sandboxProduct(shop, [0], '유실 상품');
    await harness.map(account.id, product.listingIds, [{ E: 1 }]);
    await waitFor('the outbox drained', outboxDone);
    await harness.stopSync();
    await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'E', kind: 'inbound', quantity: 4 }] } });
    const redis = server.store.pool.pick();
    const taken = await redis.xReadGroup(harness.group, 'ghost-consumer', { key: sellerKeys(seller.sellerId).outbox, id: '>' }, { COUNT: 100 });
    expect(taken?.[0]?.messages.length).toBeGreaterThan(0);
    harness.startSync();
    await waitFor('the claimed entry pushed', () => shop.stockOfListing(product.listingIds[0] ?? '') === 5);
    await waitFor('nothing left pending', outboxDone);
  });
});
