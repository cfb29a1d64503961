import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { ListOrdersResponseSchema, OrderResponseSchema, PostOrdersResponseSchema } from '../../shared/api/orders';
import { call, provisionSeller, startTestServer, stockedSku, type TestSeller } from './support/harness';
import { orderBody } from './support/orders';

const server = await startTestServer();

async function post(seller: TestSeller, orders: unknown[]) {
  const answer = await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders } });
  expect(answer.status).toBe(200);
  return PostOrdersResponseSchema.parse(answer.body).results;
}

async function list(seller: TestSeller, query: string) {
  const answer = await call(server, 'GET', `/v1/orders${query}`, { key: seller.key });
  expect(answer.status).toBe(200);
  return ListOrdersResponseSchema.parse(answer.body);
}

describe('orders', () => {
  it('allocates what fits, holds what does not, and replays a known order without change', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 3);
    const results = await post(seller, [orderBody('o1', [{ listingId: 'L-A', quantity: 2 }]), orderBody('o2', [{ listingId: 'L-A', quantity: 2 }])]);
    expect(results).toEqual([
      { key: 'manual:main:o1', orderId: 'o1', result: 'applied', status: 'ALLOCATED', created: true, replay: false },
      { key: 'manual:main:o2', orderId: 'o2', result: 'applied', status: 'HELD', reason: 'OUT_OF_STOCK', heldDetail: 'A', created: true, replay: false },
    ]);
    const replay = await post(seller, [orderBody('o1', [{ listingId: 'L-A', quantity: 2 }])]);
    expect(replay[0]).toMatchObject({ status: 'ALLOCATED', created: false, replay: true });

    const moved = await post(seller, [orderBody('o1', [{ listingId: 'L-A', quantity: 2 }], { receiver: { name: '김철수', phone: '010-1234-5678', zip: '06234', address1: '부산 해운대구 1' } })]);
    expect(moved[0]).toMatchObject({ created: false, replay: false });
    const order = OrderResponseSchema.parse((await call(server, 'GET', '/v1/orders/manual%3Amain%3Ao1', { key: seller.key })).body).order;
    expect(order).toMatchObject({ state: 'ALLOCATED', addressChanged: true, receiver: { address1: '부산 해운대구 1' } });
  });

  it('finds an order by its URL-encoded key, even with ":" and "/" in the order id', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 1);
    await post(seller, [orderBody('2024/05:77', [{ listingId: 'L-A', quantity: 1 }])]);
    const answer = await call(server, 'GET', `/v1/orders/${encodeURIComponent('manual:main:2024/05:77')}`, { key: seller.key });
    expect(answer.status).toBe(200);
    expect(OrderResponseSchema.parse(answer.body).order).toMatchObject({ key: 'manual:main:2024/05:77', orderId: '2024/05:77', state: 'ALLOCATED' });

    const missing = await call(server, 'GET', `/v1/orders/${encodeURIComponent('manual:main:nope')}`, { key: seller.key });
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(missing.body).error).toMatchObject({ code: 'ORDER_NOT_FOUND', message: '주문을 찾을 수 없습니다: manual:main:nope' });
    const invalid = await call(server, 'GET', '/v1/orders/not-a-key', { key: seller.key });
    expect(invalid.status).toBe(400);
    expect(ErrorBodySchema.parse(invalid.body).error.message).toContain('key');
  });

  it('pages with a cursor that stays stable while orders change, and refreshes with updatedSince', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 100);
    await post(seller, ['a', 'b', 'c', 'd', 'e'].map((id) => orderBody(id, [{ listingId: 'L-A', quantity: 1 }])));

    const first = await list(seller, '?limit=2');
    expect(first.orders.map((order) => order.orderId)).toEqual(['a', 'b']);
    // An order already read changes while paging: it comes again at the end instead of shifting the pages.
    await call(server, 'POST', '/v1/orders/manual%3Amain%3Aa/hold', { key: seller.key, body: { note: '확인 필요' } });
    const seen = first.orders.map((order) => order.orderId);
    let cursor = first.nextCursor;
    let syncToken = first.syncToken;
    while (cursor) {
      const page = await list(seller, `?limit=2&cursor=${cursor}`);
      seen.push(...page.orders.map((order) => order.orderId));
      cursor = page.nextCursor;
      syncToken = page.syncToken;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'a']);

    expect((await list(seller, `?updatedSince=${syncToken}`)).orders).toEqual([]);
    await call(server, 'POST', '/v1/orders/manual%3Amain%3Ac/cancel', { key: seller.key, body: { reason: '고객 요청' } });
    const changed = await list(seller, `?updatedSince=${syncToken}`);
    expect(changed.orders.map((order) => [order.orderId, order.state])).toEqual([['c', 'CANCELLED']]);
    expect(Number(changed.syncToken)).toBeGreaterThan(Number(syncToken));
  });

  it('filters by status and channel', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 1);
    await call(server, 'PUT', '/v1/listings', { key: seller.key, body: { listings: [{ channel: 'coupang', account: 'c1', listingId: 'V1', components: [{ sku: 'A', qty: 1 }] }] } });
    await post(seller, [orderBody('m1', [{ listingId: 'L-A', quantity: 1 }]), orderBody('c1', [{ listingId: 'V1', quantity: 1 }], { channel: 'coupang', account: 'c1' })]);
    expect((await list(seller, '?status=HELD')).orders.map((order) => order.key)).toEqual(['coupang:c1:c1']);
    expect((await list(seller, '?status=ALLOCATED')).orders.map((order) => order.key)).toEqual(['manual:main:m1']);
    expect((await list(seller, '?channel=coupang')).orders.map((order) => order.key)).toEqual(['coupang:c1:c1']);
  });

  it('holds, releases and cancels by hand, refusing a transition the state machine forbids', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 1);
    await post(seller, [orderBody('x', [{ listingId: 'L-A', quantity: 1 }])]);
    const path = `/v1/orders/${encodeURIComponent('manual:main:x')}`;

    const refused = await call(server, 'POST', `${path}/release`, { key: seller.key });
    expect(refused.status).toBe(409);
    expect(ErrorBodySchema.parse(refused.body).error).toMatchObject({ code: 'INVALID_TRANSITION', message: 'ALLOCATED 상태의 주문은 ALLOCATED(으)로 바꿀 수 없습니다' });

    const held = OrderResponseSchema.parse((await call(server, 'POST', `${path}/hold`, { key: seller.key, body: { note: '주소 확인' } })).body).order;
    expect(held).toMatchObject({ state: 'HELD', heldReason: 'MANUAL', allocation: {} });
    const released = OrderResponseSchema.parse((await call(server, 'POST', `${path}/release`, { key: seller.key, body: {} })).body).order;
    expect(released).toMatchObject({ state: 'ALLOCATED', allocation: { A: 1 } });
    const cancelled = OrderResponseSchema.parse((await call(server, 'POST', `${path}/cancel`, { key: seller.key, body: { reason: '품절' } })).body).order;
    expect(cancelled.state).toBe('CANCELLED');
    expect((await call(server, 'POST', `${path}/hold`, { key: seller.key })).status).toBe(409);
    expect((await call(server, 'POST', `/v1/orders/${encodeURIComponent('manual:main:none')}/cancel`, { key: seller.key })).status).toBe(404);
  });
});
