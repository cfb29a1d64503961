import { API } from '../../../shared/api/routes';
import { route, type BoundRoute } from '../route';

/** Hand-made state changes. Each answers the order as it is afterwards. */
export function orderActionRoutes(): BoundRoute[] {
  return [
    route(API.holdOrder, async ({ seller, params, body }) => {
      await seller.orders.hold(params.key, body.note ?? '');
      return { order: await seller.orders.require(params.key) };
    }),
    route(API.releaseOrder, async ({ seller, params }) => {
      await seller.orders.release(params.key);
      return { order: await seller.orders.require(params.key) };
    }),
    route(API.cancelOrder, async ({ seller, params, body }) => {
      await seller.orders.cancel(params.key, body.reason ?? '');
      return { order: await seller.orders.require(params.key) };
    }),
  ];
}
