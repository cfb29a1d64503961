import type { CellContent } from '../values';
import { eachCell, type Cell } from './grid';
import { FakeDataValidation } from './rules';

/**
 * Checkboxes are a CHECKBOX validation rule plus a value: true/false by default, or the custom
 * checked/unchecked pair the rule carries.
 */
function checkboxValue(cell: Cell, checked: boolean): CellContent {
  const values = cell.validation?.values ?? [];
  if (values.length === 0) return checked;
  return (checked ? values[0] : values[1]) as CellContent;
}

/** Sets checkbox validation and the unchecked value on every cell, as Apps Script does. */
export function insertCheckboxes(block: readonly (readonly Cell[])[], checkedValue?: unknown, uncheckedValue?: unknown): void {
  const rule = new FakeDataValidation('CHECKBOX', checkedValue === undefined ? [] : [checkedValue, uncheckedValue ?? ''], false, '');
  eachCell(block, (cell) => {
    cell.validation = rule;
    cell.value = checkedValue === undefined ? false : ((uncheckedValue ?? '') as CellContent);
    cell.formula = '';
  });
}

/** Only cells that hold a checkbox lose it (and their value); other cells are left alone. */
export function removeCheckboxes(block: readonly (readonly Cell[])[]): void {
  eachCell(block, (cell) => {
    if (cell.validation?.criteria === 'CHECKBOX') {
      cell.validation = null;
      cell.clearContent();
    }
  });
}

/** Cells without a checkbox are skipped, as check()/uncheck() do in Apps Script. */
export function setChecked(block: readonly (readonly Cell[])[], checked: boolean): void {
  eachCell(block, (cell) => {
    if (cell.validation?.criteria === 'CHECKBOX') cell.value = checkboxValue(cell, checked);
  });
}

/** True if all cells are checked, false if all unchecked, null if mixed or some cell has no checkbox. */
export function checkedState(block: readonly (readonly Cell[])[]): boolean | null {
  const states = new Set<boolean>();
  for (const row of block) {
    for (const cell of row) {
      if (cell.validation?.criteria !== 'CHECKBOX') return null;
      states.add(cell.value === checkboxValue(cell, true));
    }
  }
  return states.size === 1 ? [...states][0] ?? null : null;
}
