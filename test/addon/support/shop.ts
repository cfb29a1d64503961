import { call, stockedSku, type TestSeller } from '../../http/support/harness';
import { orderBody } from '../../http/support/orders';

/** POST /v1/orders, failing the test on anything but 200. */
export async function postOrders(server: { url: string }, seller: TestSeller, orders: unknown[]): Promise<{ key: string; status: string }[]> {
  const answer = await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders } });
  if (answer.status !== 200) throw new Error(`POST /v1/orders: ${answer.status} ${answer.text}`);
  return (answer.body as { results: { key: string; status: string }[] }).results;
}

/**
 * A small shop: two SKUs with stock and 1:1 listings on manual:main, three allocated orders, and one order
 * for a listing nobody mapped (held UNMAPPED, with its UNMAPPED_LISTING alert).
 */
export async function seedShop(server: { url: string }, seller: TestSeller): Promise<{ allocated: string[]; held: string }> {
  await stockedSku(server, seller, 'TEE-W-M', 20);
  await stockedSku(server, seller, 'TEE-B-M', 10);
  const results = await postOrders(server, seller, [
    orderBody('1001', [{ listingId: 'L-TEE-W-M', quantity: 1 }]),
    orderBody('1002', [{ listingId: 'L-TEE-B-M', quantity: 2 }], { receiver: { name: '이영희', phone: '010-2222-3333', zip: '04524', address1: '서울 중구 세종대로 110' } }),
    orderBody('1003', [{ listingId: 'L-TEE-W-M', quantity: 1 }], { receiver: { name: '=HYPERLINK("http://x")', phone: '010-4444-5555', zip: '48058', address1: '부산 해운대구 센텀중앙로 79' } }),
    { ...orderBody('1004', [{ listingId: 'NEW-LISTING', quantity: 1 }]), lines: [{ lineId: '1004-1', listingId: 'NEW-LISTING', quantity: 1, productName: '린넨 셔츠', optionName: '아이보리' }] },
  ]);
  const keys = results.map((result) => result.key);
  return { allocated: keys.slice(0, 3), held: keys[3] ?? '' };
}

/** What issuing, printing and scanning need: a Hanjin number range, the Hanjin contract (sender), a SKU barcode. */
export async function readyToShip(server: { url: string }, seller: TestSeller): Promise<void> {
  const contract = { customerCode: 'HJ-0001', senderName: '하늘상점', senderPhone: '02-1234-5678', senderAddress1: '서울 성동구 성수이로 1' };
  for (const [method, path, body] of [
    ['PUT', '/v1/waybill-ranges/hanjin', { first: '41000000000', last: '41000000999' }],
    ['PATCH', '/v1/settings', { carrierContracts: { hanjin: contract } }],
    ['PUT', '/v1/skus', { skus: [{ sku: 'TEE-B-M', name: '상품 TEE-B-M', barcode: '8801234500022' }] }],
  ] as const) {
    const answer = await call(server, method, path, { key: seller.key, body });
    if (answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  }
}
