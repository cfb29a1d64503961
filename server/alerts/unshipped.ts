import { CARRIER_IDS, type CarrierId } from '../../shared/carriers';
import type { Order } from '../../shared/order';
import type { SellerStore } from '../store';
import { ordersInState } from './orders-in-state';

/** Live waybills of orders that have not shipped, per carrier (every box counts; a 합포장 parcel counts once). */
export function unshippedWaybillsByCarrier(issued: readonly Order[]): Map<CarrierId, number> {
  const ids = new Map<CarrierId, Set<string>>();
  for (const order of issued) {
    const carrier = CARRIER_IDS.find((id) => id === order.tracking.carrier);
    if (!carrier || order.state !== 'WAYBILL_ISSUED') continue;
    const set = ids.get(carrier) ?? new Set<string>();
    for (const id of order.waybillIds ?? []) set.add(id);
    ids.set(carrier, set);
  }
  return new Map([...ids].map(([carrier, set]) => [carrier, set.size]));
}

/** Raises or closes UNSHIPPED_WAYBILLS per carrier: CJ may block an account whose issued numbers pile up unused. */
export async function settleUnshippedAlerts(seller: SellerStore, issued: readonly Order[], max: number): Promise<void> {
  const counts = unshippedWaybillsByCarrier(issued);
  for (const carrier of CARRIER_IDS) {
    const count = counts.get(carrier) ?? 0;
    if (count > max) await seller.alerts.raise('UNSHIPPED_WAYBILLS', count > 2 * max ? 'critical' : 'warning', carrier, { carrier, count, max });
    else await seller.alerts.close('UNSHIPPED_WAYBILLS', carrier);
  }
}

/** Right after an issuance, so a pile-up shows at once rather than at the next periodic evaluation. */
export async function checkUnshippedWaybills(seller: SellerStore, max: number): Promise<void> {
  await settleUnshippedAlerts(seller, await ordersInState(seller, 'WAYBILL_ISSUED'), max);
}
