import { describe, expect, it } from 'vitest';
import { openTestStore, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('listing upsert', () => {
  it('replaces components, keeps metadata an update leaves out, and re-indexes the SKUs it sells', async () => {
    const s = store.forSeller(testSellerId('listings'));
    await seedCatalog(s, { stock: { A: 4, B: 9 } });
    const listing = { channel: 'smartstore' as const, account: 'main', listingId: '100:200' };
    expect(await s.catalog.upsertListings([{ ...listing, components: [{ sku: 'A', qty: 1 }], metadata: { originProductNo: 100 } }])).toEqual([
      { listing: 'smartstore:main:100:200', status: 'created', released: [] },
    ]);
    expect(await s.catalog.upsertListings([{ ...listing, components: [{ sku: 'B', qty: 3 }] }])).toMatchObject([{ status: 'updated' }]);
    const [found] = (await s.catalog.listListings(null, 10)).items;
    expect(found).toEqual({ ...listing, components: [{ sku: 'B', qty: 3 }], metadata: { originProductNo: 100 }, autoMapped: false, sellable: 3 });
    expect(await s.catalog.listingKeysOfSku('A')).toEqual([]);
    expect(await s.catalog.listingKeysOfSku('B')).toEqual(['smartstore:main:100:200']);
  });
});
