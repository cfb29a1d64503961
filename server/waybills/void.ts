import type { SellerStore } from '../store';
import { isCjError } from '../carriers/cj';
import type { StoredWaybill } from './records';
import { Refusal } from './refusal';
import type { ShippingRuntime } from './runtime';
import type { WaybillStore } from './waybill-store';

/**
 * Voids a waybill: its carrier booking is cancelled first (CJ), then the record is voided and its orders go back
 * to ALLOCATED. A parcel the driver already scanned cannot be cancelled at CJ, so it is refused (PICKED_UP) with
 * nothing changed. Voiding twice is a replay.
 */
export async function voidWaybill(runtime: ShippingRuntime, seller: SellerStore, waybills: WaybillStore, id: string, reason: string): Promise<StoredWaybill> {
  const record = await waybills.get(id);
  if (!record) throw new Refusal('WAYBILL_NOT_FOUND', { id }, 404);
  if (record.voided) return record;
  // Checked before the booking is cancelled, so a shipped parcel never loses its booking.
  for (const order of await seller.orders.getMany(record.orderKeys)) {
    const carries = order.waybillIds?.includes(id) ?? false;
    if (carries && order.state !== 'WAYBILL_ISSUED' && order.state !== 'CANCELLED') {
      throw new Refusal('INVALID_TRANSITION', { key: order.key, from: order.state, to: 'ALLOCATED' });
    }
  }
  if (record.booking) {
    const client = runtime.cjClients.for((await seller.settings.get()).carrierContracts.cj);
    try {
      const outcome = await client.cancelBooking(record.booking);
      if (outcome.kind === 'refused') throw new Refusal('PICKED_UP', { trackingNumber: record.trackingNumber });
    } catch (error) {
      if (isCjError(error)) throw new Refusal('CARRIER_ERROR', { detail: error.details.detail ?? error.message }, 502);
      throw error;
    }
  }
  const reply = await waybills.voidRecord(id, reason);
  if ('error' in reply) throw new Refusal(reply.error.code, reply.error.params, reply.error.code === 'WAYBILL_NOT_FOUND' ? 404 : 409);
  return reply.waybill;
}
