import { describe, expect, it } from 'vitest';
import { AlertsResponseSchema } from '../../shared/api/alerts';
import { MeResponseSchema } from '../../shared/api/admin';
import { ListListingsResponseSchema, ListSkusResponseSchema, PutListingsResponseSchema, PutSkusResponseSchema } from '../../shared/api/catalog';
import { AdjustmentsResponseSchema, InventoryResponseSchema, LedgerResponseSchema } from '../../shared/api/inventory';
import { ListOrdersResponseSchema, OrderResponseSchema, PostOrdersResponseSchema } from '../../shared/api/orders';
import { SettingsResponseSchema } from '../../shared/api/settings';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { call, provisionSeller, startTestServer, stockedSku } from './support/harness';
import { orderBody } from './support/orders';

const server = await startTestServer();

describe('tenant isolation', () => {
  it('never shows or changes one seller\u2019s data through another seller\u2019s key', async () => {
    const a = await provisionSeller(server, 'A 상점');
    const b = await provisionSeller(server, 'B 상점');
    await stockedSku(server, a, 'SHARED', 5);
    await stockedSku(server, a, 'ONLY_A', 0);
    await call(server, 'PATCH', '/v1/settings', { key: a.key, body: { returnPolicy: 'quarantine' } });
    await call(server, 'POST', '/v1/orders', {
      key: a.key,
      body: { orders: [orderBody('a-1', [{ listingId: 'L-SHARED', quantity: 2 }], { receiver: { name: '비밀고객', phone: '010-9999-0000', zip: '1', address1: '비밀주소' } }), orderBody('a-held', [{ listingId: 'L-ONLY_A', quantity: 1 }])] },
    });
    const aAlerts = AlertsResponseSchema.parse((await call(server, 'GET', '/v1/alerts', { key: a.key })).body).alerts;
    expect(aAlerts.length).toBeGreaterThan(0);
    const aOrderPath = `/v1/orders/${encodeURIComponent('manual:main:a-1')}`;
    const anyLeak = (text: string) => expect(text).not.toMatch(/비밀고객|비밀주소|ONLY_A|A 상점/);

    expect(MeResponseSchema.parse((await call(server, 'GET', '/v1/me', { key: b.key })).body).seller.id).toBe(b.sellerId);
    expect(SettingsResponseSchema.parse((await call(server, 'GET', '/v1/settings', { key: b.key })).body).settings).toEqual(DEFAULT_SETTINGS);
    await call(server, 'PATCH', '/v1/settings', { key: b.key, body: { returnPolicy: 'restock', language: 'en' } });
    expect(SettingsResponseSchema.parse((await call(server, 'GET', '/v1/settings', { key: a.key })).body).settings).toMatchObject({ returnPolicy: 'quarantine', language: 'ko' });

    const skus = await call(server, 'GET', '/v1/skus', { key: b.key });
    expect(ListSkusResponseSchema.parse(skus.body).skus).toEqual([]);
    const bSku = PutSkusResponseSchema.parse((await call(server, 'PUT', '/v1/skus', { key: b.key, body: { skus: [{ sku: 'SHARED', name: 'B의 상품' }] } })).body);
    expect(bSku.results[0]).toMatchObject({ result: 'applied', change: 'created' });
    const bListing = PutListingsResponseSchema.parse(
      (await call(server, 'PUT', '/v1/listings', { key: b.key, body: { listings: [{ channel: 'manual', account: 'main', listingId: 'X', components: [{ sku: 'ONLY_A', qty: 1 }] }] } })).body,
    );
    expect(bListing.results[0]).toMatchObject({ result: 'error', error: { code: 'UNKNOWN_SKU' } });
    expect(ListListingsResponseSchema.parse((await call(server, 'GET', '/v1/listings', { key: b.key })).body).listings).toEqual([]);

    const adjust = AdjustmentsResponseSchema.parse(
      (await call(server, 'POST', '/v1/inventory/adjustments', { key: b.key, body: { adjustments: [{ sku: 'ONLY_A', kind: 'inbound', quantity: 9 }] } })).body,
    );
    expect(adjust.results[0]).toMatchObject({ result: 'error', error: { code: 'UNKNOWN_SKU' } });
    const bInventory = await call(server, 'GET', '/v1/inventory', { key: b.key });
    expect(InventoryResponseSchema.parse(bInventory.body)).toEqual({ skus: [{ sku: 'SHARED', name: 'B의 상품', onHand: 0, reserved: 0, safety: 0, quarantine: 0, available: 0 }], listings: [] });
    const bLedger = await call(server, 'GET', '/v1/ledger', { key: b.key });
    expect(LedgerResponseSchema.parse(bLedger.body).entries).toEqual([]);

    const bOrders = await call(server, 'GET', '/v1/orders', { key: b.key });
    expect(ListOrdersResponseSchema.parse(bOrders.body).orders).toEqual([]);
    for (const [method, path] of [['GET', aOrderPath], ['POST', `${aOrderPath}/hold`], ['POST', `${aOrderPath}/release`], ['POST', `${aOrderPath}/cancel`], ['POST', `/v1/alerts/${encodeURIComponent(aAlerts[0]?.id ?? '')}/ack`]] as const) {
      const answer = await call(server, method, path, { key: b.key });
      expect(answer.status, `${method} ${path}`).toBe(404);
      anyLeak(answer.text);
    }
    expect(AlertsResponseSchema.parse((await call(server, 'GET', '/v1/alerts', { key: b.key })).body).alerts).toEqual([]);
    const sameKey = PostOrdersResponseSchema.parse((await call(server, 'POST', '/v1/orders', { key: b.key, body: { orders: [orderBody('a-1', [{ listingId: 'L-SHARED', quantity: 2 }])] } })).body);
    expect(sameKey.results[0]).toMatchObject({ result: 'applied', status: 'HELD', reason: 'UNMAPPED', created: true });
    for (const answer of [skus, bInventory, bLedger, bOrders]) anyLeak(answer.text);

    // A's side is exactly as A left it.
    expect(OrderResponseSchema.parse((await call(server, 'GET', aOrderPath, { key: a.key })).body).order).toMatchObject({ state: 'ALLOCATED', receiver: { name: '비밀고객' } });
    const aInventory = InventoryResponseSchema.parse((await call(server, 'GET', '/v1/inventory', { key: a.key })).body);
    expect(aInventory.skus.map((sku) => [sku.sku, sku.name, sku.onHand, sku.reserved])).toEqual([['ONLY_A', '상품 ONLY_A', 0, 0], ['SHARED', '상품 SHARED', 5, 2]]);
    expect(AlertsResponseSchema.parse((await call(server, 'GET', '/v1/alerts', { key: a.key })).body).alerts.every((alert) => !alert.acknowledged)).toBe(true);
  });
});
