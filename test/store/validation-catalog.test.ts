import { describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../../shared/catalog';
import { expectInvalid, expectRefusal, openTestStore, seedCatalog, sellerDump, testSellerId } from '../support/store';

const store = await openTestStore();

describe('catalog input', () => {
  it('a listing naming an unknown SKU is an item error; the others in the batch apply', async () => {
    const sellerId = testSellerId('unknownsku');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 } });
    const results = await s.catalog.upsertListings([
      { channel: 'manual', account: 'main', listingId: 'BAD', components: [{ sku: 'A', qty: 1 }, { sku: 'GHOST', qty: 1 }] },
      { channel: 'manual', account: 'main', listingId: 'GOOD', components: [{ sku: 'A', qty: 1 }] },
    ]);
    expect(results).toEqual([
      { listing: 'manual:main:BAD', status: 'error', code: 'UNKNOWN_SKU', detail: 'GHOST' },
      { listing: 'manual:main:GOOD', status: 'created', released: [] },
    ]);
    expect([...(await s.catalog.getListings(['manual:main:BAD', 'manual:main:GOOD'])).keys()]).toEqual(['manual:main:GOOD']);
    expect(await s.catalog.getSku('GHOST')).toBeNull();
  });

  it('an adjustment of an unknown SKU is refused and creates nothing', async () => {
    const sellerId = testSellerId('unknownsku2');
    const s = store.forSeller(sellerId);
    await expectRefusal(s.stock.adjust('GHOST', 'set', 3), 'UNKNOWN_SKU');
    expect(await sellerDump(store, sellerId)).toEqual({});
  });

  it('a listing without components, a SKU or listing named twice, and oversized batches are refused whole', async () => {
    const sellerId = testSellerId('badbatch');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 } });
    const before = await sellerDump(store, sellerId);

    await expectInvalid(s.catalog.upsertListings([{ channel: 'manual', account: 'main', listingId: 'L', components: [] }]), '[0].components');
    await expectInvalid(s.catalog.upsertListings([{ channel: 'manual', account: 'main', listingId: 'L', components: [{ sku: 'A', qty: 1 }, { sku: 'A', qty: 2 }] }]), '[0].components');
    const listing = { channel: 'manual' as const, account: 'main', listingId: 'L', components: [{ sku: 'A', qty: 1 }] };
    await expectInvalid(s.catalog.upsertListings([listing, { ...listing }]), '[1].listingId');
    await expectInvalid(s.catalog.upsertSkus([{ sku: 'B', name: 'b' }, { sku: 'B', name: 'b again' }]), '[1].sku');
    await expectInvalid(s.catalog.upsertSkus([{ sku: 'has space', name: 'x' }]), '[0].sku');
    await expectInvalid(s.catalog.upsertSkus([{ sku: 'C', name: '' }]), '[0].name');

    const tooManySkus = Array.from({ length: MAX_BATCH + 1 }, (_, index) => ({ sku: `S${index}`, name: `s${index}` }));
    expect((await expectInvalid(s.catalog.upsertSkus(tooManySkus), ''))[0]?.message).toBe('must have at most 1000 items');
    const tooManyListings = Array.from({ length: MAX_BATCH + 1 }, (_, index) => ({ ...listing, listingId: `L${index}` }));
    await expectInvalid(s.catalog.upsertListings(tooManyListings), '');
    await expectInvalid(s.stock.resumeBackorders(tooManySkus.map((sku) => sku.sku)), '');
    expect(await sellerDump(store, sellerId)).toEqual(before);

    // Exactly MAX_BATCH is fine.
    const results = await s.catalog.upsertSkus(tooManySkus.slice(0, MAX_BATCH));
    expect(results.filter((result) => result.status === 'created')).toHaveLength(MAX_BATCH);
  });
});
