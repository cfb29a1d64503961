import type { SkuResult } from '../../../shared/api/catalog';
import { DEFAULT_PAGE } from '../../../shared/api/common';
import { API } from '../../../shared/api/routes';
import { errorDetail, fromStoreRefusal } from '../errors';
import { route, type BoundRoute } from '../route';

export function skuRoutes(): BoundRoute[] {
  return [
    route(API.putSkus, async ({ seller, body, language, requestId }) => {
      if (body.skus.length === 0) return { results: [] };
      const stored = await seller.catalog.upsertSkus(body.skus);
      const results = stored.map((item): SkuResult =>
        item.status === 'error'
          ? { sku: item.sku, result: 'error', error: errorDetail(fromStoreRefusal(item.code, [item.detail], { sku: item.sku }), language, requestId) }
          : { sku: item.sku, result: 'applied', change: item.status },
      );
      return { results };
    }),
    route(API.listSkus, async ({ seller, query }) => {
      const page = await seller.catalog.listSkus(query.cursor ?? null, query.limit ?? DEFAULT_PAGE);
      return { skus: page.items, nextCursor: page.nextCursor };
    }),
  ];
}
