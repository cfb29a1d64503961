import { describe, expect, it } from 'vitest';
import { ShipmentsResponseSchema } from '../../shared/api/waybills';
import type { ClaimCheck } from '../../server/shipping/claim-check';
import type { TestSeller } from '../http/support/harness';
import { applied, call, getOrder, issue, postOrders, shippingSeller, startShippingServer, type ShippingServer } from '../waybills/support/harness';

const checked: string[][] = [];
const cancelling = new Set<string>();
let server: ShippingServer;
const claimCheck: ClaimCheck = async (sellerId, orderKeys) => {
  checked.push([...orderKeys]);
  const orders = server.store.forSeller(sellerId, 'claim-check').orders;
  for (const key of orderKeys) if (cancelling.has(key)) await orders.recordClaim(key, { claimId: `c-${key}`, type: 'CANCEL', status: 'REQUESTED', quantity: 1 });
};
server = await startShippingServer({ claimCheck });

async function ship(seller: TestSeller, orderKeys: string[]) {
  const answer = await call(server, 'POST', '/v1/shipments', { key: seller.key, body: { orderKeys } });
  expect(answer.status, answer.text).toBe(200);
  return ShipmentsResponseSchema.parse(answer.body).results;
}

describe('bulk ship', () => {
  it('ships WAYBILL_ISSUED orders with their parcel, refuses the rest per order, and refreshes claims first', async () => {
    const seller = await shippingSeller(server);
    await call(server, 'PUT', '/v1/waybill-ranges/cj', { key: seller.key, body: { first: '650000000000', last: '650000000999' } });
    const [ready, packedWith, alone, channelCancel, noWaybill] = await postOrders(server, seller, [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }, { id: 'b4' }, { id: 'b5' }]);
    const results = await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [ready ?? '', packedWith ?? ''] }, { orderKeys: [alone ?? ''] }, { orderKeys: [channelCancel ?? ''] }] });
    const [parcel, single] = results.map((result) => applied(result).waybills[0]?.trackingNumber);
    cancelling.add(channelCancel ?? '');

    const shipped = await ship(seller, [ready ?? '', alone ?? '', channelCancel ?? '', noWaybill ?? '', 'manual:main:ghost']);
    expect(checked.at(-1)?.sort()).toEqual([ready, alone, channelCancel, noWaybill].sort());
    expect(shipped).toEqual([
      { orderKey: ready, result: 'applied', status: 'SHIPPED', trackingNumber: parcel },
      { orderKey: alone, result: 'applied', status: 'SHIPPED', trackingNumber: single },
      { orderKey: channelCancel, result: 'error', error: expect.objectContaining({ code: 'CANCEL_REQUESTED' }) },
      { orderKey: noWaybill, result: 'error', error: expect.objectContaining({ code: 'NO_WAYBILL', message: `송장이 발급되지 않은 주문입니다: ${noWaybill}` }) },
      { orderKey: 'manual:main:ghost', result: 'error', error: expect.objectContaining({ code: 'ORDER_NOT_FOUND' }) },
      // Packed in the same box as `ready`, so it went out too.
      { orderKey: packedWith, result: 'applied', status: 'SHIPPED', trackingNumber: parcel },
    ]);
    expect(await getOrder(server, seller, alone ?? '')).toMatchObject({ state: 'SHIPPED', shippedBy: 'owner', tracking: { status: 'pending', trackingNumber: single } });

    const again = await ship(seller, [ready ?? '']);
    expect(again).toEqual([{ orderKey: ready, result: 'error', error: expect.objectContaining({ code: 'ALREADY_SHIPPED', message: `이미 출고된 주문입니다: ${ready}` }) }]);
  });

  it('ships each order once when bulk calls race each other', async () => {
    const seller = await shippingSeller(server);
    await call(server, 'PUT', '/v1/waybill-ranges/cj', { key: seller.key, body: { first: '660000000000', last: '660000000999' } });
    const keys = await postOrders(server, seller, Array.from({ length: 20 }, (_, index) => ({ id: `race${index}` })));
    await issue(server, seller, { carrier: 'cj', parcels: keys.map((key) => ({ orderKeys: [key] })) });
    const answers = await Promise.all(Array.from({ length: 5 }, () => ship(seller, keys)));
    for (const [index, key] of keys.entries()) {
      const outcomes = answers.map((results) => results[index]);
      expect(outcomes.filter((outcome) => outcome?.result === 'applied')).toHaveLength(1);
      expect(outcomes.every((outcome) => outcome?.orderKey === key)).toBe(true);
    }
    const stock = await call(server, 'GET', '/v1/inventory', { key: seller.key });
    expect(stock.body).toMatchObject({ skus: [{ sku: 'A', onHand: 980, reserved: 0 }, { sku: 'B' }] });
  });
});
