import type { AdjustmentResult, InventoryResponse } from '../../../shared/api/inventory';
import { MAX_PAGE } from '../../../shared/api/common';
import { API } from '../../../shared/api/routes';
import type { SellerStore } from '../../store';
import { itemError } from '../errors';
import { route, type BoundRoute } from '../route';

async function wholeInventory(seller: SellerStore): Promise<InventoryResponse> {
  const skus: InventoryResponse['skus'] = [];
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page = await seller.catalog.listSkus(cursor, MAX_PAGE);
    skus.push(...page.items);
    cursor = page.nextCursor;
  }
  const listings: InventoryResponse['listings'] = [];
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page = await seller.catalog.listListings(cursor, MAX_PAGE);
    for (const listing of page.items) listings.push({ channel: listing.channel, account: listing.account, listingId: listing.listingId, sellable: listing.sellable });
    cursor = page.nextCursor;
  }
  return { skus, listings };
}

export function inventoryRoutes(): BoundRoute[] {
  return [
    route(API.inventory, async ({ seller }) => wholeInventory(seller)),
    route(API.adjust, async ({ seller, body, language, requestId }) => {
      const results: AdjustmentResult[] = [];
      // One after another: two adjustments of the same SKU apply in the order they were sent.
      for (const [index, adjustment] of body.adjustments.entries()) {
        const { sku, kind, quantity, expected } = adjustment;
        try {
          const outcome = await seller.stock.adjust(sku, kind, quantity, expected, `adjustment:${requestId}:${index}`);
          if (outcome.status === 'conflict') results.push({ sku, kind, result: 'conflict', current: outcome.current });
          else {
            const { onHand, reserved, safety, available, heldOrders } = outcome;
            results.push({ sku, kind, result: 'applied', onHand, reserved, safety, available, heldOrders });
          }
        } catch (error) {
          results.push({ sku, kind, result: 'error', error: itemError(error, language, requestId, { sku }) });
        }
      }
      return { results };
    }),
  ];
}
