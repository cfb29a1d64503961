import { API } from '../../shared/api/routes';
import { message, type Language } from '../../shared/messages';
import { apiKeyHint, SidebarFailure, type CallInput, type CallOutput } from '../../shared/sidebar-contract';
import { readDocumentState, setSheetLanguage } from '../lib/document-state';
import { ApiClient } from '../api/client';
import { readStoredConnection, storeConnection } from '../api/connection';

/** What the dialog may show: the URL, the last characters of the key, the language. Never the key itself. */
export function connectionSettingsView(): CallOutput<'getConnectionSettings'> {
  const stored = readStoredConnection();
  return {
    ...(stored.serverUrl ? { serverUrl: stored.serverUrl } : {}),
    ...(stored.apiKey ? { keyHint: apiKeyHint(stored.apiKey) } : {}),
    language: readDocumentState().language,
  };
}

/**
 * Saves the URL and key in the user's properties (an absent key keeps the stored one) and the language in
 * the document: a language change sets the sheets up again at the next refresh.
 */
export function saveConnectionSettings(input: CallInput<'saveConnectionSettings'>): CallOutput<'saveConnectionSettings'> {
  storeConnection(input.serverUrl, input.apiKey);
  if (input.language !== readDocumentState().language) setSheetLanguage(input.language);
  return connectionSettingsView();
}

/** 연결 테스트: GET /v1/me with the values typed in the dialog, falling back to the stored ones. */
export function testConnection(input: CallInput<'testConnection'>): CallOutput<'testConnection'> {
  const stored = readStoredConnection();
  const serverUrl = input.serverUrl ?? stored.serverUrl;
  const apiKey = input.apiKey ?? stored.apiKey;
  if (!serverUrl || !apiKey) throw new SidebarFailure('sidebar.error.NOT_CONFIGURED');
  const me = new ApiClient({ serverUrl, apiKey, language: readDocumentState().language }).call(API.me);
  return { sellerName: me.seller.name, keyLabel: me.key.label };
}

/** The pages are served as files: their minified scripts are not scriptlet-safe, so no templates. */
export function showSidebarPage(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Sheetship');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showSettingsDialog(language: Language = readDocumentState().language): void {
  const html = HtmlService.createHtmlOutputFromFile('Settings').setWidth(460).setHeight(440);
  SpreadsheetApp.getUi().showModalDialog(html, message('settings.title', language));
}
