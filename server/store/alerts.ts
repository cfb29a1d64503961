import { AlertSchema, type Alert, type AlertSeverity, type AlertType } from '../../shared/alerts';
import type { SellerContext } from './context';
import { AlertIdSchema, RaiseAlertInputSchema } from './inputs';
import { validated } from './validate';

/**
 * Open alerts. Conditions that the stock scripts own (held orders, shortages, unmapped listings) are raised
 * and closed inside those scripts. Conditions that workers observe outside Redis (a channel error, a
 * tracking rejection, cutoff risk) are raised and closed here, each alert under its deterministic id.
 */
export class AlertStore {
  constructor(private readonly ctx: SellerContext) {}

  async list(): Promise<Alert[]> {
    const raw = await this.ctx.redis().hGetAll(this.ctx.keys.alerts);
    return Object.values(raw)
      .map((value) => AlertSchema.parse(JSON.parse(value)))
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<Alert | null> {
    const raw = await this.ctx.redis().hGet(this.ctx.keys.alerts, id);
    return raw ? AlertSchema.parse(JSON.parse(raw)) : null;
  }

  /** Says someone saw it; it stays open until its condition clears. An unknown id is ALERT_NOT_FOUND. */
  async acknowledge(id: string): Promise<Alert> {
    validated(AlertIdSchema, id);
    return AlertSchema.parse(JSON.parse(await this.ctx.call('ack_alert', [], [id])));
  }

  /** Raises or refreshes an alert; an alert already open keeps its opening time and acknowledgement. */
  async raise(type: AlertType, severity: AlertSeverity, subject: string, detail: Alert['detail']): Promise<void> {
    validated(RaiseAlertInputSchema, { type, severity, subject, detail });
    await this.ctx.call('raise_alert', [], [type, severity, subject, JSON.stringify(detail)]);
  }

  async close(type: AlertType, subject: string): Promise<void> {
    validated(RaiseAlertInputSchema.pick({ type: true, subject: true }), { type, subject });
    await this.ctx.redis().hDel(this.ctx.keys.alerts, `${type}:${subject}`);
  }
}
