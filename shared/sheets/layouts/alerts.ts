import type { Alert } from '../../alerts';
import { MESSAGES } from '../../messages';
import { formatKst } from '../cells';
import { statusColours } from '../colours';
import type { Layout, RenderContext } from '../layout';

export const severityColours = statusColours([
  ['severity.critical', 'red'],
  ['severity.warning', 'yellow'],
  ['severity.info', 'blue'],
]);

/** The alert's own message when the table has one; otherwise its type and facts, so nothing shows blank. */
export function alertText(alert: Alert, context: RenderContext): string {
  const code = `alert.${alert.type}`;
  const params: Record<string, string | number | boolean | null> = { ...alert.detail, subject: alert.subject };
  const reason = alert.detail['reason'];
  if (typeof reason === 'string' && `held.${reason}` in MESSAGES) params['reason'] = context.label(`held.${reason}`);
  if (code in MESSAGES) return context.label(code, params);
  const facts = Object.entries(alert.detail)
    .filter(([, value]) => value !== null && value !== '')
    .map(([name, value]) => `${name}: ${String(value)}`);
  return [context.label(`alertType.${alert.type}`), ...facts].join(' · ');
}

/** `알림`: open alerts. Row 1 holds the sync status line (last sync time, or the error). */
export const alertsLayout: Layout<Alert> = {
  id: 'alerts',
  sheetName: '알림',
  statusRow: true,
  keyOf: (alert) => alert.id,
  // Alert ids are `TYPE:subject` (alertId in shared/alerts).
  anchor: { column: 'subject', fromKey: (key) => (key.includes(':') ? key.slice(key.indexOf(':') + 1) : null) },
  columns: [
    { id: 'severity', header: 'sheet.col.severity', kind: 'label', width: 70, statusColors: severityColours, value: (a, c) => c.label(`severity.${a.severity}`) },
    { id: 'alertType', header: 'sheet.col.alertType', kind: 'label', width: 120, value: (a, c) => c.label(`alertType.${a.type}`) },
    { id: 'subject', header: 'sheet.col.subject', kind: 'id', width: 200, external: true, value: (a) => a.subject },
    { id: 'alertMessage', header: 'sheet.col.alertMessage', kind: 'text', width: 420, external: true, value: alertText },
    { id: 'openedAt', header: 'sheet.col.openedAt', kind: 'date', width: 115, value: (a) => formatKst(a.openedAt) },
    { id: 'updatedAt', header: 'sheet.col.updatedAt', kind: 'date', width: 115, value: (a) => formatKst(a.updatedAt) },
    { id: 'acknowledged', header: 'sheet.col.acknowledged', kind: 'label', width: 70, value: (a, c) => c.label(a.acknowledged ? 'ack.yes' : 'ack.no') },
  ],
};
