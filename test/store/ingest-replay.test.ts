import { describe, expect, it } from 'vitest';
import { openTestStore, orderInput, seedCatalog, sellerDump, testSellerId } from '../support/store';

const store = await openTestStore();

describe('ingest replay', () => {
  it('returns the stored result and writes nothing when every line is already known', async () => {
    const sellerId = testSellerId('replay');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 1 }, listings: { 'L-A': { A: 1 } } });
    const allocated = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    const held = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    expect(await s.orders.ingest(allocated)).toMatchObject({ status: 'ALLOCATED', created: true, replay: false });
    expect(await s.orders.ingest(held)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', created: true });

    const before = await sellerDump(store, sellerId);
    expect(await s.orders.ingest(allocated)).toMatchObject({ status: 'ALLOCATED', created: false, replay: true });
    expect(await s.orders.ingest(held)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', replay: true });
    // A known line with a different quantity is still the known line: the channel line id is the identity.
    const changedQuantity = { ...allocated, lines: allocated.lines.map((line) => ({ ...line, quantity: 5 })) };
    expect(await s.orders.ingest(changedQuantity)).toMatchObject({ replay: true });
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('is idempotent under concurrent replays of a new order', async () => {
    const s = store.forSeller(testSellerId('replay2'));
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 2 }]);
    const results = await Promise.all(Array.from({ length: 20 }, () => s.orders.ingest(input)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results.every((result) => result.status === 'ALLOCATED')).toBe(true);
    expect(await s.catalog.getSku('A')).toMatchObject({ reserved: 2, available: 8 });
  });
});
