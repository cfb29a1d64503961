import { message, type Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { readableError, connectedClient } from '../api/session';
import { readDocumentState } from '../lib/document-state';
import { activeSpreadsheet } from './order-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Runs a menu item (AuthMode FULL) and tells the seller how it went: the outcome as a toast, a failure as
 * a dialog with a readable reason. Nothing escapes: an uncaught error would show a stack-like message.
 */
export function runMenuAction(work: (spreadsheet: Spreadsheet, client: ApiClient, language: Language) => string): void {
  let language: Language = 'ko';
  try {
    language = readDocumentState().language;
    const spreadsheet = activeSpreadsheet();
    spreadsheet.toast(work(spreadsheet, connectedClient(), language), message('sidebar.title', language));
  } catch (error) {
    SpreadsheetApp.getUi().alert(readableError(error, language));
  }
}
