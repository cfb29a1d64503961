import type { CellValue } from '../../shared/sheets/cells';
import { cellText } from '../../shared/sheets/cells';
import { FIRST_DATA_COLUMN, KEY_COLUMN, RENDERED_COLUMN, columnPosition, firstDataRowOf, totalColumnsOf, type LayoutShape } from '../../shared/sheets/layout';
import { decodeRendered } from '../../shared/sheets/rendered';

/** One row touched by an edit: what it holds now, what the user saw, and which editable cells changed. */
export interface EditedRow {
  row: number;
  /** The row key; '' for a row typed by hand. */
  key: string;
  /** What the editable cells showed after the last refresh; null when never rendered or not trustworthy. */
  rendered: Record<string, CellValue> | null;
  /** Column C as it is now, written back unchanged when nothing about the row changes. */
  renderedCell: unknown;
  /** Editable column ids edited in this row, in sheet order. */
  edited: string[];
  /** The current value of a column of this row (as getValues returns it). */
  value(columnId: string): unknown;
  /** The current text of a column of this row, trimmed, with our formula escape removed. */
  text(columnId: string): string;
}

export interface EditRegion {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  layout: LayoutShape;
  rows: EditedRow[];
}

/** The editable columns (by id) whose sheet positions fall within [first, last]. */
export function editableColumnsWithin(layout: LayoutShape, first: number, last: number): string[] {
  return layout.columns.filter((column, index) => column.editable && FIRST_DATA_COLUMN + index >= first && FIRST_DATA_COLUMN + index <= last).map((column) => column.id);
}

/**
 * What the user saw in the row, if it can be trusted: the snapshot in column C must name the row's key, and
 * the visible anchor cell (order id, SKU, listing id) must follow from that key, unless this very edit
 * changed the anchor. Otherwise the row's cells were sorted apart (a sort of some columns only) and an edit
 * must not be sent with a value nobody saw there.
 */
function trustedSnapshot(layout: LayoutShape, key: string, renderedCell: unknown, anchorText: string, anchorEdited: boolean): Record<string, CellValue> | null {
  const snapshot = decodeRendered(renderedCell);
  if (!key || !snapshot || snapshot.key !== key) return null;
  if (!anchorEdited && layout.anchor.fromKey(key) !== anchorText) return null;
  return snapshot.values;
}

/**
 * The rows of an edited range that touch editable columns, in one read of those rows. Null when the edit
 * concerns nothing Sheetship handles: header rows, checkbox ticks, server-owned columns.
 */
export function readEditRegion(range: GoogleAppsScript.Spreadsheet.Range, layout: LayoutShape): EditRegion | null {
  const firstColumn = range.getColumn();
  const editedColumns = editableColumnsWithin(layout, firstColumn, firstColumn + range.getNumColumns() - 1);
  if (editedColumns.length === 0) return null;
  const firstRow = Math.max(range.getRow(), firstDataRowOf(layout));
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return null;
  const sheet = range.getSheet();
  const cells = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, totalColumnsOf(layout)).getValues();
  const anchorEdited = editedColumns.includes(layout.anchor.column);
  const rows = cells.map((rowCells, index): EditedRow => {
    const value = (columnId: string): unknown => rowCells[columnPosition(layout, columnId) - 1];
    const text = (columnId: string): string => cellText(value(columnId)).trim();
    const key = cellText(rowCells[KEY_COLUMN - 1]).trim();
    const renderedCell = rowCells[RENDERED_COLUMN - 1] ?? '';
    return { row: firstRow + index, key, rendered: trustedSnapshot(layout, key, renderedCell, text(layout.anchor.column), anchorEdited), renderedCell, edited: editedColumns, value, text };
  });
  return { sheet, layout, rows };
}
