import { describe, expect, it } from 'vitest';
import type { SellerStore } from '../../server/store';
import type { OrderQuery } from '../../server/store/orders';
import { keyOf, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

/** Every page until nextCursor is null, with what happens between pages. */
async function pageAll(s: SellerStore, query: Omit<OrderQuery, 'after'>, between: (page: number) => Promise<void> = async () => {}) {
  const seen: { key: string; seq: number }[] = [];
  let after: number | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await s.orders.list({ ...query, ...(after === undefined ? {} : { after }) });
    expect(result.orders.length).toBeLessThanOrEqual(query.limit);
    seen.push(...result.orders.map((order) => ({ key: order.key, seq: order.seq })));
    if (result.nextCursor === null) return { seen, syncToken: result.syncToken };
    after = result.nextCursor;
    await between(page);
  }
  throw new Error('paging did not end');
}

describe('listing orders by seq', () => {
  it('pages in change order; an order that changes while paging is met again, never skipped', async () => {
    const s = store.forSeller(testSellerId('list'));
    await seedCatalog(s, { stock: { A: 100 }, listings: { 'L-A': { A: 1 } } });
    const inputs = Array.from({ length: 7 }, () => orderInput([{ listingId: 'L-A', quantity: 1 }]));
    for (const input of inputs) await s.orders.ingest(input);
    const keys = inputs.map(keyOf);

    const { seen, syncToken } = await pageAll(s, { limit: 3 }, async (page) => {
      // After the first page: one order already seen and one not yet seen both change.
      if (page === 0) {
        await s.orders.hold(keys[1]!);
        await s.orders.hold(keys[5]!);
      }
    });
    expect(seen.map((entry) => entry.key)).toEqual([keys[0], keys[1], keys[2], keys[3], keys[4], keys[6], keys[1], keys[5]]);
    const seqs = seen.map((entry) => entry.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    // An incremental refresh from the sync token sees exactly what changed since.
    expect((await s.orders.list({ after: syncToken, limit: 10 })).orders).toEqual([]);
    await s.orders.release(keys[1]!);
    await s.orders.cancel(keys[0]!);
    expect((await s.orders.list({ after: syncToken, limit: 10 })).orders.map((order) => order.key)).toEqual([keys[1], keys[0]]);
  });

  it('filters by status and by channel, page by page', async () => {
    const s = store.forSeller(testSellerId('listfilter'));
    await seedCatalog(s, { stock: { A: 2 }, listings: { 'L-A': { A: 1 } } });
    await s.catalog.upsertListings([{ channel: 'smartstore', account: 'main', listingId: 'N-1', components: [{ sku: 'A', qty: 1 }] }]);
    const manual = Array.from({ length: 4 }, () => orderInput([{ listingId: 'L-A', quantity: 1 }]));
    const naver = Array.from({ length: 3 }, () => orderInput([{ listingId: 'N-1', quantity: 1 }], { channel: 'smartstore' }));
    for (const input of [manual[0]!, naver[0]!, manual[1]!, naver[1]!, manual[2]!, naver[2]!, manual[3]!]) await s.orders.ingest(input);

    const held = await pageAll(s, { status: 'HELD', limit: 2 });
    expect(held.seen.map((entry) => entry.key)).toEqual([keyOf(manual[1]!), keyOf(naver[1]!), keyOf(manual[2]!), keyOf(naver[2]!), keyOf(manual[3]!)]);
    const allocated = await pageAll(s, { status: 'ALLOCATED', limit: 2 });
    expect(allocated.seen.map((entry) => entry.key)).toEqual([keyOf(manual[0]!), keyOf(naver[0]!)]);

    const smartstore = await pageAll(s, { channel: 'smartstore', limit: 2 });
    expect(smartstore.seen.map((entry) => entry.key)).toEqual(naver.map(keyOf));
    const heldNaver = await pageAll(s, { channel: 'smartstore', status: 'HELD', limit: 1 });
    expect(heldNaver.seen.map((entry) => entry.key)).toEqual([keyOf(naver[1]!), keyOf(naver[2]!)]);
  });
});
