import { parseOrderKey } from '../../shared/ids';
import { cellText } from '../../shared/sheets/cells';
import { CHECKBOX_COLUMN, KEY_COLUMN, columnPosition, firstDataRowOf, totalColumnsOf } from '../../shared/sheets/layout';
import { ordersLayout } from '../../shared/sheets/layouts';
import { SidebarFailure } from '../../shared/sidebar-contract';

/** One row of 주문 as read back: its order key and the visible cells, by column id. */
export interface OrderRow {
  row: number;
  key: string;
  checked: boolean;
  cell(columnId: string): string;
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new SidebarFailure('addon.error.NO_SPREADSHEET');
  return spreadsheet;
}

/**
 * Every keyed row of 주문 in one read (checkbox through the last column; `width` narrows it to the
 * checkbox and key columns when the rest is not needed). Rows whose key is not an order key are skipped.
 */
export function readOrderRows(options: { withCells?: boolean } = {}): OrderRow[] {
  const sheet = activeSpreadsheet().getSheetByName(ordersLayout.sheetName);
  if (!sheet) return [];
  const first = firstDataRowOf(ordersLayout);
  const last = sheet.getLastRow();
  if (last < first) return [];
  const width = options.withCells ? totalColumnsOf(ordersLayout) : KEY_COLUMN;
  const values = sheet.getRange(first, CHECKBOX_COLUMN, last - first + 1, width).getValues();
  const rows: OrderRow[] = [];
  values.forEach((cells, index) => {
    const key = cellText(cells[KEY_COLUMN - 1]).trim();
    if (!parseOrderKey(key)) return;
    rows.push({
      row: first + index,
      key,
      checked: cells[CHECKBOX_COLUMN - 1] === true,
      cell: (columnId) => cellText(cells[columnPosition(ordersLayout, columnId) - 1]).trim(),
    });
  });
  return rows;
}

/** The rows ticked in 주문, each order once; refuses with a readable error when none is. */
export function checkedOrderRows(options: { withCells?: boolean } = {}): OrderRow[] {
  const seen = new Set<string>();
  const checked = readOrderRows(options).filter((row) => {
    if (!row.checked || seen.has(row.key)) return false;
    seen.add(row.key);
    return true;
  });
  if (checked.length === 0) throw new SidebarFailure('sidebar.error.NO_ROWS_CHECKED');
  return checked;
}
