import { displayValue, type CellContent } from '../values';
import { assertValuesShape, clearCells, copyCellContent, writeValues, type ClearOptions } from './cell-content';
import { eachCellWith, mapCells } from './grid';
import { RangeGeometry } from './range-geometry';

/** What a range's cells hold: values, formulas and notes, and clearing them. */
export class RangeContent extends RangeGeometry {
  // ---- values and formulas

  getValues(): CellContent[][] {
    this.call('getValues', 'read');
    return mapCells(this.cells(), (cell) => copyCellContent(cell.value));
  }
  getValue(): CellContent {
    this.call('getValue', 'read');
    return copyCellContent(this.topLeftCell().value);
  }
  getDisplayValues(): string[][] {
    this.call('getDisplayValues', 'read');
    const timeZone = this.sheet.timeZone();
    return mapCells(this.cells(), (cell) => displayValue(cell.value, cell.numberFormat, timeZone));
  }
  getDisplayValue(): string {
    this.call('getDisplayValue', 'read');
    const cell = this.topLeftCell();
    return displayValue(cell.value, cell.numberFormat, this.sheet.timeZone());
  }
  getFormulas(): string[][] {
    this.call('getFormulas', 'read');
    return mapCells(this.cells(), (cell) => cell.formula);
  }
  getFormula(): string {
    this.call('getFormula', 'read');
    return this.topLeftCell().formula;
  }
  isBlank(): boolean {
    this.call('isBlank', 'read');
    return this.cells().every((row) => row.every((cell) => cell.isEmpty()));
  }

  /** Exact shape, like Apps Script; all cells are checked against rejecting validation before any is written. */
  setValues(values: readonly (readonly unknown[])[]): this {
    this.call('setValues', 'write');
    const cells = this.cells();
    assertValuesShape(values, cells);
    writeValues(cells, (rowIndex, columnIndex) => values[rowIndex]?.[columnIndex], this.sheet.timeZone(), this.area);
    return this;
  }
  setValue(value: unknown): this {
    this.call('setValue', 'write');
    this.writeSame(value);
    return this;
  }
  /** RangeList and setValue: every cell gets the same value. */
  writeSame(value: unknown): void {
    writeValues(this.cells(), () => value, this.sheet.timeZone(), this.area);
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
    eachCellWith(this.cells(), formulas, (cell, formula) => {
      cell.formula = formula ?? '';
      cell.value = '';
    });
    return this;
  }

  // ---- clearing

  clearContent(): this {
    this.call('clearContent', 'write');
    this.forEachCell((cell) => cell.clearContent());
    return this;
  }
  /** Without options: contents and formats. */
  clear(options?: ClearOptions): this {
    this.call('clear', 'write');
    this.clearCells(options);
    return this;
  }
  clearCells(options?: ClearOptions): void {
    clearCells(this.cells(), options);
  }
  clearFormat(): this {
    this.call('clearFormat', 'write');
    this.forEachCell((cell) => cell.clearFormat());
    return this;
  }

  // ---- notes

  getNote(): string {
    this.call('getNote', 'read');
    return this.topLeftCell().note;
  }
  getNotes(): string[][] {
    this.call('getNotes', 'read');
    return mapCells(this.cells(), (cell) => cell.note);
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
    eachCellWith(this.cells(), notes, (cell, note) => {
      cell.note = note ?? '';
    });
    return this;
  }
  clearNote(): this {
    this.call('clearNote', 'write');
    this.forEachCell((cell) => {
      cell.note = '';
    });
    return this;
  }
}
