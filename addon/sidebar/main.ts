// The sidebar's browser code. It talks to the add-on only through google.script.run (see rpc.ts).
import type { ErrorInfo, SidebarAlert, SidebarState } from '../../shared/sidebar-contract';
import { bindActions } from './actions';
import { byId, whileBusy } from './dom';
import { currentLanguage, errorText, setLanguage, t } from './i18n';
import { Refresher } from './refresher';
import { showError, showResult } from './result-view';
import { callServer } from './rpc';
import { createScanView } from './scan-view';
import { renderAlerts, renderCarriers, renderConnection, renderCounts, showSyncError } from './status-view';

/** DESIGN.md: the open sidebar refreshes every 30–60 s. */
const AUTO_REFRESH_MIN_MS = 30_000;
const AUTO_REFRESH_MAX_MS = 60_000;

let state: SidebarState | null = null;

function applyState(next: SidebarState): void {
  const languageChanged = next.language !== currentLanguage();
  state = next;
  if (languageChanged) {
    setLanguage(next.language);
    scanView.relabel();
  }
  renderConnection(next);
  renderCounts(next);
  renderCarriers(next);
  renderAlerts(next.alerts, acknowledge);
}

function acknowledge(alert: SidebarAlert, button: HTMLButtonElement): void {
  void whileBusy(button, async () => {
    const reply = await callServer('ackAlert', { id: alert.id });
    if (!reply.ok) return showError(reply.error);
    if (state) applyState({ ...state, alerts: state.alerts.filter((open) => open.id !== alert.id) });
  });
}

function showLoadError(error: ErrorInfo): void {
  const box = byId('connection');
  box.dataset['status'] = 'error';
  byId('connection-text').textContent = t('sidebar.connection.error');
  byId('connection-who').textContent = errorText(error);
}

async function loadState(): Promise<void> {
  const reply = await callServer('getSidebarState', {});
  if (reply.ok) applyState(reply.value);
  else showLoadError(reply.error);
}

let announceNextRefresh = false;

const refresher = new Refresher({
  minMs: AUTO_REFRESH_MIN_MS,
  maxMs: AUTO_REFRESH_MAX_MS,
  // A hidden sidebar (another browser tab in front) need not spend the seller's UrlFetch quota.
  shouldRun: () => !document.hidden,
  run: async () => {
    const reply = await callServer('refresh', {});
    const announce = announceNextRefresh;
    announceNextRefresh = false;
    if (reply.ok) {
      applyState(reply.value.state);
      if (announce) showResult('ok', t('sidebar.result.refreshed', { rows: reply.value.updatedRows }));
    } else if (announce) {
      showError(reply.error);
    } else {
      showSyncError(errorText(reply.error));
    }
  },
});

function refresh(announce: boolean): Promise<void> {
  if (announce) announceNextRefresh = true;
  return refresher.now();
}

const main = byId('main-panel');
const scanView = createScanView({
  onExit: () => {
    main.hidden = false;
    byId('scan-button').focus();
  },
  onShipped: () => void refresh(false),
  station: () => state?.station,
});

setLanguage('ko');
bindActions({
  refresh,
  enterScanMode: () => {
    main.hidden = true;
    scanView.enter();
  },
});
// Coming back from the settings dialog: a sidebar that was not connected checks again.
window.addEventListener('focus', () => {
  if (state && state.connection.status !== 'ok') void loadState();
});
void loadState().then(() => refresher.start());
