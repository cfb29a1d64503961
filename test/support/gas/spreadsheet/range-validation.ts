import { checkedState, insertCheckboxes, removeCheckboxes, setChecked } from './cell-checkboxes';
import { eachCellWith, mapCells } from './grid';
import { RangeFormatting } from './range-formatting';
import type { FakeDataValidation } from './rules';

/** Data validation on a range's cells, and checkboxes, which Sheets keeps as a CHECKBOX validation rule. */
export class RangeValidation extends RangeFormatting {
  getDataValidation(): FakeDataValidation | null {
    this.call('getDataValidation', 'read');
    return this.topLeftCell().validation;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    this.call('getDataValidations', 'read');
    return mapCells(this.cells(), (cell) => cell.validation);
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
    eachCellWith(this.cells(), rules, (cell, rule) => {
      cell.validation = rule ?? null;
    });
    return this;
  }
  clearDataValidations(): this {
    this.call('clearDataValidations', 'write');
    this.forEachCell((cell) => {
      cell.validation = null;
    });
    return this;
  }

  // ---- checkboxes

  /** Sets checkbox validation and the unchecked value on every cell, as Apps Script does. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.call('insertCheckboxes', 'write');
    this.applyCheckboxes(checkedValue, uncheckedValue);
    return this;
  }
  /** RangeList and insertCheckboxes, without counting a call. */
  applyCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): void {
    insertCheckboxes(this.cells(), checkedValue, uncheckedValue);
  }
  removeCheckboxes(): this {
    this.call('removeCheckboxes', 'write');
    removeCheckboxes(this.cells());
    return this;
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
  /** RangeList, check and uncheck, without counting a call. */
  setChecks(checked: boolean): void {
    setChecked(this.cells(), checked);
  }
  /** True if all cells are checked, false if all unchecked, null if mixed or some cell has no checkbox. */
  isChecked(): boolean | null {
    this.call('isChecked', 'read');
    return checkedState(this.cells());
  }
}
