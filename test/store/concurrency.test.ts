import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../server/store';
import type { OrderInput } from '../../shared/order';
import { openTestStore, orderInput, seedCatalog, testRedisUrl, testSellerId } from '../support/store';

const CONNECTIONS = 4;
const ORDERS = 2000;
const UNITS = 100;
const LISTINGS: Record<string, Record<string, number>> = {
  'L-A': { A: 1 },
  'L-B': { B: 1 },
  'L-C': { C: 1 },
  'L-AB': { A: 1, B: 1 },
  'L-BC': { B: 2, C: 1 },
  'L-ABC': { A: 1, B: 1, C: 1 },
};
const LISTING_IDS = Object.keys(LISTINGS);

// Four separate connections: four stores of one connection each.
const stores = await Promise.all(Array.from({ length: CONNECTIONS }, () => Store.open(testRedisUrl(), { connections: 1 })));
const reader = await openTestStore();
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
});

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function needsOf(input: OrderInput): Record<string, number> {
  const needs: Record<string, number> = {};
  for (const line of input.lines) for (const [sku, qty] of Object.entries(LISTINGS[line.listingId]!)) needs[sku] = (needs[sku] ?? 0) + qty * line.quantity;
  return needs;
}

describe('concurrent ingestion', () => {
  it('never oversells: 2,000 orders over 4 connections against 100 units, with shared set components', async () => {
    const sellerId = testSellerId('concurrent');
    await seedCatalog(reader.forSeller(sellerId), { stock: { A: UNITS, B: UNITS, C: UNITS }, listings: LISTINGS });
    const random = lcg(20250301);
    const inputs = Array.from({ length: ORDERS }, (_, index) => {
      const lineCount = 1 + Math.floor(random() * 2);
      return orderInput(
        Array.from({ length: lineCount }, () => ({ listingId: LISTING_IDS[Math.floor(random() * LISTING_IDS.length)]!, quantity: 1 + Math.floor(random() * 2) })),
        { orderId: `c${index}` },
      );
    });
    const sellers = stores.map((store) => store.forSeller(sellerId));
    const results = await Promise.all(inputs.map((input, index) => sellers[index % CONNECTIONS]!.orders.ingest(input)));

    const s = reader.forSeller(sellerId);
    const allocatedNeeds: Record<string, number> = { A: 0, B: 0, C: 0 };
    const heldNeeds: Record<string, number>[] = [];
    const orders = await s.orders.getMany(results.map((result) => result.key));
    expect(orders).toHaveLength(ORDERS);
    orders.forEach((order, index) => {
      const needs = needsOf(inputs[index]!);
      expect(results[index]!.status).toBe(order.state);
      if (order.state === 'ALLOCATED') {
        expect(order.allocation).toEqual(needs);
        for (const [sku, units] of Object.entries(needs)) allocatedNeeds[sku]! += units;
      } else {
        expect(order).toMatchObject({ state: 'HELD', heldReason: 'OUT_OF_STOCK', allocation: {} });
        heldNeeds.push(needs);
      }
    });

    for (const sku of ['A', 'B', 'C']) {
      const counters = (await s.catalog.getSku(sku))!;
      expect(counters.onHand).toBe(UNITS);
      expect(counters.reserved).toBe(allocatedNeeds[sku]);
      expect(counters.reserved).toBeLessThanOrEqual(UNITS);
      expect(await s.stock.ledgerTotals(sku)).toEqual({ onHand: counters.onHand, reserved: counters.reserved, safety: 0, quarantine: 0 });
    }
    // Stock only went down during the run, so every order held for stock still does not fit: nothing that
    // could have been allocated was turned away.
    const available = Object.fromEntries(await Promise.all(['A', 'B', 'C'].map(async (sku) => [sku, (await s.catalog.getSku(sku))!.available] as const)));
    for (const needs of heldNeeds) expect(Object.entries(needs).some(([sku, units]) => units > available[sku]!)).toBe(true);
    // The run was contended: most of the stock went, and most orders had to wait.
    expect(heldNeeds.length).toBeGreaterThan(ORDERS / 2);
    expect(Object.values(allocatedNeeds).reduce((a, b) => a + b, 0)).toBeGreaterThan(2.5 * UNITS);
    // At most 300 units are reserved, so at most 300 reserve entries plus 3 inbounds: one page holds them.
    const reserveEntries = (await s.stock.ledger({ limit: 1000 })).filter((entry) => entry.kind === 'reserve');
    expect(reserveEntries).toHaveLength(orders.filter((order) => order.state === 'ALLOCATED').reduce((sum, order) => sum + Object.keys(order.allocation).length, 0));
  });
});
