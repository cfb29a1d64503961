import type { CellValue } from '../../shared/sheets/cells';
import { cellText } from '../../shared/sheets/cells';
import { FIRST_DATA_COLUMN, RENDERED_COLUMN, columnPosition, firstDataRowOf, totalColumnsOf, type LayoutShape } from '../../shared/sheets/layout';
import { readRenderedRows } from '../sheets/rendered';

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
 * The rows of an edited range that touch editable columns, in two reads (the rendered snapshots with their
 * keys, and the rows' current cells). Null when the edit concerns nothing Sheetship handles: header rows,
 * checkbox ticks, server-owned columns.
 */
export function readEditRegion(range: GoogleAppsScript.Spreadsheet.Range, layout: LayoutShape): EditRegion | null {
  const firstColumn = range.getColumn();
  const editedColumns = editableColumnsWithin(layout, firstColumn, firstColumn + range.getNumColumns() - 1);
  if (editedColumns.length === 0) return null;
  const firstRow = Math.max(range.getRow(), firstDataRowOf(layout));
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return null;
  const sheet = range.getSheet();
  const count = lastRow - firstRow + 1;
  const snapshots = readRenderedRows(sheet, layout, firstRow, count);
  const cells = sheet.getRange(firstRow, 1, count, totalColumnsOf(layout)).getValues();
  const rows = snapshots.map((snapshot, index): EditedRow => {
    const rowCells = cells[index] ?? [];
    const value = (columnId: string): unknown => rowCells[columnPosition(layout, columnId) - 1];
    return {
      row: snapshot.row,
      key: snapshot.key,
      rendered: snapshot.rendered?.values ?? null,
      renderedCell: rowCells[RENDERED_COLUMN - 1] ?? '',
      edited: editedColumns,
      value,
      text: (columnId) => cellText(value(columnId)).trim(),
    };
  });
  return { sheet, layout, rows };
}
