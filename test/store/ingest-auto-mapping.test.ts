import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('auto-mapping by seller code', () => {
  it('creates a 1:1 listing when the line carries a SKU code, and allocates the order', async () => {
    const s = store.forSeller(testSellerId('automap'));
    await seedCatalog(s, { stock: { 'SKU-1': 4 } });
    const input = orderInput([{ listingId: '12345:678', quantity: 2, sellerCode: 'SKU-1' }]);
    expect(await s.orders.ingest(input)).toMatchObject({ status: 'ALLOCATED' });

    const listing = (await s.catalog.getListings(['manual:main:12345:678'])).get('manual:main:12345:678');
    expect(listing).toMatchObject({ listingId: '12345:678', components: [{ sku: 'SKU-1', qty: 1 }], autoMapped: true });
    expect(await s.catalog.listingKeysOfSku('SKU-1')).toEqual(['manual:main:12345:678']);
    expect(await counters(s, 'SKU-1')).toMatchObject({ reserved: 2 });
    expect((await s.orders.require(keyOf(input))).lines[0]?.components).toEqual([{ sku: 'SKU-1', qty: 1 }]);
  });

  it('leaves an existing mapping alone, and does not map a code that names no SKU', async () => {
    const s = store.forSeller(testSellerId('automap2'));
    await seedCatalog(s, { stock: { A: 4, B: 4 }, listings: { 'L-1': { B: 2 } } });
    const mapped = orderInput([{ listingId: 'L-1', quantity: 1, sellerCode: 'A' }]);
    await s.orders.ingest(mapped);
    expect((await s.catalog.getListings(['manual:main:L-1'])).get('manual:main:L-1')).toMatchObject({ components: [{ sku: 'B', qty: 2 }], autoMapped: false });
    expect(await counters(s, 'B')).toMatchObject({ reserved: 2 });

    const unknownCode = orderInput([{ listingId: 'L-2', quantity: 1, sellerCode: 'NOPE' }]);
    expect(await s.orders.ingest(unknownCode)).toMatchObject({ status: 'HELD', reason: 'UNMAPPED' });
    expect(await s.catalog.getListings(['manual:main:L-2'])).toEqual(new Map());
  });
});
