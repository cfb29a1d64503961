import { a1OpenColumns } from '../../shared/sheets/a1';
import { CHECKBOX_COLUMN, KEY_COLUMN, firstDataRowOf, totalColumnsOf, type LayoutId, type LayoutShape } from '../../shared/sheets/layout';
import { keyReadWidth, keysFromBlock, planFull, planIncremental } from '../../shared/sheets/plan';
import type { RenderedRow } from '../../shared/sheets/rows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What one sheet got from a refresh, for the refresh result a sidebar shows. */
export interface SheetWriteResult {
  layout: LayoutId;
  mode: 'full' | 'incremental';
  /** Rows rewritten where they were. */
  updated: number;
  /** Rows added below. */
  appended: number;
  /** Old rows cleared (full refresh: no longer on the server). */
  removed: number;
}

/** Rows added beyond what is needed when the sheet must grow, so appends rarely pay for a structure change. */
const GROWTH_HEADROOM = 200;

/** Inserted rows take the formats and validation of the last row (set up for whole columns). */
function ensureRows(sheet: Sheet, maxRows: number, lastNeeded: number): void {
  if (lastNeeded > maxRows) sheet.insertRowsAfter(maxRows, lastNeeded - maxRows + GROWTH_HEADROOM);
}

/**
 * A complete list: one read of the checkbox and key columns, one setValues for all rows, and one clear
 * when the sheet shrank (plus one insert when it must grow). Rows keep the order people sorted them in.
 */
export function writeFull(sheet: Sheet, layout: LayoutShape, rows: readonly RenderedRow[]): SheetWriteResult {
  const first = firstDataRowOf(layout);
  const total = totalColumnsOf(layout);
  const block = sheet.getRange(a1OpenColumns(first, CHECKBOX_COLUMN, keyReadWidth(layout) + 1)).getValues();
  const keys = keysFromBlock(layout, block.map((row) => row.slice(1)));
  const plan = planFull({ firstRow: first, keys, checks: block.map((row) => row[0]) }, rows);
  const maxRows = first + block.length - 1;
  if (plan.rows.length > 0) {
    ensureRows(sheet, maxRows, plan.startRow + plan.rows.length - 1);
    sheet.getRange(plan.startRow, plan.fromColumn, plan.rows.length, total - plan.fromColumn + 1).setValues(plan.rows);
  }
  if (plan.clear) sheet.getRange(plan.clear.startRow, 1, plan.clear.numRows, total).clearContent();
  return { layout: layout.id, mode: 'full', updated: plan.keptRows, appended: plan.rows.length - plan.keptRows, removed: plan.removedRows };
}

/**
 * Only what changed: one read of the key column, one setValues per contiguous run of changed rows (found
 * by key, wherever sorting put them), one setValues for new rows below the last used row.
 */
export function writeIncremental(sheet: Sheet, layout: LayoutShape, rows: readonly RenderedRow[]): SheetWriteResult {
  const first = firstDataRowOf(layout);
  const width = totalColumnsOf(layout) - KEY_COLUMN + 1;
  const block = sheet.getRange(a1OpenColumns(first, KEY_COLUMN, keyReadWidth(layout))).getValues();
  const plan = planIncremental({ firstRow: first, keys: keysFromBlock(layout, block) }, rows);
  for (const update of plan.updates) sheet.getRange(update.startRow, KEY_COLUMN, update.rows.length, width).setValues(update.rows);
  if (plan.appends.length > 0) {
    const start = Math.max(sheet.getLastRow() + 1, first);
    ensureRows(sheet, first + block.length - 1, start + plan.appends.length - 1);
    sheet.getRange(start, KEY_COLUMN, plan.appends.length, width).setValues(plan.appends);
  }
  const updated = plan.updates.reduce((sum, update) => sum + update.rows.length, 0);
  return { layout: layout.id, mode: 'incremental', updated, appended: plan.appends.length, removed: 0 };
}
