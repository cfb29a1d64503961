import type { Language } from '../../shared/messages';
import { readDocumentState } from '../lib/document-state';

/**
 * Where the server is and the key that speaks for the seller. Both live in the user's own properties (they
 * follow the user, never the spreadsheet, so nobody the sheet is shared with sees the key). The language
 * is the spreadsheet's: the sheets and the sidebar speak the same one.
 */
export const USER_KEYS = {
  serverUrl: 'sheetship.serverUrl',
  apiKey: 'sheetship.apiKey',
  /** The carrier last used for 송장 발급, preselected next time. */
  carrier: 'sheetship.carrier',
  /** The packing station recorded on this user's scans. */
  station: 'sheetship.station',
} as const;

export interface Connection {
  serverUrl: string;
  apiKey: string;
  language: Language;
}

export interface StoredConnection {
  serverUrl?: string;
  apiKey?: string;
}

export function userProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

export function readStoredConnection(stored: Record<string, string> = userProperties().getProperties()): StoredConnection {
  const serverUrl = stored[USER_KEYS.serverUrl];
  const apiKey = stored[USER_KEYS.apiKey];
  return { ...(serverUrl ? { serverUrl } : {}), ...(apiKey ? { apiKey } : {}) };
}

/** An absent key keeps the stored one, so the dialog never has to show it. */
export function storeConnection(serverUrl: string, apiKey: string | undefined): void {
  userProperties().setProperties({ [USER_KEYS.serverUrl]: serverUrl, ...(apiKey ? { [USER_KEYS.apiKey]: apiKey } : {}) });
}

/** The stored connection with the document's language; null until both URL and key are set. */
export function readConnection(): Connection | null {
  const stored = readStoredConnection();
  if (!stored.serverUrl || !stored.apiKey) return null;
  return { serverUrl: stored.serverUrl, apiKey: stored.apiKey, language: readDocumentState().language };
}
