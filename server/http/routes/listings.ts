import type { ListingResult } from '../../../shared/api/catalog';
import { DEFAULT_PAGE } from '../../../shared/api/common';
import { API } from '../../../shared/api/routes';
import { errorDetail, fromStoreRefusal } from '../errors';
import { route, type BoundRoute } from '../route';

export function listingRoutes(): BoundRoute[] {
  return [
    route(API.putListings, async ({ seller, body, language, requestId }) => {
      if (body.listings.length === 0) return { results: [] };
      const stored = await seller.catalog.upsertListings(body.listings);
      // The store answers item by item, in the order asked.
      const results = body.listings.map((input, index): ListingResult => {
        const ref = { channel: input.channel, account: input.account, listingId: input.listingId };
        const item = stored[index];
        if (!item) throw new Error(`upsert_listings answered ${stored.length} results for ${body.listings.length} listings`);
        if (item.status === 'error') return { ...ref, result: 'error', error: errorDetail(fromStoreRefusal(item.code, [item.detail]), language, requestId) };
        return { ...ref, result: 'applied', change: item.status, released: item.released };
      });
      return { results };
    }),
    route(API.listListings, async ({ seller, query }) => {
      const page = await seller.catalog.listListings(query.cursor ?? null, query.limit ?? DEFAULT_PAGE);
      return { listings: page.items, nextCursor: page.nextCursor };
    }),
  ];
}
