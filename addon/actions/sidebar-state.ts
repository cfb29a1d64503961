import { API } from '../../shared/api/routes';
import type { Alert } from '../../shared/alerts';
import { CARRIER_IDS, carrierName } from '../../shared/carriers';
import { message, type Language } from '../../shared/messages';
import { cellText } from '../../shared/sheets/cells';
import { columnPosition, firstDataRowOf, renderContext } from '../../shared/sheets/layout';
import { alertText, ordersLayout } from '../../shared/sheets/layouts';
import { COUNTED_STATES, errorInfo, type CarrierChoice, type ErrorInfo, type SidebarAlert, type SidebarState } from '../../shared/sidebar-contract';
import { readStoredConnection, USER_KEYS, userProperties } from '../api/connection';
import { ApiClient } from '../api/client';
import { errorInfoOf } from '../api/errors';
import { readSyncStatus } from '../sheets/refresh';
import { activeSpreadsheet } from './order-rows';

type OrderState = (typeof COUNTED_STATES)[number];

/** google.script.run carries ISO strings; a time without an offset would fail the contract, so it is left out. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Orders per state, counted from the 주문 sheet's state column (one read): what the seller sees is what is counted. */
export function countOrderStates(): Record<OrderState, number> {
  const counts = Object.fromEntries(COUNTED_STATES.map((state) => [state, 0])) as Record<OrderState, number>;
  const sheet = activeSpreadsheet().getSheetByName(ordersLayout.sheetName);
  if (!sheet) return counts;
  const first = firstDataRowOf(ordersLayout);
  const last = sheet.getLastRow();
  if (last < first) return counts;
  const byLabel = new Map<string, OrderState>();
  for (const state of COUNTED_STATES) for (const language of ['ko', 'en'] as const) byLabel.set(message(`state.${state}`, language), state);
  for (const [cell] of sheet.getRange(first, columnPosition(ordersLayout, 'state'), last - first + 1, 1).getValues()) {
    const state = byLabel.get(cellText(cell).trim());
    if (state) counts[state] += 1;
  }
  return counts;
}

export function sidebarAlerts(alerts: readonly Alert[], language: Language): SidebarAlert[] {
  const context = renderContext(language);
  return alerts
    .filter((alert) => !alert.acknowledged)
    .map((alert) => ({
      id: alert.id,
      type: alert.type,
      severity: alert.severity,
      text: alertText(alert, context),
      ...(ISO_WITH_OFFSET.test(alert.openedAt) ? { openedAt: alert.openedAt } : {}),
    }));
}

function connectionAndAlerts(language: Language, user: Record<string, string>): Pick<SidebarState, 'connection' | 'alerts'> {
  const stored = readStoredConnection(user);
  if (!stored.serverUrl || !stored.apiKey) return { connection: { status: 'not_configured' }, alerts: [] };
  const client = new ApiClient({ serverUrl: stored.serverUrl, apiKey: stored.apiKey, language });
  try {
    const [me, alertList] = client.run(client.prepare(API.me), client.prepare(API.listAlerts));
    return { connection: { status: 'ok', sellerName: me.seller.name, keyLabel: me.key.label }, alerts: sidebarAlerts(alertList.alerts, language) };
  } catch (error) {
    return { connection: { status: 'error', error: errorInfoOf(error) }, alerts: [] };
  }
}

function carrierChoice(value: string | null): CarrierChoice | undefined {
  return CARRIER_IDS.find((id) => id === value);
}

/**
 * What the sidebar shows: the connection (GET /v1/me), the open alerts, the counts per state from the
 * sheet, and the last sync or its error. `extraError` is a failure of this very call (the triggers could
 * not be installed) shown when the last sync itself succeeded.
 */
export function sidebarState(extraError: ErrorInfo | null = null): SidebarState {
  const { status, language } = readSyncStatus();
  const user = userProperties().getProperties();
  const defaultCarrier = carrierChoice(user[USER_KEYS.carrier] ?? null);
  const station = user[USER_KEYS.station];
  const lastError = status.error ? errorInfo('addon.text', { text: status.error }) : extraError;
  return {
    language,
    ...connectionAndAlerts(language, user),
    ...(status.lastSyncAt ? { lastSyncAt: status.lastSyncAt } : {}),
    ...(lastError ? { lastError } : {}),
    counts: countOrderStates(),
    carriers: CARRIER_IDS.map((id) => ({ id, name: carrierName(id, language) })),
    ...(defaultCarrier ? { defaultCarrier } : {}),
    ...(station ? { station } : {}),
  };
}
