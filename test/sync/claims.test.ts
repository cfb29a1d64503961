import { describe, expect, it } from 'vitest';
import { StoreError } from '../../server/store';
import { orderKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor, type SyncHarness } from './support/harness';

const harness = await startSyncHarness();
const { sandbox, store } = harness;
const shop = sandbox.account();
const account = await harness.connect(shop);
await stockSkus(harness, { BAG: 20 });
const product = sandboxProduct(shop, [20], '에코백');
await harness.map(account.id, product.listingIds, [{ BAG: 1 }]);

async function confirmedOrder(h: SyncHarness, quantity: number) {
  const placed = shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity }] });
  const key = orderKeyOf(account.id, placed.orderId);
  const order = await waitFor('the order confirmed', async () => {
    const found = await h.store.orders.get(key);
    return found?.confirmed ? found : null;
  });
  return { key, lineId: placed.productOrderIds[0] ?? '', order };
}

async function shipped(key: string, waybill: number) {
  await store.orders.markWaybillIssued([key], { waybillId: `w${waybill}`, carrier: 'cj', trackingNumber: `6${String(waybill).padStart(11, '0')}`, dispatchNow: false });
  await store.orders.ship([key]);
}

describe('channel claims through the poller', () => {
  it('a cancel request blocks shipping and raises an alert; the completed cancel releases the reservation', async () => {
    const { key, lineId } = await confirmedOrder(harness, 2);
    const reservedBefore = (await store.catalog.getSku('BAG'))?.reserved ?? 0;
    shop.requestClaim(lineId, 'cancel');
    await waitFor('the cancel request', async () => (await store.orders.get(key))?.claim?.status === 'REQUESTED');
    expect(await store.alerts.get(`CANCEL_REQUESTED:${key}`)).not.toBeNull();
    const refusal = await store.orders.markWaybillIssued([key], { waybillId: 'blocked', carrier: 'cj', trackingNumber: '612345678901', dispatchNow: false }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).code).toBe('CANCEL_REQUESTED');

    shop.completeClaim(lineId, 'cancel');
    const cancelled = await waitFor('the cancel done', async () => {
      const order = await store.orders.get(key);
      return order?.state === 'CANCELLED' ? order : null;
    });
    expect(cancelled.claim).toMatchObject({ type: 'CANCEL', status: 'DONE', quantity: 2 });
    expect((await store.catalog.getSku('BAG'))?.reserved).toBe(reservedBefore - 2);
    expect(await store.alerts.get(`CANCEL_REQUESTED:${key}`)).toBeNull();
  });

  it('a partial cancel moves only its units', async () => {
    const { key, lineId } = await confirmedOrder(harness, 3);
    const reservedBefore = (await store.catalog.getSku('BAG'))?.reserved ?? 0;
    shop.requestClaim(lineId, 'cancel', { quantity: 1 });
    shop.completeClaim(lineId, 'cancel');
    const order = await waitFor('the partial cancel', async () => {
      const found = await store.orders.get(key);
      return found?.lines[0]?.cancelled === 1 ? found : null;
    });
    expect(order).toMatchObject({ state: 'ALLOCATED', lines: [{ quantity: 3, cancelled: 1 }], allocation: { BAG: 2 } });
    expect((await store.catalog.getSku('BAG'))?.reserved).toBe(reservedBefore - 1);
  });

  it('a cancel request on a shipped order only raises the intercept alert; stock does not move', async () => {
    // The seller's carrier code for CJ is one Naver refuses, so the line is still undispatched on the channel
    // when the buyer asks to cancel, while Sheetship already shipped it.
    await store.settings.patch({ channelCarrierCodes: { smartstore: { cj: 'NOPE' } } });
    try {
      const { key, lineId } = await confirmedOrder(harness, 1);
      await shipped(key, 1);
      const before = await store.catalog.getSku('BAG');
      shop.requestClaim(lineId, 'cancel');
      await waitFor('the intercept alert', () => store.alerts.get(`CANCEL_AFTER_SHIPMENT:${key}`));
      expect(await store.orders.get(key)).toMatchObject({ state: 'SHIPPED', claim: { type: 'CANCEL', status: 'REQUESTED' } });
      expect(await store.catalog.getSku('BAG')).toMatchObject({ onHand: before?.onHand, reserved: before?.reserved });
    } finally {
      await store.settings.patch({ channelCarrierCodes: { smartstore: { cj: null } } });
    }
  });

  it('a completed return restocks the returned units, and an exchange is recorded without moving stock', async () => {
    const returned = await confirmedOrder(harness, 2);
    const exchanged = await confirmedOrder(harness, 1);
    await shipped(returned.key, 2);
    await shipped(exchanged.key, 3);
    await waitFor('both dispatched', () => shop.productOrder(returned.lineId).productOrderStatus === 'DELIVERING' && shop.productOrder(exchanged.lineId).productOrderStatus === 'DELIVERING');
    const onHand = (await store.catalog.getSku('BAG'))?.onHand ?? 0;

    shop.requestClaim(returned.lineId, 'return', { quantity: 1 });
    shop.collect(returned.lineId, 'return');
    shop.completeClaim(returned.lineId, 'return');
    shop.requestClaim(exchanged.lineId, 'exchange');
    const order = await waitFor('the return done', async () => {
      const found = await store.orders.get(returned.key);
      return found?.lines[0]?.returned === 1 ? found : null;
    });
    expect(order).toMatchObject({ state: 'SHIPPED', claim: { type: 'RETURN', status: 'DONE', quantity: 1 } });
    expect((await store.catalog.getSku('BAG'))?.onHand).toBe(onHand + 1);
    const exchange = await waitFor('the exchange recorded', async () => {
      const found = await store.orders.get(exchanged.key);
      return found?.claim?.type === 'EXCHANGE' ? found : null;
    });
    expect(exchange).toMatchObject({ state: 'SHIPPED', claim: { status: 'REQUESTED' } });
    expect((await store.catalog.getSku('BAG'))?.onHand).toBe(onHand + 1);
  });
});
