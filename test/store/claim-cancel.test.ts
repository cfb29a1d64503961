import { describe, expect, it } from 'vitest';
import type { SellerStore } from '../../server/store';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

async function twoLineOrder(s: SellerStore): Promise<string> {
  await seedCatalog(s, { stock: { A: 10, B: 10 }, listings: { 'L-A': { A: 1 }, 'L-B': { B: 1 } } });
  const input = orderInput([
    { listingId: 'L-A', quantity: 2, lineId: 'a' },
    { listingId: 'L-B', quantity: 3, lineId: 'b' },
  ]);
  await s.orders.ingest(input);
  return keyOf(input);
}

describe('cancel claims', () => {
  it('a request blocks the waybill and shipping and alerts; done releases those units', async () => {
    const s = store.forSeller(testSellerId('claimc'));
    const key = await twoLineOrder(s);
    expect(await s.orders.recordClaim(key, { claimId: 'c1', type: 'CANCEL', status: 'REQUESTED', quantity: 1, lineId: 'b' })).toMatchObject({ applied: true });
    expect(await s.alerts.get(`CANCEL_REQUESTED:${key}`)).toMatchObject({ severity: 'critical', detail: { lineId: 'b' } });
    await expectRefusal(s.orders.markWaybillIssued([key], waybill()), 'CANCEL_REQUESTED');
    expect(await counters(s, 'B')).toMatchObject({ reserved: 3 });

    expect(await s.orders.recordClaim(key, { claimId: 'c1', type: 'CANCEL', status: 'DONE', quantity: 1, lineId: 'b' })).toMatchObject({ status: 'ALLOCATED', applied: true });
    expect(await counters(s, 'B')).toMatchObject({ reserved: 2 });
    const order = await s.orders.require(key);
    expect(order.lines[1]).toMatchObject({ quantity: 3, cancelled: 1, claim: { type: 'CANCEL', status: 'DONE', quantity: 1 } });
    expect(order.allocation).toEqual({ A: 2, B: 2 });
    expect(await s.alerts.get(`CANCEL_REQUESTED:${key}`)).toBeNull();
    await s.orders.markWaybillIssued([key], waybill());
  });

  it('a whole-order cancel done cancels the order and releases everything', async () => {
    const s = store.forSeller(testSellerId('claimc2'));
    const key = await twoLineOrder(s);
    await s.orders.recordClaim(key, { claimId: 'c2', type: 'CANCEL', status: 'REQUESTED', quantity: 0 });
    expect(await s.orders.recordClaim(key, { claimId: 'c2', type: 'CANCEL', status: 'DONE', quantity: 0 })).toMatchObject({ status: 'CANCELLED' });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 0 });
    expect(await counters(s, 'B')).toMatchObject({ reserved: 0 });
    expect(await s.alerts.list()).toEqual([]);
  });

  it('a request after shipping only alerts; stock does not move; a rejection lifts it', async () => {
    const sellerId = testSellerId('claimc3');
    const s = store.forSeller(sellerId);
    const key = await twoLineOrder(s);
    await s.orders.markWaybillIssued([key], waybill());
    await s.orders.ship([key]);
    const ledger = await s.stock.ledger({ limit: 100 });
    expect(await s.orders.recordClaim(key, { claimId: 'c3', type: 'CANCEL', status: 'REQUESTED', quantity: 0 })).toMatchObject({ status: 'SHIPPED', applied: true });
    expect(await s.alerts.get(`CANCEL_AFTER_SHIPMENT:${key}`)).toMatchObject({ severity: 'critical' });
    expect(await s.alerts.get(`CANCEL_REQUESTED:${key}`)).toBeNull();
    expect(await s.stock.ledger({ limit: 100 })).toEqual(ledger);
    await s.orders.recordClaim(key, { claimId: 'c3', type: 'CANCEL', status: 'REJECTED', quantity: 0 });
    expect(await s.alerts.list()).toEqual([]);
  });

  it('a replay of the same claim event changes nothing', async () => {
    const sellerId = testSellerId('claimc4');
    const s = store.forSeller(sellerId);
    const key = await twoLineOrder(s);
    await s.orders.recordClaim(key, { claimId: 'c4', type: 'CANCEL', status: 'DONE', quantity: 1, lineId: 'a' });
    const before = await sellerDump(store, sellerId);
    expect(await s.orders.recordClaim(key, { claimId: 'c4', type: 'CANCEL', status: 'DONE', quantity: 1, lineId: 'a' })).toMatchObject({ applied: false });
    expect(await sellerDump(store, sellerId)).toEqual(before);
    expect(await counters(s, 'A')).toMatchObject({ reserved: 1 });
  });

  it('refuses an unknown line and an unknown order', async () => {
    const s = store.forSeller(testSellerId('claimc5'));
    const key = await twoLineOrder(s);
    await expectRefusal(s.orders.recordClaim(key, { claimId: 'c5', type: 'CANCEL', status: 'DONE', quantity: 1, lineId: 'zz' }), 'UNKNOWN_LINE');
    await expectRefusal(s.orders.recordClaim('manual:main:nope', { claimId: 'c5', type: 'CANCEL', status: 'DONE', quantity: 1 }), 'ORDER_NOT_FOUND');
  });
});
