export { rowOf } from './rows';
import { decodeRendered, type RenderedSnapshot } from '../../../shared/sheets/rendered';
import { RENDERED_COLUMN, columnPosition, type LayoutShape } from '../../../shared/sheets/layout';
import type { FakeSheet, GasEnvironment } from '../../support/gas';

/**
 * What a person does in the sheet: types or pastes `values` at (row, column), then Apps Script calls the
 * installable onEdit with its event. The typing itself is not counted as the add-on's calls. `oldValue` is
 * set for single-cell edits only, as in Apps Script.
 */
export function userEdit(gas: GasEnvironment, sheet: FakeSheet, row: number, column: number, values: unknown[][]): GoogleAppsScript.Events.SheetsOnEdit {
  const range = sheet.getRange(row, column, values.length, values[0]?.length ?? 1);
  const single = values.length === 1 && values[0]?.length === 1;
  const oldValue = single ? range.getValue() : undefined;
  range.setValues(values);
  gas.calls.reset();
  const event = { range, source: gas.spreadsheet, authMode: 'FULL', triggerUid: '1', user: { getEmail: () => gas.runtime.userEmail } } as Record<string, unknown>;
  if (single) {
    event['value'] = values[0]?.[0];
    event['oldValue'] = oldValue;
  }
  return event as unknown as GoogleAppsScript.Events.SheetsOnEdit;
}

export function column(layout: LayoutShape, id: string): number {
  return columnPosition(layout, id);
}

export function renderedOf(sheet: FakeSheet, row: number): RenderedSnapshot | null {
  return decodeRendered(sheet.grid.cell(row, RENDERED_COLUMN).value);
}

export function noteOf(sheet: FakeSheet, row: number, columnNumber: number): string {
  return sheet.grid.cell(row, columnNumber).note;
}
