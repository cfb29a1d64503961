import { sortBlockRows, sortKeys, type SortSpec } from './cell-sort';
import { RangeValidation } from './range-validation';
import type { FakeProtection } from './rules';

export type { SortSpec } from './cell-sort';

/**
 * SpreadsheetApp.Range. Its methods are grouped by facet along a chain of base classes, one file each:
 * geometry (range-geometry.ts), content and notes (range-content.ts), formatting (range-formatting.ts),
 * validation and checkboxes (range-validation.ts); this last link adds what changes the sheet around
 * the cells: protection and sorting.
 */
export class FakeRange extends RangeValidation {
  protect(): FakeProtection {
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
  /** sort and Sheet.sort, without counting a call. */
  sortCells(specs: readonly SortSpec[]): void {
    const keys = sortKeys(specs, this.area.column, this.lastColumnIndex());
    sortBlockRows(this.sheet.grid, this.cells(), this.area, keys);
  }

  activate(): this {
    this.call('activate', 'other');
    return this;
  }
}
