import { describe, expect, it } from 'vitest';
import { columnToLetters, letterToColumn, parseA1 } from '../support/gas/a1';

describe('fake A1 notation', () => {
  it('converts columns both ways', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnToLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'zz'].map(letterToColumn)).toEqual([1, 26, 27, 702]);
  });

  it('parses cells, rectangles, whole columns, whole rows and open-ended ranges', () => {
    expect(parseA1('B3')).toEqual({ sheetName: null, row: 3, column: 2, lastRow: 3, lastColumn: 2 });
    expect(parseA1('$A$1:C4')).toEqual({ sheetName: null, row: 1, column: 1, lastRow: 4, lastColumn: 3 });
    expect(parseA1('C:D')).toEqual({ sheetName: null, row: 1, column: 3, lastRow: null, lastColumn: 4 });
    expect(parseA1('2:5')).toEqual({ sheetName: null, row: 2, column: 1, lastRow: 5, lastColumn: null });
    expect(parseA1('B3:D')).toEqual({ sheetName: null, row: 3, column: 2, lastRow: null, lastColumn: 4 });
    expect(parseA1("'주문 (old)'!A1:B2").sheetName).toBe('주문 (old)');
    expect(parseA1('D4:B2')).toEqual({ sheetName: null, row: 2, column: 2, lastRow: 4, lastColumn: 4 });
  });

  it('rejects what Apps Script rejects', () => {
    for (const bad of ['', 'A', '1', 'A1:B2:C3', 'A0', 'A1:5', 'A:B5', '??']) expect(() => parseA1(bad), bad).toThrow('Range not found');
  });
});
