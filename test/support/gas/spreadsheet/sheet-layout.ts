import { SheetCore } from './sheet-core';

export const DEFAULT_COLUMN_WIDTH = 100;

/**
 * Where an index lands after `count` rows or columns are inserted at `at` (negative: deleted from
 * `at`); null when it was one of the deleted ones.
 */
function shiftedIndex(index: number, at: number, count: number): number | null {
  if (index < at) return index;
  if (count > 0 || index >= at - count) return index + count;
  return null;
}

/** How the sheet is shown: frozen, hidden and resized rows and columns. */
export abstract class SheetLayout extends SheetCore {
  protected frozenRows = 0;
  protected frozenColumns = 0;
  protected hiddenColumns = new Set<number>();
  private hiddenRows = new Set<number>();
  protected columnWidths = new Map<number, number>();

  /** Hidden rows and columns and column widths follow their row or column when others are inserted or deleted. */
  protected shiftLayout(dimension: 'rows' | 'columns', at: number, count: number): void {
    const shiftSet = (set: Set<number>): Set<number> => {
      const next = new Set<number>();
      for (const index of set) {
        const shifted = shiftedIndex(index, at, count);
        if (shifted !== null) next.add(shifted);
      }
      return next;
    };
    if (dimension === 'rows') this.hiddenRows = shiftSet(this.hiddenRows);
    else {
      this.hiddenColumns = shiftSet(this.hiddenColumns);
      const widths = new Map<number, number>();
      for (const [column, width] of this.columnWidths) {
        const shifted = shiftedIndex(column, at, count);
        if (shifted !== null) widths.set(shifted, width);
      }
      this.columnWidths = widths;
    }
  }

  setFrozenRows(rows: number): void {
    this.call('setFrozenRows', 'write');
    if (rows < 0 || rows >= this.grid.rowCount) throw new Error('You can\'t freeze all visible rows on the sheet.');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.call('getFrozenRows', 'read');
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.call('setFrozenColumns', 'write');
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    this.call('getFrozenColumns', 'read');
    return this.frozenColumns;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.call('hideColumns', 'write');
    for (let column = columnIndex; column < columnIndex + numColumns; column += 1) this.hiddenColumns.add(column);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.call('showColumns', 'write');
    for (let column = columnIndex; column < columnIndex + numColumns; column += 1) this.hiddenColumns.delete(column);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.call('isColumnHiddenByUser', 'read');
    return this.hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.call('hideRows', 'write');
    for (let row = rowIndex; row < rowIndex + numRows; row += 1) this.hiddenRows.add(row);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    this.call('isRowHiddenByUser', 'read');
    return this.hiddenRows.has(rowPosition);
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.call('setColumnWidth', 'write');
    this.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.call('setColumnWidths', 'write');
    for (let column = startColumn; column < startColumn + numColumns; column += 1) this.columnWidths.set(column, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.call('getColumnWidth', 'read');
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
}
