import type { Order } from '../../shared/order';
import { StoreError, type SellerStore } from '../store';
import type { WaybillStore } from '../waybills/waybill-store';
import { parcelBlocker, type ShipBlocker } from './blockers';
import type { ClaimCheck } from './claim-check';

export type ShipRefusal = ShipBlocker | 'NOT_PACKED' | 'CLAIM_CHECK_FAILED' | 'INSUFFICIENT_ON_HAND' | 'VOIDED';

export type ShipAttempt = { shipped: Order[] } | { refused: ShipRefusal; key: string; state?: string; sku?: string };

export interface ShipContext {
  seller: SellerStore;
  waybills: WaybillStore;
  claimCheck: ClaimCheck;
  now: () => number;
}

/** Asks the channels for cancel requests on these orders; false when they could not be asked. */
export async function refreshClaims(context: ShipContext, keys: readonly string[]): Promise<boolean> {
  try {
    await context.claimCheck(context.seller.sellerId, keys);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ships one parcel: its orders all become SHIPPED (stock committed, tracking dispatch queued) or none do. The
 * store's script decides atomically, so of two scans or bulk calls racing for the same parcel exactly one ships
 * it and the other is told it already shipped. Shipped orders are watched for the channel accepting their
 * tracking (송장 누락).
 */
export async function shipParcel(context: ShipContext, keys: readonly string[], options: { station?: string; requirePacked: boolean; refreshClaims: boolean }): Promise<ShipAttempt> {
  const { seller } = context;
  if (options.refreshClaims && !(await refreshClaims(context, keys))) return { refused: 'CLAIM_CHECK_FAILED', key: keys[0] ?? '' };
  const orders = await seller.orders.getMany(keys);
  const blocked = parcelBlocker(orders);
  if (blocked) return { refused: blocked.blocker, key: blocked.order.key, state: blocked.order.state };
  const unpacked = options.requirePacked ? orders.find((order) => !order.packed) : undefined;
  if (unpacked) return { refused: 'NOT_PACKED', key: unpacked.key };
  try {
    await seller.orders.ship(keys, { ...(options.station ? { station: options.station } : {}), requirePacked: options.requirePacked });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    const [first = keys[0] ?? ''] = error.detail;
    if (error.code === 'CANCEL_REQUESTED' || error.code === 'NOT_PACKED') return { refused: error.code, key: first };
    // Its waybill is being voided right now (a seller's void waiting for the carrier): the label is dead.
    if (error.code === 'WAYBILL_VOIDING') return { refused: 'VOIDED', key: first };
    if (error.code === 'INSUFFICIENT_ON_HAND') return { refused: 'INSUFFICIENT_ON_HAND', key: keys[0] ?? '', sku: first };
    // Another scan or bulk call got there first, or the order changed meanwhile: say what it is now.
    if (error.code !== 'INVALID_TRANSITION' && error.code !== 'ORDER_NOT_FOUND') throw error;
    const now = parcelBlocker(await seller.orders.getMany(keys));
    return now ? { refused: now.blocker, key: now.order.key, state: now.order.state } : { refused: 'NOT_READY', key: first };
  }
  const shipped = await seller.orders.getMany(keys);
  const at = context.now();
  await context.waybills.ctx.redis().zAdd(context.waybills.keys.trackingWatch, shipped.map((order) => ({ score: at, value: order.key })));
  return { shipped };
}
