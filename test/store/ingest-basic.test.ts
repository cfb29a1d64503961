import { describe, expect, it } from 'vitest';
import { openTestStore, orderInput, testSellerId } from '../support/store';

const store = await openTestStore();

describe('ingestOrder', () => {
  it('allocates an order that fits and holds one that does not', async () => {
    const s = store.forSeller(testSellerId('basic'));
    await s.catalog.upsertSkus([{ sku: 'A', name: 'Apple' }]);
    await s.catalog.upsertListings([{ channel: 'manual', account: 'main', listingId: 'L-A', components: [{ sku: 'A', qty: 1 }] }]);
    await s.stock.adjust('A', 'inbound', 3);
    const first = await s.orders.ingest(orderInput([{ listingId: 'L-A', quantity: 2 }]));
    expect(first).toMatchObject({ status: 'ALLOCATED', created: true });
    const second = await s.orders.ingest(orderInput([{ listingId: 'L-A', quantity: 2 }]));
    expect(second).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', detail: 'A' });
    expect(await s.catalog.getSku('A')).toMatchObject({ onHand: 3, reserved: 2, available: 1 });
  });
});
