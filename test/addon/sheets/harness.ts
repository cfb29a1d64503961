import { restoreNeutralized } from '../../../shared/sheets/cells';
import { KEY_COLUMN, columnPosition, firstDataRowOf, totalColumnsOf, type LayoutShape } from '../../../shared/sheets/layout';
import type { CallRecord, FakeSheet, GasEnvironment } from '../../support/gas';

/** Sheet row of every key, read from the fake without counting calls. */
export function rowsByKey(sheet: FakeSheet, layout: LayoutShape): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.snapshot().forEach((cells, index) => {
    const key = cells[KEY_COLUMN - 1];
    if (index + 1 >= firstDataRowOf(layout) && typeof key === 'string' && key !== '') rows.set(restoreNeutralized(key), index + 1);
  });
  return rows;
}

/** A cell of a layout column in the row of `key`. */
export function cellOf(sheet: FakeSheet, layout: LayoutShape, key: string, columnId: string): unknown {
  const row = rowsByKey(sheet, layout).get(key);
  if (row === undefined) throw new Error(`no row for ${key}`);
  return sheet.grid.cell(row, columnPosition(layout, columnId)).value;
}

export function writes(gas: GasEnvironment, sheetName?: string): CallRecord[] {
  return gas.calls.filter({ service: 'Spreadsheet', kind: 'write', ...(sheetName ? { sheet: sheetName } : {}) });
}

export function setValuesOn(gas: GasEnvironment, sheetName: string): CallRecord[] {
  return gas.calls.filter({ service: 'Spreadsheet', method: 'Range.setValues', sheet: sheetName });
}

/** The A1 of a whole written row (key column to the last column). */
export function rowRange(layout: LayoutShape, row: number, numRows = 1): string {
  const last = totalColumnsOf(layout);
  const letter = (column: number) => String.fromCharCode(64 + column);
  return `${letter(KEY_COLUMN)}${row}:${letter(last)}${row + numRows - 1}`;
}
