import { describe, expect, it } from 'vitest';
import { counters, openTestStore, testSellerId } from '../support/store';

const store = await openTestStore();

describe('SKU upsert', () => {
  it('creates with zero counters, updates name, barcode and safety, and reports what changed', async () => {
    const s = store.forSeller(testSellerId('skus'));
    expect(await s.catalog.upsertSkus([{ sku: 'A', name: '사과', barcode: '8801234567890' }, { sku: 'B', name: '배', safety: 2 }])).toEqual([
      { sku: 'A', status: 'created' },
      { sku: 'B', status: 'created' },
    ]);
    expect(await s.catalog.getSku('A')).toEqual({ sku: 'A', name: '사과', barcode: '8801234567890', onHand: 0, reserved: 0, safety: 0, quarantine: 0, available: 0 });
    expect(await counters(s, 'B')).toMatchObject({ safety: 2 });
    expect(await s.catalog.skuByBarcode('8801234567890')).toBe('A');

    expect(await s.catalog.upsertSkus([{ sku: 'A', name: '사과', barcode: '8801234567890' }, { sku: 'B', name: '배 (대)', safety: 1 }])).toEqual([
      { sku: 'A', status: 'unchanged' },
      { sku: 'B', status: 'updated' },
    ]);
    // The safety change is ledgered like any counter change.
    expect((await s.stock.ledger({ sku: 'B', limit: 10 })).map((entry) => [entry.kind, entry.dSafety])).toEqual([
      ['safety', 2],
      ['safety', -1],
    ]);
    await s.catalog.upsertSkus([{ sku: 'A', name: '사과', barcode: '8809999999999' }]);
    expect(await s.catalog.skuByBarcode('8801234567890')).toBeNull();
    expect(await s.catalog.skuByBarcode('8809999999999')).toBe('A');
    expect((await s.catalog.listSkus(null, 10)).items.map((sku) => sku.sku)).toEqual(['A', 'B']);
  });

  it('refuses a barcode another SKU owns, as an item error', async () => {
    const s = store.forSeller(testSellerId('skusbar'));
    await s.catalog.upsertSkus([{ sku: 'A', name: 'a', barcode: '111' }]);
    expect(await s.catalog.upsertSkus([{ sku: 'B', name: 'b', barcode: '111' }, { sku: 'C', name: 'c' }])).toEqual([
      { sku: 'B', status: 'error', code: 'DUPLICATE_BARCODE', detail: 'A' },
      { sku: 'C', status: 'created' },
    ]);
    expect(await s.catalog.getSku('B')).toBeNull();
  });
});
