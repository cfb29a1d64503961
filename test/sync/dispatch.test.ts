import { describe, expect, it } from 'vitest';
import { sellerKeys } from '../../server/store/keys';
import { orderInput } from '../support/store';
import { orderKeyOf, sandboxProduct, startSyncHarness, stockSkus, waitFor } from './support/harness';

const harness = await startSyncHarness();
const { sandbox, store } = harness;
const shop = sandbox.account();
const account = await harness.connect(shop);
const quiet = sandbox.addAccount();
const manualConfirm = await harness.connect(quiet, { autoConfirm: false });
await stockSkus(harness, { PEN: 50 });
const product = sandboxProduct(shop, [50], '만년필');
const quietProduct = sandboxProduct(quiet, [50], '만년필');
await harness.map(account.id, product.listingIds, [{ PEN: 1 }]);
await harness.map(manualConfirm.id, quietProduct.listingIds, [{ PEN: 1 }]);

let waybills = 0;

async function ingested(on = shop, accountId = account.id, listing = product, confirmed = true) {
  const placed = on.placeOrder({ lines: [{ originProductNo: listing.originProductNo, optionId: listing.optionIds[0] ?? null, quantity: 1 }] });
  const key = orderKeyOf(accountId, placed.orderId);
  await waitFor('the order', async () => {
    const order = await store.orders.get(key);
    return order && order.state === 'ALLOCATED' && (!confirmed || order.confirmed);
  });
  return { key, lineId: placed.productOrderIds[0] ?? '' };
}

function waybill(carrier = 'cj', dispatchNow = false) {
  waybills += 1;
  return { waybillId: `d${waybills}`, carrier, trackingNumber: `5${String(waybills).padStart(11, '0')}`, dispatchNow };
}

async function ship(key: string, attachment = waybill()) {
  await store.orders.markWaybillIssued([key], attachment);
  await store.orders.ship([key]);
  return attachment;
}

describe('tracking dispatch', () => {
  it('registers the tracking number of a shipped order once, with the carrier code from the shared table', async () => {
    const { key, lineId } = await ingested();
    const sent = await ship(key);
    const order = await waitFor('accepted', async () => {
      const found = await store.orders.get(key);
      return found?.tracking.status === 'accepted' ? found : null;
    });
    expect(order.tracking).toMatchObject({ trackingNumber: sent.trackingNumber, lines: [{ lineId, status: 'accepted' }] });
    expect(shop.productOrder(lineId)).toMatchObject({ productOrderStatus: 'DELIVERING', delivery: { deliveryCompany: 'CJGLS', trackingNumber: sent.trackingNumber } });
    expect(shop.appliedDispatches(lineId)).toBe(1);
  });

  it("keeps the channel's refusal, raises 송장 누락 when it persists, and registers once the seller fixes the carrier code", async () => {
    await store.settings.patch({ channelCarrierCodes: { smartstore: { cj: 'NOPE' } } });
    const { key, lineId } = await ingested();
    await ship(key);
    const alert = await waitFor('TRACKING_MISSING', () => store.alerts.get(`TRACKING_MISSING:${key}`));
    expect(alert.detail).toMatchObject({ orderKey: key, message: '유효하지 않은 택배사 코드입니다. (NOPE)' });
    expect(await store.orders.get(key)).toMatchObject({ tracking: { status: 'rejected', message: '유효하지 않은 택배사 코드입니다. (NOPE)', lines: [{ lineId, status: 'rejected' }] } });

    // The seller's override for this mall: a code the channel knows.
    await store.settings.patch({ channelCarrierCodes: { smartstore: { cj: 'CH1' } } });
    await waitFor('accepted after the fix', async () => (await store.orders.get(key))?.tracking.status === 'accepted');
    expect(await store.alerts.get(`TRACKING_MISSING:${key}`)).toBeNull();
    expect(shop.productOrder(lineId).delivery).toMatchObject({ deliveryCompany: 'CH1' });
    await store.settings.patch({ channelCarrierCodes: { smartstore: { cj: null } } });
  });

  it('an account Naver refuses by IP raises CHANNEL_ERROR and waits as the poller does, instead of asking every few seconds', async () => {
    const { key } = await ingested();
    sandbox.faults.inject({ kind: 'ip_not_allowed', endpoint: 'product-orders/dispatch', times: 1 });
    const before = Date.now();
    await ship(key);
    const alert = await waitFor('CHANNEL_ERROR', () => store.alerts.get(`CHANNEL_ERROR:smartstore:${account.id}`));
    expect(alert).toMatchObject({ severity: 'critical', detail: { account: account.id, kind: 'ip_not_allowed' } });
    expect((await store.orders.get(key))?.tracking.status).toBe('pending');
    const due = await harness.server.store.pool.pick().zScore(sellerKeys(harness.seller.sellerId).syncDispatchRetry, key);
    // The poller's wait for a blocked account (10 minutes by default), not the 5 s dispatch backoff.
    expect(due).toBeGreaterThanOrEqual(before + 10 * 60_000);
    sandbox.faults.clear();
  });

  it('pre-registers at waybill issuance when the seller asks for it (가배송)', async () => {
    const { key, lineId } = await ingested();
    const attachment = waybill('hanjin', true);
    attachment.trackingNumber = '123456789012';
    await store.orders.markWaybillIssued([key], attachment);
    await waitFor('accepted before shipping', async () => (await store.orders.get(key))?.tracking.status === 'accepted');
    expect(await store.orders.get(key)).toMatchObject({ state: 'WAYBILL_ISSUED' });
    expect(shop.productOrder(lineId).delivery).toMatchObject({ deliveryCompany: 'HANJIN', trackingNumber: '123456789012' });
  });

  it('confirms an order the seller never confirmed before dispatching it', async () => {
    const { key, lineId } = await ingested(quiet, manualConfirm.id, quietProduct, false);
    expect(quiet.productOrder(lineId).placeOrderStatus).toBe('NOT_YET');
    await ship(key);
    await waitFor('accepted', async () => (await store.orders.get(key))?.tracking.status === 'accepted');
    expect(quiet.productOrder(lineId)).toMatchObject({ placeOrderStatus: 'OK', productOrderStatus: 'DELIVERING' });
    expect(await store.orders.get(key)).toMatchObject({ confirmed: true });
  });

  it('leaves orders of file channels, and of accounts it is not connected to, to the seller', async () => {
    await store.catalog.upsertListings([
      { channel: 'manual', account: 'main', listingId: 'PEN-M', components: [{ sku: 'PEN', qty: 1 }] },
      { channel: 'smartstore', account: 'elsewhere', listingId: 'PEN-X', components: [{ sku: 'PEN', qty: 1 }] },
    ]);
    const manual = orderInput([{ listingId: 'PEN-M', quantity: 1 }]);
    const foreign = orderInput([{ listingId: 'PEN-X', quantity: 1 }], { channel: 'smartstore', account: 'elsewhere' });
    await store.orders.ingest(manual);
    await store.orders.ingest(foreign);
    const keys = [`manual:main:${manual.orderId}`, `smartstore:elsewhere:${foreign.orderId}`];
    for (const key of keys) await ship(key);
    // A later order of the connected account is dispatched: the worker went past both.
    const { key } = await ingested();
    await ship(key);
    await waitFor('the later order accepted', async () => (await store.orders.get(key))?.tracking.status === 'accepted');
    for (const order of await store.orders.getMany(keys)) expect(order.tracking.status).toBe('pending');
  });
});
