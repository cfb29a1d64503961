import { describe, expect, it } from 'vitest';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('waybills', () => {
  it('one parcel moves its orders ALLOCATED → WAYBILL_ISSUED together; the same waybill again is a replay', async () => {
    const sellerId = testSellerId('wb');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const one = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    const two = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(one);
    await s.orders.ingest(two);
    const keys = [keyOf(one), keyOf(two)];
    expect(await s.orders.markWaybillIssued(keys, waybill('1'))).toEqual({ orders: keys.map((key) => ({ key, status: 'WAYBILL_ISSUED' })), replay: false });
    expect(await s.orders.require(keyOf(one))).toMatchObject({ waybillIds: ['1'], tracking: { status: 'none', carrier: 'cj', trackingNumber: '500000000001' }, allocation: { A: 1 } });

    const before = await sellerDump(store, sellerId);
    expect(await s.orders.markWaybillIssued(keys, waybill('1'))).toMatchObject({ replay: true });
    expect(await sellerDump(store, sellerId)).toEqual(before);

    // A second box of the same parcel keeps the state and the first number.
    expect(await s.orders.markWaybillIssued(keys, waybill('2'))).toMatchObject({ replay: false });
    expect(await s.orders.require(keyOf(one))).toMatchObject({ waybillIds: ['1', '2'], tracking: { trackingNumber: '500000000001' } });
  });

  it('a void keeps the reservation and goes back to ALLOCATED when no waybill is left', async () => {
    const sellerId = testSellerId('wbvoid');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 2 }]);
    await s.orders.ingest(input);
    const key = keyOf(input);
    await s.orders.markWaybillIssued([key], waybill('1'));
    await s.orders.markWaybillIssued([key], waybill('2'));
    expect(await s.orders.voidWaybill([key], '1', '500000000001')).toEqual([{ key, status: 'WAYBILL_ISSUED' }]);
    expect(await s.orders.require(key)).toMatchObject({ waybillIds: ['2'], tracking: { status: 'none' } });
    expect(await s.orders.voidWaybill([key], '2', '500000000002')).toEqual([{ key, status: 'ALLOCATED' }]);
    const order = await s.orders.require(key);
    expect(order).toMatchObject({ state: 'ALLOCATED', allocation: { A: 2 }, tracking: { status: 'none' } });
    expect(order.waybillIds).toBeUndefined();
    expect(await counters(s, 'A')).toMatchObject({ reserved: 2 });

    const before = await sellerDump(store, sellerId);
    expect(await s.orders.voidWaybill([key], '2', '500000000002')).toEqual([{ key, status: 'ALLOCATED' }]);
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('dispatchNow (가배송) queues the tracking dispatch at issuance', async () => {
    const s = store.forSeller(testSellerId('wbpre'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    await s.orders.markWaybillIssued([keyOf(input)], { ...waybill('1'), dispatchNow: true });
    expect(await s.orders.require(keyOf(input))).toMatchObject({ tracking: { status: 'pending' } });
  });

  it('refuses held orders, shipped ones, and voiding a shipped parcel; a cancelled order only loses the waybill', async () => {
    const sellerId = testSellerId('wbrefuse');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 2 }, listings: { 'L-A': { A: 1 } } });
    const ready = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    const held = orderInput([{ listingId: 'L-A', quantity: 5 }]);
    await s.orders.ingest(ready);
    await s.orders.ingest(held);
    const before = await sellerDump(store, sellerId);
    expect((await expectRefusal(s.orders.markWaybillIssued([keyOf(ready), keyOf(held)], waybill('1')), 'INVALID_TRANSITION')).detail).toEqual(['HELD', 'WAYBILL_ISSUED', keyOf(held)]);
    await expectRefusal(s.orders.markWaybillIssued(['manual:main:nope'], waybill('1')), 'ORDER_NOT_FOUND');
    expect(await sellerDump(store, sellerId)).toEqual(before);

    await s.orders.markWaybillIssued([keyOf(ready)], waybill('1'));
    await s.orders.ship([keyOf(ready)]);
    expect((await expectRefusal(s.orders.markWaybillIssued([keyOf(ready)], waybill('2')), 'INVALID_TRANSITION')).detail).toEqual(['SHIPPED', 'WAYBILL_ISSUED', keyOf(ready)]);
    expect((await expectRefusal(s.orders.voidWaybill([keyOf(ready)], '1', '500000000001'), 'INVALID_TRANSITION')).detail).toEqual(['SHIPPED', 'ALLOCATED', keyOf(ready)]);

    const cancelled = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(cancelled);
    await s.orders.markWaybillIssued([keyOf(cancelled)], waybill('3'));
    await s.orders.cancel(keyOf(cancelled));
    expect(await s.orders.voidWaybill([keyOf(cancelled)], '3', '500000000003')).toEqual([{ key: keyOf(cancelled), status: 'CANCELLED' }]);
    expect((await s.orders.require(keyOf(cancelled))).waybillIds).toBeUndefined();
  });
});
