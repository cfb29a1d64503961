import { parseA1 } from '../a1';
import type { CallKind } from '../calls';
import { MODES, SCOPES } from '../runtime';
import { enterValue } from '../values';
import { adjustArea, Grid, type GridArea } from './grid';
import { FakeRange, FakeRangeList } from './range';
import { FakeConditionalFormatRule, FakeProtection, type AreaOwner, type ProtectionTypeName } from './rules';
import type { FakeSpreadsheet } from './spreadsheet';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export class FakeSheet implements AreaOwner {
  grid: Grid;
  private frozenRows = 0;
  private frozenColumns = 0;
  private hiddenColumns = new Set<number>();
  private hiddenRows = new Set<number>();
  private columnWidths = new Map<number, number>();
  private conditionalRules: FakeConditionalFormatRule[] = [];
  private protections: FakeProtection[] = [];
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

  // ---- bookkeeping shared with Range, rules and protections

  callOnSheet(method: string, kind: CallKind, range?: string): void {
    this.spreadsheet.runtime.call('Spreadsheet', method, kind, MODES.document, SCOPES.spreadsheet, range === undefined ? { sheet: this.name } : { sheet: this.name, range });
  }

  private call(method: string, kind: CallKind, range?: string): void {
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

  rangeOf(area: GridArea): FakeRange {
    return new FakeRange(this, area);
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
    return new FakeRange(this, { row, column, lastRow: row + numRows - 1, lastColumn: column + numColumns - 1 });
  }

  rangeFromA1(a1: string): FakeRange {
    this.assertAlive();
    const parts = parseA1(a1);
    if ((parts.lastRow ?? parts.row) > this.grid.rowCount || (parts.lastColumn ?? parts.column) > this.grid.columnCount) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, { row: parts.row, column: parts.column, lastRow: parts.lastRow, lastColumn: parts.lastColumn });
  }

  protectArea(type: ProtectionTypeName, area: GridArea): FakeProtection {
    if (type === 'SHEET') {
      const existing = this.protections.find((protection) => protection.type === 'SHEET' && !protection.removed);
      if (existing) return existing;
    }
    this.track(area);
    const protection = new FakeProtection(this.spreadsheet.runtime, type, { owner: this, area }, (removed) => {
      this.protections = this.protections.filter((candidate) => candidate !== removed);
    });
    this.protections.push(protection);
    return protection;
  }

  private adjust(dimension: 'rows' | 'columns', at: number, count: number): void {
    for (const area of this.trackedAreas) adjustArea(area, dimension, at, count);
    const shiftSet = (set: Set<number>): Set<number> => {
      const next = new Set<number>();
      for (const index of set) {
        if (index < at) next.add(index);
        else if (count > 0) next.add(index + count);
        else if (index >= at - count) next.add(index + count);
      }
      return next;
    };
    if (dimension === 'rows') this.hiddenRows = shiftSet(this.hiddenRows);
    else {
      this.hiddenColumns = shiftSet(this.hiddenColumns);
      const widths = new Map<number, number>();
      for (const [column, width] of this.columnWidths) {
        if (column < at) widths.set(column, width);
        else if (count > 0) widths.set(column + count, width);
        else if (column >= at - count) widths.set(column + count, width);
      }
      this.columnWidths = widths;
    }
  }

  // ---- identity

  getName(): string {
    this.call('getName', 'other');
    return this.name;
  }
  setName(name: string): this {
    this.call('setName', 'write');
    this.spreadsheet.renameSheet(this, name);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    this.call('getSheetId', 'other');
    return this.id;
  }
  getIndex(): number {
    this.call('getIndex', 'other');
    return this.spreadsheet.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    this.call('getParent', 'other');
    return this.spreadsheet;
  }
  activate(): this {
    this.call('activate', 'other');
    this.spreadsheet.activeSheetRef = this;
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
    return new FakeRangeList(this, ranges);
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

  // ---- view

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

  // ---- rules and protection

  /** Replaces every rule of the sheet, like Apps Script. */
  setConditionalFormatRules(rules: readonly FakeConditionalFormatRule[]): void {
    this.call('setConditionalFormatRules', 'write');
    for (const rule of rules) for (const { area } of rule.areas) this.track(area);
    this.conditionalRules = [...rules];
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.call('getConditionalFormatRules', 'read');
    return [...this.conditionalRules];
  }
  clearConditionalFormatRules(): void {
    this.call('clearConditionalFormatRules', 'write');
    this.conditionalRules = [];
  }
  /** The sheet's protection: the existing one if the sheet is already protected. */
  protect(): FakeProtection {
    this.call('protect', 'write');
    return this.protectArea('SHEET', { row: 1, column: 1, lastRow: null, lastColumn: null });
  }
  getProtections(type: ProtectionTypeName): FakeProtection[] {
    this.call('getProtections', 'read');
    return this.protections.filter((protection) => protection.type === type && !protection.removed);
  }

  // ---- whole-sheet operations

  /** Sorts the rows below the frozen ones by one column, all columns moving together. */
  sort(columnPosition: number, ascending = true): this {
    this.call('sort', 'write');
    const first = this.frozenRows + 1;
    const last = this.grid.lastRowWithContent();
    if (last >= first) new FakeRange(this, { row: first, column: 1, lastRow: last, lastColumn: this.grid.columnCount }).sortCells([{ column: columnPosition, ascending }]);
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
    return new FakeRange(this, { row: 1, column: 1, lastRow, lastColumn })
      .cells()
      .map((row) => row.map((cell) => (cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value)));
  }

  /** The background conditional formatting gives a cell (first matching rule wins, as in Sheets). */
  conditionalBackgroundAt(row: number, column: number): string | null {
    const cell = this.grid.cell(row, column);
    const text = cell.value instanceof Date ? cell.value.toISOString() : String(cell.value);
    for (const rule of this.conditionalRules) {
      const inside = rule.areas.some(
        ({ area }) => row >= area.row && column >= area.column && row <= (area.lastRow ?? this.grid.rowCount) && column <= (area.lastColumn ?? this.grid.columnCount),
      );
      if (inside && rule.condition.matches(text)) return rule.condition.background;
    }
    return null;
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
