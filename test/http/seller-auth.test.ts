import { describe, expect, it } from 'vitest';
import { CreateKeyResponseSchema } from '../../shared/api/admin';
import { AlertResponseSchema, AlertsResponseSchema } from '../../shared/api/alerts';
import { ErrorBodySchema } from '../../shared/api/common';
import { LedgerResponseSchema } from '../../shared/api/inventory';
import { call, provisionSeller, startTestServer, stockedSku } from './support/harness';

const server = await startTestServer();

async function expectUnauthorized(headers: Record<string, string>): Promise<void> {
  const answer = await call(server, 'GET', '/v1/me', { headers });
  expect(answer.status).toBe(401);
  expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  expect(ErrorBodySchema.parse(answer.body).error).toMatchObject({ code: 'UNAUTHORIZED', message: 'API 키가 없거나 올바르지 않습니다' });
}

describe('seller keys', () => {
  it('answers 401 to a missing, malformed, unknown or altered key', async () => {
    const seller = await provisionSeller(server);
    await expectUnauthorized({});
    await expectUnauthorized({ authorization: seller.key });
    await expectUnauthorized({ authorization: `Basic ${seller.key}` });
    await expectUnauthorized({ authorization: 'Bearer not-a-key' });
    await expectUnauthorized({ authorization: `Bearer ${server.adminKey}` });
    await expectUnauthorized({ authorization: `Bearer ssk_0000000000000000_${'A'.repeat(43)}` });
    const altered = seller.key.slice(0, -1) + (seller.key.endsWith('A') ? 'B' : 'A');
    await expectUnauthorized({ authorization: `Bearer ${altered}` });
    expect((await call(server, 'GET', '/v1/me', { key: seller.key })).status).toBe(200);
  });

  it('answers 401 to a revoked key and keeps the seller\u2019s other keys working', async () => {
    const seller = await provisionSeller(server);
    const second = CreateKeyResponseSchema.parse(
      (await call(server, 'POST', `/v1/admin/sellers/${seller.sellerId}/keys`, { key: server.adminKey, body: { label: 'packer-2' } })).body,
    );
    expect((await call(server, 'DELETE', `/v1/admin/keys/${seller.keyId}`, { key: server.adminKey })).status).toBe(200);
    await expectUnauthorized({ authorization: `Bearer ${seller.key}` });
    expect((await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus: [{ sku: 'A', name: 'a' }] } })).status).toBe(401);
    expect((await call(server, 'GET', '/v1/me', { key: second.apiKey })).status).toBe(200);
  });

  it('records the key label as the actor of what the key does', async () => {
    const seller = await provisionSeller(server);
    const packer = CreateKeyResponseSchema.parse(
      (await call(server, 'POST', `/v1/admin/sellers/${seller.sellerId}/keys`, { key: server.adminKey, body: { label: 'packer-1' } })).body,
    );
    await stockedSku(server, seller, 'A', 0);
    await call(server, 'POST', '/v1/inventory/adjustments', { key: packer.apiKey, body: { adjustments: [{ sku: 'A', kind: 'inbound', quantity: 5 }] } });
    const ledger = LedgerResponseSchema.parse((await call(server, 'GET', '/v1/ledger?sku=A', { key: seller.key })).body);
    expect(ledger.entries.map((entry) => entry.actor)).toEqual(['packer-1']);

    await call(server, 'POST', '/v1/orders', {
      key: seller.key,
      body: { orders: [{ channel: 'manual', account: 'main', orderId: 'big', lines: [{ lineId: '1', listingId: 'L-A', quantity: 50 }], receiver: { name: '홍길동', phone: '010-0000-0000', zip: '01234', address1: '서울' } }] },
    });
    const alerts = AlertsResponseSchema.parse((await call(server, 'GET', '/v1/alerts', { key: seller.key })).body).alerts;
    const held = alerts.find((alert) => alert.type === 'HELD_ORDER');
    expect(held).toBeDefined();
    const acked = await call(server, 'POST', `/v1/alerts/${encodeURIComponent(held?.id ?? '')}/ack`, { key: packer.apiKey });
    expect(AlertResponseSchema.parse(acked.body).alert).toMatchObject({ acknowledged: true, acknowledgedBy: 'packer-1' });
  });
});
