import { readDocumentState } from '../lib/document-state';
import { readConnection } from '../api/connection';
import { notConfigured } from '../api/errors';
import { serverSource } from '../api/session';
import { refreshSheets, type RefreshResult } from '../sheets/refresh';

/** Rows a refresh rewrote or added, over every sheet. */
export function updatedRows(result: RefreshResult): number {
  return result.sheets.reduce((sum, sheet) => sum + sheet.updated + sheet.appended, 0);
}

/**
 * Refreshes the sheets from the server: incremental from the stored cursor, or full. Without a connection
 * it refuses before touching anything, so a seller who never set one up sees "set it up", not a sync error.
 */
export function refreshFromServer(options: { full?: boolean } = {}): RefreshResult {
  if (!readConnection()) throw notConfigured();
  return refreshSheets(serverSource(readDocumentState().language), options);
}
