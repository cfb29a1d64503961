import { describe, expect, it } from 'vitest';
import { AlertResponseSchema, AlertsResponseSchema } from '../../shared/api/alerts';
import { ErrorBodySchema } from '../../shared/api/common';
import { call, provisionSeller, startTestServer, stockedSku } from './support/harness';
import { orderBody } from './support/orders';

const server = await startTestServer();

describe('alerts', () => {
  it('shows a held order as an open alert until it clears, and acknowledges it', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 0);
    await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: [orderBody('h1', [{ listingId: 'L-A', quantity: 1 }])] } });
    const open = AlertsResponseSchema.parse((await call(server, 'GET', '/v1/alerts', { key: seller.key })).body).alerts;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type: 'HELD_ORDER', subject: 'manual:main:h1', acknowledged: false });

    const acked = await call(server, 'POST', `/v1/alerts/${encodeURIComponent(open[0]?.id ?? '')}/ack`, { key: seller.key });
    expect(acked.status).toBe(200);
    expect(AlertResponseSchema.parse(acked.body).alert).toMatchObject({ id: open[0]?.id, acknowledged: true, acknowledgedBy: 'owner' });

    await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'A', kind: 'inbound', quantity: 1 }] } });
    expect(AlertsResponseSchema.parse((await call(server, 'GET', '/v1/alerts', { key: seller.key })).body).alerts).toEqual([]);
  });

  it('answers 404 for an alert that is not open', async () => {
    const seller = await provisionSeller(server);
    const answer = await call(server, 'POST', `/v1/alerts/${encodeURIComponent('HELD_ORDER:manual:main:zz')}/ack`, { key: seller.key });
    expect(answer.status).toBe(404);
    expect(ErrorBodySchema.parse(answer.body).error).toMatchObject({ code: 'ALERT_NOT_FOUND', message: '알림을 찾을 수 없습니다: HELD_ORDER:manual:main:zz' });
  });
});
