import type { Order } from '../../shared/order';
import type { OrderState } from '../../shared/state-machine';
import type { SellerStore } from '../store';

const PAGE = 1000;

/** Every order now in `state`, read page by page through the state's index. */
export async function ordersInState(seller: SellerStore, state: OrderState): Promise<Order[]> {
  const orders: Order[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await seller.orders.list({ status: state, limit: PAGE, ...(after === undefined ? {} : { after }) });
    orders.push(...page.orders);
    if (page.nextCursor === null) return orders;
    after = page.nextCursor;
  }
}
