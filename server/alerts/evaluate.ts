import { carrierName, CARRIER_IDS } from '../../shared/carriers';
import type { Alert, AlertType } from '../../shared/alerts';
import type { Order } from '../../shared/order';
import type { SellerSettings } from '../../shared/settings';
import type { SellerStore } from '../store';
import type { WaybillStore } from '../waybills/waybill-store';
import { carrierClosed, kstDate, kstInstant } from './kst';
import { ordersInState } from './orders-in-state';
import { settleUnshippedAlerts } from './unshipped';

const MINUTE = 60_000;

interface Evaluation {
  seller: SellerStore;
  waybills: WaybillStore;
  settings: SellerSettings;
  now: number;
  open: Alert[];
}

function openOf(evaluation: Evaluation, type: AlertType): Alert[] {
  return evaluation.open.filter((alert) => alert.type === type);
}

/** Closes the alerts of `type` whose subject is not in `keep`. */
async function closeOthers(evaluation: Evaluation, type: AlertType, keep: ReadonlySet<string>): Promise<void> {
  for (const alert of openOf(evaluation, type)) if (!keep.has(alert.subject)) await evaluation.seller.alerts.close(type, alert.subject);
}

/**
 * CUTOFF_RISK per carrier with a pickup cutoff today (KST, unless the holiday calendar closes it): orders still
 * without a waybill from `cutoffLeadMinutes` before the cutoff (warning) and after it (critical), until the day ends.
 */
async function cutoffRisk(evaluation: Evaluation, allocated: readonly Order[]): Promise<void> {
  const { settings, now } = evaluation;
  const today = kstDate(now);
  const raised = new Set<string>();
  for (const carrier of CARRIER_IDS) {
    const cutoff = settings.cutoffs[carrier];
    if (!cutoff || carrierClosed(settings.holidays, today, carrier) || allocated.length === 0) continue;
    const at = kstInstant(today, cutoff);
    if (now < at - settings.alerts.cutoffLeadMinutes * MINUTE) continue;
    const passed = now >= at;
    const detail = { carrier, carrierName: carrierName(carrier, settings.language), cutoff, date: today, count: allocated.length, passed, minutesLeft: Math.round((at - now) / MINUTE) };
    await evaluation.seller.alerts.raise('CUTOFF_RISK', passed ? 'critical' : 'warning', carrier, detail);
    raised.add(carrier);
  }
  await closeOthers(evaluation, 'CUTOFF_RISK', raised);
}

/** DEADLINE_RISK per unshipped order whose channel dispatch deadline (dueAt) is near or past. */
async function deadlineRisk(evaluation: Evaluation, unshipped: readonly Order[]): Promise<void> {
  const { now, settings } = evaluation;
  const raised = new Set<string>();
  for (const order of unshipped) {
    if (!order.dueAt) continue;
    const due = Date.parse(order.dueAt);
    if (now < due - settings.alerts.deadlineLeadMinutes * MINUTE) continue;
    const passed = now >= due;
    await evaluation.seller.alerts.raise('DEADLINE_RISK', passed ? 'critical' : 'warning', order.key, { orderKey: order.key, dueAt: order.dueAt, passed });
    raised.add(order.key);
  }
  await closeOthers(evaluation, 'DEADLINE_RISK', raised);
}

/**
 * TRACKING_MISSING (송장 누락) per shipped order whose tracking the channel has not accepted `trackingGraceMinutes`
 * after shipping, with the channel's message. Shipped orders are found through the SHIPPED index from a cursor,
 * so none is missed even if the shipping call died before it put the order on the watch list.
 */
