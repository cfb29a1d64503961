import { DEFAULT_PAGE } from '../../../shared/api/common';
import type { OrderResult } from '../../../shared/api/orders';
import { orderKey } from '../../../shared/ids';
import { API } from '../../../shared/api/routes';
import { HttpError, itemError } from '../errors';
import { route, type BoundRoute } from '../route';

export function orderRoutes(): BoundRoute[] {
  return [
    route(API.postOrders, async ({ seller, body, deps, language, requestId }) => {
      const results: OrderResult[] = [];
      // In the order sent, so earlier orders in a batch reserve first.
      for (const input of body.orders) {
        const key = orderKey(input.channel, input.account, input.orderId);
        try {
          const ingested = await seller.orders.ingest(input);
          deps.metrics.ordersIngested.inc({ outcome: ingested.created ? 'created' : ingested.replay ? 'replay' : 'updated' });
          results.push({
            key,
            orderId: input.orderId,
            result: 'applied',
            status: ingested.status,
            ...(ingested.reason ? { reason: ingested.reason } : {}),
            ...(ingested.detail ? { heldDetail: ingested.detail } : {}),
            created: ingested.created,
            replay: ingested.replay,
          });
        } catch (error) {
          const detail = itemError(error, language, requestId, { key });
          deps.metrics.ordersIngested.inc({ outcome: 'error' });
          results.push({ key, orderId: input.orderId, result: 'error', error: detail });
        }
      }
      return { results };
    }),
    route(API.listOrders, async ({ seller, query }) => {
      const after = query.cursor ?? query.updatedSince;
      const page = await seller.orders.list({
        status: query.status,
        channel: query.channel,
        after: after === undefined ? undefined : Number(after),
        limit: query.limit ?? DEFAULT_PAGE,
      });
      return { orders: page.orders, nextCursor: page.nextCursor === null ? null : String(page.nextCursor), syncToken: String(page.syncToken) };
    }),
    route(API.getOrder, async ({ seller, params }) => {
      const order = await seller.orders.get(params.key);
      if (!order) throw new HttpError(404, 'ORDER_NOT_FOUND', { key: params.key });
      return { order };
    }),
  ];
}
