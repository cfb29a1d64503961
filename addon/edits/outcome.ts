import type { CellValue } from '../../shared/sheets/cells';

/**
 * What became of one edited cell.
 * - applied: the server took it; `rendered` is now what the user saw (and `show`, when set, replaces the
 *   typed text, for example a tracking number without hyphens).
 * - refused: not applied; the cell shows `restore` (the value before, or the server's current one after a
 *   conflict) or keeps the typed text when `restore` is null, and the note says why.
 * - pending: nothing sent yet (a new row still missing a cell); the typed text stays, the note says what is
 *   missing.
 */
export type CellOutcome =
  | { kind: 'applied'; rendered: CellValue; show?: CellValue }
  | { kind: 'refused'; note: string; restore: CellValue | null; rendered?: CellValue }
  | { kind: 'pending'; note: string };

/** Outcomes by sheet row, then by column id. */
export type Outcomes = Map<number, Map<string, CellOutcome>>;

export function setOutcome(outcomes: Outcomes, row: number, columnId: string, outcome: CellOutcome): void {
  let cells = outcomes.get(row);
  if (!cells) {
    cells = new Map();
    outcomes.set(row, cells);
  }
  cells.set(columnId, outcome);
}

/** Every listed cell of a row gets the same outcome (one request covered them all). */
export function setOutcomes(outcomes: Outcomes, row: number, columnIds: readonly string[], outcome: (columnId: string) => CellOutcome): void {
  for (const columnId of columnIds) setOutcome(outcomes, row, columnId, outcome(columnId));
}
