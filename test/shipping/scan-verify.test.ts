import { describe, expect, it } from 'vitest';
import { ScanResponseSchema } from '../../shared/api/waybills';
import type { TestSeller } from '../http/support/harness';
import { applied, call, getOrder, issue, postOrders, shippingSeller, startShippingServer } from '../waybills/support/harness';

const server = await startShippingServer();

async function scan(seller: TestSeller, code: string, mode: 'ship' | 'verify', station?: string) {
  const answer = await call(server, 'POST', '/v1/scans', { key: seller.key, body: { code, mode, ...(station ? { station } : {}) } });
  expect(answer.status, answer.text).toBe(200);
  return ScanResponseSchema.parse(answer.body);
}

describe('scan-to-verify', () => {
  it('opens the parcel with its waybill, counts its items, refuses wrong and extra ones, and marks it packed', async () => {
    const seller = await shippingSeller(server, { requirePackedToShip: true });
    await call(server, 'PUT', '/v1/waybill-ranges/cj', { key: seller.key, body: { first: '630000000000', last: '630000000999' } });
    // 합포장: two orders to one receiver, 2 × A and 1 × B.
    const keys = await postOrders(server, seller, [{ id: 'v1', sku: 'A', quantity: 2 }, { id: 'v2', sku: 'B', quantity: 1 }]);
    const number = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: keys }] }))[0]).waybills[0]?.trackingNumber ?? '';

    expect(await scan(seller, '880A', 'verify', '1번')).toMatchObject({ result: 'refused', reason: 'NO_PARCEL_OPEN' });
    expect(await scan(seller, number, 'verify', '1번')).toMatchObject({ result: 'verified', orderKeys: keys, remaining: 3, packed: false, message: `검수 시작: ${number}. 상품 3개를 스캔하세요` });
    expect(await scan(seller, '880A', 'verify', '1번')).toMatchObject({ result: 'verified', sku: 'A', remaining: 2, packed: false });
    // Another station has no parcel open.
    expect(await scan(seller, '880A', 'verify', '2번')).toMatchObject({ result: 'refused', reason: 'NO_PARCEL_OPEN' });
    expect(await scan(seller, '880A', 'verify', '1번')).toMatchObject({ result: 'verified', remaining: 1 });
    expect(await scan(seller, '880A', 'verify', '1번')).toMatchObject({ result: 'refused', reason: 'OVER_SCAN', message: '주문 수량보다 많이 스캔했습니다: A' });
    expect(await scan(seller, 'nope', 'verify', '1번')).toMatchObject({ result: 'refused', reason: 'UNKNOWN_BARCODE' });
    // Not packed yet: shipping is refused while verification is required.
    expect(await scan(seller, number, 'ship')).toMatchObject({ result: 'refused', reason: 'NOT_PACKED' });

    expect(await scan(seller, '880B', 'verify', '1번')).toMatchObject({ result: 'verified', sku: 'B', remaining: 0, packed: true, message: `검수 완료: ${number}. 포장하세요` });
    for (const key of keys) expect((await getOrder(server, seller, key)).packed).toBe(true);
    expect(await scan(seller, number, 'verify', '1번')).toMatchObject({ result: 'verified', remaining: 0, packed: true });
    expect(await scan(seller, number, 'ship', '1번')).toMatchObject({ result: 'shipped', orderKeys: keys });
  });

  it('refuses an item that is not in the parcel, without counting it', async () => {
    const seller = await shippingSeller(server);
    await call(server, 'PUT', '/v1/waybill-ranges/cj', { key: seller.key, body: { first: '640000000000', last: '640000000999' } });
    const [key] = await postOrders(server, seller, [{ id: 'w1', sku: 'A', quantity: 1 }]);
    const number = applied((await issue(server, seller, { carrier: 'cj', parcels: [{ orderKeys: [key ?? ''] }] }))[0]).waybills[0]?.trackingNumber ?? '';
    // Without a station, the parcel is open for the scanning key.
    expect(await scan(seller, number, 'verify')).toMatchObject({ result: 'verified', remaining: 1 });
    expect(await scan(seller, '880B', 'verify')).toMatchObject({ result: 'refused', reason: 'WRONG_ITEM', message: '이 상자에 없는 상품입니다: B' });
    expect(await scan(seller, '880A', 'verify')).toMatchObject({ result: 'verified', remaining: 0, packed: true });
  });
});
