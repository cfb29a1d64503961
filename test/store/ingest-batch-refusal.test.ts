import { describe, expect, it } from 'vitest';
import { counters, expectRefusal, keyOf, openTestStore, orderInput, seedCatalog, testSellerId, waybill } from '../support/store';

const store = await openTestStore();

describe('a refusal in the middle of a batch', () => {
  it('rejects only that order; the orders before and after it are ingested, and nothing of it is written', async () => {
    const s = store.forSeller(testSellerId('batchrefuse'));
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const locked = orderInput([{ listingId: 'L-A', quantity: 1, lineId: 'k1' }]);
    await s.orders.ingest(locked);
    await s.orders.markWaybillIssued([keyOf(locked)], waybill());
    const lockedBefore = await s.orders.require(keyOf(locked));

    const before = orderInput([{ listingId: 'L-A', quantity: 2 }]);
    const addedLine = { ...locked, lines: [...locked.lines, { lineId: 'k2', listingId: 'L-A', quantity: 3 }] };
    const after = orderInput([{ listingId: 'L-A', quantity: 4 }]);
    const batchesBefore = store.ingestStats().batches;
    const [first, refused, last] = [s.orders.ingest(before), s.orders.ingest(addedLine), s.orders.ingest(after)];

    expect(await first).toMatchObject({ key: keyOf(before), status: 'ALLOCATED', created: true });
    expect((await expectRefusal(refused, 'ORDER_LOCKED')).detail).toEqual(['WAYBILL_ISSUED']);
    expect(await last).toMatchObject({ key: keyOf(after), status: 'ALLOCATED', created: true });
    expect(store.ingestStats().batches - batchesBefore).toBe(1);

    expect(await s.orders.require(keyOf(locked))).toEqual(lockedBefore);
    expect(await counters(s, 'A')).toMatchObject({ reserved: 1 + 2 + 4, available: 3 });
    expect(await s.stock.ledgerTotals('A')).toMatchObject({ onHand: 10, reserved: 7 });
  });

  it('rejects an invalid order on its own, before anything is sent', async () => {
    const s = store.forSeller(testSellerId('batchinvalid'));
    await seedCatalog(s, { stock: { A: 5 }, listings: { 'L-A': { A: 1 } } });
    const good = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    const bad = orderInput([{ listingId: 'L-A', quantity: 0 }]);
    const [ok, invalid] = [s.orders.ingest(good), s.orders.ingest(bad)];
    await expect(invalid).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'lines[0].quantity' }] });
    expect(await ok).toMatchObject({ status: 'ALLOCATED' });
    expect(await s.orders.get(keyOf(bad))).toBeNull();
  });
});
