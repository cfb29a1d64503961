import { MESSAGES, message, type Language } from '../messages';
import { formatKst } from './cells';

/**
 * The sync status the sheet shows in `알림`!A1 and a sidebar shows from the refresh result: the last
 * successful sync, or the last error with when it happened. Strings only, so it crosses google.script.run.
 */
export interface SyncStatus {
  /** ISO time of the last successful refresh; null before the first. */
  lastSyncAt: string | null;
  /** The last refresh's error, readable; null when it succeeded. */
  error: string | null;
  /** ISO time of the failed attempt, when error is set. */
  errorAt: string | null;
}

export function syncStatusText(status: SyncStatus, language: Language): string {
  const lastOk = status.lastSyncAt ? formatKst(status.lastSyncAt) : message('sync.status.never', language);
  if (status.error) return message('sync.status.error', language, { at: formatKst(status.errorAt), message: status.error, lastOk });
  return message('sync.status.ok', language, { at: lastOk });
}

/** The fixed start of the error line, for the conditional format that turns it red. */
export function syncErrorPrefix(language: Language): string {
  return (MESSAGES['sync.status.error'][language].split('{')[0] ?? '').trim();
}
