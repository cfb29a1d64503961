import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';
import type { FakeSheet } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

function freshSheet(): FakeSheet {
  gas = installGas();
  return gas.spreadsheet!.insertSheet('rules');
}

describe('fake validation, checkboxes, conditional formats and protections', () => {
  it('refuses a script write that breaks a rejecting rule, and writes nothing of that batch', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:A3').setDataValidation(gas.SpreadsheetApp.newDataValidation().requireValueInList(['CJ', '한진']).setAllowInvalid(false).build());
    sheet.getRange('B1:B3').setDataValidation(gas.SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(true).build());
    expect(() => sheet.getRange('A1:B2').setValues([['CJ', -1], ['우체국', 5]])).toThrow('The data you entered in cell A2 violates the data validation rules');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['', ''], ['', '']]);
    sheet.getRange('A1:B2').setValues([['CJ', -1], ['', 5]]);
    expect(sheet.getRange('B1').getValue()).toBe(-1);
  });

  it('inserts checkboxes as unchecked values and reads them back', () => {
    const sheet = freshSheet();
    const boxes = sheet.getRange('A1:A3');
    boxes.insertCheckboxes();
    expect(boxes.getValues()).toEqual([[false], [false], [false]]);
    expect(boxes.isChecked()).toBe(false);
    sheet.getRange('A2').check();
    expect(boxes.isChecked()).toBeNull();
    expect(() => sheet.getRange('A3').setValue('yes')).toThrow('violates the data validation rules');
    sheet.getRange('A3').setValue('TRUE');
    expect(sheet.getRange('A3').getValue()).toBe(true);
  });

  it('keeps conditional format rules as one list, replaced as a whole', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:A2').setValues([['출고'], ['보류']]);
    const held = gas.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('보류').setBackground('#f4cccc').setRanges([sheet.getRange('A1:A')]).build();
    const shipped = gas.SpreadsheetApp.newConditionalFormatRule().whenTextStartsWith('출고').setBackground('#d9ead3').setRanges([sheet.getRange('A1:A')]).build();
    sheet.setConditionalFormatRules([held, shipped]);
    expect(sheet.conditionalBackgroundAt(1, 1)).toBe('#d9ead3');
    expect(sheet.conditionalBackgroundAt(2, 1)).toBe('#f4cccc');
    sheet.setConditionalFormatRules([shipped]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    expect(sheet.conditionalBackgroundAt(2, 1)).toBeNull();
    expect(() => gas.SpreadsheetApp.newConditionalFormatRule().setBackground('#fff').build()).toThrow('needs a condition');
  });

  it('returns the existing sheet protection, keeps warning-only and unprotected ranges, and moves them with inserted columns', () => {
    const sheet = freshSheet();
    const protection = sheet.protect().setWarningOnly(true).setDescription('server-owned');
    protection.setUnprotectedRanges([sheet.getRange('C2:C')]);
    expect(sheet.protect()).toBe(protection);
    sheet.insertColumnsBefore(1, 2);
    const seen = sheet.getProtections(gas.SpreadsheetApp.ProtectionType.SHEET)[0]!;
    expect(seen.isWarningOnly()).toBe(true);
    expect(seen.getDescription()).toBe('server-owned');
    expect(seen.inspect().unprotected).toEqual([{ row: 2, column: 5, lastRow: null, lastColumn: 5 }]);
    const rangeProtection = sheet.getRange('A1:B5').protect();
    expect(sheet.getProtections(gas.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
    expect(() => rangeProtection.setUnprotectedRanges([])).toThrow('sheet protection');
    rangeProtection.remove();
    expect(sheet.getProtections(gas.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });
});
