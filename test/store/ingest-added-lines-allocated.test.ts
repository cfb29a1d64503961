import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('lines added to an ALLOCATED order', () => {
  it('reserve the added units too when they fit, and only those', async () => {
    const s = store.forSeller(testSellerId('addalloc'));
    await seedCatalog(s, { stock: { A: 5, B: 5 }, listings: { 'L-A': { A: 1 }, 'L-B': { B: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 2, lineId: 'x1' }]);
    await s.orders.ingest(first);
    const more = { ...first, lines: [...first.lines, { lineId: 'x2', listingId: 'L-B', quantity: 3 }] };
    expect(await s.orders.ingest(more)).toMatchObject({ status: 'ALLOCATED', created: false, replay: false });

    const order = await s.orders.require(keyOf(first));
    expect(order.allocation).toEqual({ A: 2, B: 3 });
    expect(order.lines.map((line) => line.lineId)).toEqual(['x1', 'x2']);
    expect(await counters(s, 'A')).toMatchObject({ reserved: 2 });
    expect(await counters(s, 'B')).toMatchObject({ reserved: 3 });
    // The ledger shows one reservation per SKU, not a release and a second reservation of A.
    const ledger = await s.stock.ledger({ limit: 100 });
    expect(ledger.filter((entry) => entry.ref === keyOf(first)).map((entry) => `${entry.kind}:${entry.sku}:${entry.dReserved}`)).toEqual(['reserve:A:2', 'reserve:B:3']);
  });

  it('hold the whole order, giving back what it had, when the added lines do not fit', async () => {
    const s = store.forSeller(testSellerId('addheld'));
    await seedCatalog(s, { stock: { A: 5, B: 1 }, listings: { 'L-A': { A: 1 }, 'L-B': { B: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 2, lineId: 'y1' }]);
    await s.orders.ingest(first);
    const more = { ...first, lines: [...first.lines, { lineId: 'y2', listingId: 'L-B', quantity: 2 }] };
    expect(await s.orders.ingest(more)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', detail: 'B' });

    const order = await s.orders.require(keyOf(first));
    expect(order.allocation).toEqual({});
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0, available: 5 });
    expect(await counters(s, 'B')).toMatchObject({ reserved: 0, available: 1 });
    expect(await s.alerts.get(`HELD_ORDER:${keyOf(first)}`)).toMatchObject({ detail: { reason: 'OUT_OF_STOCK' } });

    // Once B arrives the whole order, both lines, is allocated by the inbound itself.
    await s.stock.adjust('B', 'inbound', 1);
    expect(await s.orders.require(keyOf(first))).toMatchObject({ state: 'ALLOCATED', allocation: { A: 2, B: 2 } });
    expect(await s.alerts.get(`HELD_ORDER:${keyOf(first)}`)).toBeNull();
  });

  it('hold the whole order UNMAPPED when an added line has no mapping', async () => {
    const s = store.forSeller(testSellerId('addunmap'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 1, lineId: 'z1' }]);
    await s.orders.ingest(first);
    const more = { ...first, lines: [...first.lines, { lineId: 'z2', listingId: 'L-NEW', quantity: 1 }] };
    expect(await s.orders.ingest(more)).toMatchObject({ status: 'HELD', reason: 'UNMAPPED', detail: 'manual:main:L-NEW' });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0 });
  });
});
