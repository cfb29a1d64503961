import { columnToLetters } from '../a1';
import { enterValue, type CellContent } from '../values';
import { eachCell, type Cell } from './grid';

/** What clear() removes; without any flag Apps Script clears contents and formats. */
export interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
}

/** A value handed to a script: Dates are copied so a script mutating one cannot change the sheet. */
export function copyCellContent(value: CellContent): CellContent {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

export function clearCells(block: readonly (readonly Cell[])[], options?: ClearOptions): void {
  const some = options && (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
  eachCell(block, (cell) => {
    if (!some || options?.contentsOnly) cell.clearContent();
    if (!some || options?.formatOnly) cell.clearFormat();
    if (options?.validationsOnly) cell.validation = null;
    if (options?.commentsOnly) cell.note = '';
  });
}

/** setValues wants exactly the range's shape, with Apps Script's messages when it is not. */
export function assertValuesShape(values: readonly (readonly unknown[])[], block: readonly (readonly Cell[])[]): void {
  if (!Array.isArray(values)) throw new Error('The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
  if (values.length !== block.length) throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${block.length}.`);
  const width = block[0]?.length ?? 0;
  for (const row of values) {
    if (row.length !== width) throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${width}.`);
  }
}

/**
 * Enters values as a user typing them would (formulas, number formats), checking every cell against
 * rejecting validation before writing any, so a refused write leaves the block untouched.
 * `origin` is the sheet position of the block's top-left cell, for the A1 in the error.
 */
export function writeValues(
  block: readonly (readonly Cell[])[],
  valueAt: (row: number, column: number) => unknown,
  timeZone: string,
  origin: { row: number; column: number },
): void {
  const entered = block.map((row, rowIndex) => row.map((cell, columnIndex) => enterValue(valueAt(rowIndex, columnIndex), cell.numberFormat, timeZone)));
  block.forEach((row, rowIndex) =>
    row.forEach((cell, columnIndex) => {
      const value = entered[rowIndex]?.[columnIndex]?.value ?? '';
      if (cell.validation?.rejects(value)) {
        const a1 = `${columnToLetters(origin.column + columnIndex)}${origin.row + rowIndex}`;
        throw new Error(`The data you entered in cell ${a1} violates the data validation rules set on this cell.`);
      }
    }),
  );
  block.forEach((row, rowIndex) =>
    row.forEach((cell, columnIndex) => {
      const next = entered[rowIndex]?.[columnIndex];
      cell.value = next?.value ?? '';
      cell.formula = next?.formula ?? '';
    }),
  );
}
