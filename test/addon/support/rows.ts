import type { LayoutShape } from '../../../shared/sheets/layout';
import type { FakeSheet } from '../../support/gas';
import { rowsByKey } from '../sheets/harness';

/** The sheet row of a key, failing loudly when it is not there. */
export function rowOf(sheet: FakeSheet, layout: LayoutShape, key: string): number {
  const row = rowsByKey(sheet, layout).get(key);
  if (row === undefined) throw new Error(`no row for ${key} in ${layout.sheetName}`);
  return row;
}

