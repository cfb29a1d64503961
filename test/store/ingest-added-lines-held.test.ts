import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('lines added to a HELD order', () => {
  it('re-evaluate an order waiting for stock as a whole', async () => {
    const s = store.forSeller(testSellerId('addhold'));
    await seedCatalog(s, { stock: { A: 2, B: 5 }, listings: { 'L-A': { A: 1 }, 'L-B': { B: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 3, lineId: 'h1' }]);
    expect(await s.orders.ingest(first)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', detail: 'A' });
    const more = { ...first, lines: [...first.lines, { lineId: 'h2', listingId: 'L-B', quantity: 1 }] };
    expect(await s.orders.ingest(more)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', detail: 'A', replay: false });
    expect((await s.orders.require(keyOf(first))).lines).toHaveLength(2);
    expect(await counters(s, 'B')).toMatchObject({ reserved: 0 });

    await s.stock.adjust('A', 'inbound', 1);
    expect(await s.orders.require(keyOf(first))).toMatchObject({ state: 'ALLOCATED', allocation: { A: 3, B: 1 } });
  });

  it('keep a manual hold: the lines are added and nothing is reserved', async () => {
    const s = store.forSeller(testSellerId('addmanual'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 1, lineId: 'm1' }]);
    await s.orders.ingest(first);
    await s.orders.hold(keyOf(first), 'check the buyer');
    const more = { ...first, lines: [...first.lines, { lineId: 'm2', listingId: 'L-A', quantity: 1 }] };
    expect(await s.orders.ingest(more)).toMatchObject({ status: 'HELD', reason: 'MANUAL' });
    expect((await s.orders.require(keyOf(first))).lines).toHaveLength(2);
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0 });
  });
});
