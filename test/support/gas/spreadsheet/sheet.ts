import { copyCellContent } from './cell-content';
import { mapCells } from './grid';
import type { FakeRange } from './range';
import type { FakeConditionalFormatRule, FakeProtection } from './rules';
import { SheetRules } from './sheet-rules';

export { DEFAULT_COLUMNS, DEFAULT_ROWS } from './sheet-core';
export { DEFAULT_COLUMN_WIDTH } from './sheet-layout';

/**
 * SpreadsheetApp.Sheet. Its methods are grouped by facet along a chain of base classes, one file each
 * (see SheetCore); this last link adds the whole-sheet operations and the tests' inspection.
 */
export class FakeSheet extends SheetRules {
  protected asSheet(): FakeSheet {
    return this;
  }

  /** Sorts the rows below the frozen ones by one column, all columns moving together. */
  sort(columnPosition: number, ascending = true): this {
    this.call('sort', 'write');
    const first = this.frozenRows + 1;
    const last = this.grid.lastRowWithContent();
    if (last >= first) this.rangeOf({ row: first, column: 1, lastRow: last, lastColumn: this.grid.columnCount }).sortCells([{ column: columnPosition, ascending }]);
    return this;
  }
  clear(): this {
    this.call('clear', 'write');
    for (const row of this.grid.rows) for (const cell of row) {
      cell.clearContent();
      cell.clearFormat();
    }
    return this;
  }
  clearContents(): this {
    this.call('clearContents', 'write');
    for (const row of this.grid.rows) for (const cell of row) cell.clearContent();
    return this;
  }

  // ---- inspection for tests, never counted

  /** Values of the whole used area, as getValues would return them. */
  snapshot(): ReturnType<FakeRange['getValues']> {
    const lastRow = this.grid.lastRowWithContent();
    const lastColumn = this.grid.lastColumnWithContent();
    if (lastRow === 0 || lastColumn === 0) return [];
    return mapCells(this.rangeOf({ row: 1, column: 1, lastRow, lastColumn }).cells(), (cell) => copyCellContent(cell.value));
  }

  inspect(): { frozenRows: number; hiddenColumns: number[]; columnWidths: Map<number, number>; protections: FakeProtection[]; rules: FakeConditionalFormatRule[] } {
    return {
      frozenRows: this.frozenRows,
      hiddenColumns: [...this.hiddenColumns].sort((a, b) => a - b),
      columnWidths: new Map(this.columnWidths),
      protections: this.protections.filter((protection) => !protection.removed),
      rules: [...this.conditionalRules],
    };
  }
}