async function trackingMissing(evaluation: Evaluation): Promise<void> {
  const { seller, waybills, settings, now } = evaluation;
  const redis = waybills.ctx.redis();
  const watch = waybills.keys.trackingWatch;
  let after = Number((await redis.get(waybills.keys.trackingWatchCursor)) ?? 0);
  for (;;) {
    const page = await seller.orders.list({ status: 'SHIPPED', after, limit: 1000 });
    const waiting = page.orders.filter((order) => order.tracking.status !== 'accepted');
    if (waiting.length > 0) await redis.zAdd(watch, waiting.map((order) => ({ score: Date.parse(order.shippedAt ?? order.updatedAt), value: order.key })));
    after = page.syncToken;
    if (page.nextCursor === null) break;
  }
  await redis.set(waybills.keys.trackingWatchCursor, String(after));

  const due = await redis.zRangeByScore(watch, '-inf', now - settings.alerts.trackingGraceMinutes * MINUTE);
  const orders = new Map((await seller.orders.getMany(due)).map((order) => [order.key, order]));
  for (const key of due) {
    const order = orders.get(key);
    const stillShipped = order && (order.state === 'SHIPPED' || order.state === 'DELIVERED');
    if (!order || !stillShipped || order.tracking.status === 'accepted') {
      await redis.zRem(watch, key);
      await seller.alerts.close('TRACKING_MISSING', key);
      continue;
    }
    const detail = { orderKey: key, channel: order.channel, status: order.tracking.status, message: order.tracking.message ?? '', trackingNumber: order.tracking.trackingNumber ?? '', shippedAt: order.shippedAt ?? '' };
    await seller.alerts.raise('TRACKING_MISSING', 'critical', key, detail);
  }
}

async function rangeLow(evaluation: Evaluation): Promise<void> {
  const low = new Set<string>();
  for (const { carrier, range } of await evaluation.waybills.ranges()) {
    if (range.remaining * 10 >= range.size) continue;
    low.add(carrier);
    await evaluation.seller.alerts.raise('RANGE_LOW', range.remaining === 0 ? 'critical' : 'warning', carrier, { carrier, remaining: range.remaining, size: range.size });
  }
  await closeOthers(evaluation, 'RANGE_LOW', low);
}

/** Alerts raised elsewhere whose condition may have cleared without passing through the code that raised them. */
async function staleOrderAlerts(evaluation: Evaluation): Promise<void> {
  const checks: [AlertType, (order: Order) => boolean][] = [
    ['UNDELIVERABLE_ADDRESS', (order) => order.state === 'HELD' && order.heldReason === 'ADDRESS'],
    ['ADDRESS_CHANGED_AFTER_PRINT', (order) => order.state === 'WAYBILL_ISSUED'],
  ];
  for (const [type, holds] of checks) {
    const alerts = openOf(evaluation, type);
    const orders = new Map((await evaluation.seller.orders.getMany(alerts.map((alert) => alert.subject))).map((order) => [order.key, order]));
    for (const alert of alerts) {
      const order = orders.get(alert.subject);
      if (!order || !holds(order)) await evaluation.seller.alerts.close(type, alert.subject);
    }
  }
}

/**
 * Derives one seller's time- and count-based alerts at `now` and closes those whose condition cleared: pickup
 * cutoff, dispatch deadline, 송장 누락, range low, issued numbers piling up, and stale address alerts.
 */
export async function evaluateSellerAlerts(seller: SellerStore, waybills: WaybillStore, now: number): Promise<void> {
  const evaluation: Evaluation = { seller, waybills, settings: await seller.settings.get(), now, open: await seller.alerts.list() };
  const [held, allocated, issued] = await Promise.all([ordersInState(seller, 'HELD'), ordersInState(seller, 'ALLOCATED'), ordersInState(seller, 'WAYBILL_ISSUED')]);
  await cutoffRisk(evaluation, allocated);
  await deadlineRisk(evaluation, [...held, ...allocated, ...issued]);
  await trackingMissing(evaluation);
  await rangeLow(evaluation);
  await settleUnshippedAlerts(seller, issued, evaluation.settings.alerts.unshippedWaybillsMax);
  await staleOrderAlerts(evaluation);
}
