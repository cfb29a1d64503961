import { afterEach, describe, expect, it } from 'vitest';
import { setUpSheet } from '../../../addon/sheets/setup';
import { columnPosition, type LayoutShape } from '../../../shared/sheets/layout';
import { alertsLayout, ordersLayout, stockLayout } from '../../../shared/sheets/layouts';
import { installGas, type GasEnvironment } from '../../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

function setUp(layout: LayoutShape = ordersLayout, language: 'ko' | 'en' = 'ko') {
  gas = installGas();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet()!;
  const { sheet } = setUpSheet(spreadsheet, layout, language, undefined);
  return gas.spreadsheet!.sheet(sheet.getName());
}

describe('sheet setup', () => {
  it('writes the header, freezes it and hides the key and rendered columns', () => {
    const sheet = setUp();
    expect(sheet.getRange('A1:F1').getValues()[0]).toEqual(['선택', '키', '표시값', '채널', '계정', '주문번호']);
    expect(sheet.inspect().frozenRows).toBe(1);
    expect(sheet.inspect().hiddenColumns).toEqual([2, 3]);
    expect(sheet.inspect().columnWidths.get(columnPosition(ordersLayout, 'address'))).toBe(300);
  });

  it('formats identifier, date and key columns as plain text and counts as numbers, for rows added later too', () => {
    const sheet = setUp();
    const at = (id: string, row: number) => sheet.getRange(row, columnPosition(ordersLayout, id)).getNumberFormat();
    expect([at('orderId', 2), at('phone', 500), at('zip', 1000), at('trackingNumber', 2), at('orderedAt', 2)]).toEqual(['@', '@', '@', '@', '@']);
    expect(at('quantity', 2)).toBe('#,##0');
    expect(sheet.getRange('B2').getNumberFormat()).toBe('@');
    sheet.insertRowsAfter(1000, 10);
    expect(at('orderId', 1010)).toBe('@');
  });

  it('puts checkboxes and validation on the editable cells only, and protects the rest with a warning', () => {
    const sheet = setUp();
    const carrier = columnPosition(ordersLayout, 'carrier');
    const tracking = columnPosition(ordersLayout, 'trackingNumber');
    expect(sheet.getRange('A2').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.getRange(2, carrier).getDataValidation()?.getCriteriaValues()[0]).toContain('CJ대한통운');
    expect(sheet.getRange(5, tracking).getDataValidation()?.getCriteriaValues()[0]).toMatch(/^=OR\(ISBLANK\(\w+2\),REGEXMATCH/);
    expect(sheet.getRange(2, columnPosition(ordersLayout, 'receiver')).getDataValidation()).toBeNull();
    const [protection, ...others] = sheet.inspect().protections;
    expect(others).toEqual([]);
    const seen = protection!.inspect();
    expect([seen.type, seen.warningOnly]).toEqual(['SHEET', true]);
    expect(seen.unprotected.map((area) => area.column)).toEqual([1, carrier, tracking]);
    expect(seen.unprotected.every((area) => area.row === 2 && area.lastRow === null)).toBe(true);
  });

  it('colours status cells by their label', () => {
    const sheet = setUp(stockLayout);
    const status = columnPosition(stockLayout, 'stockStatus');
    sheet.getRange(2, status, 3, 1).setValues([['품절'], ['부족'], ['정상']]);
    expect([2, 3, 4].map((row) => sheet.conditionalBackgroundAt(row, status))).toEqual(['#f4cccc', '#fce5cd', null]);
  });

  it('keeps the alerts header below the status row and colours the status red on an error', () => {
    const sheet = setUp(alertsLayout);
    expect(sheet.getRange('A2:D2').getValues()[0]).toEqual(['선택', '키', '표시값', '심각도']);
    expect(sheet.inspect().frozenRows).toBe(2);
    sheet.getRange('A1').setValue('동기화 오류 2024-05-01 10:00 (KST): 연결 실패');
    expect(sheet.conditionalBackgroundAt(1, 1)).toBe('#f4cccc');
  });

  it('sets up again without duplicating protections and keeps colour rules people added', () => {
    gas = installGas();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet()!;
    setUpSheet(spreadsheet, ordersLayout, 'ko', undefined);
    const sheet = gas.spreadsheet!.sheet('주문');
    const mine = gas.SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setBackground('#000000').setRanges([sheet.getRange('L2:L')]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mine]);
    const before = sheet.getConditionalFormatRules().length;
    setUpSheet(spreadsheet, ordersLayout, 'en', undefined);
    expect(sheet.getConditionalFormatRules()).toHaveLength(before);
    expect(sheet.getConditionalFormatRules().some((rule) => rule.getBooleanCondition().getBackground() === '#000000')).toBe(true);
    expect(sheet.inspect().protections).toHaveLength(1);
    expect(sheet.getRange('D1').getValue()).toBe('Channel');
  });

  it('replaces its own rules on the alerts sheet instead of piling them up', () => {
    gas = installGas();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet()!;
    setUpSheet(spreadsheet, alertsLayout, 'ko', undefined);
    const sheet = gas.spreadsheet!.sheet('알림');
    const count = sheet.getConditionalFormatRules().length;
    setUpSheet(spreadsheet, alertsLayout, 'en', undefined);
    setUpSheet(spreadsheet, alertsLayout, 'ko', undefined);
    expect(sheet.getConditionalFormatRules()).toHaveLength(count);
  });

  it('moves a sheet of the same name that is not ours aside instead of overwriting it', () => {
    gas = installGas();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet()!;
    const theirs = spreadsheet.insertSheet('주문');
    theirs.getRange('A1:B2').setValues([['내 주문', '메모'], ['1', '중요']]);
    setUpSheet(spreadsheet, ordersLayout, 'ko', undefined);
    expect(gas.spreadsheet!.sheetNames()).toEqual(['Sheet1', '주문 (이전)', '주문']);
    expect(gas.spreadsheet!.sheet('주문 (이전)').getRange('B2').getValue()).toBe('중요');
  });
});
