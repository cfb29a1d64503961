import { cellText, type CellValue } from './cells';
import { KEY_COLUMN, columnPosition, type LayoutShape } from './layout';
import type { RenderedRow } from './rows';

/**
 * Where rows go. Pure, so the add-on and a Sheets API writer plan the same writes: rows are found by key,
 * never by row number (people sort and insert rows), and every contiguous run of rows is one write.
 */

/** The sheet as read: the row keys (or null) from `firstRow` down, and the checkbox cells for full plans. */
export interface SheetRows {
  firstRow: number;
  keys: readonly (string | null)[];
  checks?: readonly unknown[];
}

/** Rows written with one setValues, starting at `startRow`. */
export interface RowBlock {
  startRow: number;
  rows: CellValue[][];
}

/** Last column a key read must cover: the key column, or the last column a hand-typed row is named by. */
export function keyReadWidth(layout: LayoutShape): number {
  const identityEnd = Math.max(KEY_COLUMN, ...(layout.identity?.columns.map((id) => columnPosition(layout, id)) ?? []));
  return identityEnd - KEY_COLUMN + 1;
}

/**
 * Row keys from a block read from the key column rightwards (keyReadWidth columns). A row without a key
 * but with identity cells a person typed is named by them, so a refresh adopts it.
 */
export function keysFromBlock(layout: LayoutShape, block: readonly (readonly unknown[])[]): (string | null)[] {
  const identityOffsets = layout.identity?.columns.map((id) => columnPosition(layout, id) - KEY_COLUMN) ?? [];
  return block.map((row) => {
    const key = cellText(row[0]).trim();
    if (key) return key;
    if (!layout.identity) return null;
    const texts = identityOffsets.map((offset) => cellText(row[offset]));
    if (texts.every((text) => text.trim() === '')) return null;
    return layout.identity.key(texts);
  });
}

/** Later rows for the same key win: a change list may name a key twice. */
function byKey(rows: readonly RenderedRow[]): Map<string, CellValue[]> {
  const map = new Map<string, CellValue[]>();
  for (const row of rows) map.set(row.key, row.cells);
  return map;
}

function contiguousBlocks(writes: ReadonlyMap<number, CellValue[]>): RowBlock[] {
  const rowNumbers = [...writes.keys()].sort((a, b) => a - b);
  const blocks: RowBlock[] = [];
  let current: RowBlock | null = null;
  for (const rowNumber of rowNumbers) {
    const cells = writes.get(rowNumber);
    if (!cells) continue;
    if (current && current.startRow + current.rows.length === rowNumber) current.rows.push(cells);
    else {
      current = { startRow: rowNumber, rows: [cells] };
      blocks.push(current);
    }
  }
  return blocks;
}

export interface IncrementalPlan {
  /** In-place updates, one block per contiguous run of rows. */
  updates: RowBlock[];
  /** Rows for keys the sheet does not have yet, to append below its last row. */
  appends: CellValue[][];
}

/** Changed rows are updated where their key is (every copy, if people duplicated a row); new keys are appended. */
export function planIncremental(sheet: SheetRows, rows: readonly RenderedRow[]): IncrementalPlan {
  const wanted = byKey(rows);
  const writes = new Map<number, CellValue[]>();
  const placed = new Set<string>();
  sheet.keys.forEach((key, index) => {
    if (key === null) return;
    const cells = wanted.get(key);
    if (!cells) return;
    writes.set(sheet.firstRow + index, cells);
    placed.add(key);
  });
  const appends = [...wanted].filter(([key]) => !placed.has(key)).map(([, cells]) => cells);
  return { updates: contiguousBlocks(writes), appends };
}

export interface FullPlan {
  startRow: number;
  /**
   * 2 (the key column) when every kept row stays where it is: the checkbox column is not touched. 1 when
   * rows move up over removed ones: each row's tick moves with it, so no tick lands on another order.
   */
  fromColumn: 1 | 2;
  rows: CellValue[][];
  /** Rows below the new data that held old rows, to clear. */
  clear: { startRow: number; numRows: number } | null;
  /** Rows already on the sheet and still listed; the rest of `rows` is new. */
  keptRows: number;
  /** Rows on the sheet whose key is no longer listed (or was a duplicate). */
  removedRows: number;
}

/**
 * The whole sheet from a complete list, in one block. Rows keep the order people gave them (sorting
 * survives a full refresh), keys no longer listed are dropped, new keys go below, duplicates are merged.
 */
export function planFull(sheet: SheetRows, rows: readonly RenderedRow[]): FullPlan {
  const wanted = byKey(rows);
  const kept: { key: string; index: number; checked: boolean }[] = [];
  const seen = new Set<string>();
  let extent = 0;
  sheet.keys.forEach((key, index) => {
    if (key === null) return;
    extent = index + 1;
    if (!wanted.has(key) || seen.has(key)) return;
    seen.add(key);
    kept.push({ key, index, checked: sheet.checks?.[index] === true });
  });
  const ordered: { cells: CellValue[]; checked: boolean }[] = [];
  for (const row of kept) ordered.push({ cells: wanted.get(row.key) ?? [], checked: row.checked });
  for (const [key, cells] of wanted) if (!seen.has(key)) ordered.push({ cells, checked: false });
  // A tick someone left on an empty row below the data must not land on a new order either.
  const strayTickBelow = sheet.checks?.slice(kept.length, ordered.length).some((check) => check === true) ?? false;
  const inPlace = !strayTickBelow && kept.every((row, position) => row.index === position) && kept.length === countKeyed(sheet.keys);
  const planRows = inPlace ? ordered.map((row) => row.cells) : ordered.map((row) => [row.checked, ...row.cells]);
  const clear = extent > ordered.length ? { startRow: sheet.firstRow + ordered.length, numRows: extent - ordered.length } : null;
  return { startRow: sheet.firstRow, fromColumn: inPlace ? 2 : 1, rows: planRows, clear, keptRows: kept.length, removedRows: countKeyed(sheet.keys) - kept.length };
}

function countKeyed(keys: readonly (string | null)[]): number {
  let count = 0;
  for (const key of keys) if (key !== null) count += 1;
  return count;
}
