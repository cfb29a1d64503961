import { message, type Language } from '../../shared/messages';
import type { SheetData } from '../../shared/sheets/data';
import type { SheetSource } from '../sheets/refresh';
import { ApiClient } from './client';
import { readConnection } from './connection';
import { errorInfoOf, notConfigured } from './errors';
import { ServerSheetSource } from './sheet-source';

/** A client for the stored connection; throws NOT_CONFIGURED (readable) until the settings dialog was saved. */
export function connectedClient(): ApiClient {
  const connection = readConnection();
  if (!connection) throw notConfigured();
  return new ApiClient(connection);
}

/** Any failure as one sentence in the user's language, for a status cell, a note or a dialog. */
export function readableError(error: unknown, language: Language): string {
  const info = errorInfoOf(error);
  return message(info.code, language, info.params);
}

/**
 * The refresh source for the stored connection. Failures leave as plain errors whose message is readable,
 * because refreshSheets shows `error.message` in 알림!A1 and the sidebar. Without a connection every fetch
 * fails with that reason, so a trigger still records why it did nothing.
 */
export function serverSource(language: Language): SheetSource {
  return {
    fetch(request): SheetData {
      try {
        return new ServerSheetSource(connectedClient()).fetch(request);
      } catch (error) {
        throw new Error(readableError(error, language));
      }
    },
  };
}
