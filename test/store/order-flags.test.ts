import { describe, expect, it } from 'vitest';
import { expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('order flags', () => {
  it('record confirmed, packed, tracking and delivered without moving stock', async () => {
    const sellerId = testSellerId('flags');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    const key = keyOf(input);
    const ledger = await s.stock.ledger({ limit: 100 });

    expect(await s.orders.setFlags(key, { confirmed: true, packed: true })).toEqual({ key, status: 'ALLOCATED', changed: true });
    const before = await sellerDump(store, sellerId);
    expect(await s.orders.setFlags(key, { confirmed: true, packed: true })).toEqual({ key, status: 'ALLOCATED', changed: false });
    expect(await sellerDump(store, sellerId)).toEqual(before);

    await s.orders.markWaybillIssued([key], waybill());
    await s.orders.ship([key]);
    await s.alerts.raise('TRACKING_MISSING', 'critical', key, {});
    await s.orders.setFlags(key, { tracking: { status: 'rejected', message: '송장번호 오류' } });
    expect(await s.orders.require(key)).toMatchObject({ tracking: { status: 'rejected', message: '송장번호 오류', trackingNumber: waybill().trackingNumber } });
    await s.orders.setFlags(key, { tracking: { status: 'accepted' } });
    expect(await s.alerts.get(`TRACKING_MISSING:${key}`)).toBeNull();

    expect(await s.orders.setFlags(key, { delivered: true })).toEqual({ key, status: 'DELIVERED', changed: true });
    expect(await s.orders.require(key)).toMatchObject({ state: 'DELIVERED', confirmed: true, packed: true, tracking: { status: 'accepted' } });
    expect((await s.stock.ledger({ limit: 100 })).length).toBe(ledger.length + 1); // only the shipment
  });

  it('refuse delivered before shipping', async () => {
    const s = store.forSeller(testSellerId('flags2'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    expect((await expectRefusal(s.orders.setFlags(keyOf(input), { delivered: true }), 'INVALID_TRANSITION')).detail).toEqual(['ALLOCATED', 'DELIVERED']);
    await expectRefusal(s.orders.setFlags('manual:main:nope', { packed: true }), 'ORDER_NOT_FOUND');
  });
});
