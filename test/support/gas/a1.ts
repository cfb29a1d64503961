/**
 * The fakes' own A1 parser, deliberately separate from shared/sheets/a1.ts: a fake that shared the code
 * under test would agree with its bugs.
 */
export interface A1Parts {
  sheetName: string | null;
  row: number;
  column: number;
  /** Null: to the last row (or column) of the sheet, whatever its size then. */
  lastRow: number | null;
  lastColumn: number | null;
}

export function letterToColumn(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

export function columnToLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function splitSheet(a1: string): [string | null, string] {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return [null, a1];
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return [name, a1.slice(bang + 1)];
}

/** A1, A1:B2, A:B, 2:5, A3:B (to the last row), $A$1. Throws "Range not found" like Apps Script. */
export function parseA1(a1: string): A1Parts {
  const [sheetName, ref] = splitSheet(a1.trim());
  const pieces = ref.split(':');
  if (pieces.length > 2) throw new Error('Range not found');
  const start = CELL.exec(pieces[0] ?? '');
  if (!start) throw new Error('Range not found');
  const [, startLetters, startDigits] = start;
  if (pieces.length === 1) {
    if (!startLetters || !startDigits) throw new Error('Range not found');
    const row = Number(startDigits);
    const column = letterToColumn(startLetters);
    if (row < 1) throw new Error('Range not found');
    return { sheetName, row, column, lastRow: row, lastColumn: column };
  }
  const end = CELL.exec(pieces[1] ?? '');
  if (!end) throw new Error('Range not found');
  const [, endLetters, endDigits] = end;
  // Columns on both ends or on neither (2:5); a row on the end needs one on the start (A:B5 is not A1).
  if (Boolean(startLetters) !== Boolean(endLetters) || (endDigits && !startDigits) || (!startLetters && !startDigits)) throw new Error('Range not found');
  let row = startDigits ? Number(startDigits) : 1;
  let column = startLetters ? letterToColumn(startLetters) : 1;
  let lastRow = endDigits ? Number(endDigits) : null;
  let lastColumn = endLetters ? letterToColumn(endLetters) : null;
  if (row < 1 || (lastRow !== null && lastRow < 1)) throw new Error('Range not found');
  // Apps Script normalises B2:A1 to A1:B2.
  if (lastRow !== null && lastRow < row) [row, lastRow] = [lastRow, row];
  if (lastColumn !== null && lastColumn < column) [column, lastColumn] = [lastColumn, column];
  return { sheetName, row, column, lastRow, lastColumn };
}
