import { describe, expect, it } from 'vitest';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('cancel', () => {
  it('releases the reservation and resumes the backorder it covers, in the same step', async () => {
    const s = store.forSeller(testSellerId('cancel'));
    await seedCatalog(s, { stock: { A: 2 }, listings: { 'L-A': { A: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 2 }]);
    const waiting = orderInput([{ listingId: 'L-A', quantity: 2 }]);
    await s.orders.ingest(first);
    await s.orders.ingest(waiting);

    expect(await s.orders.cancel(keyOf(first), 'buyer')).toEqual({ key: keyOf(first), status: 'CANCELLED', voids: [], replay: false });
    expect(await s.orders.require(keyOf(first))).toMatchObject({ state: 'CANCELLED', allocation: {} });
    expect(await s.orders.require(keyOf(waiting))).toMatchObject({ state: 'ALLOCATED', allocation: { A: 2 } });
    expect(await counters(s, 'A')).toMatchObject({ onHand: 2, reserved: 2 });
    const ledger = await s.stock.ledger({ limit: 100 });
    expect(ledger.slice(-2).map((entry) => [entry.kind, entry.ref, entry.dReserved, entry.reason])).toEqual([
      ['release', keyOf(first), -2, 'buyer'],
      ['reserve', keyOf(waiting), 2, 'order'],
    ]);
  });

  it('cancels held orders and orders with a waybill, and a second cancel is a replay', async () => {
    const sellerId = testSellerId('cancel2');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 1 }, listings: { 'L-A': { A: 1 } } });
    const withWaybill = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    const held = orderInput([{ listingId: 'L-A', quantity: 5 }]);
    await s.orders.ingest(withWaybill);
    await s.orders.ingest(held);
    await s.orders.markWaybillIssued([keyOf(withWaybill)], waybill());

    expect(await s.orders.cancel(keyOf(withWaybill))).toMatchObject({ status: 'CANCELLED', voids: [expect.any(String)] });
    expect(await s.orders.cancel(keyOf(held))).toMatchObject({ status: 'CANCELLED', voids: [] });
    expect(await s.alerts.list()).toEqual([]);
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0, available: 1 });

    const before = await sellerDump(store, sellerId);
    expect(await s.orders.cancel(keyOf(held))).toMatchObject({ status: 'CANCELLED', replay: true });
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('refuses to cancel a shipped order', async () => {
    const s = store.forSeller(testSellerId('cancel3'));
    await seedCatalog(s, { stock: { A: 1 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(input)], waybill());
    await s.orders.ship([keyOf(input)]);
    expect((await expectRefusal(s.orders.cancel(keyOf(input)), 'INVALID_TRANSITION')).detail).toEqual(['SHIPPED', 'CANCELLED']);
    await expectRefusal(s.orders.cancel('manual:main:nope'), 'ORDER_NOT_FOUND');
  });
});
