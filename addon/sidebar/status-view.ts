import { COUNTED_STATES, type SidebarAlert, type SidebarState } from '../../shared/sidebar-contract';
import { byId, element } from './dom';
import { errorText, t } from './i18n';
import { formatKst } from './time';

/** The states a seller works through all day get a tile; the finished ones share one line. */
const TILE_STATES = ['HELD', 'ALLOCATED', 'WAYBILL_ISSUED', 'SHIPPED'] as const satisfies readonly (typeof COUNTED_STATES)[number][];

export function renderConnection(state: SidebarState): void {
  const { connection } = state;
  const box = byId('connection');
  box.dataset['status'] = connection.status;
  byId('connection-text').textContent = t(`sidebar.connection.${connection.status}`);
  const who = byId('connection-who');
  if (connection.status === 'ok') who.textContent = t('sidebar.connection.who', { seller: connection.sellerName ?? '', key: connection.keyLabel ?? '' });
  else if (connection.error) who.textContent = errorText(connection.error);
  else who.textContent = connection.status === 'not_configured' ? t('sidebar.error.NOT_CONFIGURED') : '';
  byId('last-sync').textContent = state.lastSyncAt ? t('sidebar.lastSync', { time: formatKst(state.lastSyncAt) }) : t('sidebar.lastSync.never');
  showSyncError(state.lastError ? errorText(state.lastError) : null);
}

/** The last sync's failure, from the state or from an automatic refresh that just failed. */
export function showSyncError(text: string | null): void {
  const line = byId('last-error');
  line.hidden = text === null;
  line.textContent = text === null ? '' : t('sidebar.lastError', { text });
}

export function renderCounts(state: SidebarState): void {
  const list = byId('counts');
  list.replaceChildren(
    ...TILE_STATES.map((orderState) =>
      element('li', { className: `tile tile-${orderState.toLowerCase()}`, attributes: { 'data-state': orderState } }, [
        element('span', { className: 'tile-count', text: String(state.counts[orderState]) }),
        element('span', { className: 'tile-label', text: t(`state.${orderState}`) }),
      ]),
    ),
  );
  byId('counts-others').textContent = t('sidebar.counts.others', state.counts);
}

const SEVERITY_ORDER: Record<SidebarAlert['severity'], number> = { critical: 0, warning: 1, info: 2 };

/** Most urgent first; the add-on's order is kept within a severity. */
export function renderAlerts(alerts: readonly SidebarAlert[], onAck: (alert: SidebarAlert, button: HTMLButtonElement) => void): void {
  byId('alert-count').textContent = alerts.length > 0 ? String(alerts.length) : '';
  byId('alerts-none').hidden = alerts.length > 0;
  const ordered = [...alerts].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  byId('alerts').replaceChildren(
    ...ordered.map((alert) => {
      const ack = element('button', { className: 'link-button', text: t('sidebar.button.ack'), attributes: { type: 'button', 'aria-label': `${t('sidebar.button.ack')}: ${alert.text}` } });
      ack.addEventListener('click', () => onAck(alert, ack));
      return element('li', { className: `alert alert-${alert.severity}`, attributes: { 'data-alert-id': alert.id } }, [
        element('span', { className: 'alert-severity', text: t(`sidebar.severity.${alert.severity}`) }),
        element('span', { className: 'alert-text', text: alert.text }),
        ack,
      ]);
    }),
  );
}

export function renderCarriers(state: SidebarState): void {
  const select = byId<HTMLSelectElement>('carrier-select');
  const previous = select.value;
  select.replaceChildren(...state.carriers.map((carrier) => element('option', { text: carrier.name, attributes: { value: carrier.id } })));
  const keep = state.carriers.some((carrier) => carrier.id === previous) ? previous : state.defaultCarrier;
  if (keep) select.value = keep;
  select.disabled = state.carriers.length === 0;
}
