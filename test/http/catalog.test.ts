import { describe, expect, it } from 'vitest';
import { ListListingsResponseSchema, ListSkusResponseSchema, PutListingsResponseSchema, PutSkusResponseSchema } from '../../shared/api/catalog';
import { call, provisionSeller, startTestServer } from './support/harness';

const server = await startTestServer();

describe('SKUs and listings', () => {
  it('creates, updates and pages SKUs', async () => {
    const seller = await provisionSeller(server);
    const skus = Array.from({ length: 5 }, (_, index) => ({ sku: `SKU-${index}`, name: `상품 ${index}` }));
    const first = PutSkusResponseSchema.parse((await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus } })).body);
    expect(first.results).toEqual(skus.map((item) => ({ sku: item.sku, result: 'applied', change: 'created' })));

    const second = await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus: [{ sku: 'SKU-0', name: '새 이름' }, { sku: 'SKU-1', name: '상품 1' }] } });
    expect(PutSkusResponseSchema.parse(second.body).results.map((item) => (item.result === 'applied' ? item.change : item.result))).toEqual(['updated', 'unchanged']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page = ListSkusResponseSchema.parse((await call(server, 'GET', `/v1/skus${query}`, { key: seller.key })).body);
      expect(page.skus.length).toBeLessThanOrEqual(2);
      seen.push(...page.skus.map((sku) => sku.sku));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(skus.map((item) => item.sku));
  });

  it('answers a business refusal per item and applies the rest', async () => {
    const seller = await provisionSeller(server);
    await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus: [{ sku: 'A', name: 'a', barcode: '880001' }] } });
    const clash = PutSkusResponseSchema.parse(
      (await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus: [{ sku: 'B', name: 'b', barcode: '880001' }, { sku: 'C', name: 'c' }] } })).body,
    );
    expect(clash.results[0]).toMatchObject({ sku: 'B', result: 'error', error: { code: 'DUPLICATE_BARCODE' } });
    expect(clash.results[0]?.result === 'error' && clash.results[0].error.message).toContain('A');
    expect(clash.results[1]).toEqual({ sku: 'C', result: 'applied', change: 'created' });

    const listings = await call(server, 'PUT', '/v1/listings', {
      key: seller.key,
      body: {
        listings: [
          { channel: 'smartstore', account: 'store1', listingId: '100:200', components: [{ sku: 'A', qty: 2 }, { sku: 'C', qty: 1 }] },
          { channel: 'smartstore', account: 'store1', listingId: '300', components: [{ sku: 'NOPE', qty: 1 }] },
        ],
      },
    });
    expect(listings.status).toBe(200);
    const results = PutListingsResponseSchema.parse(listings.body).results;
    expect(results[0]).toMatchObject({ listingId: '100:200', result: 'applied', change: 'created' });
    expect(results[1]).toMatchObject({ listingId: '300', result: 'error', error: { code: 'UNKNOWN_SKU' } });
    expect(results[1]?.result === 'error' && results[1].error.message).toContain('NOPE');

    const listed = ListListingsResponseSchema.parse((await call(server, 'GET', '/v1/listings', { key: seller.key })).body);
    expect(listed.listings).toHaveLength(1);
    expect(listed.listings[0]).toMatchObject({ channel: 'smartstore', account: 'store1', listingId: '100:200', sellable: 0, components: [{ sku: 'A', qty: 2 }, { sku: 'C', qty: 1 }] });
    expect(listed.nextCursor).toBeNull();
  });
});
