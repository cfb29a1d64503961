import { describe, expect, it } from 'vitest';
import { AdjustmentsResponseSchema, InventoryResponseSchema, LedgerResponseSchema } from '../../shared/api/inventory';
import { call, provisionSeller, startTestServer, stockedSku } from './support/harness';

const server = await startTestServer();

describe('inventory', () => {
  it('reads counters and sellable quantities', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 10);
    await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'A', kind: 'safety', quantity: 2 }] } });
    await call(server, 'PUT', '/v1/listings', {
      key: seller.key,
      body: { listings: [{ channel: 'coupang', account: 'c1', listingId: 'SET', components: [{ sku: 'A', qty: 3 }] }] },
    });
    const inventory = InventoryResponseSchema.parse((await call(server, 'GET', '/v1/inventory', { key: seller.key })).body);
    expect(inventory.skus).toEqual([{ sku: 'A', name: '상품 A', onHand: 10, reserved: 0, safety: 2, quarantine: 0, available: 8 }]);
    expect(inventory.listings).toEqual([
      { channel: 'coupang', account: 'c1', listingId: 'SET', sellable: 2 },
      { channel: 'manual', account: 'main', listingId: 'L-A', sellable: 8 },
    ]);
  });

  it('applies adjustments, answers a stale one as a conflict with the current value, and an unknown SKU as an item error', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 5);
    const answer = await call(server, 'POST', '/v1/inventory/adjustments', {
      key: seller.key,
      body: {
        adjustments: [
          { sku: 'A', kind: 'set', quantity: 7, expected: 5 },
          { sku: 'A', kind: 'set', quantity: 9, expected: 5 },
          { sku: 'GHOST', kind: 'inbound', quantity: 1 },
          { sku: 'A', kind: 'inbound', quantity: 3, expected: 7 },
        ],
      },
    });
    expect(answer.status).toBe(200);
    const results = AdjustmentsResponseSchema.parse(answer.body).results;
    expect(results[0]).toMatchObject({ sku: 'A', kind: 'set', result: 'applied', onHand: 7, available: 7 });
    expect(results[1]).toEqual({ sku: 'A', kind: 'set', result: 'conflict', current: 7 });
    expect(results[2]).toMatchObject({ sku: 'GHOST', result: 'error', error: { code: 'UNKNOWN_SKU', message: '등록되지 않은 SKU입니다: GHOST' } });
    expect(results[3]).toMatchObject({ result: 'applied', onHand: 10 });
    const inventory = InventoryResponseSchema.parse((await call(server, 'GET', '/v1/inventory', { key: seller.key })).body);
    expect(inventory.skus[0]?.onHand).toBe(10);
  });

  it('pages the ledger by entry id and filters it by SKU', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'A', 1);
    await stockedSku(server, seller, 'B', 2);
    for (const quantity of [3, 4, 5]) {
      await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku: 'A', kind: 'inbound', quantity }] } });
    }
    const onlyA: number[] = [];
    let since = '';
    for (;;) {
      const page = LedgerResponseSchema.parse((await call(server, 'GET', `/v1/ledger?sku=A&limit=3${since ? `&since=${since}` : ''}`, { key: seller.key })).body);
      onlyA.push(...page.entries.map((entry) => entry.dOnHand));
      expect(page.entries.every((entry) => entry.sku === 'A' && entry.kind === 'inbound')).toBe(true);
      if (!page.nextCursor) break;
      since = page.nextCursor;
    }
    expect(onlyA).toEqual([1, 3, 4, 5]);
    const all = LedgerResponseSchema.parse((await call(server, 'GET', '/v1/ledger', { key: seller.key })).body);
    expect(all.entries.map((entry) => `${entry.sku}${entry.dOnHand}`)).toEqual(['A1', 'B2', 'A3', 'A4', 'A5']);
    expect(all.nextCursor).toBeNull();
  });
});
