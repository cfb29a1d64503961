import type { OrderState } from '../../shared/state-machine';
import { Refusal } from '../waybills/refusal';
import { refreshClaims, shipParcel, type ShipContext, type ShipRefusal } from './ship-parcel';

export type BulkShipResult =
  | { orderKey: string; result: 'applied'; status: OrderState; trackingNumber?: string }
  | { orderKey: string; result: 'error'; refusal: Refusal };

/** Bulk-ship refusals as error codes (error.<code> in the message table). */
function refusalOf(reason: ShipRefusal, key: string, facts: { state?: string; sku?: string }): Refusal {
  if (reason === 'NOT_READY') return new Refusal('NO_WAYBILL', { key });
  if (reason === 'INSUFFICIENT_ON_HAND') return new Refusal('INSUFFICIENT_ON_HAND', { sku: facts.sku ?? '', key });
  return new Refusal(reason, { key, ...(facts.state ? { state: facts.state } : {}) });
}

/**
 * Ships WAYBILL_ISSUED orders in bulk (일괄 출고), a result per order. Claims are refreshed from the channels first
 * and orders with a cancel request are refused. An order ships with its whole parcel: the orders packed with it
 * (합포장) go out in the same box, so they ship too and get results of their own after the ones asked for. Each
 * parcel ships atomically, so a concurrent call or scan never ships it twice; tracking dispatch is queued by the
 * same step.
 */
export async function bulkShip(context: ShipContext, orderKeys: readonly string[]): Promise<BulkShipResult[]> {
  const { seller } = context;
  const results = new Map<string, BulkShipResult>();
  const existing = await seller.orders.getMany(orderKeys);
  const found = new Set(existing.map((order) => order.key));
  for (const key of orderKeys) if (!found.has(key)) results.set(key, { orderKey: key, result: 'error', refusal: new Refusal('ORDER_NOT_FOUND', { key }, 404) });
  if (!(await refreshClaims(context, [...found]))) {
    for (const key of found) results.set(key, { orderKey: key, result: 'error', refusal: new Refusal('CLAIM_CHECK_FAILED', { key }, 503) });
    return orderKeys.map((key) => results.get(key)).filter((result) => result !== undefined);
  }

  const extras: string[] = [];
  for (const order of await seller.orders.getMany([...found])) {
    if (results.has(order.key)) continue;
    const waybillId = order.waybillIds?.[0];
    const record = waybillId ? await context.waybills.get(waybillId) : null;
    const parcel = record ? record.orderKeys : [order.key];
    const attempt = await shipParcel(context, parcel, { requirePacked: false, refreshClaims: false });
    if ('refused' in attempt) {
      const refusal = refusalOf(attempt.refused, attempt.key, attempt);
      for (const key of parcel) if (found.has(key)) results.set(key, { orderKey: key, result: 'error', refusal });
      continue;
    }
    for (const shipped of attempt.shipped) {
      if (!found.has(shipped.key)) extras.push(shipped.key);
      results.set(shipped.key, {
        orderKey: shipped.key,
        result: 'applied',
        status: shipped.state,
        ...(shipped.tracking.trackingNumber ? { trackingNumber: shipped.tracking.trackingNumber } : {}),
      });
    }
  }
  return [...orderKeys, ...extras].map((key) => results.get(key)).filter((result) => result !== undefined);
}
