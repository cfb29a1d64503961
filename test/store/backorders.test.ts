import { describe, expect, it } from 'vitest';
import { keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('backorders', () => {
  it('resume oldest first, in the script that adds the stock', async () => {
    const s = store.forSeller(testSellerId('backorder'));
    await seedCatalog(s, { stock: { A: 0 }, listings: { 'L-A': { A: 1 } } });
    const at = (hour: number) => `2025-03-01T${String(hour).padStart(2, '0')}:00:00+09:00`;
    const third = orderInput([{ listingId: 'L-A', quantity: 1 }], { orderedAt: at(12) });
    const first = orderInput([{ listingId: 'L-A', quantity: 1 }], { orderedAt: at(10) });
    const second = orderInput([{ listingId: 'L-A', quantity: 1 }], { orderedAt: at(11) });
    for (const input of [third, first, second]) expect(await s.orders.ingest(input)).toMatchObject({ status: 'HELD', reason: 'OUT_OF_STOCK' });

    const result = await s.stock.adjust('A', 'inbound', 2);
    expect(result).toMatchObject({ reserved: 2, available: 0 });
    expect((await s.orders.getMany([keyOf(first), keyOf(second), keyOf(third)])).map((order) => order.state)).toEqual(['ALLOCATED', 'ALLOCATED', 'HELD']);
  });

  it('allocate a later order that fits when an older one still does not', async () => {
    const s = store.forSeller(testSellerId('backorder2'));
    await seedCatalog(s, { stock: { A: 0 }, listings: { 'L-A': { A: 1 } } });
    const big = orderInput([{ listingId: 'L-A', quantity: 5 }], { orderedAt: '2025-03-01T10:00:00+09:00' });
    const small = orderInput([{ listingId: 'L-A', quantity: 2 }], { orderedAt: '2025-03-01T11:00:00+09:00' });
    await s.orders.ingest(big);
    await s.orders.ingest(small);
    await s.stock.adjust('A', 'inbound', 3);
    expect((await s.orders.getMany([keyOf(big), keyOf(small)])).map((order) => order.state)).toEqual(['HELD', 'ALLOCATED']);
  });

  it('go oldest first across SKUs when one change frees several', async () => {
    const s = store.forSeller(testSellerId('backorder3'));
    await seedCatalog(s, { stock: { A: 2, B: 1 }, listings: { 'L-A': { A: 1 }, 'L-AB': { A: 1, B: 1 } } });
    const holder = orderInput([{ listingId: 'L-AB', quantity: 1 }], { orderedAt: '2025-03-01T09:00:00+09:00' });
    await s.orders.ingest(holder);
    // The older order is short only of B, so it waits in B's queue; the newer one waits in A's. Freeing A
    // and B together must serve the older order, which a sweep of A's queue before B's would not.
    const olderAB = orderInput([{ listingId: 'L-AB', quantity: 1 }], { orderedAt: '2025-03-01T10:00:00+09:00' });
    const newerA = orderInput([{ listingId: 'L-A', quantity: 2 }], { orderedAt: '2025-03-01T11:00:00+09:00' });
    expect(await s.orders.ingest(olderAB)).toMatchObject({ status: 'HELD', detail: 'B' });
    expect(await s.orders.ingest(newerA)).toMatchObject({ status: 'HELD', detail: 'A' });
    await s.orders.cancel(keyOf(holder));
    expect((await s.orders.getMany([keyOf(olderAB), keyOf(newerA)])).map((order) => order.state)).toEqual(['ALLOCATED', 'HELD']);
  });

  it('a long queue is finished by resumeBackorders', async () => {
    const s = store.forSeller(testSellerId('backorder4'));
    await seedCatalog(s, { stock: { A: 0 }, listings: { 'L-A': { A: 1 } } });
    const inputs = Array.from({ length: 230 }, (_, index) => orderInput([{ listingId: 'L-A', quantity: 1 }], { orderedAt: new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString() }));
    for (const input of inputs) await s.orders.ingest(input);
    await s.stock.adjust('A', 'inbound', 230);
    const afterInbound = await s.orders.list({ status: 'HELD', limit: 1000 });
    expect(afterInbound.orders).toHaveLength(30);
    // The ones left are the newest.
    expect(afterInbound.orders.map((order) => order.key).sort()).toEqual(inputs.slice(200).map(keyOf).sort());
    expect(await s.stock.resumeBackorders(['A'])).toBe(30);
    expect((await s.orders.list({ status: 'HELD', limit: 1000 })).orders).toHaveLength(0);
  });
});
