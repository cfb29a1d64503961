import { neutralize, type CellValue } from '../../shared/sheets/cells';
import { RENDERED_COLUMN, columnAt, columnPosition, type LayoutShape } from '../../shared/sheets/layout';
import { encodeRendered } from '../../shared/sheets/rendered';
import type { Outcomes } from './outcome';
import type { EditRegion, EditedRow } from './region';

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function grow(box: Box | null, row: number, column: number): Box {
  if (!box) return { top: row, left: column, bottom: row, right: column };
  return { top: Math.min(box.top, row), left: Math.min(box.left, column), bottom: Math.max(box.bottom, row), right: Math.max(box.right, column) };
}

/** What a cell goes back to, written like a refresh writes it (channel-originated text neutralised). */
function cellFor(layout: LayoutShape, column: number, value: CellValue): CellValue {
  return columnAt(layout, column)?.external && typeof value === 'string' ? neutralize(value) : value;
}

function byRow(region: EditRegion): Map<number, EditedRow> {
  return new Map(region.rows.map((row) => [row.row, row]));
}

/** Restored or normalised values: one setValues over the smallest box holding them (the rest rewritten as read). */
function writeValues(region: EditRegion, outcomes: Outcomes): void {
  const replacements = new Map<string, CellValue>();
  let box: Box | null = null;
  for (const [row, cells] of outcomes) {
    for (const [columnId, outcome] of cells) {
      const value = outcome.kind === 'refused' ? outcome.restore : outcome.kind === 'applied' ? (outcome.show ?? null) : null;
      if (value === null) continue;
      const column = columnPosition(region.layout, columnId);
      replacements.set(`${row}:${column}`, cellFor(region.layout, column, value));
      box = grow(box, row, column);
    }
  }
  if (!box) return;
  const rows = byRow(region);
  const values: unknown[][] = [];
  for (let row = box.top; row <= box.bottom; row += 1) {
    const edited = rows.get(row);
    const line: unknown[] = [];
    for (let column = box.left; column <= box.right; column += 1) {
      const key = `${row}:${column}`;
      const id = columnAt(region.layout, column)?.id;
      line.push(replacements.has(key) ? replacements.get(key) : id && edited ? (edited.value(id) ?? '') : '');
    }
    values.push(line);
  }
  region.sheet.getRange(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1).setValues(values);
}

/** A note on every cell with an outcome (cleared on success), in one setNotes. */
function writeNotes(region: EditRegion, outcomes: Outcomes): void {
  const notes = new Map<string, string>();
  let box: Box | null = null;
  for (const [row, cells] of outcomes) {
    for (const [columnId, outcome] of cells) {
      const column = columnPosition(region.layout, columnId);
      notes.set(`${row}:${column}`, outcome.kind === 'applied' ? '' : outcome.note);
      box = grow(box, row, column);
    }
  }
  if (!box) return;
  const grid: string[][] = [];
  for (let row = box.top; row <= box.bottom; row += 1) {
    const line: string[] = [];
    for (let column = box.left; column <= box.right; column += 1) line.push(notes.get(`${row}:${column}`) ?? '');
    grid.push(line);
  }
  region.sheet.getRange(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1).setNotes(grid);
}

/** The rendered snapshot (column C) of keyed rows whose "last seen" values moved, in one setValues. */
function writeRenderedColumn(region: EditRegion, outcomes: Outcomes): void {
  const updates = new Map<number, string>();
  for (const row of region.rows) {
    const cells = outcomes.get(row.row);
    if (!row.key || !row.rendered || !cells) continue;
    const values = { ...row.rendered };
    let changed = false;
    for (const [columnId, outcome] of cells) {
      const rendered = outcome.kind === 'pending' ? undefined : outcome.rendered;
      if (rendered === undefined || values[columnId] === rendered) continue;
      values[columnId] = rendered;
      changed = true;
    }
    if (changed) updates.set(row.row, encodeRendered({ key: row.key, values }));
  }
  if (updates.size === 0) return;
  const rowNumbers = [...updates.keys()];
  const top = Math.min(...rowNumbers);
  const bottom = Math.max(...rowNumbers);
  const rows = byRow(region);
  const column: unknown[][] = [];
  for (let row = top; row <= bottom; row += 1) column.push([updates.get(row) ?? rows.get(row)?.renderedCell ?? '']);
  region.sheet.getRange(top, RENDERED_COLUMN, bottom - top + 1, 1).setValues(column);
}

/**
 * Shows what became of an edit: refused cells go back (or to the server's value after a conflict), each
 * outcome gets its note, and what the user now sees becomes the rendered snapshot for the next edit. At
 * most three writes, whatever the size of the paste. Call it under the document lock.
 */
export function writeOutcomes(region: EditRegion, outcomes: Outcomes): void {
  writeValues(region, outcomes);
  writeNotes(region, outcomes);
  writeRenderedColumn(region, outcomes);
}
