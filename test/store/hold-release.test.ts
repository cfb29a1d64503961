import { describe, expect, it } from 'vitest';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('hold and release', () => {
  it('a manual hold gives the reservation back; a release takes it again', async () => {
    const s = store.forSeller(testSellerId('hold'));
    await seedCatalog(s, { stock: { A: 3 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 2 }]);
    await s.orders.ingest(input);

    expect(await s.orders.hold(keyOf(input), 'buyer asked to wait')).toMatchObject({ status: 'HELD', reason: 'MANUAL' });
    expect(await s.orders.require(keyOf(input))).toMatchObject({ state: 'HELD', heldReason: 'MANUAL', heldDetail: 'buyer asked to wait', allocation: {} });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0, available: 3 });
    expect(await s.alerts.get(`HELD_ORDER:${keyOf(input)}`)).toMatchObject({ detail: { reason: 'MANUAL' } });
    // Holding again is a replay.
    expect(await s.orders.hold(keyOf(input))).toMatchObject({ status: 'HELD', reason: 'MANUAL' });

    expect(await s.orders.release(keyOf(input))).toMatchObject({ status: 'ALLOCATED' });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 2, available: 1 });
    expect(await s.alerts.get(`HELD_ORDER:${keyOf(input)}`)).toBeNull();
  });

  it('a manual hold frees stock for a waiting order; a release that no longer fits waits OUT_OF_STOCK', async () => {
    const s = store.forSeller(testSellerId('holdfree'));
    await seedCatalog(s, { stock: { A: 2 }, listings: { 'L-A': { A: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 2 }]);
    const waiting = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(first);
    expect(await s.orders.ingest(waiting)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK' });

    await s.orders.hold(keyOf(first));
    expect(await s.orders.require(keyOf(waiting))).toMatchObject({ state: 'ALLOCATED' });
    expect(await s.orders.release(keyOf(first))).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', detail: 'A' });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 1 });
  });

  it('holds for an address problem the same way, with its own reason', async () => {
    const s = store.forSeller(testSellerId('holdaddr'));
    await seedCatalog(s, { stock: { A: 3 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    expect(await s.orders.hold(keyOf(input), '주소 확인 불가', 'ADDRESS')).toMatchObject({ status: 'HELD', reason: 'ADDRESS' });
    expect(await s.orders.require(keyOf(input))).toMatchObject({ heldReason: 'ADDRESS', heldDetail: '주소 확인 불가', allocation: {} });
    expect(await s.orders.hold(keyOf(input), '', 'MANUAL')).toMatchObject({ reason: 'MANUAL' });
    expect(await s.orders.release(keyOf(input))).toMatchObject({ status: 'ALLOCATED' });
  });

  it('refuses a hold after the waybill and a release of an order that is not held', async () => {
    const s = store.forSeller(testSellerId('holdrefuse'));
    await seedCatalog(s, { stock: { A: 3 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    expect((await expectRefusal(s.orders.release(keyOf(input)), 'INVALID_TRANSITION')).detail).toEqual(['ALLOCATED', 'ALLOCATED']);
    await s.orders.markWaybillIssued([keyOf(input)], waybill());
    expect((await expectRefusal(s.orders.hold(keyOf(input)), 'INVALID_TRANSITION')).detail).toEqual(['WAYBILL_ISSUED', 'HELD']);
    await expectRefusal(s.orders.hold('manual:main:nope'), 'ORDER_NOT_FOUND');
    await expectRefusal(s.orders.release('manual:main:nope'), 'ORDER_NOT_FOUND');
  });
});
