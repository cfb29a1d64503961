import type { ScanResponse } from '../../shared/api/waybills';
import { message } from '../../shared/messages';
import { blockedScan, parcelOfBarcode, refusedScan, type ScanContext, type ScanInput } from './scan-parcel';
import { shipParcel } from './ship-parcel';
import { verifyScan } from './verify';

export type { ScanContext, ScanInput } from './scan-parcel';

/**
 * Scan-to-ship. Ship mode: the waybill barcode names the parcel; it ships unless a reason refuses it, each with
 * its own code and message. A parcel ships once: any later scan of it (any of its boxes) is ALREADY_SHIPPED.
 * Verify mode: see verify.ts.
 */
export async function scan(context: ScanContext, input: ScanInput): Promise<ScanResponse> {
  if (input.mode === 'verify') return verifyScan(context, input);
  const found = await parcelOfBarcode(context, input.code);
  if (!found) return refusedScan(context, 'UNKNOWN_BARCODE', [], { code: input.code });
  if ('refusal' in found) return found.refusal;
  const { record, orders } = found;
  const blocked = blockedScan(context, record, orders);
  if (blocked) return blocked;
  const settings = await context.seller.settings.get();
  const attempt = await shipParcel(context, record.orderKeys, { ...(input.station ? { station: input.station } : {}), requirePacked: settings.requirePackedToShip, refreshClaims: true });
  if ('refused' in attempt) {
    if (attempt.refused === 'INSUFFICIENT_ON_HAND') {
      // A count found fewer units on the shelf than this parcel takes: it cannot really be packed.
      return { result: 'refused', reason: 'NOT_READY', orderKeys: record.orderKeys, message: message('error.INSUFFICIENT_ON_HAND', context.language, { sku: attempt.sku }) };
    }
    return refusedScan(context, attempt.refused, record.orderKeys, { key: attempt.key, state: attempt.state, trackingNumber: record.trackingNumber, code: input.code });
  }
  const facts = { trackingNumber: record.trackingNumber, count: record.packages };
  return {
    result: 'shipped',
    orderKeys: record.orderKeys,
    waybillId: record.id,
    trackingNumber: record.trackingNumber,
    message: message(record.packages > 1 ? 'scan.shippedBoxes' : 'scan.shipped', context.language, facts),
  };
}
