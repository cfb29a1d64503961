import type { CellValue } from './cells';

/**
 * The last rendered value of every editable cell of a row, kept in the row's own hidden column C.
 *
 * Why there: `e.oldValue` exists only for single-cell edits, so a pasted block needs another record of what
 * the user saw. Stored in the row, it moves with the row when people sort, is written by the same setValues
 * as the row (no extra service call), and has no size ceiling that matters (50,000 characters per cell).
 * Document properties would not fit (9 KB per value, 500 KB per store: 10,000 orders × 2 editable cells
 * ≈ 600 KB) and cost Properties quota on every refresh; a separate hidden sheet would not follow a sort
 * and would cost extra Spreadsheet calls per refresh.
 *
 * The key is stored too, so an edit handler can tell when a row's cells no longer belong together (a sort
 * of only some columns) and refuse rather than send a wrong value.
 */
export interface RenderedSnapshot {
  key: string;
  values: Record<string, CellValue>;
}

export function encodeRendered(snapshot: RenderedSnapshot): string {
  return JSON.stringify({ k: snapshot.key, v: snapshot.values });
}

function isCellValue(value: unknown): value is CellValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Null for anything that is not a snapshot we wrote (empty, edited by hand, truncated). */
export function decodeRendered(text: unknown): RenderedSnapshot | null {
  if (typeof text !== 'string' || !text.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const key = record['k'];
  const values = record['v'];
  if (typeof key !== 'string' || typeof values !== 'object' || values === null) return null;
  const result: Record<string, CellValue> = {};
  for (const [id, value] of Object.entries(values)) {
    if (!isCellValue(value)) return null;
    result[id] = value;
  }
  return { key, values: result };
}
