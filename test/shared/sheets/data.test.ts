import { describe, expect, it } from 'vitest';
import { planSheetWrites } from '../../../shared/sheets/data';
import { makeAlert, makeListing, makeOrders, makeSku, sheetData, unmappedAlert } from './fixtures';

describe('which sheets a refresh writes', () => {
  it('writes every sheet in full from complete lists', () => {
    const { writes } = planSheetWrites(sheetData({ orders: makeOrders(3), skus: [makeSku(1)], listings: [makeListing(1)], alerts: [unmappedAlert('77', '상품')] }), 'ko', {});
    expect(writes.map((write) => [write.layout.id, write.mode, write.rows.length])).toEqual([
      ['orders', 'full', 3],
      ['stock', 'full', 1],
      ['skus', 'full', 1],
      ['mappings', 'full', 2],
      ['alerts', 'full', 1],
    ]);
  });

  it('writes only the changed lists in an incremental refresh, and the alerts only when they changed', () => {
    const alerts = [makeAlert('SHORTAGE', 'SKU-1', { missing: 1 })];
    const first = planSheetWrites(sheetData({ alerts }), 'ko', {});
    const again = planSheetWrites(sheetData({ complete: false, orders: makeOrders(2), alerts }), 'ko', first.memory);
    expect(again.writes.map((write) => [write.layout.id, write.mode])).toEqual([['orders', 'incremental']]);
    const changed = planSheetWrites(sheetData({ complete: false, alerts: [...alerts, makeAlert('RANGE_LOW', 'cj')] }), 'ko', again.memory);
    expect(changed.writes.map((write) => [write.layout.id, write.mode])).toEqual([['alerts', 'full']]);
    const english = planSheetWrites(sheetData({ complete: false, alerts }), 'en', first.memory);
    expect(english.writes.map((write) => write.layout.id)).toEqual(['alerts']);
  });

  it('pre-fills unmapped listings from alerts once, and lets a mapped listing win over its alert', () => {
    const alerts = [unmappedAlert('1', 'A'), unmappedAlert('2', 'B')];
    const first = planSheetWrites(sheetData({ complete: false, alerts }), 'ko', {});
    expect(first.writes.find((write) => write.layout.id === 'mappings')?.rows.map((row) => row.key)).toEqual(['coupang:main:1', 'coupang:main:2']);
    const quiet = planSheetWrites(sheetData({ complete: false, alerts }), 'ko', first.memory);
    expect(quiet.writes.map((write) => write.layout.id)).toEqual([]);
    const mapped = makeListing(1, { channel: 'coupang', listingId: '1' });
    const after = planSheetWrites(sheetData({ complete: false, alerts, listings: [mapped] }), 'ko', first.memory);
    const rows = after.writes.find((write) => write.layout.id === 'mappings')?.rows ?? [];
    expect(rows.map((row) => [row.key, row.cells.at(-1)])).toEqual([
      ['coupang:main:2', '매핑 필요'],
      ['coupang:main:1', '매핑됨'],
    ]);
  });
});
