import type { SellerStore } from '../store';
import type { StoredWaybill } from './records';
import { isRefusal, scriptRefusal } from './refusal';
import type { ShippingRuntime } from './runtime';
import { cancelCarrierBooking, finishVoid, recordVoidFailure } from './void-queue';
import type { WaybillStore } from './waybill-store';

/**
 * Voids a waybill: the void is recorded first (so a crash mid-call leaves it to the void worker), then its carrier
 * booking is cancelled (CJ), then the record is voided and its orders go back to ALLOCATED. A parcel the driver
 * already scanned cannot be cancelled at CJ, so it is refused (PICKED_UP) with nothing changed, and so is a
 * carrier that does not answer (CARRIER_ERROR); unless the order was cancelled, in which case the void stays
 * queued and is retried. Voiding twice is a replay.
 */
export async function voidWaybill(runtime: ShippingRuntime, seller: SellerStore, waybills: WaybillStore, id: string, reason: string): Promise<StoredWaybill> {
  const leaseUntil = runtime.now() + runtime.options.issueLeaseMs;
  const begun = await waybills.beginVoid(id, reason, leaseUntil);
  if ('error' in begun) throw scriptRefusal(begun.error);
  if (begun.replay) return begun.waybill;
  try {
    await cancelCarrierBooking(runtime, seller, begun.waybill);
  } catch (error) {
    if (isRefusal(error)) await recordVoidFailure(runtime, waybills, begun.job, leaseUntil, error, true);
    throw error;
  }
  return finishVoid(waybills, id, begun.job.origin === 'cancel' ? begun.job.reason : reason);
}
