import { DEFAULT_NUMBER_FORMAT, type CellContent } from '../values';
import type { FakeDataValidation } from './rules';

/** One cell: its value or formula, and the formatting that moves with it when rows are sorted or inserted. */
export class Cell {
  value: CellContent = '';
  formula = '';
  numberFormat = DEFAULT_NUMBER_FORMAT;
  validation: FakeDataValidation | null = null;
  note = '';
  background = '#ffffff';
  fontWeight = 'normal';
  fontColor = '#000000';

  isEmpty(): boolean {
    return this.value === '' && this.formula === '';
  }

  /** Inserted rows and columns take the formatting (not the content) of their neighbour, as in Sheets. */
  formattedLike(other: Cell | undefined): Cell {
    if (other) {
      this.numberFormat = other.numberFormat;
      this.validation = other.validation;
      this.background = other.background;
      this.fontWeight = other.fontWeight;
      this.fontColor = other.fontColor;
    }
    return this;
  }

  clearContent(): void {
    this.value = '';
    this.formula = '';
  }

  clearFormat(): void {
    this.numberFormat = DEFAULT_NUMBER_FORMAT;
    this.background = '#ffffff';
    this.fontWeight = 'normal';
    this.fontColor = '#000000';
  }
}

/** Every cell of a block, row by row. */
export function eachCell(block: readonly (readonly Cell[])[], action: (cell: Cell) => void): void {
  for (const row of block) for (const cell of row) action(cell);
}

/** A block read cell by cell into the same shape, as Apps Script's plural getters return it. */
export function mapCells<T>(block: readonly (readonly Cell[])[], read: (cell: Cell) => T): T[][] {
  return block.map((row) => row.map(read));
}

/** Each cell of a block with the item at the same place in a caller's grid (undefined where it is short). */
export function eachCellWith<T>(block: readonly (readonly Cell[])[], items: readonly (readonly T[])[], action: (cell: Cell, item: T | undefined) => void): void {
  block.forEach((row, rowIndex) => row.forEach((cell, columnIndex) => action(cell, items[rowIndex]?.[columnIndex])));
}

/**
 * A rectangle of a sheet kept by a rule or a protection. Bounded edges move when rows or columns are
 * inserted or deleted (inserting inside the rectangle grows it, like Sheets); a null last row or column
 * means "to the end of the sheet", whatever its size.
 */
export interface GridArea {
  row: number;
  column: number;
  lastRow: number | null;
  lastColumn: number | null;
}

function shiftStart(start: number, at: number, count: number): number {
  return start >= at ? start + count : start;
}

function shiftEnd(end: number | null, at: number, count: number): number | null {
  return end === null ? null : end >= at ? end + count : end;
}

/** Adjusts an area for `count` rows (or columns) inserted at `at` (negative count: deleted from `at`). */
export function adjustArea(area: GridArea, dimension: 'rows' | 'columns', at: number, count: number): boolean {
  const startKey = dimension === 'rows' ? 'row' : 'column';
  const endKey = dimension === 'rows' ? 'lastRow' : 'lastColumn';
  if (count > 0) {
    area[startKey] = shiftStart(area[startKey], at, count);
    area[endKey] = shiftEnd(area[endKey], at, count);
    return true;
  }
  const removed = -count;
  const removedEnd = at + removed - 1;
  const start = area[startKey];
  const end = area[endKey];
  const newStart = start > removedEnd ? start - removed : start >= at ? at : start;
  let newEnd: number | null = end;
  if (end !== null) newEnd = end > removedEnd ? end - removed : end >= at ? at - 1 : end;
  area[startKey] = newStart;
  area[endKey] = newEnd;
  return newEnd === null || newEnd >= newStart;
}

/** The cells of a sheet, row by row; rows are arrays so sorting and inserting move whole cells. */
export class Grid {
  rows: Cell[][];
  columnCount: number;

  constructor(rowCount: number, columnCount: number) {
    this.columnCount = columnCount;
    this.rows = Array.from({ length: rowCount }, () => Grid.emptyRow(columnCount));
  }

  private static emptyRow(columnCount: number, like?: Cell[]): Cell[] {
    return Array.from({ length: columnCount }, (_, index) => new Cell().formattedLike(like?.[index]));
  }

  get rowCount(): number {
    return this.rows.length;
  }

  cell(row: number, column: number): Cell {
    const cell = this.rows[row - 1]?.[column - 1];
    if (!cell) throw new Error(`no cell at row ${row}, column ${column}`);
    return cell;
  }

  /** New rows start at `at`; they copy the formatting of row `likeRow` (if any). */
  insertRows(at: number, count: number, likeRow: number | null): void {
    const like = likeRow === null ? undefined : this.rows[likeRow - 1];
    const fresh = Array.from({ length: count }, () => Grid.emptyRow(this.columnCount, like));
    this.rows.splice(at - 1, 0, ...fresh);
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at - 1, count);
  }

  insertColumns(at: number, count: number, likeColumn: number | null): void {
    for (const row of this.rows) {
      const like = likeColumn === null ? undefined : row[likeColumn - 1];
      row.splice(at - 1, 0, ...Array.from({ length: count }, () => new Cell().formattedLike(like)));
    }
    this.columnCount += count;
  }

  deleteColumns(at: number, count: number): void {
    for (const row of this.rows) row.splice(at - 1, count);
    this.columnCount -= count;
  }

  /** Last row with content in any of the given columns (all columns when omitted); 0 when none. */
  lastRowWithContent(fromColumn = 1, toColumn = this.columnCount): number {
    for (let index = this.rows.length - 1; index >= 0; index -= 1) {
      const row = this.rows[index];
      if (!row) continue;
      for (let column = fromColumn - 1; column < toColumn; column += 1) {
        const cell = row[column];
        if (cell && !cell.isEmpty()) return index + 1;
      }
    }
    return 0;
  }

  lastColumnWithContent(fromRow = 1, toRow = this.rows.length): number {
    let last = 0;
    for (let index = fromRow - 1; index < toRow; index += 1) {
      const row = this.rows[index];
      if (!row) continue;
      for (let column = row.length - 1; column >= last; column -= 1) {
        const cell = row[column];
        if (cell && !cell.isEmpty()) {
          last = column + 1;
          break;
        }
      }
    }
    return last;
  }
}
