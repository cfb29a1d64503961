import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('two orders in one batch competing for the last unit', () => {
  it('allocate the first one issued and hold the second until the unit comes back', async () => {
    const s = store.forSeller(testSellerId('batchlast'));
    await seedCatalog(s, { stock: { A: 1 }, listings: { 'L-A': { A: 1 }, 'L-AA': { A: 1 } } });
    const first = orderInput([{ listingId: 'L-A', quantity: 1 }], { orderedAt: '2025-03-01T10:00:00+09:00' });
    const second = orderInput([{ listingId: 'L-AA', quantity: 1 }], { orderedAt: '2025-03-01T09:00:00+09:00' });
    const batchesBefore = store.ingestStats().batches;
    const [won, lost] = await Promise.all([s.orders.ingest(first), s.orders.ingest(second)]);
    expect(store.ingestStats().batches - batchesBefore).toBe(1);

    expect(won).toMatchObject({ status: 'ALLOCATED', created: true });
    expect(lost).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK', detail: 'A', created: true });
    expect(await counters(s, 'A')).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    expect(await s.alerts.get(`HELD_ORDER:${keyOf(second)}`)).toMatchObject({ detail: { reason: 'OUT_OF_STOCK' } });

    await s.orders.cancel(keyOf(first));
    expect(await s.orders.require(keyOf(second))).toMatchObject({ state: 'ALLOCATED', allocation: { A: 1 } });
    expect(await s.alerts.get(`HELD_ORDER:${keyOf(second)}`)).toBeNull();
  });
});
