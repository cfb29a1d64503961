import { columnToLetters } from '../a1';
import type { CallKind } from '../calls';
import { eachCell, type Cell, type GridArea } from './grid';
import type { FakeRange } from './range';
import type { AreaLike, AreaOwner } from './rules';
import type { FakeSheet } from './sheet';

/**
 * Where a range is and which cells it covers: the base the other Range facets (content, formatting,
 * validation) build on, each in its own file. Like Apps Script, a range is a fixed address: inserting
 * rows does not move a Range you hold. An open edge (from A1 like `B2:B`) reaches the sheet's last row
 * or column at each call.
 */
export class RangeGeometry implements AreaLike {
  constructor(
    readonly sheet: FakeSheet,
    protected readonly area: GridArea,
  ) {}

  // ---- for the facets and the fake's own inspection, never counted

  protected lastRowIndex(): number {
    return this.area.lastRow ?? this.sheet.grid.rowCount;
  }
  protected lastColumnIndex(): number {
    return this.area.lastColumn ?? this.sheet.grid.columnCount;
  }
  /** The A1 address, without counting a call. */
  address(): string {
    const { row, column, lastRow, lastColumn } = this.area;
    const startColumn = columnToLetters(column);
    if (lastRow === null && lastColumn === null) return `${startColumn}${row}:${columnToLetters(this.sheet.grid.columnCount)}`;
    if (lastRow === null) return row === 1 ? `${startColumn}:${columnToLetters(lastColumn ?? column)}` : `${startColumn}${row}:${columnToLetters(lastColumn ?? column)}`;
    if (lastColumn === null) return column === 1 ? `${row}:${lastRow}` : `${startColumn}${row}:${lastRow}`;
    const start = `${startColumn}${row}`;
    return row === lastRow && column === lastColumn ? start : `${start}:${columnToLetters(lastColumn)}${lastRow}`;
  }

  protected call(method: string, kind: CallKind): void {
    this.sheet.callOnSheet(`Range.${method}`, kind, this.address());
  }

  /** The cells, row by row, without counting a call: for RangeList and for the fake's own inspection. */
  cells(): Cell[][] {
    this.sheet.assertAlive();
    const grid = this.sheet.grid;
    const rows: Cell[][] = [];
    const lastColumn = this.lastColumnIndex();
    for (let row = this.area.row; row <= this.lastRowIndex(); row += 1) {
      const gridRow = grid.rows[row - 1];
      if (!gridRow) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      rows.push(gridRow.slice(this.area.column - 1, lastColumn));
    }
    return rows;
  }

  protected forEachCell(action: (cell: Cell) => void): void {
    eachCell(this.cells(), action);
  }

  /** The cell the singular getters (getValue, getNote, ...) read, as in Apps Script. */
  protected topLeftCell(): Cell {
    return this.sheet.grid.cell(this.area.row, this.area.column);
  }

  toArea(): { owner: AreaOwner; area: GridArea } {
    return { owner: this.sheet, area: { ...this.area } };
  }

  // ---- geometry (no service round trip in Apps Script; counted as "other")

  getA1Notation(): string {
    this.call('getA1Notation', 'other');
    return this.address();
  }
  getRow(): number {
    this.call('getRow', 'other');
    return this.area.row;
  }
  getColumn(): number {
    this.call('getColumn', 'other');
    return this.area.column;
  }
  getNumRows(): number {
    this.call('getNumRows', 'other');
    return this.lastRowIndex() - this.area.row + 1;
  }
  getNumColumns(): number {
    this.call('getNumColumns', 'other');
    return this.lastColumnIndex() - this.area.column + 1;
  }
  getLastRow(): number {
    this.call('getLastRow', 'other');
    return this.lastRowIndex();
  }
  getLastColumn(): number {
    this.call('getLastColumn', 'other');
    return this.lastColumnIndex();
  }
  getSheet(): FakeSheet {
    this.call('getSheet', 'other');
    return this.sheet;
  }
  getCell(row: number, column: number): FakeRange {
    this.call('getCell', 'other');
    const numRows = this.lastRowIndex() - this.area.row + 1;
    const numColumns = this.lastColumnIndex() - this.area.column + 1;
    if (row < 1 || column < 1 || row > numRows || column > numColumns) throw new Error('Cell reference out of range');
    const at = { row: this.area.row + row - 1, column: this.area.column + column - 1 };
    return this.sheet.rangeOf({ ...at, lastRow: at.row, lastColumn: at.column });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.call('offset', 'other');
    const rows = numRows ?? this.lastRowIndex() - this.area.row + 1;
    const columns = numColumns ?? this.lastColumnIndex() - this.area.column + 1;
    return this.sheet.rangeAt(this.area.row + rowOffset, this.area.column + columnOffset, rows, columns);
  }
}
