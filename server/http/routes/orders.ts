import { DEFAULT_PAGE } from '../../../shared/api/common';
import type { OrderResult } from '../../../shared/api/orders';
import { orderKey } from '../../../shared/ids';
import { API } from '../../../shared/api/routes';
import { HttpError, itemError } from '../errors';
import { route, type BoundRoute } from '../route';

export function orderRoutes(): BoundRoute[] {
  return [
    route(API.postOrders, async ({ seller, body, deps, language, requestId }) => {
      // The body was parsed with OrderInputSchema already, so the store takes the orders as they are. They go
      // to Redis together and run in the order sent, so earlier orders in a batch reserve first.
      const outcomes = await seller.orders.ingestParsed(body.orders);
      const results = body.orders.map((input, index): OrderResult => {
        const key = orderKey(input.channel, input.account, input.orderId);
        const outcome = outcomes[index];
        if (outcome?.status === 'fulfilled') {
          const ingested = outcome.value;
          deps.metrics.ordersIngested.inc({ outcome: ingested.created ? 'created' : ingested.replay ? 'replay' : 'updated' });
          return {
            key,
            orderId: input.orderId,
            result: 'applied',
            status: ingested.status,
            ...(ingested.reason ? { reason: ingested.reason } : {}),
            ...(ingested.detail ? { heldDetail: ingested.detail } : {}),
            created: ingested.created,
            replay: ingested.replay,
          };
        }
        const detail = itemError(outcome?.reason, language, requestId, { key });
        deps.metrics.ordersIngested.inc({ outcome: 'error' });
        return { key, orderId: input.orderId, result: 'error', error: detail };
      });
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
