import { describe, expect, it } from 'vitest';
import { sellerKeys } from '../../server/store/keys';
import { openTestStore, orderInput, seedCatalog, streamEntries, testSellerId } from '../support/store';

const store = await openTestStore();

describe('the outbox after an ingest', () => {
  it('gets one stock push per SKU the order touched, however many lines and components name it', async () => {
    const sellerId = testSellerId('ingestoutbox');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 10, B: 10, C: 10 }, listings: { 'L-AB': { A: 1, B: 2 }, 'L-A': { A: 1 } } });
    const outbox = sellerKeys(sellerId).outbox;
    const before = (await streamEntries(store, outbox)).length;

    await s.orders.ingest(orderInput([{ listingId: 'L-AB', quantity: 1 }, { listingId: 'L-A', quantity: 2 }]));
    const added = (await streamEntries(store, outbox)).slice(before).map((entry) => entry.message);
    expect(added).toEqual([
      { type: 'stock', sku: 'A' },
      { type: 'stock', sku: 'B' },
    ]);
  });
});
