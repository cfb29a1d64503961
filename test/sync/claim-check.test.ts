import { describe, expect, it } from 'vitest';
import { StoreError } from '../../server/store';
import { ClaimCheckError } from '../../server/sync';
import { orderInput } from '../support/store';
import { orderKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor } from './support/harness';

const harness = await startSyncHarness();
const { sandbox, store, server, seller } = harness;
const claimCheck = server.assembled.deps.claimCheck;

describe('the claim check before shipping', () => {
  it('records a cancel the buyer asked for after the last poll, so the order cannot ship', async () => {
    const shop = sandbox.account();
    const account = await harness.connect(shop);
    await stockSkus(harness, { CUP: 5 });
    const product = sandboxProduct(shop, [5], '유리컵');
    await harness.map(account.id, product.listingIds, [{ CUP: 1 }]);
    const placed = shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    const key = orderKeyOf(account.id, placed.orderId);
    await waitFor('the order confirmed', async () => (await store.orders.get(key))?.confirmed);
    await store.orders.markWaybillIssued([key], { waybillId: 'cc-1', carrier: 'cj', trackingNumber: '612345678901', dispatchNow: false });
    // No poll sees the cancel: the workers are stopped.
    await harness.stopSync();
    shop.requestClaim(placed.productOrderIds[0] ?? '', 'cancel');
    expect((await store.orders.get(key))?.claim).toBeNull();

    const manual = orderInput([{ listingId: 'L-none', quantity: 1 }]);
    await store.orders.ingest(manual);
    await claimCheck(seller.sellerId, [key, `manual:main:${manual.orderId}`]);
    expect(await store.orders.get(key)).toMatchObject({ state: 'WAYBILL_ISSUED', claim: { type: 'CANCEL', status: 'REQUESTED' } });
    const refusal = await store.orders.ship([key]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).code).toBe('CANCEL_REQUESTED');

    // A channel that cannot be asked stops the check, naming the account.
    sandbox.faults.inject({ kind: 'server', endpoint: 'product-orders/query', times: 20 });
    const failure = await claimCheck(seller.sellerId, [key]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClaimCheckError);
    expect((failure as ClaimCheckError).accounts).toEqual([account.id]);
    sandbox.faults.clear();
  });
});
