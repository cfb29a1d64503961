/** A1 notation for the writers: the add-on addresses ranges by row and column, the Sheets API by A1 string. */

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column must be a positive integer, got ${column}`);
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** `B2:X10`, or `B2` for one cell. */
export function a1Range(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetter(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;
}

/** `B2:B`: from a row to the bottom of the sheet, however many rows it gets later. */
export function a1OpenColumns(fromRow: number, column: number, numColumns = 1): string {
  return `${columnLetter(column)}${fromRow}:${columnLetter(column + numColumns - 1)}`;
}

/** A sheet name quoted for A1 (`'주문'!A1`); quotes inside the name are doubled. */
export function a1WithSheet(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}
