import { parseA1 } from '../a1';
import type { CallKind } from '../calls';
import { MODES, SCOPES } from '../runtime';
import { adjustArea, Grid, type GridArea } from './grid';
import { FakeRange } from './range';
import { FakeRangeList } from './range-list';
import type { AreaOwner } from './rules';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/**
 * What every Sheet facet needs: the grid, the call log, its name and place in the spreadsheet, and the
 * ranges cut from it. The facets build on it in a chain, one file each: layout (sheet-layout.ts), row
 * and column structure (sheet-structure.ts), rules and protections (sheet-rules.ts), then FakeSheet.
 */
export abstract class SheetCore implements AreaOwner {
  grid: Grid;
  /** Areas of rules and protections, moved when rows or columns are inserted or deleted. */
  private trackedAreas = new Set<GridArea>();
  private hidden = false;
  private tabColor: string | null = null;
  deleted = false;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    readonly id: number,
    rows = DEFAULT_ROWS,
    columns = DEFAULT_COLUMNS,
  ) {
    this.grid = new Grid(rows, columns);
  }

  /**
   * The sheet as the whole FakeSheet, for what hands it out or keeps it (ranges, the spreadsheet's
   * active sheet): inside a facet `this` is typed as that facet only.
   */
  protected abstract asSheet(): FakeSheet;

  // ---- bookkeeping shared with Range, rules and protections

  callOnSheet(method: string, kind: CallKind, range?: string): void {
    this.spreadsheet.runtime.call('Spreadsheet', method, kind, MODES.document, SCOPES.spreadsheet, range === undefined ? { sheet: this.name } : { sheet: this.name, range });
  }

  protected call(method: string, kind: CallKind, range?: string): void {
    this.callOnSheet(`Sheet.${method}`, kind, range);
  }

  assertAlive(): void {
    if (this.deleted) throw new Error('This sheet has been deleted.');
  }

  timeZone(): string {
    return this.spreadsheet.timeZoneValue();
  }

  sheetName(): string {
    return this.name;
  }

  track(area: GridArea): void {
    this.trackedAreas.add(area);
  }

  protected adjustTrackedAreas(dimension: 'rows' | 'columns', at: number, count: number): void {
    for (const area of this.trackedAreas) adjustArea(area, dimension, at, count);
  }

  rangeOf(area: GridArea): FakeRange {
    return new FakeRange(this.asSheet(), area);
  }

  /** A bounded range, checked like Apps Script checks getRange(row, column, numRows, numColumns). */
  rangeAt(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    this.assertAlive();
    if (!Number.isInteger(row) || row < 1) throw new Error('The starting row of the range is too small.');
    if (!Number.isInteger(column) || column < 1) throw new Error('The starting column of the range is too small.');
    if (!Number.isInteger(numRows) || numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numColumns) || numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.grid.rowCount || column + numColumns - 1 > this.grid.columnCount) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.asSheet(), { row, column, lastRow: row + numRows - 1, lastColumn: column + numColumns - 1 });
  }

  rangeFromA1(a1: string): FakeRange {
    this.assertAlive();
    const parts = parseA1(a1);
    if ((parts.lastRow ?? parts.row) > this.grid.rowCount || (parts.lastColumn ?? parts.column) > this.grid.columnCount) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.asSheet(), { row: parts.row, column: parts.column, lastRow: parts.lastRow, lastColumn: parts.lastColumn });
  }

  // ---- identity

  getName(): string {
    this.call('getName', 'other');
    return this.name;
  }
  setName(name: string): this {
    this.call('setName', 'write');
    this.spreadsheet.renameSheet(this.asSheet(), name);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    this.call('getSheetId', 'other');
    return this.id;
  }
  getIndex(): number {
    this.call('getIndex', 'other');
    return this.spreadsheet.indexOf(this.asSheet()) + 1;
  }
  getParent(): FakeSpreadsheet {
    this.call('getParent', 'other');
    return this.spreadsheet;
  }
  activate(): this {
    this.call('activate', 'other');
    this.spreadsheet.activeSheetRef = this.asSheet();
    return this;
  }
  isSheetHidden(): boolean {
    this.call('isSheetHidden', 'read');
    return this.hidden;
  }
  hideSheet(): this {
    this.call('hideSheet', 'write');
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.call('showSheet', 'write');
    this.hidden = false;
    return this;
  }
  setTabColor(color: string | null): this {
    this.call('setTabColor', 'write');
    this.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    this.call('getTabColor', 'read');
    return this.tabColor;
  }

  // ---- ranges

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    const range = typeof a1OrRow === 'string' ? this.rangeFromA1(a1OrRow) : this.rangeAt(a1OrRow, column ?? Number.NaN, numRows ?? 1, numColumns ?? 1);
    this.call('getRange', 'other', range.address());
    return range;
  }
  getRangeList(a1Notations: readonly string[]): FakeRangeList {
    const ranges = a1Notations.map((a1) => this.rangeFromA1(a1));
    this.call('getRangeList', 'other', ranges.map((range) => range.address()).join(','));
    return new FakeRangeList(this.asSheet(), ranges);
  }
  getDataRange(): FakeRange {
    this.call('getDataRange', 'other');
    return this.rangeAt(1, 1, Math.max(1, this.grid.lastRowWithContent()), Math.max(1, this.grid.lastColumnWithContent()));
  }

  // ---- size

  getLastRow(): number {
    this.call('getLastRow', 'read');
    return this.grid.lastRowWithContent();
  }
  getLastColumn(): number {
    this.call('getLastColumn', 'read');
    return this.grid.lastColumnWithContent();
  }
  getMaxRows(): number {
    this.call('getMaxRows', 'read');
    return this.grid.rowCount;
  }
  getMaxColumns(): number {
    this.call('getMaxColumns', 'read');
    return this.grid.columnCount;
  }
}
