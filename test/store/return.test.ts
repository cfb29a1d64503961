import { describe, expect, it } from 'vitest';
import type { SellerStore } from '../../server/store';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

/** A shipped two-line order: 2 × the set L-AB (A + 2 B) and 1 × L-A. */
async function shippedOrder(s: SellerStore): Promise<string> {
  await seedCatalog(s, { stock: { A: 10, B: 10 }, listings: { 'L-A': { A: 1 }, 'L-AB': { A: 1, B: 2 } } });
  const input = orderInput([
    { listingId: 'L-AB', quantity: 2, lineId: 'r1' },
    { listingId: 'L-A', quantity: 1, lineId: 'r2' },
  ]);
  await s.orders.ingest(input);
  await s.orders.markWaybillIssued([keyOf(input)], waybill());
  await s.orders.ship([keyOf(input)]);
  return keyOf(input);
}

describe('return', () => {
  it('restocks by default, the components each line shipped', async () => {
    const s = store.forSeller(testSellerId('ret'));
    const key = await shippedOrder(s);
    expect(await counters(s, 'A')).toMatchObject({ onHand: 7, reserved: 0 });
    expect(await s.orders.returnUnits(key)).toMatchObject({ key, status: 'RETURNED' });
    expect(await counters(s, 'A')).toMatchObject({ onHand: 10, quarantine: 0 });
    expect(await counters(s, 'B')).toMatchObject({ onHand: 10, quarantine: 0 });
    expect((await s.orders.require(key)).lines.map((line) => line.returned)).toEqual([2, 1]);
  });

  it('quarantines when the seller set returnPolicy to quarantine', async () => {
    const s = store.forSeller(testSellerId('retq'));
    const key = await shippedOrder(s);
    await s.settings.patch({ returnPolicy: 'quarantine' });
    expect(await s.orders.returnUnits(key)).toMatchObject({ status: 'RETURNED', policy: 'quarantine' });
    expect(await counters(s, 'A')).toMatchObject({ onHand: 7, quarantine: 3, available: 7 });
    expect(await counters(s, 'B')).toMatchObject({ onHand: 6, quarantine: 4 });
    const ledger = await s.stock.ledger({ limit: 100 });
    expect(ledger.filter((entry) => entry.kind === 'quarantine').map((entry) => [entry.sku, entry.dQuarantine, entry.dOnHand])).toEqual([
      ['A', 2, 0],
      ['B', 4, 0],
      ['A', 1, 0],
    ]);
  });

  it('takes back part of a line; the order is RETURNED only when every unit is back', async () => {
    const s = store.forSeller(testSellerId('retpart'));
    const key = await shippedOrder(s);
    expect(await s.orders.returnUnits(key, { lineId: 'r1', quantity: 1 })).toMatchObject({ status: 'SHIPPED' });
    expect(await counters(s, 'B')).toMatchObject({ onHand: 8 });
    expect((await expectRefusal(s.orders.returnUnits(key, { lineId: 'r1', quantity: 2 }), 'QUANTITY_EXCEEDED')).detail).toEqual(['r1', '1']);
    await expectRefusal(s.orders.returnUnits(key, { lineId: 'nope', quantity: 1 }), 'UNKNOWN_LINE');
    await s.orders.returnUnits(key, { lineId: 'r1', quantity: 1 });
    expect(await s.orders.returnUnits(key, { lineId: 'r2', quantity: 1 })).toMatchObject({ status: 'RETURNED' });
    expect(await counters(s, 'A')).toMatchObject({ onHand: 10 });
  });

  it('refuses an order that has not shipped, and a second full return', async () => {
    const sellerId = testSellerId('retno');
    const s = store.forSeller(sellerId);
    const key = await shippedOrder(s);
    const unshipped = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(unshipped);
    expect((await expectRefusal(s.orders.returnUnits(keyOf(unshipped)), 'INVALID_TRANSITION')).detail).toEqual(['ALLOCATED', 'RETURNED']);
    await s.orders.setFlags(key, { delivered: true });
    await s.orders.returnUnits(key);
    const before = await sellerDump(store, sellerId);
    expect((await expectRefusal(s.orders.returnUnits(key), 'INVALID_TRANSITION')).detail).toEqual(['RETURNED', 'RETURNED']);
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });
});
