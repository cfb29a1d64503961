import { MAX_BATCH } from '../../shared/catalog';
import { API } from '../../shared/api/routes';
import type { OrderResult } from '../../shared/api/orders';
import { message, type Language } from '../../shared/messages';
import { cellText } from '../../shared/sheets/cells';
import { SidebarFailure } from '../../shared/sidebar-contract';
import type { ApiClient } from '../api/client';
import { readableError } from '../api/session';
import { chunks } from '../lib/chunks';
import { withDocumentLock } from '../lib/lock';
import { matchHeaders, OHOUSE_FIELDS, type AliasTable, type OhouseField } from './fields';
import { parseOhouseRows, pastedText, type PastedRow, type RowProblem } from './parse';
import { ensureSettingsSheet, readOhouseSettings } from './settings-sheet';

/** The export's header is near the top; a title or a note may sit above it. */
const HEADER_SEARCH_ROWS = 30;

export interface ImportSummary {
  orders: number;
  created: number;
  failedRows: number;
  text: string;
}

interface Table {
  headerRow: number;
  columns: Partial<Record<OhouseField, number>>;
  resultColumn: number;
}

function findTable(values: readonly (readonly unknown[])[], aliases: AliasTable): Table | null {
  const resultHeaders = (['ko', 'en'] as const).map((language) => message('ohouse.import.resultHeader', language));
  for (let index = 0; index < Math.min(values.length, HEADER_SEARCH_ROWS); index += 1) {
    const header = (values[index] ?? []).map((cell) => cellText(cell).trim());
    const columns = matchHeaders(header, aliases);
    if (!columns) continue;
    const existing = header.findIndex((text) => resultHeaders.includes(text));
    const lastHeader = header.reduce((last, text, column) => (text !== '' ? column : last), 0);
    return { headerRow: index, columns, resultColumn: existing >= 0 ? existing : lastHeader + 1 };
  }
  return null;
}

const FIELD_OF_PATH: Record<string, OhouseField> = {
  'receiver.name': 'receiver',
  'receiver.phone': 'phone',
  'receiver.zip': 'zip',
  'receiver.address1': 'address1',
  'receiver.address2': 'address2',
};

function problemText(problem: RowProblem, language: Language): string {
  const path = problem.field.replace(/^lines\.\d+\./, '');
  const field = FIELD_OF_PATH[path] ?? path;
  const known = OHOUSE_FIELDS.some((candidate) => candidate.id === field);
  const label = known ? message(`ohouse.field.${field}`, language) : field;
  return problem.problem === 'missing' ? message('ohouse.import.missing', language, { field: label }) : message('ohouse.import.invalid', language, { field: label, problem: problem.problem });
}

function resultText(result: OrderResult, language: Language): string {
  if (result.result === 'error') return message('ohouse.import.failed', language, { message: result.error.message });
  const reason = result.reason ? ` (${message(`held.${result.reason}`, language)})` : '';
  return message(result.replay ? 'ohouse.import.replay' : 'ohouse.import.applied', language, { state: `${message(`state.${result.status}`, language)}${reason}` });
}

/**
 * 오늘의집 주문 가져오기: reads the tab where the seller pasted the 오로라 export, finds its columns by the
 * header names in 설정, sends the orders through POST /v1/orders (channel `ohouse`, idempotent per line, so
 * importing the same export twice changes nothing) and writes a result beside every row.
 */
export function importOhouseOrders(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, client: ApiClient, language: Language): ImportSummary {
  const settings = readOhouseSettings(withDocumentLock(() => ensureSettingsSheet(spreadsheet, language)));
  const tab = spreadsheet.getSheetByName(settings.ordersTab);
  if (!tab) {
    withDocumentLock(() => spreadsheet.insertSheet(settings.ordersTab).getRange(1, 1).setValue(message('ohouse.import.instructions', language)));
    throw new SidebarFailure('ohouse.import.noRows', { tab: settings.ordersTab });
  }
  const values = tab.getDataRange().getValues();
  const table = findTable(values, settings.aliases);
  if (!table) throw new SidebarFailure('ohouse.import.noHeader', { tab: settings.ordersTab });
  const rows: PastedRow[] = [];
  for (let index = table.headerRow + 1; index < values.length; index += 1) {
    const cells = values[index] ?? [];
    const get = (field: OhouseField): string => {
      const column = table.columns[field];
      return column === undefined ? '' : pastedText(cells[column]);
    };
    if (OHOUSE_FIELDS.every((field) => get(field.id) === '')) continue;
    rows.push({ row: index + 1, get });
  }
  if (rows.length === 0) throw new SidebarFailure('ohouse.import.noRows', { tab: settings.ordersTab });

  const parsed = parseOhouseRows(rows, settings.account);
  const results = new Map<number, string>();
  for (const [row, problem] of parsed.problems) results.set(row, problemText(problem, language));
  let imported = 0;
  let created = 0;
  let failed = parsed.problems.size;
  for (const batch of chunks(parsed.orders, MAX_BATCH)) {
    let answers: OrderResult[] = [];
    let failure: string | null = null;
    try {
      answers = client.call(API.postOrders, { body: { orders: batch.map((order) => order.input) } }).results;
    } catch (error) {
      failure = readableError(error, language);
    }
    batch.forEach((order, index) => {
      const answer = answers[index];
      if (answer?.result === 'applied') {
        imported += 1;
        if (answer.created) created += 1;
      } else failed += order.rows.length;
      const text = answer ? resultText(answer, language) : message('ohouse.import.failed', language, { message: failure ?? '' });
      for (const row of order.rows) results.set(row, text);
    });
  }

  const firstRow = table.headerRow + 1;
  const lastRow = Math.max(...rows.map((row) => row.row));
  const column: string[][] = [[message('ohouse.import.resultHeader', language)]];
  for (let row = firstRow + 1; row <= lastRow; row += 1) column.push([results.get(row) ?? '']);
  withDocumentLock(() => {
    const maxColumns = tab.getMaxColumns();
    if (table.resultColumn + 1 > maxColumns) tab.insertColumnsAfter(maxColumns, table.resultColumn + 1 - maxColumns);
    tab.getRange(firstRow, table.resultColumn + 1, column.length, 1).setValues(column);
  });
  return { orders: imported, created, failedRows: failed, text: message('ohouse.import.summary', language, { orders: imported, created, failed }) };
}
