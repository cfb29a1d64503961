import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { ListOrdersResponseSchema } from '../../shared/api/orders';
import { LabelsResponseSchema, ListWaybillsResponseSchema, ScanResponseSchema } from '../../shared/api/waybills';
import { sellerDump } from '../support/store';
import { runDueVoids } from '../../server/waybills/void-queue';
import type { TestSeller } from '../http/support/harness';
import { applied, call, getOrder, issue, postOrders, RECEIVER, shippingSeller, startShippingServer } from '../waybills/support/harness';

const server = await startShippingServer();
const OLD = { name: '지울고객', phone: '010-8642-9753', zip: '13579', address1: '부산 해운대구 지울로 77', address2: '지울동 1203호' };
const OPEN = { ...RECEIVER, name: '남길고객', phone: '010-7531-8642' };

async function scan(seller: TestSeller, code: string, mode: 'ship' | 'verify') {
  const answer = await call(server, 'POST', '/v1/scans', { key: seller.key, body: { code, mode, station: '1번' } });
  expect(answer.status, answer.text).toBe(200);
  return ScanResponseSchema.parse(answer.body);
}

describe('buyer data erasure after shipping', () => {
  it('leaves no trace of the buyer in any key of the seller, keeps the order usable, and keeps an open order whole', async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [old, open] = await postOrders(server, seller, [
      { id: 'gone', receiver: OLD, message: '지울메모 경비실에 맡겨주세요' },
      { id: 'kept', receiver: OPEN },
    ]);
    const oldKey = old ?? '';
    const [box] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [oldKey] }] }))[0]).waybills;
    const number = box?.trackingNumber ?? '';
    const link = LabelsResponseSchema.parse((await call(server, 'POST', '/v1/labels', { key: seller.key, body: { orderKeys: [oldKey] } })).body);
    expect(await scan(seller, number, 'verify')).toMatchObject({ result: 'verified', remaining: 1 });
    expect(await scan(seller, '880A', 'verify')).toMatchObject({ result: 'verified', packed: true });
    expect(await scan(seller, number, 'ship')).toMatchObject({ result: 'shipped', orderKeys: [oldKey] });
    // An alert whose text quotes the buyer, as a channel's refusal might.
    await server.store.forSeller(seller.sellerId).alerts.raise('TRACKING_MISSING', 'critical', oldKey, { orderKey: oldKey, message: `수취인 ${OLD.name} (${OLD.phone}) 확인 필요`, code: 'X', attempts: 1 });
    const before = JSON.stringify(await sellerDump(server.store, seller.sellerId));
    // The CJ booking on the waybill holds the receiver, split as CJ wants it.
    expect(before).toContain(OLD.name);
    expect(before).toContain('"RCVR_TEL_NO2\\":\\"8642');
    // CJ's short address (주소약칭) on the waybill is a piece of the address.
    expect(before).toContain('"shortAddress\\":\\"지울로');

    expect(await server.store.forSeller(seller.sellerId).privacy.erase(new Date(Date.now() + 1))).toBe(1);

    const after = JSON.stringify(await sellerDump(server.store, seller.sellerId));
    for (const gone of [OLD.name, OLD.phone, OLD.phone.replace(/\D/g, ''), OLD.address1, OLD.address2, '지울로', '지울메모', 'RCVR_']) expect(after).not.toContain(gone);
    for (const kept of [OPEN.name, OPEN.phone]) expect(after).toContain(kept);

    const order = await getOrder(server, seller, oldKey);
    expect(order).toMatchObject({ state: 'SHIPPED', receiver: { name: '', phone: '', zip: '', address1: '', address2: '' }, piiErasedAt: expect.any(String), waybillIds: [box?.id], tracking: { trackingNumber: number } });
    expect(order.message).toBeUndefined();
    expect(await getOrder(server, seller, open ?? '')).toMatchObject({ state: 'ALLOCATED', receiver: OPEN });
    const listed = await call(server, 'GET', '/v1/orders', { key: seller.key });
    expect(listed.status, listed.text).toBe(200);
    expect(ListOrdersResponseSchema.parse(listed.body).orders.map((listedOrder) => listedOrder.key)).toContain(oldKey);
    const waybill = await call(server, 'GET', `/v1/waybills?orderKey=${encodeURIComponent(oldKey)}`, { key: seller.key });
    expect(waybill.status, waybill.text).toBe(200);
    expect(waybill.text).toContain(number);

    // Shipping it again is still refused; no label can be printed for it any more, not even from an older link.
    expect(await scan(seller, number, 'ship')).toMatchObject({ result: 'refused' });
    const again = await call(server, 'POST', '/v1/labels', { key: seller.key, body: { orderKeys: [oldKey] } });
    expect(again.status).toBe(409);
    expect(ErrorBodySchema.parse(again.body).error).toMatchObject({ code: 'PII_ERASED' });
    const opened = await fetch(link.url);
    expect(opened.status).toBe(409);
    expect(ErrorBodySchema.parse(await opened.json()).error).toMatchObject({ code: 'PII_ERASED' });
    // A refused link prints nothing, so it counts no print.
    const listedAfter = await call(server, 'GET', `/v1/waybills?orderKey=${encodeURIComponent(oldKey)}`, { key: seller.key });
    expect(ListWaybillsResponseSchema.parse(listedAfter.body).waybills.map((listedWaybill) => listedWaybill.printCount)).toEqual([0]);
  });

  it("keeps a cancelled order's CJ booking while its void is owed, so the void still cancels it at CJ, then drops it", async () => {
    const seller = await shippingSeller(server, { waybillSources: { cj: 'cj' } });
    const [key = ''] = await postOrders(server, seller, [{ id: 'gone-voiding', receiver: OLD }]);
    const [box] = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key] }] }))[0]).waybills;
    const number = box?.trackingNumber ?? '';
    // The store's cancel queues the void; no carrier call has been made yet (CJ down, or the process died).
    await server.store.forSeller(seller.sellerId, 'test').orders.cancel(key, 'buyer');

    expect(await server.store.forSeller(seller.sellerId).privacy.erase(new Date(Date.now() + 1))).toBe(1);
    expect((await getOrder(server, seller, key)).receiver.name).toBe('');
    expect(JSON.stringify(await sellerDump(server.store, seller.sellerId))).toContain('RCVR_');

    const outcomes = await runDueVoids(server.assembled.deps.shipping, seller.sellerId, 'void-worker');
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['voided']);
    expect(server.cj.state.liveBookingCount(number)).toBe(0);
    const after = JSON.stringify(await sellerDump(server.store, seller.sellerId));
    for (const gone of [OLD.name, OLD.address1, '지울로', 'RCVR_']) expect(after).not.toContain(gone);
  });
});
