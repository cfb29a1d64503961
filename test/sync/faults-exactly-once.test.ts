import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../server/channels/smartstore/sandbox';
import { orderKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor } from './support/harness';

/**
 * One call in five fails, in every way the sandbox fails (refused before it is applied, or applied and then the
 * answer slow, cut short or lost), while the real workers poll, confirm, push stock and dispatch. Every order
 * is ingested once and every line is dispatched once, counted on the sandbox's side.
 */

const harness = await startSyncHarness({ timeoutMs: 300, sync: { pollIntervalMs: 100 } });
const { sandbox, store } = harness;

describe('the sync workers under 20% mixed faults', () => {
  it('ingest every sandbox order exactly once and get every dispatch applied exactly once', async () => {
    const shop = sandbox.account();
    const account = await harness.connect(shop);
    await stockSkus(harness, { RED: 500, BLUE: 500 });
    const product = sandboxProduct(shop, [0, 0], '양말');
    await harness.map(account.id, product.listingIds, [{ RED: 1 }, { BLUE: 1 }]);
    await waitFor('the first stock push', () => shop.stockOfListing(product.listingIds[0] ?? '') === 500 && shop.stockOfListing(product.listingIds[1] ?? '') === 500);

    const kinds = FAULT_KINDS.filter((kind) => kind !== 'ip_not_allowed' && kind !== 'unauthorized');
    sandbox.faults.randomly({ rate: 0.2, kinds: [...kinds], seed: 2026, delayMs: 1_000 });
    // Whatever the seed does, a dispatch and a confirm are applied and their answers lost.
    sandbox.faults.inject({ kind: 'applied_then_lost', endpoint: 'product-orders/dispatch' });
    sandbox.faults.inject({ kind: 'applied_then_lost', endpoint: 'product-orders/confirm' });

    const placed = [];
    for (let index = 0; index < 40; index += 1) {
      const lines = [{ originProductNo: product.originProductNo, optionId: product.optionIds[index % 2] ?? null, quantity: 1 + (index % 3) }];
      if (index % 4 === 0) lines.push({ originProductNo: product.originProductNo, optionId: product.optionIds[(index + 1) % 2] ?? null, quantity: 1 });
      placed.push(shop.placeOrder({ lines }));
      if (index % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const keys = placed.map((order) => orderKeyOf(account.id, order.orderId));
    await waitFor('every order confirmed', async () => (await store.orders.getMany(keys)).filter((order) => order.confirmed).length === keys.length, 60_000);

    let waybill = 0;
    for (const key of keys) {
      waybill += 1;
      await store.orders.markWaybillIssued([key], { waybillId: `f${waybill}`, carrier: 'cj', trackingNumber: `7${String(waybill).padStart(11, '0')}`, dispatchNow: false });
      await store.orders.ship([key]);
    }
    await waitFor('every tracking accepted', async () => (await store.orders.getMany(keys)).every((order) => order.tracking.status === 'accepted'), 60_000);
    await waitFor('the channel shows our figures', async () => {
      const skus = await store.catalog.getSkus(['RED', 'BLUE']);
      return shop.stockOfListing(product.listingIds[0] ?? '') === skus.get('RED')?.available && shop.stockOfListing(product.listingIds[1] ?? '') === skus.get('BLUE')?.available;
    }, 60_000);

    const created = new Map<string, number>();
    for (const event of harness.events) if (event.type === 'ingested' && event.created) created.set(event.key, (created.get(event.key) ?? 0) + 1);
    expect([...created.keys()].sort()).toEqual([...keys].sort());
    expect([...created.values()].every((count) => count === 1)).toBe(true);
    const stored = await store.orders.getMany(keys);
    expect(stored.flatMap((order) => order.lines.map((line) => line.lineId)).sort()).toEqual(placed.flatMap((order) => order.productOrderIds).sort());

    for (const order of placed) {
      for (const lineId of order.productOrderIds) {
        expect(shop.appliedDispatches(lineId), lineId).toBe(1);
        expect(shop.productOrder(lineId)).toMatchObject({ placeOrderStatus: 'OK', productOrderStatus: 'DELIVERING' });
      }
    }
    expect(shop.dispatchLog.filter((entry) => entry.result === 'ALREADY_DISPATCHED')).toEqual([]);
    // The mix really happened.
    expect(sandbox.faults.faults()).toBeGreaterThan(0.1 * sandbox.faults.requests());
    expect(sandbox.faults.faults('product-orders/dispatch', 'applied_then_lost')).toBeGreaterThan(0);
    for (const kind of ['rate_limit', 'server', 'timeout', 'malformed', 'applied_then_lost', 'slow'] as const) expect(sandbox.faults.faults(undefined, kind), kind).toBeGreaterThan(0);
    sandbox.faults.clear();
  });
});
