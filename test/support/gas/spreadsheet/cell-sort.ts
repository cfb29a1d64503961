import { compareCells } from '../values';
import type { Cell, Grid } from './grid';

/** A sheet column number, or one with its direction (ascending unless said otherwise). */
export type SortSpec = number | { column: number; ascending?: boolean };

export interface SortKey {
  column: number;
  ascending: boolean;
}

/** Normalises the specs and refuses, like Apps Script, a column outside the columns being sorted. */
export function sortKeys(specs: readonly SortSpec[], firstColumn: number, lastColumn: number): SortKey[] {
  const keys = specs.map((spec) => (typeof spec === 'number' ? { column: spec, ascending: true } : { column: spec.column, ascending: spec.ascending ?? true }));
  for (const key of keys) {
    if (key.column < firstColumn || key.column > lastColumn) throw new Error(`Column ${key.column} is out of range of the range being sorted.`);
  }
  return keys;
}

/**
 * Sorts a block's rows and puts them back into the grid; cells outside the block do not move. Ties keep
 * their current order so a test sees one deterministic result.
 */
export function sortBlockRows(grid: Grid, block: readonly Cell[][], origin: { row: number; column: number }, keys: readonly SortKey[]): void {
  const order = block.map((cells, index) => ({ cells, index }));
  order.sort((a, b) => {
    for (const key of keys) {
      const offset = key.column - origin.column;
      const result = compareCells(a.cells[offset]?.value ?? '', b.cells[offset]?.value ?? '', key.ascending);
      if (result !== 0) return result;
    }
    return a.index - b.index;
  });
  order.forEach((entry, position) => {
    const gridRow = grid.rows[origin.row - 1 + position];
    if (gridRow) gridRow.splice(origin.column - 1, entry.cells.length, ...entry.cells);
  });
}
