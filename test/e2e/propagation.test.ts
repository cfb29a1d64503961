import { describe, expect, it } from 'vitest';
import { orderKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor } from '../sync/support/harness';

const harness = await startSyncHarness();
const { sandbox, store } = harness;

describe('end to end', () => {
  it('the last unit sold on one SmartStore account disappears from the other', async () => {
    const a = sandbox.account();
    const b = sandbox.addAccount();
    const accountA = await harness.connect(a);
    const accountB = await harness.connect(b);
    await stockSkus(harness, { LAST: 1 });
    const onA = sandboxProduct(a, [0], '마지막 한 개');
    const onB = sandboxProduct(b, [0], '마지막 한 개');
    await harness.map(accountA.id, onA.listingIds, [{ LAST: 1 }]);
    await harness.map(accountB.id, onB.listingIds, [{ LAST: 1 }]);
    const listingA = onA.listingIds[0] ?? '';
    const listingB = onB.listingIds[0] ?? '';
    await waitFor('both listings show 1', () => a.stockOfListing(listingA) === 1 && b.stockOfListing(listingB) === 1);

    const placed = a.placeOrder({ lines: [{ originProductNo: onA.originProductNo, optionId: onA.optionIds[0] ?? null, quantity: 1 }] });
    await waitFor('B shows 0', () => b.stockOfListing(listingB) === 0);
    expect(a.stockOfListing(listingA)).toBe(0);
    const key = orderKeyOf(accountA.id, placed.orderId);
    expect(await store.orders.get(key)).toMatchObject({ state: 'ALLOCATED', allocation: { LAST: 1 } });
    expect(await store.catalog.getSku('LAST')).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    // A buyer on B now finds it sold out: the oversell is refused by the channel itself.
    expect(() => b.placeOrder({ lines: [{ originProductNo: onB.originProductNo, optionId: onB.optionIds[0] ?? null, quantity: 1 }] })).toThrow(/SOLD_OUT|in stock/);
    expect(harness.events.filter((event) => event.type === 'ingested' && event.created && event.key === key)).toHaveLength(1);
  });
});
