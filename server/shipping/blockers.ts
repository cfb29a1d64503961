import type { Order } from '../../shared/order';

/** Why an order cannot ship now, in the order a packer needs to hear it; null when it can. */
export type ShipBlocker = 'CANCELLED' | 'ALREADY_SHIPPED' | 'CANCEL_REQUESTED' | 'HELD' | 'NOT_READY';

export function hasOpenCancelRequest(order: Order): boolean {
  return order.lines.some((line) => line.claim?.type === 'CANCEL' && line.claim.status === 'REQUESTED');
}

export function shipBlocker(order: Order): ShipBlocker | null {
  if (order.state === 'CANCELLED') return 'CANCELLED';
  if (order.state === 'SHIPPED' || order.state === 'DELIVERED' || order.state === 'RETURNED') return 'ALREADY_SHIPPED';
  if (hasOpenCancelRequest(order)) return 'CANCEL_REQUESTED';
  if (order.state === 'HELD') return 'HELD';
  if (order.state !== 'WAYBILL_ISSUED') return 'NOT_READY';
  return null;
}

const RANK: readonly ShipBlocker[] = ['CANCELLED', 'ALREADY_SHIPPED', 'CANCEL_REQUESTED', 'HELD', 'NOT_READY'];

/** What keeps a parcel from shipping: the most pressing reason over all its orders, and the order it is about. */
export function parcelBlocker(orders: readonly Order[]): { order: Order; blocker: ShipBlocker } | null {
  let found: { order: Order; blocker: ShipBlocker } | null = null;
  for (const order of orders) {
    const blocker = shipBlocker(order);
    if (blocker && (!found || RANK.indexOf(blocker) < RANK.indexOf(found.blocker))) found = { order, blocker };
  }
  return found;
}
