import type { OrderState } from '../../shared/state-machine';

/**
 * Every key of seller s starts with `ss:{s}:`. The braces are a Redis Cluster hash tag, so all of a seller's
 * keys live in one slot and one Lua script may touch any of them. Scripts receive this prefix as KEYS[1] and
 * build the keys they discover at run time (an order found on a waiting list, a SKU named by a listing)
 * from it, the same way the builders below do.
 */
export function sellerPrefix(sellerId: string): string {
  return `ss:{${sellerId}}:`;
}

export function sellerKeys(sellerId: string) {
  const p = sellerPrefix(sellerId);
  return {
    prefix: p,
    sku: (sku: string) => `${p}sku:${sku}`,
    skuIndex: `${p}skus`,
    barcodes: `${p}barcodes`,
    listing: (listingKey: string) => `${p}listing:${listingKey}`,
    listingIndex: `${p}listings`,
    skuListings: (sku: string) => `${p}sku-listings:${sku}`,
    order: (orderKey: string) => `${p}order:${orderKey}`,
    stateIndex: (state: OrderState) => `${p}state:${state}`,
    waiting: (sku: string) => `${p}waiting:${sku}`,
    unmapped: (listingKey: string) => `${p}unmapped:${listingKey}`,
    seq: `${p}seq`,
    ledger: `${p}ledger`,
    ledgerBase: (sku: string) => `${p}ledger-base:${sku}`,
    outbox: `${p}outbox`,
    alerts: `${p}alerts`,
    settings: `${p}settings`,
  };
}

export type SellerKeys = ReturnType<typeof sellerKeys>;
