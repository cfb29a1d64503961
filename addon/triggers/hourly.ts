import { message } from '../../shared/messages';
import { errorSummary } from '../../shared/sidebar-contract';
import type { SheetData } from '../../shared/sheets/data';
import { readConnection } from '../api/connection';
import { serverSource } from '../api/session';
import { readDocumentState } from '../lib/document-state';
import { refreshSheets, type RefreshResult } from '../sheets/refresh';

/** A source that can only fail: refreshSheets then records the reason where a failed sync always shows. */
function failing(reason: string): { fetch(): SheetData } {
  return {
    fetch() {
      throw new Error(reason);
    },
  };
}

/**
 * The hourly clock trigger. Add-on triggers email nobody when they fail, so every outcome goes where the
 * seller looks: a failure is recorded in the document, shown in red in 알림!A1 and in the sidebar
 * (refreshSheets does this), including "not authorized any more" and "not set up".
 */
export function runHourlyRefresh(): RefreshResult | null {
  if (!SpreadsheetApp.getActiveSpreadsheet()) return null;
  const language = readDocumentState().language;
  try {
    const authorization = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    if (authorization.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) return refreshSheets(failing(message('addon.error.REAUTHORIZE', language)));
    if (!readConnection()) return refreshSheets(failing(message('addon.error.NOT_CONFIGURED', language)));
    return refreshSheets(serverSource(language));
  } catch (error) {
    // refreshSheets records its own failures; this is anything before it (a service that refused to run).
    return refreshSheets(failing(errorSummary(error)));
  }
}
