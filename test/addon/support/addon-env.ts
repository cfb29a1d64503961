import { USER_KEYS } from '../../../addon/api/connection';
import { DOCUMENT_KEYS } from '../../../addon/lib/document-state';
import type { Language } from '../../../shared/messages';
import { installGas, type GasEnvironment, type GasOptions } from '../../support/gas';

/**
 * Fresh Apps Script fakes on globalThis, with this user's connection stored the way the settings dialog
 * stores it (URL and key in user properties, language in the document), and the call log cleared.
 */
export function connectedGas(server: { url: string } | null, seller: { key: string } | null, options: GasOptions & { language?: Language } = {}): GasEnvironment {
  const gas = installGas(options);
  if (server && seller) gas.PropertiesService.getUserProperties().setProperties({ [USER_KEYS.serverUrl]: server.url, [USER_KEYS.apiKey]: seller.key });
  if (options.language) gas.PropertiesService.getDocumentProperties()?.setProperty(DOCUMENT_KEYS.language, options.language);
  gas.calls.reset();
  return gas;
}
