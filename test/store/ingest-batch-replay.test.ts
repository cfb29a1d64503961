import { describe, expect, it } from 'vitest';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, streamEntries, testSellerId } from '../support/store';
import { sellerKeys } from '../../server/store/keys';

const store = await openTestStore();

describe('one order more than once in a batch', () => {
  it('is created once; the repeats are replays that reserve nothing more', async () => {
    const sellerId = testSellerId('batchreplay');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 3 }]);
    const batchesBefore = store.ingestStats().batches;
    const results = await Promise.all([s.orders.ingest(input), s.orders.ingest(input), s.orders.ingest(input)]);
    expect(store.ingestStats().batches - batchesBefore).toBe(1);

    expect(results.map((result) => [result.created, result.replay])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
    expect(results.every((result) => result.status === 'ALLOCATED')).toBe(true);
    expect(await counters(s, 'A')).toMatchObject({ reserved: 3, available: 7 });
    const reserves = (await streamEntries(store, sellerKeys(sellerId).ledger)).filter((entry) => entry.message.kind === 'reserve');
    expect(reserves.map((entry) => entry.message)).toEqual([expect.objectContaining({ sku: 'A', dReserved: '3', ref: keyOf(input) })]);
    expect((await s.orders.require(keyOf(input))).seq).toBeGreaterThan(0);
  });

  it('applies a line added later in the same batch to the order the batch just created', async () => {
    const s = store.forSeller(testSellerId('batchadded'));
    await seedCatalog(s, { stock: { A: 10, B: 10 }, listings: { 'L-A': { A: 1 }, 'L-B': { B: 2 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1, lineId: 'x1' }]);
    const grown = { ...input, lines: [...input.lines, { lineId: 'x2', listingId: 'L-B', quantity: 2 }] };
    const [created, updated] = await Promise.all([s.orders.ingest(input), s.orders.ingest(grown)]);
    expect(created).toMatchObject({ status: 'ALLOCATED', created: true });
    expect(updated).toMatchObject({ status: 'ALLOCATED', created: false, replay: false });

    const order = await s.orders.require(keyOf(input));
    expect(order.allocation).toEqual({ A: 1, B: 4 });
    expect(order.lines.map((line) => [line.lineId, line.components])).toEqual([
      ['x1', [{ sku: 'A', qty: 1 }]],
      ['x2', [{ sku: 'B', qty: 2 }]],
    ]);
    expect(await counters(s, 'B')).toMatchObject({ reserved: 4 });
  });

  it('is still a replay after another order of the batch took the general path, which writes out what is pending', async () => {
    const sellerId = testSellerId('batchflush');
    const s = store.forSeller(sellerId);
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 3 }]);
    // An unmapped listing sends this one down the general path, between the first ingest and its repeat.
    const unmapped = orderInput([{ listingId: 'L-NOWHERE', quantity: 1 }]);
    const batchesBefore = store.ingestStats().batches;
    const [first, held, repeat] = await Promise.all([s.orders.ingest(input), s.orders.ingest(unmapped), s.orders.ingest(input)]);
    expect(store.ingestStats().batches - batchesBefore).toBe(1);

    expect(first).toMatchObject({ status: 'ALLOCATED', created: true });
    expect(held).toMatchObject({ status: 'HELD', reason: 'UNMAPPED' });
    expect(repeat).toMatchObject({ status: 'ALLOCATED', created: false, replay: true });
    expect(await counters(s, 'A')).toMatchObject({ reserved: 3, available: 7 });
    const reserves = (await streamEntries(store, sellerKeys(sellerId).ledger)).filter((entry) => entry.message.kind === 'reserve');
    expect(reserves).toHaveLength(1);
  });
});
