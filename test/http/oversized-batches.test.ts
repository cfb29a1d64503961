import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { call, provisionSeller, startTestServer, stockedSku } from './support/harness';
import { orderBody } from './support/orders';

const server = await startTestServer();

/** A 400 VALIDATION whose message names `field`. */
function expectRefused(answer: { status: number; body: unknown; text: string }, field: string): void {
  expect(answer.status, answer.text).toBe(400);
  const error = ErrorBodySchema.parse(answer.body).error;
  expect(error.code).toBe('VALIDATION');
  expect(error.message).toContain(field);
}

describe('batches over the limit', () => {
  it('POST /v1/orders: 1,000 orders are taken, 1,001 are refused whole, and so is an order of 101 lines', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 5_000);
    const orders = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => orderBody(`${prefix}${index}`, [{ listingId: 'L-A', quantity: 1 }]));

    expectRefused(await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: orders(1_001, 'big') } }), 'orders');
    const longLines = Array.from({ length: 101 }, () => ({ listingId: 'L-A', quantity: 1 }));
    expectRefused(await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: [orderBody('long', longLines)] } }), 'orders[0].lines');
    expect((await call(server, 'GET', '/v1/orders', { key: seller.key })).body).toMatchObject({ orders: [] });
    expect((await call(server, 'GET', '/v1/inventory', { key: seller.key })).body).toMatchObject({ skus: [{ sku: 'A', reserved: 0 }] });

    const taken = await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: orders(1_000, 'ok') } });
    expect(taken.status).toBe(200);
    expect((await call(server, 'GET', '/v1/inventory', { key: seller.key })).body).toMatchObject({ skus: [{ sku: 'A', reserved: 1_000 }] });
  });

  it('POST /v1/inventory/adjustments: 1,001 adjustments are refused whole', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 5);
    const adjustments = Array.from({ length: 1_001 }, () => ({ sku: 'A', kind: 'inbound', quantity: 1 }));
    expectRefused(await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments } }), 'adjustments');
    expect((await call(server, 'GET', '/v1/inventory', { key: seller.key })).body).toMatchObject({ skus: [{ sku: 'A', onHand: 5 }] });
  });
});
