import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

function sheet() {
  gas = installGas();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('no spreadsheet');
  return spreadsheet.getSheets()[0]!;
}

describe('fake Range values', () => {
  it('takes strings as typed in general cells and literally in plain-text cells', () => {
    const target = sheet();
    const inputs = [['00123', '2024-05-01 10:30', '=1+2', "'=1+2", 'TRUE', '1,234', '-5', '+82 10', '@home']];
    target.getRange('A1:I1').setValues(inputs);
    target.getRange('A2:I2').setNumberFormat('@').setValues(inputs);
    const [general, text] = target.getRange('A1:I2').getValues();
    expect(general?.[0]).toBe(123);
    expect(general?.[1]).toBeInstanceOf(Date);
    expect((general?.[1] as Date).toISOString()).toBe('2024-05-01T01:30:00.000Z');
    expect(general?.slice(2)).toEqual(['', '=1+2', true, 1234, -5, '+82 10', '@home']);
    expect(target.getRange('C1').getFormula()).toBe('=1+2');
    expect(text).toEqual(inputs[0]);
    expect(target.getRange('A2:I2').getFormulas()[0]?.every((formula) => formula === '')).toBe(true);
  });

  it('refuses data of the wrong shape, naming both sizes, and writes nothing', () => {
    const target = sheet();
    expect(() => target.getRange('A1:B2').setValues([[1, 2]])).toThrow('The data has 1 but the range has 2.');
    expect(() => target.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow('number of columns in the data does not match');
    expect(target.getRange('A1:B2').getValues()).toEqual([['', ''], ['', '']]);
  });

  it('shows values through their number format', () => {
    const target = sheet();
    target.getRange('A1:D1').setValues([[1234567, 0.256, true, new Date('2024-05-01T01:30:00Z')]]);
    target.getRange('A1').setNumberFormat('#,##0');
    target.getRange('B1').setNumberFormat('0.0%');
    target.getRange('D1').setNumberFormat('yyyy-MM-dd HH:mm');
    expect(target.getRange('A1:D1').getDisplayValues()).toEqual([['1,234,567', '25.6%', 'TRUE', '2024-05-01 10:30']]);
  });

  it('clears content but keeps formats, and clear() removes both', () => {
    const target = sheet();
    const range = target.getRange('A1:B1');
    range.setNumberFormat('@').setValues([['x', 'y']]);
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getNumberFormats()).toEqual([['@', '@']]);
    range.clear();
    expect(range.getNumberFormats()[0]?.[0]).not.toBe('@');
  });

  it('keeps notes and backgrounds per cell', () => {
    const target = sheet();
    target.getRange('B2').setNote('refused: conflict').setBackground('#f4cccc');
    expect(target.getRange('A1:B2').getNotes()).toEqual([['', ''], ['', 'refused: conflict']]);
    expect(target.getRange('B2').getBackground()).toBe('#f4cccc');
  });
});
