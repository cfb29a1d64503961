import { afterEach, describe, expect, it } from 'vitest';
import { refreshSheets } from '../../../addon/sheets/refresh';
import { columnPosition } from '../../../shared/sheets/layout';
import { ordersLayout, skusLayout } from '../../../shared/sheets/layouts';
import { installGas, type GasEnvironment } from '../../support/gas';
import { FixtureSource, makeOrder, makeOrders, makeSku } from '../../shared/sheets/fixtures';
import { cellOf, rowRange, rowsByKey, writes } from './harness';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

const ORDERS = 10_000;
/** Scattered through the list, so no two are neighbours before or after a sort. */
const CHANGED = [3, 977, 1500, 2222, 4096, 5000, 6123, 7777, 8888, 9999];

function shipAll(source: FixtureSource, indexes: readonly number[]): void {
  for (const index of indexes) {
    source.updateOrder(makeOrder(index).key, (order) => ({ ...order, state: 'SHIPPED', tracking: { status: 'accepted', carrier: 'cj', trackingNumber: `0${7000000000 + index}` } }));
  }
}

function refreshed(orderCount = ORDERS): { source: FixtureSource; sheet: ReturnType<NonNullable<GasEnvironment['spreadsheet']>['sheet']> } {
  gas = installGas();
  const source = new FixtureSource();
  source.putOrders(makeOrders(orderCount));
  refreshSheets(source);
  return { source, sheet: gas.spreadsheet!.sheet('주문') };
}

describe('incremental refresh', () => {
  it('rewrites only the changed rows, one setValues each, plus the status line', () => {
    const { source, sheet } = refreshed();
    const before = sheet.snapshot();
    gas.calls.reset();
    shipAll(source, CHANGED);
    const result = refreshSheets(source);
    expect(result.mode).toBe('incremental');
    expect(source.fetches.at(-1)).toBe(String(ORDERS));
    const rows = CHANGED.map((index) => index + 2);
    expect(writes(gas, '주문').map((call) => [call.method, call.range])).toEqual(rows.map((row) => ['Range.setValues', rowRange(ordersLayout, row)]));
    expect(writes(gas).filter((call) => call.sheet !== '주문').map((call) => [call.sheet, call.range])).toEqual([['알림', 'A1']]);
    expect(gas.calls.count({ service: 'Spreadsheet', kind: 'read' })).toBe(1);
    const after = sheet.snapshot();
    after.forEach((cells, index) => {
      if (!rows.includes(index + 1)) expect(cells, `row ${index + 1}`).toEqual(before[index]);
    });
    for (const index of CHANGED) expect(cellOf(sheet, ordersLayout, makeOrder(index).key, 'state')).toBe('출고');
  });

  it('finds the changed rows by key after people sorted the sheet', () => {
    const { source, sheet } = refreshed();
    sheet.sort(columnPosition(ordersLayout, 'receiver'), false);
    const positions = rowsByKey(sheet, ordersLayout);
    const before = sheet.snapshot();
    gas.calls.reset();
    shipAll(source, CHANGED);
    refreshSheets(source);
    const expectedRows = CHANGED.map((index) => positions.get(makeOrder(index).key)!).sort((a, b) => a - b);
    expect(writes(gas, '주문').map((call) => call.range)).toEqual(expectedRows.map((row) => rowRange(ordersLayout, row)));
    const after = sheet.snapshot();
    for (const index of CHANGED) {
      const key = makeOrder(index).key;
      const row = positions.get(key)!;
      expect(after[row - 1]?.[1]).toBe(key);
      expect(cellOf(sheet, ordersLayout, key, 'trackingNumber')).toBe(`0${7000000000 + index}`);
      expect(cellOf(sheet, ordersLayout, key, 'receiver')).toBe(makeOrder(index).receiver.name);
    }
    after.forEach((cells, index) => {
      if (!expectedRows.includes(index + 1)) expect(cells).toEqual(before[index]);
    });
  });

  it('merges neighbouring changed rows into one write, appends new orders below the last row and keeps ticks', () => {
    const { source, sheet } = refreshed(20);
    sheet.getRange('A6').check();
    gas.calls.reset();
    shipAll(source, [4, 5, 6]);
    source.putOrders([makeOrder(100), makeOrder(101)]);
    const result = refreshSheets(source);
    expect(result.sheets).toEqual([{ layout: 'orders', mode: 'incremental', updated: 3, appended: 2, removed: 0 }]);
    expect(writes(gas, '주문').map((call) => call.range)).toEqual([rowRange(ordersLayout, 6, 3), rowRange(ordersLayout, 22, 2)]);
    expect(rowsByKey(sheet, ordersLayout).get(makeOrder(101).key)).toBe(23);
    expect(sheet.getRange('A6').getValue()).toBe(true);
  });

  it('grows the sheet once when appends pass its last row', () => {
    const { source, sheet } = refreshed(990);
    source.putOrders(Array.from({ length: 30 }, (_, index) => makeOrder(5000 + index)));
    gas.calls.reset();
    refreshSheets(source);
    expect(writes(gas, '주문').map((call) => call.method)).toEqual(['Sheet.insertRowsAfter', 'Range.setValues']);
    expect(sheet.getLastRow()).toBe(1021);
    expect(sheet.getRange(1021, columnPosition(ordersLayout, 'orderId')).getNumberFormat()).toBe('@');
  });

  it('writes nothing but the status line when nothing changed', () => {
    const { source } = refreshed(50);
    gas.calls.reset();
    const result = refreshSheets(source);
    expect(result.ok).toBe(true);
    expect(writes(gas).map((call) => [call.sheet, call.range])).toEqual([['알림', 'A1']]);
    expect(gas.calls.count({ service: 'Spreadsheet', kind: 'read' })).toBe(0);
  });

  it('adopts a SKU row someone typed by hand instead of appending a copy', () => {
    gas = installGas();
    const source = new FixtureSource();
    source.putSkus([makeSku(1)]);
    refreshSheets(source);
    const sheet = gas.spreadsheet!.sheet('상품');
    const skuColumn = columnPosition(skusLayout, 'sku');
    sheet.getRange(3, skuColumn, 1, 2).setValues([['NEW-1', '새 상품']]);
    source.putSkus([makeSku(2, { sku: 'NEW-1', name: '새 상품' })]);
    refreshSheets(source);
    expect(rowsByKey(sheet, skusLayout).get('NEW-1')).toBe(3);
    expect(sheet.getLastRow()).toBe(3);
    expect(cellOf(sheet, skusLayout, 'NEW-1', 'available')).toBe(makeSku(2).available);
  });
});
