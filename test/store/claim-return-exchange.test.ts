import { describe, expect, it } from 'vitest';
import type { SellerStore } from '../../server/store';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

async function shipped(s: SellerStore): Promise<string> {
  await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
  const input = orderInput([{ listingId: 'L-A', quantity: 3, lineId: 'a' }]);
  await s.orders.ingest(input);
  await s.orders.markWaybillIssued([keyOf(input)], waybill());
  await s.orders.ship([keyOf(input)]);
  return keyOf(input);
}

describe('return and exchange claims', () => {
  it('a return done restocks those units, or quarantines them per the setting', async () => {
    const s = store.forSeller(testSellerId('claimr'));
    const key = await shipped(s);
    expect(await s.orders.recordClaim(key, { claimId: 'r1', type: 'RETURN', status: 'DONE', quantity: 1, lineId: 'a' })).toMatchObject({ status: 'SHIPPED' });
    expect(await counters(s, 'A')).toMatchObject({ onHand: 8, quarantine: 0 });
    await s.settings.patch({ returnPolicy: 'quarantine' });
    expect(await s.orders.recordClaim(key, { claimId: 'r2', type: 'RETURN', status: 'DONE', quantity: 5, lineId: 'a' })).toMatchObject({ status: 'RETURNED' });
    // Capped at what was left on the line: 2 units.
    expect(await counters(s, 'A')).toMatchObject({ onHand: 8, quarantine: 2 });
  });

  it('a return requested or an exchange is recorded and moves no stock', async () => {
    const sellerId = testSellerId('claimx');
    const s = store.forSeller(sellerId);
    const key = await shipped(s);
    const ledger = await s.stock.ledger({ limit: 100 });
    await s.orders.recordClaim(key, { claimId: 'r3', type: 'RETURN', status: 'REQUESTED', quantity: 1, lineId: 'a', reason: '사이즈' });
    expect(await s.orders.recordClaim(key, { claimId: 'x1', type: 'EXCHANGE', status: 'DONE', quantity: 1, lineId: 'a' })).toMatchObject({ status: 'SHIPPED', applied: true });
    expect(await s.stock.ledger({ limit: 100 })).toEqual(ledger);
    const order = await s.orders.require(key);
    expect(order.claim).toMatchObject({ type: 'EXCHANGE', status: 'DONE', quantity: 1, lineId: 'a' });
    expect(order.lines[0]?.claim).toMatchObject({ type: 'EXCHANGE' });

    const before = await sellerDump(store, sellerId);
    expect(await s.orders.recordClaim(key, { claimId: 'x1', type: 'EXCHANGE', status: 'DONE', quantity: 1, lineId: 'a' })).toMatchObject({ applied: false });
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });

  it('a return done on an order that never shipped is refused', async () => {
    const sellerId = testSellerId('claimr2');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    await s.orders.ingest(input);
    const before = await sellerDump(store, sellerId);
    expect((await expectRefusal(s.orders.recordClaim(keyOf(input), { claimId: 'r4', type: 'RETURN', status: 'DONE', quantity: 0 }), 'INVALID_TRANSITION')).detail).toEqual(['ALLOCATED', 'RETURNED']);
    expect(await sellerDump(store, sellerId)).toEqual(before);
  });
});
