import { describe, expect, it } from 'vitest';
import { applied, call, getOrder, issue, postOrders, RECEIVER, refusedCode, shippingSeller, startShippingServer } from './support/harness';

const server = await startShippingServer();

describe('parcels', () => {
  it('gives one waybill per box when packages > 1, and the same boxes again on a repeat', async () => {
    const seller = await shippingSeller(server);
    await call(server, 'PUT', '/v1/waybill-ranges/cj', { key: seller.key, body: { first: '600000000000', last: '600000000999' } });
    const [key] = await postOrders(server, seller, [{ id: 'p1', quantity: 3 }]);
    const first = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''], packages: 3 }] }))[0]);
    expect(first.waybills.map((waybill) => [waybill.package, waybill.packages, waybill.trackingNumber])).toEqual([
      [1, 3, '600000000000'],
      [2, 3, '600000000001'],
      [3, 3, '600000000002'],
    ]);
    const again = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''], packages: 3 }] }))[0]);
    expect(again).toEqual({ ...first, replay: true });
    expect((await getOrder(server, seller, key ?? '')).waybillIds).toEqual(first.waybills.map((waybill) => waybill.id));
    // Asking for a different box count is not a repeat: void first.
    expect(refusedCode((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''], packages: 2 }] }))[0])).toBe('ALREADY_ISSUED');
  });

  it('refuses 합포장 of different receivers or addresses, held orders, cancel requests and unknown orders', async () => {
    const seller = await shippingSeller(server, {}, { A: 5, B: 0 });
    await call(server, 'PUT', '/v1/waybill-ranges/cj', { key: seller.key, body: { first: '610000000000', last: '610000000999' } });
    const [same1, same2, elsewhere, held, spaced] = await postOrders(server, seller, [
      { id: 'h1' },
      { id: 'h2' },
      { id: 'h3', receiver: { ...RECEIVER, address2: '202호' } },
      { id: 'h4', sku: 'B' },
      // The same receiver written with other spacing and separators is one receiver.
      { id: 'h5', receiver: { ...RECEIVER, name: ' 김철수 ', phone: '01012345678', address1: '서울  강남구 테헤란로 1' } },
    ]);
    const results = await issue(server, seller, {
      carrier: 'cj',
      parcels: [{ orderKeys: [same1 ?? '', elsewhere ?? ''] }, { orderKeys: [held ?? ''] }, { orderKeys: ['manual:main:nope'] }],
    });
    expect(results.map(refusedCode)).toEqual(['RECEIVERS_DIFFER', 'INVALID_TRANSITION', 'ORDER_NOT_FOUND']);
    expect(results[0]).toMatchObject({ orderKeys: [same1, elsewhere], error: { message: `합포장은 받는 분과 주소가 같은 주문끼리만 할 수 있습니다: ${elsewhere}` } });
    expect(results[1]).toMatchObject({ error: { message: 'HELD 상태의 주문은 WAYBILL_ISSUED(으)로 바꿀 수 없습니다' } });
    expect((await getOrder(server, seller, same1 ?? '')).state).toBe('ALLOCATED');

    const claim = await server.store.forSeller(seller.sellerId).orders.recordClaim(same2 ?? '', { claimId: 'c1', type: 'CANCEL', status: 'REQUESTED', quantity: 1 });
    expect(claim.applied).toBe(true);
    expect(refusedCode((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [same2 ?? ''] }] }))[0])).toBe('CANCEL_REQUESTED');

    const together = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [same1 ?? '', spaced ?? ''] }] }))[0]);
    expect(together.waybills).toHaveLength(1);
    expect(together.waybills[0]?.orderKeys).toEqual([same1, spaced]);
  });

  it('lists an order’s waybills, voided ones included, and answers 404 for an unknown order', async () => {
    const seller = await shippingSeller(server);
    const [key] = await postOrders(server, seller, [{ id: 'l1' }]);
    const first = applied((await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [key ?? ''], trackingNumber: '123456789013' }] }))[0]).waybills[0];
    expect((await call(server, 'POST', `/v1/waybills/${first?.id}/void`, { key: seller.key, body: { reason: '오타' } })).status).toBe(200);
    const second = applied((await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [key ?? ''], trackingNumber: '123456789024' }] }))[0]).waybills[0];
    const listed = await call(server, 'GET', `/v1/waybills?orderKey=${encodeURIComponent(key ?? '')}`, { key: seller.key });
    expect(listed.body).toMatchObject({ waybills: [{ id: first?.id, voided: true, voidReason: '오타' }, { id: second?.id, voided: false }] });
    expect((await call(server, 'GET', `/v1/waybills?orderKey=${encodeURIComponent('manual:main:none')}`, { key: seller.key })).status).toBe(404);
  });
});
