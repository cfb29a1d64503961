import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/http/assemble';
import { sellerKeys } from '../../server/store/keys';
import { startRetentionWorker } from '../../server/retention/worker';
import { counters, keyOf, openTestStore, orderInput, seedCatalog, sellerDump, testSellerId, waybill } from '../support/store';

const DAY = 24 * 3_600_000;
// Orders are written now; the worker's store lives 100 days later, past every retention below.
const today = await openTestStore();
const later = await openTestStore({ clock: () => new Date(Date.now() + 100 * DAY) });

async function until<T>(what: string, check: () => Promise<T | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function shippedOrder(sellerId: string, name: string, phone: string): Promise<string> {
  const s = today.forSeller(sellerId);
  const input = orderInput([{ listingId: 'L-A', quantity: 1 }], { receiver: { name, phone, zip: '04321', address1: '서울 어딘가 1', address2: '2층' } });
  await s.orders.ingest(input);
  await s.orders.markWaybillIssued([keyOf(input)], waybill(`w-${input.orderId}`));
  await s.orders.ship([keyOf(input)]);
  return keyOf(input);
}

describe('retention worker', () => {
  it('trims, erases and keeps doing so every interval for every seller, with counts in logs and metrics only', async () => {
    const sellerIds = [testSellerId('retw1'), testSellerId('retw2')];
    for (const id of sellerIds) await seedCatalog(today.forSeller(id), { stock: { A: 10 }, listings: { 'L-A': { A: 1 } } });
    const first = await shippedOrder(sellerIds[0]!, '워커고객', '010-2468-1357');
    // A consumer group read the first outbox entry of seller 2 and never acknowledged it.
    const outbox = sellerKeys(sellerIds[1]!).outbox;
    const redis = today.pool.pick();
    await redis.xGroupCreate(outbox, 'sync', '0');
    const [pending] = (await redis.xReadGroup('sync', 'gone', { key: outbox, id: '>' }, { COUNT: 1 })) ?? [];
    const pendingId = pending?.messages[0]?.id ?? '';

    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
    const registry = new Registry();
    const worker = startRetentionWorker({
      store: later,
      sellerIds: async () => sellerIds,
      policy: { ledgerMs: 90 * DAY, outboxMs: 7 * DAY, piiMs: 90 * DAY },
      intervalMs: 50,
      logger,
      registry,
    });
    try {
      const s1 = today.forSeller(sellerIds[0]!);
      await until('the first order erased', async () => (await s1.orders.require(first)).piiErasedAt ?? false);
      await until('the ledgers folded', async () => (await redis.xLen(sellerKeys(sellerIds[0]!).ledger)) === 0 && (await redis.xLen(sellerKeys(sellerIds[1]!).ledger)) === 0);
      const { onHand, reserved, safety, quarantine } = await counters(s1, 'A');
      expect(await s1.stock.ledgerTotals('A')).toEqual({ onHand, reserved, safety, quarantine });
      // Seller 1 has no consumer group: its outbox went; seller 2's pending entry and what follows it stay.
      expect(await redis.xLen(sellerKeys(sellerIds[0]!).outbox)).toBe(0);
      const kept = (await redis.xRange(outbox, '-', '+')) ?? [];
      expect(kept[0]?.id).toBe(pendingId);
      expect(kept.length).toBeGreaterThan(0);

      // A later round finds an order that closed after the first one.
      const second = await shippedOrder(sellerIds[0]!, '다음고객', '010-1357-2468');
      await until('the second order erased', async () => (await s1.orders.require(second)).piiErasedAt ?? false);
    } finally {
      await worker.stop();
    }

    const dump = JSON.stringify(await sellerDump(today, sellerIds[0]!));
    for (const gone of ['워커고객', '010-2468-1357', '다음고객', '010-1357-2468']) expect(dump).not.toContain(gone);
    const metrics = await registry.getSingleMetricAsString('sheetship_retention_items_total');
    expect(metrics).toContain('sheetship_retention_items_total{kind="orders_erased"} 2');
    expect(metrics).toMatch(/kind="ledger_folded"} [1-9]/);
    expect(metrics).toMatch(/kind="outbox_trimmed"} [1-9]/);
    logger.flush();
    const log = lines.join('');
    expect(log).toContain('"msg":"retention applied"');
    expect(log).toContain('"msg":"retention round done"');
    expect(log).not.toContain('워커고객');
    expect(log).not.toContain('010-2468-1357');
  });

  it('shares the work when two instances run it at once: every order erased once, the ledger still explains the counters', async () => {
    const sellerId = testSellerId('retwboth');
    await seedCatalog(today.forSeller(sellerId), { stock: { A: 50 }, listings: { 'L-A': { A: 1 } } });
    const keys: string[] = [];
    for (let i = 0; i < 12; i++) keys.push(await shippedOrder(sellerId, `동시고객${i}`, `010-4000-${String(1000 + i)}`));
    const silent = createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() }));
    const registries = [new Registry(), new Registry()];
    const other = await openTestStore({ clock: () => new Date(Date.now() + 100 * DAY) });
    const workers = [later, other].map((store, i) =>
      startRetentionWorker({ store, sellerIds: async () => [sellerId], policy: { ledgerMs: 90 * DAY, outboxMs: 7 * DAY, piiMs: 90 * DAY }, intervalMs: 20, logger: silent, registry: registries[i]! }),
    );
    const s = today.forSeller(sellerId);
    try {
      await until('every order erased', async () => (await s.orders.getMany(keys)).every((order) => order.piiErasedAt));
      await until('the ledger folded', async () => (await today.pool.pick().xLen(sellerKeys(sellerId).ledger)) === 0);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const erasedBy = await Promise.all(registries.map(async (registry) => (await registry.getSingleMetric('sheetship_retention_items_total')?.get())?.values.find((value) => value.labels.kind === 'orders_erased')?.value ?? 0));
    expect(erasedBy[0]! + erasedBy[1]!).toBe(12);
    const { onHand, reserved, safety, quarantine } = await counters(s, 'A');
    expect({ onHand, reserved }).toEqual({ onHand: 38, reserved: 0 });
    expect(await s.stock.ledgerTotals('A')).toEqual({ onHand, reserved, safety, quarantine });
    expect(JSON.stringify(await sellerDump(today, sellerId))).not.toContain('동시고객');
  });
});
