import type { Language } from '../../shared/messages';
import { alertsLayout } from '../../shared/sheets/layouts';
import { syncStatusText, type SyncStatus } from '../../shared/sheets/status';
import type { DocumentState } from '../lib/document-state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function syncStatusOf(state: Pick<DocumentState, 'lastSyncAt' | 'lastError' | 'lastErrorAt'>): SyncStatus {
  return { lastSyncAt: state.lastSyncAt, error: state.lastError, errorAt: state.lastErrorAt };
}

/**
 * The status line in `알림`!A1: the last sync time, or the error. Add-on triggers do not email anyone
 * when they fail, so this cell (red on error) and the sidebar are where a failure shows. One setValue.
 */
export function writeSyncStatus(spreadsheet: Spreadsheet, status: SyncStatus, language: Language): string {
  const text = syncStatusText(status, language);
  const sheet = spreadsheet.getSheetByName(alertsLayout.sheetName);
  if (sheet) sheet.getRange(1, 1).setValue(text);
  return text;
}
