import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('an unmapped listing', () => {
  it('holds the order UNMAPPED, names the listing, and raises UNMAPPED_LISTING', async () => {
    const s = store.forSeller(testSellerId('unmapped'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([
      { listingId: 'L-A', quantity: 1 },
      { listingId: 'L-NEW', quantity: 1 },
    ]);
    input.lines[1] = { ...input.lines[1]!, productName: '새 상품', optionName: '빨강' };
    expect(await s.orders.ingest(input)).toMatchObject({ status: 'HELD', reason: 'UNMAPPED', detail: 'manual:main:L-NEW' });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0 });
    expect(await s.alerts.get('UNMAPPED_LISTING:manual:main:L-NEW')).toMatchObject({
      type: 'UNMAPPED_LISTING',
      subject: 'manual:main:L-NEW',
      detail: { listing: 'manual:main:L-NEW', productName: '새 상품', optionName: '빨강', orderKey: keyOf(input) },
    });
    expect(await s.alerts.get(`HELD_ORDER:${keyOf(input)}`)).toMatchObject({ detail: { reason: 'UNMAPPED', detail: 'manual:main:L-NEW' } });
  });

  it('allocates the held order once the seller maps it, and closes the alerts', async () => {
    const s = store.forSeller(testSellerId('mapping'));
    await seedCatalog(s, { stock: { A: 5, B: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([
      { listingId: 'L-A', quantity: 1 },
      { listingId: 'L-SET', quantity: 2 },
    ]);
    await s.orders.ingest(input);

    const [result] = await s.catalog.upsertListings([{ channel: 'manual', account: 'main', listingId: 'L-SET', components: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }] }]);
    expect(result).toEqual({ listing: 'manual:main:L-SET', status: 'created', released: [{ key: keyOf(input), status: 'ALLOCATED', reason: null }] });
    expect(await s.orders.require(keyOf(input))).toMatchObject({ state: 'ALLOCATED', heldReason: null, allocation: { A: 3, B: 4 } });
    expect(await s.alerts.list()).toEqual([]);
  });

  it('moves to OUT_OF_STOCK when the new mapping does not fit', async () => {
    const s = store.forSeller(testSellerId('mapshort'));
    await seedCatalog(s, { stock: { A: 1 } });
    const input = orderInput([{ listingId: 'L-X', quantity: 2 }]);
    await s.orders.ingest(input);
    const [result] = await s.catalog.upsertListings([{ channel: 'manual', account: 'main', listingId: 'L-X', components: [{ sku: 'A', qty: 1 }] }]);
    expect(result).toMatchObject({ released: [{ key: keyOf(input), status: 'HELD', reason: 'OUT_OF_STOCK' }] });
    await s.stock.adjust('A', 'inbound', 1);
    expect(await s.orders.require(keyOf(input))).toMatchObject({ state: 'ALLOCATED' });
  });
});
