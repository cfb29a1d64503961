import { enterValue } from '../values';
import { SheetLayout } from './sheet-layout';

/**
 * Inserting, deleting and appending rows and columns. Every change also moves what is tied to a row or
 * column: the areas of rules and protections, hidden rows and columns, and column widths.
 */
export abstract class SheetStructure extends SheetLayout {
  private adjust(dimension: 'rows' | 'columns', at: number, count: number): void {
    this.adjustTrackedAreas(dimension, at, count);
    this.shiftLayout(dimension, at, count);
  }

  /** Appends below the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: readonly unknown[]): this {
    this.call('appendRow', 'write');
    const row = this.grid.lastRowWithContent() + 1;
    if (rowContents.length > this.grid.columnCount) this.growColumns(rowContents.length - this.grid.columnCount);
    if (row > this.grid.rowCount) {
      this.grid.insertRows(row, 1, row - 1 >= 1 ? row - 1 : null);
      this.adjust('rows', row, 1);
    }
    const timeZone = this.timeZone();
    rowContents.forEach((value, index) => {
      const cell = this.grid.cell(row, index + 1);
      const entered = enterValue(value, cell.numberFormat, timeZone);
      cell.value = entered.value;
      cell.formula = entered.formula;
    });
    return this;
  }

  private growColumns(count: number): void {
    const at = this.grid.columnCount + 1;
    this.grid.insertColumns(at, count, at - 1);
    this.adjust('columns', at, count);
  }

  private checkRowPosition(position: number, howMany: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.grid.rowCount) throw new Error('Those rows are out of bounds.');
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
  }

  /** New rows take the formatting and validation of the row they follow. */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.call('insertRowsAfter', 'write');
    this.checkRowPosition(afterPosition, howMany);
    this.grid.insertRows(afterPosition + 1, howMany, afterPosition);
    this.adjust('rows', afterPosition + 1, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  /** New rows take the formatting and validation of the row they precede. */
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.call('insertRowsBefore', 'write');
    this.checkRowPosition(beforePosition, howMany);
    this.grid.insertRows(beforePosition, howMany, beforePosition);
    this.adjust('rows', beforePosition, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.call('deleteRows', 'write');
    this.checkRowPosition(rowPosition, howMany);
    if (rowPosition + howMany - 1 > this.grid.rowCount) throw new Error('Those rows are out of bounds.');
    if (howMany >= this.grid.rowCount - this.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.grid.deleteRows(rowPosition, howMany);
    this.adjust('rows', rowPosition, -howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.call('insertColumnsAfter', 'write');
    if (afterPosition < 1 || afterPosition > this.grid.columnCount || howMany < 1) throw new Error('Those columns are out of bounds.');
    this.grid.insertColumns(afterPosition + 1, howMany, afterPosition);
    this.adjust('columns', afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.call('insertColumnsBefore', 'write');
    if (beforePosition < 1 || beforePosition > this.grid.columnCount || howMany < 1) throw new Error('Those columns are out of bounds.');
    this.grid.insertColumns(beforePosition, howMany, beforePosition);
    this.adjust('columns', beforePosition, howMany);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.call('deleteColumns', 'write');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.grid.columnCount) throw new Error('Those columns are out of bounds.');
    if (howMany >= this.grid.columnCount - this.frozenColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    this.grid.deleteColumns(columnPosition, howMany);
    this.adjust('columns', columnPosition, -howMany);
  }
}
