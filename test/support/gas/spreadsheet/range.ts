import { columnToLetters } from '../a1';
import type { CallKind } from '../calls';
import { compareCells, displayValue, enterValue, type CellContent } from '../values';
import type { Cell, GridArea } from './grid';
import { FakeDataValidation, type AreaLike, type AreaOwner } from './rules';
import type { FakeSheet } from './sheet';

export type SortSpec = number | { column: number; ascending?: boolean };

function copyOut(value: CellContent): CellContent {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/**
 * A rectangle of a sheet. Like Apps Script, it is a fixed address: inserting rows does not move a Range
 * you hold. An open edge (from A1 like `B2:B`) reaches the sheet's last row or column at each call.
 */
export class FakeRange implements AreaLike {
  constructor(
    readonly sheet: FakeSheet,
    private readonly area: GridArea,
  ) {}

  // ---- geometry (no service round trip in Apps Script; counted as "other")

  private lastRowIndex(): number {
    return this.area.lastRow ?? this.sheet.grid.rowCount;
  }
  private lastColumnIndex(): number {
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

  private call(method: string, kind: CallKind): void {
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

  private forEachCell(action: (cell: Cell) => void): void {
    for (const row of this.cells()) for (const cell of row) action(cell);
  }

  toArea(): { owner: AreaOwner; area: GridArea } {
    return { owner: this.sheet, area: { ...this.area } };
  }

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
    return new FakeRange(this.sheet, { ...at, lastRow: at.row, lastColumn: at.column });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.call('offset', 'other');
    const rows = numRows ?? this.lastRowIndex() - this.area.row + 1;
    const columns = numColumns ?? this.lastColumnIndex() - this.area.column + 1;
    return this.sheet.rangeAt(this.area.row + rowOffset, this.area.column + columnOffset, rows, columns);
  }

  // ---- values

  getValues(): CellContent[][] {
    this.call('getValues', 'read');
    return this.cells().map((row) => row.map((cell) => copyOut(cell.value)));
  }
  getValue(): CellContent {
    this.call('getValue', 'read');
    return copyOut(this.sheet.grid.cell(this.area.row, this.area.column).value);
  }
  getDisplayValues(): string[][] {
    this.call('getDisplayValues', 'read');
    const timeZone = this.sheet.timeZone();
    return this.cells().map((row) => row.map((cell) => displayValue(cell.value, cell.numberFormat, timeZone)));
  }
  getDisplayValue(): string {
    this.call('getDisplayValue', 'read');
    const cell = this.sheet.grid.cell(this.area.row, this.area.column);
    return displayValue(cell.value, cell.numberFormat, this.sheet.timeZone());
  }
  getFormulas(): string[][] {
    this.call('getFormulas', 'read');
    return this.cells().map((row) => row.map((cell) => cell.formula));
  }
  getFormula(): string {
    this.call('getFormula', 'read');
    return this.sheet.grid.cell(this.area.row, this.area.column).formula;
  }
  isBlank(): boolean {
    this.call('isBlank', 'read');
    return this.cells().every((row) => row.every((cell) => cell.isEmpty()));
  }

  /** Exact shape, like Apps Script; all cells are checked against rejecting validation before any is written. */
  setValues(values: readonly (readonly unknown[])[]): this {
    this.call('setValues', 'write');
    const cells = this.cells();
    if (!Array.isArray(values)) throw new Error('The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
    if (values.length !== cells.length) throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${cells.length}.`);
    const width = cells[0]?.length ?? 0;
    for (const row of values) {
      if (row.length !== width) throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${width}.`);
    }
    this.write(cells, (rowIndex, columnIndex) => values[rowIndex]?.[columnIndex]);
    return this;
  }
  setValue(value: unknown): this {
    this.call('setValue', 'write');
    this.writeSame(value);
    return this;
  }
  /** RangeList and setValue: every cell gets the same value. */
  writeSame(value: unknown): void {
    this.write(this.cells(), () => value);
  }

  private write(cells: Cell[][], valueAt: (row: number, column: number) => unknown): void {
    const timeZone = this.sheet.timeZone();
    const entered = cells.map((row, rowIndex) => row.map((cell, columnIndex) => enterValue(valueAt(rowIndex, columnIndex), cell.numberFormat, timeZone)));
    cells.forEach((row, rowIndex) =>
      row.forEach((cell, columnIndex) => {
        const value = entered[rowIndex]?.[columnIndex]?.value ?? '';
        if (cell.validation?.rejects(value)) {
          const a1 = `${columnToLetters(this.area.column + columnIndex)}${this.area.row + rowIndex}`;
          throw new Error(`The data you entered in cell ${a1} violates the data validation rules set on this cell.`);
        }
      }),
    );
    cells.forEach((row, rowIndex) =>
      row.forEach((cell, columnIndex) => {
        const next = entered[rowIndex]?.[columnIndex];
        cell.value = next?.value ?? '';
        cell.formula = next?.formula ?? '';
      }),
    );
  }

  setFormula(formula: string): this {
    this.call('setFormula', 'write');
    this.forEachCell((cell) => {
      cell.formula = formula;
      cell.value = '';
    });
    return this;
  }
  setFormulas(formulas: readonly (readonly string[])[]): this {
    this.call('setFormulas', 'write');
    this.cells().forEach((row, rowIndex) =>
      row.forEach((cell, columnIndex) => {
        cell.formula = formulas[rowIndex]?.[columnIndex] ?? '';
        cell.value = '';
      }),
    );
    return this;
  }

  clearContent(): this {
    this.call('clearContent', 'write');
    this.forEachCell((cell) => cell.clearContent());
    return this;
  }
  /** Without options: contents and formats. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): this {
    this.call('clear', 'write');
    this.clearCells(options);
    return this;
  }
  clearCells(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): void {
    const some = options && (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    this.forEachCell((cell) => {
      if (!some || options?.contentsOnly) cell.clearContent();
      if (!some || options?.formatOnly) cell.clearFormat();
      if (options?.validationsOnly) cell.validation = null;
      if (options?.commentsOnly) cell.note = '';
    });
  }
  clearFormat(): this {
    this.call('clearFormat', 'write');
    this.forEachCell((cell) => cell.clearFormat());
    return this;
  }

  // ---- formats

  getNumberFormat(): string {
    this.call('getNumberFormat', 'read');
    return this.sheet.grid.cell(this.area.row, this.area.column).numberFormat;
  }
  getNumberFormats(): string[][] {
    this.call('getNumberFormats', 'read');
    return this.cells().map((row) => row.map((cell) => cell.numberFormat));
  }
  setNumberFormat(numberFormat: string): this {
    this.call('setNumberFormat', 'write');
    this.applyNumberFormat(numberFormat);
    return this;
  }
  applyNumberFormat(numberFormat: string): void {
    this.forEachCell((cell) => {
      cell.numberFormat = numberFormat;
    });
  }
  setNumberFormats(numberFormats: readonly (readonly string[])[]): this {
    this.call('setNumberFormats', 'write');
    this.cells().forEach((row, rowIndex) =>
      row.forEach((cell, columnIndex) => {
        const format = numberFormats[rowIndex]?.[columnIndex];
        if (format === undefined) throw new Error('The number of rows or columns in the data does not match the range.');
        cell.numberFormat = format;
      }),
    );
    return this;
  }
  getBackground(): string {
    this.call('getBackground', 'read');
    return this.sheet.grid.cell(this.area.row, this.area.column).background;
  }
  getBackgrounds(): string[][] {
    this.call('getBackgrounds', 'read');
    return this.cells().map((row) => row.map((cell) => cell.background));
  }
  setBackground(color: string | null): this {
    this.call('setBackground', 'write');
    this.applyStyle({ background: color ?? '#ffffff' });
    return this;
  }
  setFontWeight(fontWeight: string | null): this {
    this.call('setFontWeight', 'write');
    this.applyStyle({ fontWeight: fontWeight ?? 'normal' });
    return this;
  }
  getFontWeight(): string {
    this.call('getFontWeight', 'read');
    return this.sheet.grid.cell(this.area.row, this.area.column).fontWeight;
  }
  setFontColor(color: string | null): this {
    this.call('setFontColor', 'write');
    this.applyStyle({ fontColor: color ?? '#000000' });
    return this;
  }
  getFontColor(): string {
    this.call('getFontColor', 'read');
    return this.sheet.grid.cell(this.area.row, this.area.column).fontColor;
  }
  applyStyle(style: { background?: string; fontWeight?: string; fontColor?: string }): void {
    this.forEachCell((cell) => {
      if (style.background !== undefined) cell.background = style.background;
      if (style.fontWeight !== undefined) cell.fontWeight = style.fontWeight;
      if (style.fontColor !== undefined) cell.fontColor = style.fontColor;
    });
  }
  setHorizontalAlignment(alignment: string | null): this {
    void alignment;
    this.call('setHorizontalAlignment', 'write');
    return this;
  }
  setWrap(wrap: boolean): this {
    void wrap;
    this.call('setWrap', 'write');
    return this;
  }

  // ---- validation, checkboxes, notes

  getDataValidation(): FakeDataValidation | null {
    this.call('getDataValidation', 'read');
    return this.sheet.grid.cell(this.area.row, this.area.column).validation;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    this.call('getDataValidations', 'read');
    return this.cells().map((row) => row.map((cell) => cell.validation));
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    this.call('setDataValidation', 'write');
    this.forEachCell((cell) => {
      cell.validation = rule;
    });
    return this;
  }
  setDataValidations(rules: readonly (readonly (FakeDataValidation | null)[])[]): this {
    this.call('setDataValidations', 'write');
    this.cells().forEach((row, rowIndex) =>
      row.forEach((cell, columnIndex) => {
        cell.validation = rules[rowIndex]?.[columnIndex] ?? null;
      }),
    );
    return this;
  }
  clearDataValidations(): this {
    this.call('clearDataValidations', 'write');
    this.forEachCell((cell) => {
      cell.validation = null;
    });
    return this;
  }
  /** Sets checkbox validation and the unchecked value on every cell, as Apps Script does. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.call('insertCheckboxes', 'write');
    this.applyCheckboxes(checkedValue, uncheckedValue);
    return this;
  }
  applyCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): void {
    const rule = new FakeDataValidation('CHECKBOX', checkedValue === undefined ? [] : [checkedValue, uncheckedValue ?? ''], false, '');
    this.forEachCell((cell) => {
      cell.validation = rule;
      cell.value = checkedValue === undefined ? false : ((uncheckedValue ?? '') as CellContent);
      cell.formula = '';
    });
  }
  removeCheckboxes(): this {
    this.call('removeCheckboxes', 'write');
    this.forEachCell((cell) => {
      if (cell.validation?.criteria === 'CHECKBOX') {
        cell.validation = null;
        cell.clearContent();
      }
    });
    return this;
  }
  private checkboxValue(cell: Cell, checked: boolean): CellContent {
    const values = cell.validation?.values ?? [];
    if (values.length === 0) return checked;
    return (checked ? values[0] : values[1]) as CellContent;
  }
  check(): this {
    this.call('check', 'write');
    this.setChecks(true);
    return this;
  }
  uncheck(): this {
    this.call('uncheck', 'write');
    this.setChecks(false);
    return this;
  }
  setChecks(checked: boolean): void {
    this.forEachCell((cell) => {
      if (cell.validation?.criteria === 'CHECKBOX') cell.value = this.checkboxValue(cell, checked);
    });
  }
  /** True if all cells are checked, false if all unchecked, null if mixed or some cell has no checkbox. */
  isChecked(): boolean | null {
    this.call('isChecked', 'read');
    const states = new Set<boolean>();
    for (const row of this.cells()) {
      for (const cell of row) {
        if (cell.validation?.criteria !== 'CHECKBOX') return null;
        states.add(cell.value === this.checkboxValue(cell, true));
      }
    }
    return states.size === 1 ? [...states][0] ?? null : null;
  }
  getNote(): string {
    this.call('getNote', 'read');
    return this.sheet.grid.cell(this.area.row, this.area.column).note;
  }
  getNotes(): string[][] {
    this.call('getNotes', 'read');
    return this.cells().map((row) => row.map((cell) => cell.note));
  }
  setNote(note: string | null): this {
    this.call('setNote', 'write');
    this.forEachCell((cell) => {
      cell.note = note ?? '';
    });
    return this;
  }
  setNotes(notes: readonly (readonly (string | null)[])[]): this {
    this.call('setNotes', 'write');
    this.cells().forEach((row, rowIndex) =>
      row.forEach((cell, columnIndex) => {
        cell.note = notes[rowIndex]?.[columnIndex] ?? '';
      }),
    );
    return this;
  }
  clearNote(): this {
    this.call('clearNote', 'write');
    this.forEachCell((cell) => {
      cell.note = '';
    });
    return this;
  }

  // ---- structure

  protect(): ReturnType<FakeSheet['protectArea']> {
    this.call('protect', 'write');
    return this.sheet.protectArea('RANGE', { ...this.area });
  }

  /**
   * Sorts the range's rows by the given sheet columns. Only the cells inside the range move: columns to
   * its left or right stay where they are, exactly the case that misaligns row-number bookkeeping.
   */
  sort(spec: SortSpec | readonly SortSpec[]): this {
    this.call('sort', 'write');
    this.sortCells(Array.isArray(spec) ? spec : [spec as SortSpec]);
    return this;
  }
  sortCells(specs: readonly SortSpec[]): void {
    const keys = specs.map((spec) => (typeof spec === 'number' ? { column: spec, ascending: true } : { column: spec.column, ascending: spec.ascending ?? true }));
    for (const key of keys) {
      if (key.column < this.area.column || key.column > this.lastColumnIndex()) throw new Error(`Column ${key.column} is out of range of the range being sorted.`);
    }
    const rows = this.cells();
    const order = rows.map((cells, index) => ({ cells, index }));
    order.sort((a, b) => {
      for (const key of keys) {
        const offset = key.column - this.area.column;
        const result = compareCells(a.cells[offset]?.value ?? '', b.cells[offset]?.value ?? '', key.ascending);
        if (result !== 0) return result;
      }
      return a.index - b.index;
    });
    const grid = this.sheet.grid;
    order.forEach((entry, position) => {
      const gridRow = grid.rows[this.area.row - 1 + position];
      if (gridRow) gridRow.splice(this.area.column - 1, entry.cells.length, ...entry.cells);
    });
  }

  activate(): this {
    this.call('activate', 'other');
    return this;
  }
}

/** Several ranges of one sheet changed by one call (one round trip in Apps Script). */
export class FakeRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly ranges: readonly FakeRange[],
  ) {}

  private call(method: string): void {
    this.sheet.callOnSheet(`RangeList.${method}`, 'write', this.ranges.map((range) => range.address()).join(','));
  }

  getRanges(): FakeRange[] {
    this.sheet.callOnSheet('RangeList.getRanges', 'other');
    return [...this.ranges];
  }
  setNumberFormat(format: string): this {
    this.call('setNumberFormat');
    for (const range of this.ranges) range.applyNumberFormat(format);
    return this;
  }
  setValue(value: unknown): this {
    this.call('setValue');
    for (const range of this.ranges) range.writeSame(value);
    return this;
  }
  clearContent(): this {
    this.call('clearContent');
    for (const range of this.ranges) range.clearCells({ contentsOnly: true });
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.call('clear');
    for (const range of this.ranges) range.clearCells(options);
    return this;
  }
  setBackground(color: string | null): this {
    this.call('setBackground');
    for (const range of this.ranges) range.applyStyle({ background: color ?? '#ffffff' });
    return this;
  }
  setFontWeight(fontWeight: string | null): this {
    this.call('setFontWeight');
    for (const range of this.ranges) range.applyStyle({ fontWeight: fontWeight ?? 'normal' });
    return this;
  }
  setFontColor(color: string | null): this {
    this.call('setFontColor');
    for (const range of this.ranges) range.applyStyle({ fontColor: color ?? '#000000' });
    return this;
  }
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.call('insertCheckboxes');
    for (const range of this.ranges) range.applyCheckboxes(checkedValue, uncheckedValue);
    return this;
  }
  check(): this {
    this.call('check');
    for (const range of this.ranges) range.setChecks(true);
    return this;
  }
  uncheck(): this {
    this.call('uncheck');
    for (const range of this.ranges) range.setChecks(false);
    return this;
  }
}
