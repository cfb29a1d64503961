import { describe, expect, it } from 'vitest';
import { call, provisionSeller, startTestServer, stockedSku } from './support/harness';
import { orderBody } from './support/orders';

const server = await startTestServer();

describe('logs', () => {
  it('are JSON lines with the request id, and never hold keys or buyer data', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 1);
    const receiver = { name: '홍비밀', phone: '010-7777-3333', zip: '04524', address1: '서울 중구 세종대로 110', address2: '비밀동 1호' };
    const posted = await call(server, 'POST', '/v1/orders', { key: seller.key, headers: { 'x-request-id': 'trace-me-1' }, body: { orders: [orderBody('p1', [{ listingId: 'L-A', quantity: 1 }], { receiver })] } });
    expect(posted.status).toBe(200);
    await call(server, 'GET', '/v1/orders', { key: seller.key });
    await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: [orderBody('p2', [{ listingId: 'L-A', quantity: 1 }], { receiver: { ...receiver, phone: 'not a phone 010-7777-3333' } })] } });
    await call(server, 'GET', '/v1/me', { key: `${seller.key}x` });
    await call(server, 'GET', '/metrics', { key: server.adminKey });

    const lines = server.logs().trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((entry) => entry.reqId === 'trace-me-1')).toMatchObject({ method: 'POST', route: '/v1/orders', status: 200, sellerId: seller.sellerId });
    const text = server.logs();
    // The secret is everything after `ssk_<keyId>_`; base64url may put '_' inside it, so it is not split on '_'.
    const keySecret = seller.key.slice('ssk_'.length + 16 + 1);
    expect(keySecret).toHaveLength(43);
    for (const secret of [seller.key, keySecret, server.adminKey, receiver.name, receiver.phone, '7777', receiver.address1, receiver.address2, receiver.zip]) {
      expect(text).not.toContain(secret);
    }
  });
});
