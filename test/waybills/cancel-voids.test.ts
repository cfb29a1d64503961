import { describe, expect, it } from 'vitest';
import { ListWaybillsResponseSchema, type Waybill } from '../../shared/api/waybills';
import { OrderResponseSchema } from '../../shared/api/orders';
import { waitFor } from '../sync/support/harness';
import type { TestSeller } from '../http/support/harness';
import { alerts, applied, call, getOrder, issue, postOrders, shippingSeller, startShippingServer, type ShippingServer } from './support/harness';

// A cancel through the API voids the order's waybills: the CJ booking is cancelled (CnclBook), the waybill is
// marked voided, and nothing of it stays live. The worker retries what the carrier could not take at once.
const server = await startShippingServer({ shipping: { voidRetryBaseMs: 50, voidRetryMaxMs: 200, voidAlertAfter: 3 }, voidWorkerMs: 50 });
const cjSeller = () => shippingSeller(server, { waybillSources: { cj: 'cj' } });

async function waybillsOf(target: ShippingServer, seller: TestSeller, key: string): Promise<Waybill[]> {
  const answer = await call(target, 'GET', `/v1/waybills?orderKey=${encodeURIComponent(key)}`, { key: seller.key });
  expect(answer.status, answer.text).toBe(200);
  return ListWaybillsResponseSchema.parse(answer.body).waybills;
}

async function cancel(seller: TestSeller, key: string, reason = '고객 변심') {
  const answer = await call(server, 'POST', `/v1/orders/${encodeURIComponent(key)}/cancel`, { key: seller.key, body: { reason } });
  expect(answer.status, answer.text).toBe(200);
  return OrderResponseSchema.parse(answer.body).order;
}

describe('cancelling an order with a waybill through the API', () => {
  it('cancels the CJ booking and voids the waybill before answering', async () => {
    const seller = await cjSeller();
    const [key = ''] = await postOrders(server, seller, [{ id: 'api-cj', quantity: 2 }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }], }))[0]).waybills;
    const number = waybill?.trackingNumber ?? '';
    expect(server.cj.state.liveBookingCount(number)).toBe(1);

    const order = await cancel(seller, key);
    expect(order).toMatchObject({ state: 'CANCELLED', allocation: {} });
    expect(order.waybillIds ?? []).toEqual([]);
    expect(server.cj.state.liveBookingCount(number)).toBe(0);
    expect(await waybillsOf(server, seller, key)).toEqual([expect.objectContaining({ id: waybill?.id, voided: true })]);
    // The old label is refused as voided at the scanner.
    const scan = await call(server, 'POST', '/v1/scans', { key: seller.key, body: { code: number, mode: 'ship' } });
    expect(scan.body).toMatchObject({ result: 'refused', reason: 'VOIDED' });
  });

  it('voids a range waybill of a cancelled order, every box of it', async () => {
    const seller = await shippingSeller(server);
    expect((await call(server, 'PUT', '/v1/waybill-ranges/lotte', { key: seller.key, body: { first: '30000000001', last: '30000000100' } })).status).toBe(200);
    const [key = ''] = await postOrders(server, seller, [{ id: 'api-range' }]);
    const boxes = applied((await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [key], packages: 2 }] }))[0]).waybills;
    expect(boxes).toHaveLength(2);
    await cancel(seller, key);
    const after = await waybillsOf(server, seller, key);
    expect(after.map((waybill) => waybill.voided)).toEqual([true, true]);
  });

  it('합포장: cancelling one order voids the shared waybill; the other order goes back to ALLOCATED and is issued again', async () => {
    const seller = await cjSeller();
    const [gone = '', stays = ''] = await postOrders(server, seller, [{ id: 'pack-gone' }, { id: 'pack-stays', sku: 'B' }]);
    const [shared] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [gone, stays] }] }))[0]).waybills;
    const oldNumber = shared?.trackingNumber ?? '';

    await cancel(seller, gone);
    expect(server.cj.state.liveBookingCount(oldNumber)).toBe(0);
    const remaining = await getOrder(server, seller, stays);
    expect(remaining).toMatchObject({ state: 'ALLOCATED', tracking: { status: 'none' }, allocation: { B: 1 } });
    expect(remaining.waybillIds ?? []).toEqual([]);

    const [fresh] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [stays] }] }))[0]).waybills;
    expect(fresh?.trackingNumber).not.toBe(oldNumber);
    expect(fresh?.orderKeys).toEqual([stays]);
    expect(server.cj.state.liveBookingCount(fresh?.trackingNumber ?? '')).toBe(1);
  });

  it('합포장 one of whose orders has shipped: cancelling the other does not void the box that left', async () => {
    const seller = await cjSeller();
    const [left = '', cancelled = ''] = await postOrders(server, seller, [{ id: 'part-left' }, { id: 'part-cancelled', sku: 'B' }]);
    const [shared] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [left, cancelled] }] }))[0]).waybills;
    const orders = server.store.forSeller(seller.sellerId, 'test').orders;
    // The store ships whatever orders it is given, so one order of a parcel can be out while the other is not.
    await orders.ship([left]);
    await orders.cancel(cancelled, 'buyer');
    await waitFor('the void dropped as moot', async () => (await server.assembled.deps.shipping.waybills(seller.sellerId, 'test').pendingVoids()).length === 0);
    expect(server.cj.state.liveBookingCount(shared?.trackingNumber ?? '')).toBe(1);
    expect((await getOrder(server, seller, left)).state).toBe('SHIPPED');
  });

  it('carrier down: the void is kept, retried, alerted as WAYBILL_VOID_FAILED, and done once CJ answers again', async () => {
    const seller = await cjSeller();
    const [key = ''] = await postOrders(server, seller, [{ id: 'api-down' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    const number = waybill?.trackingNumber ?? '';
    server.cj.control.inject({ kind: 'http5xx', endpoint: 'CnclBook', times: 1_000 });
    try {
      expect(await cancel(seller, key)).toMatchObject({ state: 'CANCELLED' });
      expect(server.cj.state.liveBookingCount(number)).toBe(1);
      const alert = await waitFor('the void-failed alert', async () => (await alerts(server, seller)).find((found) => found.type === 'WAYBILL_VOID_FAILED'));
      expect(alert).toMatchObject({ severity: 'critical', subject: number, detail: { waybillId: waybill?.id, carrier: 'cj', orderKeys: key } });
      expect(Number(alert.detail.attempts)).toBeGreaterThanOrEqual(3);
      expect((await waybillsOf(server, seller, key))[0]?.voided).toBe(false);
    } finally {
      server.cj.control.clearFaults();
    }
    await waitFor('the waybill voided after CJ is back', async () => (await waybillsOf(server, seller, key))[0]?.voided === true);
    expect(server.cj.state.liveBookingCount(number)).toBe(0);
    expect((await alerts(server, seller)).some((found) => found.type === 'WAYBILL_VOID_FAILED')).toBe(false);
  });

  it('a parcel the driver already picked up stays alerted (intercept it) and the order stays cancelled', async () => {
    const seller = await cjSeller();
    const [key = ''] = await postOrders(server, seller, [{ id: 'api-picked' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    server.cj.control.markPickedUp({ invoiceNo: waybill?.trackingNumber ?? '' });
    expect(await cancel(seller, key)).toMatchObject({ state: 'CANCELLED' });
    const alert = (await alerts(server, seller)).find((found) => found.type === 'WAYBILL_VOID_FAILED');
    expect(alert).toMatchObject({ subject: waybill?.trackingNumber, detail: { code: 'PICKED_UP' } });
  });
});
