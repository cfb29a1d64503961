import { message, type Language } from '../../shared/messages';
import type { SheetData } from '../../shared/sheets/data';
import { planSheetWrites } from '../../shared/sheets/data';
import type { LayoutShape } from '../../shared/sheets/layout';
import { alertsLayout, LAYOUTS } from '../../shared/sheets/layouts';
import type { SyncStatus } from '../../shared/sheets/status';
import { readDocumentState, writeDocumentState, type DocumentState, type LayoutStamp } from '../lib/document-state';
import { DocumentBusyError, withDocumentLock } from '../lib/lock';
import { isSetUp, layoutStamp, setUpSheet } from './setup';
import { syncStatusOf, writeSyncStatus } from './status';
import { writeFull, writeIncremental, type SheetWriteResult } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Where a refresh gets its data. The add-on's HTTP client implements it against the server (and parses
 * the response with SheetDataSchema at that boundary); tests and the bench pass lists directly.
 * `updatedSince` null asks for everything.
 */
export interface SheetSource {
  fetch(request: { updatedSince: string | null }): SheetData;
}

export interface RefreshOptions {
  /** Rewrite every sheet from a complete list, whatever the cursor. */
  full?: boolean;
  now?: () => Date;
  lockTimeoutMs?: number;
}

/** What a sidebar shows after a refresh. Strings and numbers only, so it crosses google.script.run. */
export interface RefreshResult {
  ok: boolean;
  mode: 'full' | 'incremental';
  status: SyncStatus;
  /** The status line as written in 알림!A1, in the sheets' language. */
  statusText: string;
  sheets: SheetWriteResult[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Layouts whose sheet is missing or was set up for other columns, version or language. */
function layoutsToSetUp(spreadsheet: Spreadsheet, state: DocumentState): LayoutShape[] {
  return Object.values(LAYOUTS).filter((layout) => !isSetUp(state.layouts[layout.id], layout, state.language) || !spreadsheet.getSheetByName(layout.sheetName));
}

function applyData(spreadsheet: Spreadsheet, data: SheetData, state: DocumentState, toSetUp: readonly LayoutShape[]): { sheets: SheetWriteResult[]; stamps: Record<string, LayoutStamp>; memory: DocumentState['renderMemory'] } {
  const stamps = { ...state.layouts };
  for (const layout of toSetUp) {
    setUpSheet(spreadsheet, layout, state.language, state.layouts[layout.id]);
    stamps[layout.id] = layoutStamp(layout, state.language);
  }
  const { writes, memory } = planSheetWrites(data, state.language, toSetUp.length > 0 ? {} : state.renderMemory);
  const sheets: SheetWriteResult[] = [];
  for (const write of writes) {
    const sheet = spreadsheet.getSheetByName(write.layout.sheetName);
    if (!sheet) throw new Error(`sheet ${write.layout.sheetName} is missing`);
    sheets.push(write.mode === 'full' ? writeFull(sheet, write.layout, write.rows) : writeIncremental(sheet, write.layout, write.rows));
  }
  return { sheets, stamps, memory };
}

/**
 * Refreshes the sheets from `source`: incremental from the stored cursor, or full when asked, when there
 * is no cursor yet, or when a sheet must be set up (new, deleted, other layout or language). The fetch runs
 * outside the document lock (a slow server must not block the sheet); every write runs under it.
 * Failures never throw: they are recorded, shown in 알림!A1 and returned, and the cursor stays where it
 * was, so the next refresh sends the same changes again (rows are found by key, so that is harmless).
 */
export function refreshSheets(source: SheetSource, options: RefreshOptions = {}): RefreshResult {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('refreshSheets must run inside a spreadsheet');
  const state = readDocumentState();
  const toSetUp = layoutsToSetUp(spreadsheet, state);
  const full = options.full === true || state.cursor === null || toSetUp.length > 0;
  const mode = full ? 'full' : 'incremental';

  const fail = (code: string, error: unknown): RefreshResult => {
    const failed = { ...state, lastError: message(code, state.language, { message: errorText(error) }), lastErrorAt: now };
    writeDocumentState({ lastError: failed.lastError, lastErrorAt: now });
    const status = syncStatusOf(failed);
    let statusText = '';
    try {
      statusText = withDocumentLock(() => {
        if (!spreadsheet.getSheetByName(alertsLayout.sheetName)) setUpSheet(spreadsheet, alertsLayout, state.language, undefined);
        return writeSyncStatus(spreadsheet, status, state.language);
      }, options.lockTimeoutMs);
    } catch {
      // The sheet is busy or broken; the sidebar still gets the error from the result.
    }
    return { ok: false, mode, status, statusText, sheets: [] };
  };

  let data: SheetData;
  try {
    data = source.fetch({ updatedSince: full ? null : state.cursor });
  } catch (error) {
    return fail('sync.error.source', error);
  }
  // A full request is rendered as complete even if a source forgot to say so: nothing may be half-set-up.
  if (full && !data.complete) data = { ...data, complete: true };

  try {
    const success: SyncStatus = { lastSyncAt: now, error: null, errorAt: null };
    const outcome = withDocumentLock(() => {
      const applied = applyData(spreadsheet, data, state, toSetUp);
      return { ...applied, statusText: writeSyncStatus(spreadsheet, success, state.language) };
    }, options.lockTimeoutMs);
    writeDocumentState({ cursor: data.cursor, lastSyncAt: now, lastError: null, lastErrorAt: null, layouts: outcome.stamps, renderMemory: outcome.memory });
    return { ok: true, mode, status: success, statusText: outcome.statusText, sheets: outcome.sheets };
  } catch (error) {
    return fail(error instanceof DocumentBusyError ? 'sync.error.busy' : 'sync.error.render', error);
  }
}

/** For a sidebar opening: the last sync and error, without touching the sheet. */
export function readSyncStatus(): { status: SyncStatus; language: Language } {
  const state = readDocumentState();
  return { status: syncStatusOf(state), language: state.language };
}
