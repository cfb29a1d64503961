import { describe, expect, it } from 'vitest';
import { counters, expectRefusal, openTestStore, seedCatalog, sellerDump, testSellerId } from '../support/store';

const store = await openTestStore();

describe('inbound, count and safety with the value the caller saw', () => {
  it('apply when the stored value is the one expected, and ledger each change', async () => {
    const s = store.forSeller(testSellerId('adjust'));
    await seedCatalog(s, { stock: { A: 0 } });
    expect(await s.stock.adjust('A', 'inbound', 5, 0, 'po-1')).toEqual({ status: 'applied', sku: 'A', onHand: 5, reserved: 0, safety: 0, available: 5, heldOrders: [] });
    expect(await s.stock.adjust('A', 'set', 7, 5, 'count-1')).toMatchObject({ status: 'applied', onHand: 7, available: 7 });
    expect(await s.stock.adjust('A', 'safety', 2, 0, 'buffer')).toMatchObject({ status: 'applied', safety: 2, available: 5 });
    expect(await s.stock.adjust('A', 'inbound', 1)).toMatchObject({ status: 'applied', onHand: 8 });
    const ledger = await s.stock.ledger({ sku: 'A', limit: 10 });
    expect(ledger.map((entry) => [entry.kind, entry.dOnHand, entry.dSafety, entry.ref])).toEqual([
      ['inbound', 5, 0, 'po-1'],
      ['count', 2, 0, 'count-1'],
      ['safety', 0, 2, 'buffer'],
      ['inbound', 1, 0, 'adjustment'],
    ]);
  });

  it('change nothing and report the current value when it moved meanwhile', async () => {
    const sellerId = testSellerId('conflict');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 } });
    await s.stock.adjust('A', 'safety', 1);
    const before = await sellerDump(store, sellerId);
    expect(await s.stock.adjust('A', 'set', 3, 4)).toEqual({ status: 'conflict', sku: 'A', current: 5 });
    expect(await s.stock.adjust('A', 'inbound', 3, 4)).toEqual({ status: 'conflict', sku: 'A', current: 5 });
    expect(await s.stock.adjust('A', 'safety', 0, 0)).toEqual({ status: 'conflict', sku: 'A', current: 1 });
    expect(await sellerDump(store, sellerId)).toEqual(before);
    expect(await counters(s, 'A')).toMatchObject({ onHand: 5, safety: 1 });
  });

  it('refuses an unknown SKU', async () => {
    const sellerId = testSellerId('adjunk');
    const s = store.forSeller(sellerId);
    expect((await expectRefusal(s.stock.adjust('NOPE', 'inbound', 1), 'UNKNOWN_SKU')).detail).toEqual(['NOPE']);
    expect(await sellerDump(store, sellerId)).toEqual({});
  });
});
