import { afterEach, describe, expect, it } from 'vitest';
import { readRenderedRows, writeRendered } from '../../../addon/sheets/rendered';
import { refreshSheets } from '../../../addon/sheets/refresh';
import { columnPosition } from '../../../shared/sheets/layout';
import { ordersLayout, stockLayout } from '../../../shared/sheets/layouts';
import { installGas, type GasEnvironment } from '../../support/gas';
import { FixtureSource, makeOrder, makeOrders, makeSku } from '../../shared/sheets/fixtures';
import { rowsByKey } from './harness';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('last rendered values of editable cells', () => {
  it('keeps what each editable cell showed, moving with the row when people sort', () => {
    gas = installGas();
    const source = new FixtureSource();
    source.putSkus([makeSku(1, { onHand: 5 }), makeSku(2, { onHand: 9 })]);
    refreshSheets(source);
    const sheet = gas.spreadsheet!.sheet('재고');
    sheet.sort(columnPosition(stockLayout, 'onHand'), false);
    sheet.getRange(2, columnPosition(stockLayout, 'onHand'), 2, 1).setValues([[12], [3]]);
    const rows = readRenderedRows(SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('재고')!, stockLayout, 2, 2);
    expect(rows.map((row) => [row.row, row.key, row.rendered?.values])).toEqual([
      [2, 'SKU-2', { onHand: 9, safety: 2 }],
      [3, 'SKU-1', { onHand: 5, safety: 2 }],
    ]);
  });

  it('does not trust a row whose columns were sorted apart', () => {
    gas = installGas();
    const source = new FixtureSource();
    source.putOrders(makeOrders(3));
    refreshSheets(source);
    const sheet = gas.spreadsheet!.sheet('주문');
    const first = columnPosition(ordersLayout, 'channel');
    sheet.getRange(2, first, 3, 20).sort({ column: columnPosition(ordersLayout, 'orderId'), ascending: false });
    const rows = readRenderedRows(SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('주문')!, ordersLayout, 1, 4);
    expect(rows.map((row) => row.rendered === null)).toEqual([true, false, true]);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4]);
  });

  it('records an accepted edit as the new rendered value', () => {
    gas = installGas();
    const source = new FixtureSource();
    source.putOrders([makeOrder(1)]);
    refreshSheets(source);
    const sheet = SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('주문')!;
    const row = rowsByKey(gas.spreadsheet!.sheet('주문'), ordersLayout).get(makeOrder(1).key)!;
    const [before] = readRenderedRows(sheet, ordersLayout, row, 1);
    writeRendered(sheet, row, { key: before!.key, values: { ...before!.rendered!.values, trackingNumber: '123456789012' } });
    const [after] = readRenderedRows(sheet, ordersLayout, row, 1);
    expect(after?.rendered?.values['trackingNumber']).toBe('123456789012');
  });
});
