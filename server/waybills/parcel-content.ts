import { openQuantity, type Order } from '../../shared/order';

/** CJ's refinement takes the whole address in at most 100 characters. */
const REFINE_MAX = 100;

export interface ParcelItem {
  name: string;
  option?: string;
  quantity: number;
}

/** What a parcel holds: every open unit of every line of its orders, named as the channel named it. */
export function parcelItems(orders: readonly Order[]): ParcelItem[] {
  return orders.flatMap((order) =>
    order.lines.flatMap((line) => {
      const quantity = openQuantity(line);
      if (quantity <= 0) return [];
      const name = line.productName?.trim() || line.listingId;
      const option = line.optionName?.trim();
      return [{ name, quantity, ...(option ? { option } : {}) }];
    }),
  );
}

/** The goods of a CJ booking (GDS_NM is required, so a parcel always lists at least one). */
export function bookingGoods(orders: readonly Order[]): { name: string; quantity: number }[] {
  const items = parcelItems(orders).map((item) => ({ name: (item.option ? `${item.name} ${item.option}` : item.name).slice(0, 200), quantity: item.quantity }));
  return items.length > 0 ? items : [{ name: orders[0]?.key ?? 'parcel', quantity: 1 }];
}

/** The receiver's address as one line for the carrier's refinement: both lines when they fit, else the first. */
export function refineAddressOf(order: Order): string {
  const full = `${order.receiver.address1} ${order.receiver.address2 ?? ''}`.replace(/\s+/g, ' ').trim();
  return (full.length <= REFINE_MAX ? full : order.receiver.address1.replace(/\s+/g, ' ').trim()).slice(0, REFINE_MAX);
}
