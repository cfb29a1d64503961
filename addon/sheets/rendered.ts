import { cellText } from '../../shared/sheets/cells';
import { KEY_COLUMN, RENDERED_COLUMN, columnPosition, firstDataRowOf, type LayoutShape } from '../../shared/sheets/layout';
import { decodeRendered, encodeRendered, type RenderedSnapshot } from '../../shared/sheets/rendered';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RenderedRowState {
  row: number;
  /** The row's key, from the key column; '' for a row typed by hand. */
  key: string;
  /**
   * What the editable cells showed after the last refresh. Null when the row was never rendered, or when
   * its key, snapshot and anchor cell disagree (some columns were sorted apart from the others): an edit
   * of such a row must be refused, not sent with a value the user never saw.
   */
  rendered: RenderedSnapshot | null;
}

/**
 * For an edit handler: the key and last rendered editable values of rows `startRow..startRow+numRows-1`,
 * in one read (key column through the anchor column). e.oldValue exists only for single-cell edits; this
 * also covers pastes of many cells.
 */
export function readRenderedRows(sheet: Sheet, layout: LayoutShape, startRow: number, numRows: number): RenderedRowState[] {
  const first = Math.max(startRow, firstDataRowOf(layout));
  const last = startRow + numRows - 1;
  if (last < first) return [];
  const anchorOffset = columnPosition(layout, layout.anchor.column) - KEY_COLUMN;
  const values = sheet.getRange(first, KEY_COLUMN, last - first + 1, anchorOffset + 1).getValues();
  return values.map((cells, index) => {
    const key = cellText(cells[0]).trim();
    const rendered = decodeRendered(cells[RENDERED_COLUMN - KEY_COLUMN]);
    const anchorMatches = layout.anchor.fromKey(key) === cellText(cells[anchorOffset]).trim();
    return { row: first + index, key, rendered: rendered && rendered.key === key && anchorMatches ? rendered : null };
  });
}

/** After an accepted edit, the new value becomes what the user "saw", for the next edit of that cell. */
export function writeRendered(sheet: Sheet, row: number, snapshot: RenderedSnapshot): void {
  sheet.getRange(row, RENDERED_COLUMN).setValue(encodeRendered(snapshot));
}
