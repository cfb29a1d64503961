import { describe, expect, it } from 'vitest';
import { openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('listing sellable quantity', () => {
  it('is the minimum over components of floor(available / qty), after reservations and safety', async () => {
    const s = store.forSeller(testSellerId('sellable'));
    await seedCatalog(s, { stock: { A: 10, B: 7, C: 0 }, listings: { 'L-A': { A: 1 }, 'L-SET': { A: 2, B: 3 }, 'L-C': { C: 1 } } });
    const sellable = async () => Object.fromEntries((await s.catalog.listListings(null, 100)).items.map((listing) => [listing.listingId, listing.sellable]));
    expect(await sellable()).toEqual({ 'L-A': 10, 'L-SET': 2, 'L-C': 0 });

    await s.orders.ingest(orderInput([{ listingId: 'L-A', quantity: 3 }]));
    await s.stock.adjust('B', 'safety', 2);
    // A: 7 available → L-SET by A is 3; B: 7 - 2 = 5 → 1.
    expect(await sellable()).toEqual({ 'L-A': 7, 'L-SET': 1, 'L-C': 0 });
    const sku = await s.catalog.getSku('B');
    expect(sku).toMatchObject({ onHand: 7, reserved: 0, safety: 2, available: 5 });
  });

  it('never goes below zero when safety exceeds what is left', async () => {
    const s = store.forSeller(testSellerId('sellable2'));
    await seedCatalog(s, { stock: { A: 2 }, listings: { 'L-A': { A: 1 } } });
    await s.stock.adjust('A', 'safety', 5);
    expect(await s.catalog.getSku('A')).toMatchObject({ available: 0 });
    expect((await s.catalog.listListings(null, 10)).items[0]).toMatchObject({ sellable: 0 });
  });
});
