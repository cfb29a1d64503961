import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

function freshSheet() {
  gas = installGas();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('no spreadsheet');
  return spreadsheet.insertSheet('data');
}

describe('fake Sheet structure', () => {
  it('addresses ranges by A1 and by row/column, refusing ranges outside the sheet', () => {
    const sheet = freshSheet();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange('B2:B').getNumRows()).toBe(999);
    expect(sheet.getRange('B2:B').getA1Notation()).toBe('B2:B');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('at least 1');
    expect(() => sheet.getRange(0, 1)).toThrow('starting row of the range is too small');
  });

  it('reports the last row and column with content, and appends below it', () => {
    const sheet = freshSheet();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C5').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    sheet.appendRow(['a', 'b']);
    expect(sheet.getRange('A6:B6').getValues()).toEqual([['a', 'b']]);
  });

  it('gives inserted rows the formatting and validation of the row they follow, not its content', () => {
    const sheet = freshSheet();
    const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sheet.getRange('A1000').setNumberFormat('@').setValue('00123');
    sheet.getRange('B1000').setDataValidation(rule);
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getRange('A1005').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A1005').getValue()).toBe('');
    expect(sheet.getRange('B1003').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    sheet.deleteRows(2, 10);
    expect(sheet.getMaxRows()).toBe(995);
    expect(sheet.getRange('A990').getValue()).toBe('00123');
  });

  it('sorts only the columns inside the range, and the whole row through Sheet.sort', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:C4').setValues([['key', 'name', 'qty'], ['k1', 'b', 2], ['k2', 'c', 1], ['k3', 'a', 3]]);
    sheet.setFrozenRows(1);
    sheet.getRange('B2:C4').sort({ column: 2, ascending: true });
    expect(sheet.getRange('A2:C4').getValues()).toEqual([['k1', 'a', 3], ['k2', 'b', 2], ['k3', 'c', 1]]);
    sheet.sort(3, false);
    expect(sheet.getRange('A2:C4').getValues()).toEqual([['k1', 'a', 3], ['k2', 'b', 2], ['k3', 'c', 1]]);
    sheet.sort(3, true);
    expect(sheet.getRange('A2:C4').getValues()).toEqual([['k3', 'c', 1], ['k2', 'b', 2], ['k1', 'a', 3]]);
  });

  it('keeps empty cells last whichever way it sorts', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:A4').setValues([[2], [''], [10], ['x']]);
    sheet.getRange('A1:A4').sort({ column: 1, ascending: false });
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['x'], [10], [2], ['']]);
  });

  it('freezes rows, hides columns and keeps column widths, moving them with inserted columns', () => {
    const sheet = freshSheet();
    sheet.setFrozenRows(2);
    sheet.hideColumns(2, 2);
    sheet.setColumnWidth(4, 240);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getFrozenRows()).toBe(2);
    expect([1, 2, 3, 4].map((column) => sheet.isColumnHiddenByUser(column))).toEqual([false, false, true, true]);
    expect(sheet.getColumnWidth(5)).toBe(240);
    expect(sheet.getColumnWidth(4)).toBe(100);
  });

  it('finds sheets by name and refuses a duplicate name', () => {
    gas = installGas();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet()!;
    spreadsheet.insertSheet('주문');
    expect(spreadsheet.getSheetByName('주문')?.getName()).toBe('주문');
    expect(spreadsheet.getSheetByName('재고')).toBeNull();
    expect(() => spreadsheet.insertSheet('주문')).toThrow('already exists');
    expect(spreadsheet.getRange("'주문'!A1:B2").getNumColumns()).toBe(2);
  });
});
