import { normalizeTrackingNumber } from '../../shared/carriers';
import type { ScanResponse } from '../../shared/api/waybills';
import { message, type Language } from '../../shared/messages';
import type { Order } from '../../shared/order';
import type { StoredWaybill } from '../waybills/records';
import { parcelBlocker } from './blockers';
import type { ShipContext } from './ship-parcel';

export interface ScanInput {
  code: string;
  mode: 'ship' | 'verify';
  station?: string;
}

export interface ScanContext extends ShipContext {
  language: Language;
}

type Refused = Extract<ScanResponse, { result: 'refused' }>;

export function refusedScan(context: ScanContext, reason: Refused['reason'], orderKeys: string[], facts: Record<string, string | number | undefined> = {}): Refused {
  return { result: 'refused', reason, orderKeys, message: message(`scan.refused.${reason}`, context.language, facts) };
}

/** The parcel a waybill barcode names, or why it cannot be used: unknown, or voided (also when its orders dropped it). */
export async function parcelOfBarcode(
  context: ScanContext,
  code: string,
): Promise<{ record: StoredWaybill; orders: Order[] } | { refusal: Refused } | null> {
  const record = await context.waybills.byNumber(normalizeTrackingNumber(code));
  if (!record) return null;
  const orders = await context.seller.orders.getMany(record.orderKeys);
  const attached = orders.some((order) => order.waybillIds?.includes(record.id));
  if (record.voided || !attached) return { refusal: refusedScan(context, 'VOIDED', record.orderKeys, { trackingNumber: record.trackingNumber }) };
  return { record, orders };
}

/** The refusal for a parcel whose orders cannot go out now (cancelled, shipped, cancel requested, held). */
export function blockedScan(context: ScanContext, record: StoredWaybill, orders: readonly Order[]): Refused | null {
  const blocked = parcelBlocker(orders);
  if (!blocked) return null;
  return refusedScan(context, blocked.blocker, record.orderKeys, { key: blocked.order.key, state: blocked.order.state, trackingNumber: record.trackingNumber });
}
