// The settings dialog's browser code (Settings.html): server URL, API key and language.
import { describeIssue, SIDEBAR_CALLS, type ConnectionSettingsView, type ErrorInfo } from '../../shared/sidebar-contract';
import { byId, element, whileBusy } from './dom';
import { errorText, setLanguage, t } from './i18n';
import { callServer } from './rpc';

const form = byId<HTMLFormElement>('settings-form');
const serverUrl = byId<HTMLInputElement>('server-url');
const apiKey = byId<HTMLInputElement>('api-key');
const language = byId<HTMLSelectElement>('language');

function showStatus(kind: 'ok' | 'error' | 'info', text: string): void {
  const box = byId('settings-status');
  box.hidden = false;
  box.dataset['kind'] = kind;
  box.replaceChildren(element('p', { className: 'result-text', text }));
}

function showView(view: ConnectionSettingsView): void {
  setLanguage(view.language);
  serverUrl.value = view.serverUrl ?? '';
  language.value = view.language;
  apiKey.value = '';
  byId('api-key-stored').textContent = view.keyHint ? t('settings.apiKey.stored', { hint: view.keyHint }) : t('settings.apiKey.none');
}

/** The typed values: an empty key field means "keep the stored key". */
function typed(): { serverUrl: string; apiKey?: string; language: string } {
  const key = apiKey.value.trim();
  return { serverUrl: serverUrl.value.trim(), ...(key ? { apiKey: key } : {}), language: language.value };
}

/** Checks the form with the same schema the add-on applies, so a bad field is named before any call. */
function invalidField(input: unknown, schema: typeof SIDEBAR_CALLS.saveConnectionSettings.input | typeof SIDEBAR_CALLS.testConnection.input): ErrorInfo | null {
  serverUrl.removeAttribute('aria-invalid');
  apiKey.removeAttribute('aria-invalid');
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const described = issue ? describeIssue(issue) : { field: 'input', problem: 'is not valid' };
  if (described.field === 'serverUrl' || described.field === 'apiKey') {
    (described.field === 'serverUrl' ? serverUrl : apiKey).setAttribute('aria-invalid', 'true');
    return { code: `settings.invalid.${described.field}`, params: {} };
  }
  return { code: 'error.VALIDATION', params: described };
}

async function save(): Promise<void> {
  const input = typed();
  const invalid = invalidField(input, SIDEBAR_CALLS.saveConnectionSettings.input);
  if (invalid) return showStatus('error', errorText(invalid));
  const parsed = SIDEBAR_CALLS.saveConnectionSettings.input.parse(input);
  const reply = await callServer('saveConnectionSettings', parsed);
  if (!reply.ok) return showStatus('error', errorText(reply.error));
  showView(reply.value);
  showStatus('ok', t('settings.saved'));
}

async function testConnection(): Promise<void> {
  const { serverUrl: url, apiKey: key } = typed();
  const input = { ...(url ? { serverUrl: url } : {}), ...(key ? { apiKey: key } : {}) };
  const invalid = invalidField(input, SIDEBAR_CALLS.testConnection.input);
  if (invalid) return showStatus('error', errorText(invalid));
  showStatus('info', t('settings.testing'));
  const reply = await callServer('testConnection', SIDEBAR_CALLS.testConnection.input.parse(input));
  if (!reply.ok) return showStatus('error', errorText(reply.error));
  showStatus('ok', t('settings.testOk', { seller: reply.value.sellerName, key: reply.value.keyLabel }));
}

setLanguage('ko');
const saveButton = byId<HTMLButtonElement>('save-button');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void whileBusy(saveButton, save);
});
const testButton = byId<HTMLButtonElement>('test-button');
testButton.addEventListener('click', () => void whileBusy(testButton, testConnection));
byId('close-button').addEventListener('click', () => google.script.host.close());
void callServer('getConnectionSettings', {}).then((reply) => {
  if (reply.ok) showView(reply.value);
  else showStatus('error', errorText(reply.error));
});
