// The only file that exposes Apps Script globals. The build appends a top-level forwarder for each export.
// Nothing here may call an Apps Script service at module top level: onOpen runs in AuthMode NONE or LIMITED.
import { message } from '../shared/messages';
import { errorInfo, handleSidebarCall, SidebarFailure, type CallInput, type CallOutput, type Reply, type SidebarCallName } from '../shared/sidebar-contract';
import { acknowledgeAlert } from './actions/alerts';
import { runMenuAction } from './actions/menu-actions';
import { activeSpreadsheet } from './actions/order-rows';
import { refreshFromServer, updatedRows } from './actions/refresh';
import { connectionSettingsView, saveConnectionSettings as saveSettings, showSettingsDialog, showSidebarPage, testConnection as testSettings } from './actions/settings';
import { scanCode, shipChecked } from './actions/shipping';
import { sidebarState } from './actions/sidebar-state';
import { issueWaybillsForChecked, labelsForChecked } from './actions/waybills';
import { readConnection } from './api/connection';
import { asSidebarFailure, errorInfoOf } from './api/errors';
import { handleSheetEdit } from './edits/handler';
import { buildMenu } from './menu';
import { exportOhouseStock, exportOhouseTracking, markOhouseUploaded } from './ohouse/exports';
import { importOhouseOrders } from './ohouse/import';
import { readDocumentState } from './lib/document-state';
import { runHourlyRefresh } from './triggers/hourly';
import { ensureTriggers } from './triggers/install';

/** A google.script.run handler: its argument parsed, every failure a readable error, its result checked. */
function answer<N extends SidebarCallName>(name: N, raw: unknown, handler: (input: CallInput<N>) => CallOutput<N>): Reply<CallOutput<N>> {
  return handleSidebarCall(name, raw, (input) => {
    try {
      return handler(input);
    } catch (error) {
      throw asSidebarFailure(error);
    }
  });
}

// ---- menu and lifecycle

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  showSidebarPage();
}

export function menuRefresh(): void {
  runMenuAction((spreadsheet, _client, language) => {
    ensureTriggers(spreadsheet);
    const result = refreshFromServer();
    if (!result.ok) throw new SidebarFailure('addon.refresh.failed', { text: result.status.error ?? '' });
    return message('addon.refresh.done', language, { rows: updatedRows(result) });
  });
}

export function menuFullRefresh(): void {
  runMenuAction((_spreadsheet, _client, language) => {
    const result = refreshFromServer({ full: true });
    if (!result.ok) throw new SidebarFailure('addon.refresh.failed', { text: result.status.error ?? '' });
    return message('addon.refresh.done', language, { rows: updatedRows(result) });
  });
}

export function ohouseImportOrders(): void {
  runMenuAction((spreadsheet, client, language) => importOhouseOrders(spreadsheet, client, language).text);
}

export function ohouseExportTracking(): void {
  runMenuAction(exportOhouseTracking);
}

export function ohouseExportStock(): void {
  runMenuAction(exportOhouseStock);
}

export function ohouseMarkUploaded(): void {
  runMenuAction(markOhouseUploaded);
}

// ---- sidebar and settings dialog (names and shapes: shared/sidebar-contract.ts)

export function getSidebarState(raw?: unknown): Reply<CallOutput<'getSidebarState'>> {
  return answer('getSidebarState', raw, () => {
    // The sidebar opens in FULL mode: the place to install or repair the triggers, idempotently.
    let triggerError = null;
    try {
      // Only once connected: an hourly trigger without a server would only report that, every hour.
      if (readConnection()) ensureTriggers(activeSpreadsheet());
    } catch (error) {
      const info = errorInfoOf(error);
      triggerError = errorInfo('addon.error.TRIGGERS', { detail: message(info.code, readDocumentState().language, info.params) });
    }
    return sidebarState(triggerError);
  });
}

export function refresh(raw?: unknown): Reply<CallOutput<'refresh'>> {
  return answer('refresh', raw, () => {
    const result = refreshFromServer();
    if (!result.ok) throw new SidebarFailure('addon.text', { text: result.status.error ?? '' });
    return { updatedRows: updatedRows(result), state: sidebarState() };
  });
}

export function issueWaybills(raw?: unknown): Reply<CallOutput<'issueWaybills'>> {
  return answer('issueWaybills', raw, ({ carrier }) => issueWaybillsForChecked(carrier));
}

export function printLabels(raw?: unknown): Reply<CallOutput<'printLabels'>> {
  return answer('printLabels', raw, ({ carrier }) => labelsForChecked(carrier));
}

export function bulkShip(raw?: unknown): Reply<CallOutput<'bulkShip'>> {
  return answer('bulkShip', raw, () => shipChecked());
}

export function scan(raw?: unknown): Reply<CallOutput<'scan'>> {
  return answer('scan', raw, (input) => scanCode(input));
}

export function ackAlert(raw?: unknown): Reply<CallOutput<'ackAlert'>> {
  return answer('ackAlert', raw, ({ id }) => acknowledgeAlert(id));
}

export function openSettings(raw?: unknown): Reply<CallOutput<'openSettings'>> {
  return answer('openSettings', raw, () => {
    showSettingsDialog();
    return {};
  });
}

export function getConnectionSettings(raw?: unknown): Reply<CallOutput<'getConnectionSettings'>> {
  return answer('getConnectionSettings', raw, () => connectionSettingsView());
}

export function saveConnectionSettings(raw?: unknown): Reply<CallOutput<'saveConnectionSettings'>> {
  return answer('saveConnectionSettings', raw, (input) => saveSettings(input));
}

export function testConnection(raw?: unknown): Reply<CallOutput<'testConnection'>> {
  return answer('testConnection', raw, (input) => testSettings(input));
}

// ---- installable triggers (names: addon/triggers/install.ts)

export function onHourlyTrigger(): void {
  runHourlyRefresh();
}

export function onSheetEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleSheetEdit(event);
}
