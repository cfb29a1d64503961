import { describe, expect, it } from 'vitest';
import { counters, openTestStore, orderInput, seedCatalog, testSellerId } from '../support/store';

const store = await openTestStore();

describe('ingests issued together', () => {
  it('run in the order issued, within a batch and across the batches a long run is split into', async () => {
    const s = store.forSeller(testSellerId('batchorder'));
    const units = 333;
    await seedCatalog(s, { stock: { A: units }, listings: { 'L-A': { A: 1 } } });
    // More than one batch holds, so the run is split; every order wants the same SKU.
    const inputs = Array.from({ length: 700 }, () => orderInput([{ listingId: 'L-A', quantity: 1 }]));
    const batchesBefore = store.ingestStats().batches;
    const results = await Promise.all(inputs.map((input) => s.orders.ingest(input)));
    expect(store.ingestStats().batches - batchesBefore).toBeGreaterThan(1);

    expect(results.map((result) => result.status)).toEqual(inputs.map((_, index) => (index < units ? 'ALLOCATED' : 'HELD')));
    const orders = await s.orders.getMany(results.map((result) => result.key));
    const seqs = orders.map((order) => order.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(await counters(s, 'A')).toMatchObject({ reserved: units, available: 0 });
  });

  it('of different sellers each go to their own seller', async () => {
    const one = store.forSeller(testSellerId('batchone'));
    const two = store.forSeller(testSellerId('batchtwo'));
    await seedCatalog(one, { stock: { A: 1 }, listings: { 'L-A': { A: 1 } } });
    await seedCatalog(two, { stock: { A: 0 }, listings: { 'L-A': { A: 1 } } });
    const input = orderInput([{ listingId: 'L-A', quantity: 1 }]);
    const [forOne, forTwo] = await Promise.all([one.orders.ingest(input), two.orders.ingest(input)]);
    expect(forOne).toMatchObject({ status: 'ALLOCATED', created: true });
    expect(forTwo).toMatchObject({ status: 'HELD', created: true });
  });
});
