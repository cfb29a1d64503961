import type { ScanResponse } from '../../shared/api/waybills';
import { message } from '../../shared/messages';
import type { Order } from '../../shared/order';
import type { StoredWaybill } from '../waybills/records';
import { blockedScan, parcelOfBarcode, refusedScan, type ScanContext, type ScanInput } from './scan-parcel';

/** A parcel stays open at a station this long after its waybill was scanned. */
const OPEN_SECONDS = 24 * 3600;

/** Units the parcel must hold, per SKU: what its orders reserve (every component of every open line). */
function expectedUnits(orders: readonly Order[]): Record<string, number> {
  const expected: Record<string, number> = {};
  for (const order of orders) for (const [sku, units] of Object.entries(order.allocation)) expected[sku] = (expected[sku] ?? 0) + units;
  return expected;
}

function total(units: Record<string, number>): number {
  return Object.values(units).reduce((sum, value) => sum + value, 0);
}

/** Where the open parcel is kept: the packing station, or the scanning key when no station is given. */
function stationOf(context: ScanContext, input: ScanInput): string {
  return input.station ? `station:${input.station}` : `key:${context.waybills.ctx.actor}`;
}

async function counted(context: ScanContext, record: StoredWaybill): Promise<number> {
  const counts = await context.waybills.ctx.redis().hVals(context.waybills.keys.verifyCount(record.id));
  return counts.reduce((sum, value) => sum + Number(value), 0);
}

type Verified = Extract<ScanResponse, { result: 'verified' }>;

/**
 * Scan-to-verify. A waybill barcode opens its parcel at the station (the sidebar says "scan the waybill, then each
 * item"); each item barcode after it is checked against the open parcel's orders. An item the parcel does not
 * hold, or one more than it holds, is refused and not counted. When every unit is scanned the orders are marked
 * packed, which scan-to-ship requires when settings.requirePackedToShip is on.
 */
export async function verifyScan(context: ScanContext, input: ScanInput): Promise<ScanResponse> {
  const station = stationOf(context, input);
  const openKey = context.waybills.keys.verifyOpen(station);
  const redis = context.waybills.ctx.redis();
  const found = await parcelOfBarcode(context, input.code);
  if (found) {
    if ('refusal' in found) return found.refusal;
    const blocked = blockedScan(context, found.record, found.orders);
    if (blocked) return blocked;
    await redis.set(openKey, found.record.id, { EX: OPEN_SECONDS });
    const packed = found.orders.every((order) => order.packed);
    const remaining = packed ? 0 : total(expectedUnits(found.orders)) - (await counted(context, found.record));
    const text = message(packed ? 'scan.alreadyPacked' : 'scan.opened', context.language, { trackingNumber: found.record.trackingNumber, remaining });
    return { result: 'verified', orderKeys: found.record.orderKeys, remaining, packed, message: text } satisfies Verified;
  }

  const sku = await context.seller.catalog.skuByBarcode(input.code);
  if (!sku) return refusedScan(context, 'UNKNOWN_BARCODE', [], { code: input.code });
  const openId = await redis.get(openKey);
  const record = openId ? await context.waybills.get(openId) : null;
  if (!record) return refusedScan(context, 'NO_PARCEL_OPEN', []);
  const orders = await context.seller.orders.getMany(record.orderKeys);
  if (record.voided || !orders.some((order) => order.waybillIds?.includes(record.id))) {
    return refusedScan(context, 'VOIDED', record.orderKeys, { trackingNumber: record.trackingNumber });
  }
  const blocked = blockedScan(context, record, orders);
  if (blocked) return blocked;

  const reply = await context.waybills.verifyItem(record.id, sku, expectedUnits(orders));
  if (reply.result !== 'counted') return refusedScan(context, reply.result, record.orderKeys, { sku });
  if (reply.remaining > 0) {
    return { result: 'verified', orderKeys: record.orderKeys, sku, remaining: reply.remaining, packed: false, message: message('scan.counted', context.language, { sku, remaining: reply.remaining }) };
  }
  for (const order of orders) await context.seller.orders.setFlags(order.key, { packed: true });
  return { result: 'verified', orderKeys: record.orderKeys, sku, remaining: 0, packed: true, message: message('scan.packed', context.language, { trackingNumber: record.trackingNumber }) };
}
