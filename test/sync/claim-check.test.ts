import { describe, expect, it } from 'vitest';
import { errorDetail, toHttpError } from '../../server/http/errors';
import { StoreError } from '../../server/store';
import { ClaimCheckError } from '../../server/sync';
import { orderInput } from '../support/store';
import { startSyncHarness, waitFor } from './support/harness';

const harness = await startSyncHarness();
const { sandbox, store, server, seller } = harness;
const claimCheck = server.assembled.deps.claimCheck;

describe('the claim check before shipping', () => {
  it('records a cancel the buyer asked for after the last poll, so the order cannot ship', async () => {
    const cups = await harness.listed(sandbox.account(), 'CUP', 5, '유리컵');
    const { key, lineId } = cups.order();
    await waitFor('the order confirmed', async () => (await store.orders.get(key))?.confirmed);
    await store.orders.markWaybillIssued([key], { waybillId: 'cc-1', carrier: 'cj', trackingNumber: '612345678901', dispatchNow: false });
    // No poll sees the cancel: the workers are stopped.
    await harness.stopSync();
    cups.shop.requestClaim(lineId, 'cancel');
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
    expect((failure as ClaimCheckError).accounts).toEqual([cups.account.id]);
    // Through the HTTP layer it is the channel's failure, not the caller's.
    expect(errorDetail(toHttpError(failure), 'en', 'r1')).toMatchObject({ code: 'CLAIM_CHECK_FAILED', details: { accounts: [cups.account.id] } });
    expect(toHttpError(failure).status).toBe(502);
    sandbox.faults.clear();
  });
});
