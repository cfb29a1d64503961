import { DEFAULT_PAGE } from '../../../shared/api/common';
import { API } from '../../../shared/api/routes';
import { route, type BoundRoute } from '../route';

export function ledgerRoutes(): BoundRoute[] {
  return [
    route(API.ledger, async ({ seller, query }) => {
      const limit = query.limit ?? DEFAULT_PAGE;
      const entries = await seller.stock.ledger({ sku: query.sku, since: query.since, limit });
      return { entries, nextCursor: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
    }),
  ];
}
