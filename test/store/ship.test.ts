import { describe, expect, it } from 'vitest';
import type { SellerStore } from '../../server/store';
import { sellerKeys } from '../../server/store/keys';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, streamEntries, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

async function issued(s: SellerStore, quantity: number, waybillId: string): Promise<string> {
  const input = orderInput([{ listingId: 'L-A', quantity }]);
  await s.orders.ingest(input);
  await s.orders.markWaybillIssued([keyOf(input)], waybill(waybillId));
  return keyOf(input);
}

describe('ship', () => {
  it('commits stock (on hand and reserved both drop), marks tracking pending and queues the dispatch', async () => {
    const s = store.forSeller(testSellerId('ship'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const one = await issued(s, 2, '1');
    const two = await issued(s, 1, '2');
    const outboxKey = sellerKeys(s.sellerId).outbox;
    const outboxBefore = await store.pool.pick().xLen(outboxKey);

    expect(await s.orders.ship([one, two], { station: 'desk-1' })).toEqual([
      { key: one, status: 'SHIPPED' },
      { key: two, status: 'SHIPPED' },
    ]);
    expect(await counters(s, 'A')).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    const order = await s.orders.require(one);
    expect(order).toMatchObject({ state: 'SHIPPED', allocation: {}, shippedBy: 'system', shippedStation: 'desk-1', tracking: { status: 'pending', trackingNumber: '500000000001' } });
    const outbox = await streamEntries(store, outboxKey);
    expect(outbox.length - outboxBefore).toBe(3);
    expect(outbox.slice(-3).map((entry) => entry.message)).toEqual([
      { type: 'dispatch', order: one },
      { type: 'dispatch', order: two },
      { type: 'stock', sku: 'A' },
    ]);
  });

  it('refuses a double ship, and an order without a waybill, and ships none of a parcel when one is refused', async () => {
    const sellerId = testSellerId('ship2');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const shipped = await issued(s, 1, '1');
    await s.orders.ship([shipped]);
    const ready = await issued(s, 1, '2');
    const noWaybill = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(noWaybill);

    const before = await sellerDump(store, sellerId);
    expect((await expectRefusal(s.orders.ship([shipped]), 'INVALID_TRANSITION')).detail).toEqual(['SHIPPED', 'SHIPPED', shipped]);
    expect((await expectRefusal(s.orders.ship([ready, keyOf(noWaybill)]), 'INVALID_TRANSITION')).detail).toEqual(['ALLOCATED', 'SHIPPED', keyOf(noWaybill)]);
    expect((await expectRefusal(s.orders.ship([ready, 'manual:main:nope']), 'ORDER_NOT_FOUND')).detail).toEqual(['manual:main:nope']);
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('refuses an order with an open cancel request', async () => {
    const s = store.forSeller(testSellerId('ship3'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const key = await issued(s, 1, '1');
    await s.orders.recordClaim(key, { claimId: 'c1', type: 'CANCEL', status: 'REQUESTED', quantity: 1 });
    expect((await expectRefusal(s.orders.ship([key]), 'CANCEL_REQUESTED')).detail).toEqual([key]);
    await s.orders.recordClaim(key, { claimId: 'c1', type: 'CANCEL', status: 'REJECTED', quantity: 1 });
    expect(await s.orders.ship([key])).toEqual([{ key, status: 'SHIPPED' }]);
  });

  it('refuses an unpacked order when packing is required', async () => {
    const s = store.forSeller(testSellerId('ship4'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const key = await issued(s, 1, '1');
    expect((await expectRefusal(s.orders.ship([key], { requirePacked: true }), 'NOT_PACKED')).detail).toEqual([key]);
    await s.orders.setFlags(key, { packed: true });
    expect(await s.orders.ship([key], { requirePacked: true })).toEqual([{ key, status: 'SHIPPED' }]);
  });

  it('refuses to ship more than a count found on hand', async () => {
    const s = store.forSeller(testSellerId('ship5'));
    await seedCatalog(s, { stock: { A: 3 }, listings: { 'L-A': { A: 1 } } });
    const key = await issued(s, 3, '1');
    await s.stock.adjust('A', 'set', 2);
    expect((await expectRefusal(s.orders.ship([key]), 'INSUFFICIENT_ON_HAND')).detail).toEqual(['A']);
    expect(await counters(s, 'A')).toMatchObject({ onHand: 2, reserved: 3 });
  });
});
