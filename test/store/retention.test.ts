import { describe, expect, it } from 'vitest';
import { sellerKeys } from '../../server/store/keys';
import { counters, openTestStore, orderInput, seedCatalog, streamEntries, testSellerId } from '../support/store';

const store = await openTestStore();

/** Waits until Redis's clock has passed `ms`, so stream entries written next get later ids (ordering, not timing). */
async function redisClockPast(ms: number): Promise<void> {
  for (;;) {
    const [seconds, micros] = (await store.pool.pick().sendCommand(['TIME'])) as [string, string];
    if (Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) > ms) return;
  }
}

describe('retention', () => {
  it('folds old ledger entries into a base so base + entries still sum to every counter', async () => {
    const s = store.forSeller(testSellerId('trim'));
    const keys = sellerKeys(s.sellerId);
    await seedCatalog(s, { stock: { A: 10, B: 4 }, listings: { 'L-A': { A: 1 }, 'L-AB': { A: 1, B: 1 } } });
    await s.orders.ingest(orderInput([{ listingId: 'L-AB', quantity: 2 }]));
    await s.stock.adjust('A', 'safety', 1);
    const old = await s.stock.ledger({ limit: 1000 });
    const cutoff = Number(old.at(-1)!.id.split('-')[0]) + 1;
    await redisClockPast(cutoff);
    await s.orders.ingest(orderInput([{ listingId: 'L-A', quantity: 3 }]));
    const recent = (await s.stock.ledger({ limit: 1000 })).slice(old.length);

    // A small batch makes it take several rounds.
    expect(await s.stock.trim(new Date(cutoff), new Date(0), 2)).toEqual({ folded: old.length, outboxTrimmed: 0 });
    expect(await s.stock.ledger({ limit: 1000 })).toEqual(recent);
    for (const sku of ['A', 'B']) {
      const { onHand, reserved, safety, quarantine } = await counters(s, sku);
      expect(await s.stock.ledgerTotals(sku)).toEqual({ onHand, reserved, safety, quarantine });
    }
    expect(await store.pool.pick().hGetAll(keys.ledgerBase('B'))).toEqual({ dOnHand: '4', dReserved: '2', dSafety: '0', dQuarantine: '0' });
    // Nothing older is left: trimming again folds nothing.
    expect((await s.stock.trim(new Date(cutoff), new Date(0))).folded).toBe(0);
  });

  it('trims the outbox by age', async () => {
    const s = store.forSeller(testSellerId('trimout'));
    const keys = sellerKeys(s.sellerId);
    await seedCatalog(s, { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const old = await streamEntries(store, keys.outbox);
    expect(old.length).toBeGreaterThan(0);
    const cutoff = Number(old.at(-1)!.id.split('-')[0]) + 1;
    await redisClockPast(cutoff);
    await s.stock.adjust('A', 'inbound', 1);
    const recent = (await streamEntries(store, keys.outbox)).slice(old.length);
    expect(await s.stock.trim(new Date(0), new Date(cutoff))).toEqual({ folded: 0, outboxTrimmed: old.length });
    expect(await streamEntries(store, keys.outbox)).toEqual(recent);
    // The ledger was younger than its cut-off, so none of it went.
    expect((await s.stock.ledger({ limit: 1000 })).length).toBe(2);
  });
});

describe('outbox retention and consumer groups', () => {
  it('keeps every entry a group holds pending or has not read yet, and trims the rest', async () => {
    const s = store.forSeller(testSellerId('trimgrp'));
    const keys = sellerKeys(s.sellerId);
    const redis = store.pool.pick();
    await seedCatalog(s, { stock: { A: 1, B: 1, C: 1, D: 1 } });
    const ids = (await streamEntries(store, keys.outbox)).map((entry) => entry.id);
    expect(ids.length).toBe(4);
    const everything = new Date(Date.now() + 60_000);
    await redis.xGroupCreate(keys.outbox, 'slow', '0');
    await redis.xGroupCreate(keys.outbox, 'fast', '0');
    // `fast` has done everything; `slow` read two entries and acknowledged only the first.
    await redis.xReadGroup('fast', 'f1', { key: keys.outbox, id: '>' }, { COUNT: 100 });
    await redis.xAck(keys.outbox, 'fast', ids);
    await redis.xReadGroup('slow', 's1', { key: keys.outbox, id: '>' }, { COUNT: 2 });
    await redis.xAck(keys.outbox, 'slow', [ids[0]!]);

    expect((await s.stock.trim(new Date(0), everything)).outboxTrimmed).toBe(1);
    expect((await streamEntries(store, keys.outbox)).map((entry) => entry.id)).toEqual(ids.slice(1));
    // The pending entry can still be claimed with its content (a trimmed one would come back empty).
    const claimed = await redis.xAutoClaim(keys.outbox, 'slow', 's2', 0, '0-0');
    expect(claimed.messages.map((entry) => entry?.id)).toEqual([ids[1]]);
    expect(claimed.messages[0]?.message).toMatchObject({ type: 'stock', sku: 'B' });

    // Acknowledged: only what `slow` has not read yet stays.
    await redis.xAck(keys.outbox, 'slow', [ids[1]!]);
    expect((await s.stock.trim(new Date(0), everything)).outboxTrimmed).toBe(1);
    expect((await streamEntries(store, keys.outbox)).map((entry) => entry.id)).toEqual(ids.slice(2));

    await redis.xReadGroup('slow', 's1', { key: keys.outbox, id: '>' }, { COUNT: 100 });
    await redis.xAck(keys.outbox, 'slow', ids);
    expect((await s.stock.trim(new Date(0), everything)).outboxTrimmed).toBe(2);
    expect(await redis.xLen(keys.outbox)).toBe(0);
  });
});
