import { withDocumentLock } from '../lib/lock';

/**
 * Rewrites a whole export tab: cleared, then the header and rows in one setValues. Columns marked as text
 * are formatted '@' first, so a 12-digit tracking number or a line id stays exactly as written (Excel and
 * Sheets would otherwise show 1.2E+11) when the seller downloads the tab for the console's bulk upload.
 */
export function writeExportTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  textColumns: readonly boolean[],
): void {
  withDocumentLock(() => {
    const sheet = spreadsheet.getSheetByName(name) ?? spreadsheet.insertSheet(name);
    sheet.clearContents();
    const height = rows.length + 1;
    if (sheet.getMaxRows() < height) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
    if (sheet.getMaxColumns() < header.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
    sheet.getRange(1, 1, height, header.length).setNumberFormats(Array.from({ length: height }, () => textColumns.map((text) => (text ? '@' : '0'))));
    sheet.getRange(1, 1, height, header.length).setValues([[...header], ...rows.map((row) => [...row])]);
    sheet.setFrozenRows(1);
  });
}
