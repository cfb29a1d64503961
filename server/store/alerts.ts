import { AlertSchema, type Alert, type AlertSeverity, type AlertType } from '../../shared/alerts';
import type { SellerContext } from './context';

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

  async acknowledge(id: string): Promise<Alert> {
    return AlertSchema.parse(JSON.parse(await this.ctx.call('ack_alert', [], [id])));
  }

  /** Raises or refreshes an alert; an alert already open keeps its opening time and acknowledgement. */
  async raise(type: AlertType, severity: AlertSeverity, subject: string, detail: Alert['detail']): Promise<void> {
    const id = `${type}:${subject}`;
    const now = this.ctx.clock().toISOString();
    const fresh: Alert = { id, type, severity, subject, detail, openedAt: now, updatedAt: now, acknowledged: false };
    // HSETNX then a field update keeps the first opening time without a read-modify-write race on creation.
    const created = await this.ctx.redis().hSetNX(this.ctx.keys.alerts, id, JSON.stringify(fresh));
    if (created) return;
    const current = await this.get(id);
    if (!current) return;
    await this.ctx.redis().hSet(this.ctx.keys.alerts, id, JSON.stringify({ ...current, severity, detail, updatedAt: now }));
  }

  async close(type: AlertType, subject: string): Promise<void> {
    await this.ctx.redis().hDel(this.ctx.keys.alerts, `${type}:${subject}`);
  }
}
