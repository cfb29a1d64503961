import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('a count below what is reserved', () => {
  it('holds the newest ALLOCATED orders until reserved <= on hand', async () => {
    const s = store.forSeller(testSellerId('short'));
    await seedCatalog(s, { stock: { A: 6, B: 5 }, listings: { 'L-A': { A: 1 }, 'L-AB': { A: 1, B: 1 } } });
    const oldest = orderInput([{ listingId: 'L-A', quantity: 2 }], { orderedAt: '2025-03-01T10:00:00+09:00' });
    const middle = orderInput([{ listingId: 'L-AB', quantity: 2 }], { orderedAt: '2025-03-01T11:00:00+09:00' });
    const newest = orderInput([{ listingId: 'L-A', quantity: 2 }], { orderedAt: '2025-03-01T12:00:00+09:00' });
    // Ingested out of order: "newest" is about when the buyer ordered, not when we heard of it.
    for (const input of [newest, oldest, middle]) expect(await s.orders.ingest(input)).toMatchObject({ status: 'ALLOCATED' });

    const result = await s.stock.adjust('A', 'set', 3);
    expect(result).toMatchObject({ status: 'applied', onHand: 3, reserved: 2, available: 1, heldOrders: [keyOf(newest), keyOf(middle)] });
    expect(await s.orders.require(keyOf(oldest))).toMatchObject({ state: 'ALLOCATED' });
    expect(await s.orders.require(keyOf(middle))).toMatchObject({ state: 'HELD', heldReason: 'OUT_OF_STOCK', allocation: {} });
    // The held set product gave back its B too.
    expect(await counters(s, 'B')).toMatchObject({ reserved: 0, available: 5 });
    expect(await s.alerts.get('SHORTAGE:A')).toBeNull();
  });

  it('raises SHORTAGE with the missing units when orders with waybills remain, and closes it once covered', async () => {
    const s = store.forSeller(testSellerId('short2'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const issued = orderInput([{ listingId: 'L-A', quantity: 4 }]);
    const allocated = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(issued);
    await s.orders.ingest(allocated);
    await s.orders.markWaybillIssued([keyOf(issued)], waybill());

    await s.stock.adjust('A', 'set', 1);
    expect(await s.orders.require(keyOf(allocated))).toMatchObject({ state: 'HELD' });
    expect(await counters(s, 'A')).toMatchObject({ onHand: 1, reserved: 4, available: 0 });
    expect(await s.alerts.get('SHORTAGE:A')).toMatchObject({ severity: 'critical', detail: { sku: 'A', missing: 3, onHand: 1, reserved: 4 } });

    await s.stock.adjust('A', 'inbound', 2);
    expect(await s.alerts.get('SHORTAGE:A')).toMatchObject({ detail: { missing: 1 } });
    await s.stock.adjust('A', 'inbound', 1);
    expect(await s.alerts.get('SHORTAGE:A')).toBeNull();
    expect(await s.orders.require(keyOf(allocated))).toMatchObject({ state: 'HELD' });
    await s.stock.adjust('A', 'inbound', 1);
    expect(await s.orders.require(keyOf(allocated))).toMatchObject({ state: 'ALLOCATED' });
  });

  it('closes SHORTAGE when the short order is cancelled', async () => {
    const s = store.forSeller(testSellerId('short3'));
    await seedCatalog(s, { stock: { A: 3 }, listings: { 'L-A': { A: 1 } } });
    const issued = orderInput([{ listingId: 'L-A', quantity: 3 }]);
    await s.orders.ingest(issued);
    await s.orders.markWaybillIssued([keyOf(issued)], waybill());
    await s.stock.adjust('A', 'set', 0);
    expect(await s.alerts.get('SHORTAGE:A')).not.toBeNull();
    await s.orders.cancel(keyOf(issued));
    expect(await s.alerts.get('SHORTAGE:A')).toBeNull();
  });
});
