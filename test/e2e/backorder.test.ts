import { describe, expect, it } from 'vitest';
import { call } from '../http/support/harness';
import { orderKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor } from '../sync/support/harness';

const harness = await startSyncHarness();
const { sandbox, store, server, seller } = harness;

describe('shortage and backorder', () => {
  it('holds the order stock cannot cover, allocates it when stock arrives, and the channels see the new figures', async () => {
    const a = sandbox.account();
    const b = sandbox.addAccount();
    await harness.stopSync();
    const accountA = await harness.connect(a);
    const accountB = await harness.connect(b);
    await stockSkus(harness, { LAMP: 1 });
    // The channel still shows yesterday's 3 lamps, and buyers take them before Sheetship pushed anything.
    const onA = sandboxProduct(a, [3], '조명');
    const onB = sandboxProduct(b, [3], '조명');
    await harness.map(accountA.id, onA.listingIds, [{ LAMP: 1 }]);
    await harness.map(accountB.id, onB.listingIds, [{ LAMP: 1 }]);
    const line = { originProductNo: onA.originProductNo, optionId: onA.optionIds[0] ?? null };
    const first = a.placeOrder({ lines: [{ ...line, quantity: 1 }], at: Date.now() - 2_000 });
    const second = a.placeOrder({ lines: [{ ...line, quantity: 2 }], at: Date.now() - 1_000 });
    const firstKey = orderKeyOf(accountA.id, first.orderId);
    const secondKey = orderKeyOf(accountA.id, second.orderId);

    harness.startSync();
    await waitFor('both ingested', async () => (await store.orders.getMany([firstKey, secondKey])).length === 2);
    expect(await store.orders.get(firstKey)).toMatchObject({ state: 'ALLOCATED' });
    expect(await store.orders.get(secondKey)).toMatchObject({ state: 'HELD', heldReason: 'OUT_OF_STOCK', heldDetail: 'LAMP', confirmed: false });
    expect(await store.alerts.get(`HELD_ORDER:${secondKey}`)).not.toBeNull();
    await waitFor('both channels show 0', () => a.stockOfListing(onA.listingIds[0] ?? '') === 0 && b.stockOfListing(onB.listingIds[0] ?? '') === 0);

    const inbound = await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'LAMP', kind: 'inbound', quantity: 5 }] } });
    expect(inbound.status, inbound.text).toBe(200);
    expect(inbound.body).toMatchObject({ results: [{ result: 'applied', heldOrders: [] }] });
    const allocated = await waitFor('the held order allocated and confirmed', async () => {
      const order = await store.orders.get(secondKey);
      return order?.state === 'ALLOCATED' && order.confirmed ? order : null;
    });
    expect(allocated.allocation).toEqual({ LAMP: 2 });
    expect(await store.alerts.get(`HELD_ORDER:${secondKey}`)).toBeNull();
    expect(await store.catalog.getSku('LAMP')).toMatchObject({ onHand: 6, reserved: 3, available: 3 });
    await waitFor('both channels show 3', () => a.stockOfListing(onA.listingIds[0] ?? '') === 3 && b.stockOfListing(onB.listingIds[0] ?? '') === 3);
    expect(a.productOrder(second.productOrderIds[0] ?? '').placeOrderStatus).toBe('OK');
  });
});
