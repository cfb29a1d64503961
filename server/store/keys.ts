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
    /** Closed orders by when they closed (ms), until their buyer data is erased. */
    closedOrders: `${p}closed-orders`,
    closedOrdersBackfill: `${p}closed-orders-backfill`,
    waiting: (sku: string) => `${p}waiting:${sku}`,
    unmapped: (listingKey: string) => `${p}unmapped:${listingKey}`,
    seq: `${p}seq`,
    ledger: `${p}ledger`,
    ledgerBase: (sku: string) => `${p}ledger-base:${sku}`,
    outbox: `${p}outbox`,
    alerts: `${p}alerts`,
    settings: `${p}settings`,
    // Channel accounts and the sync workers' state (server/channels/accounts.ts, server/sync/).
    channelAccounts: `${p}channels`,
    syncLease: (account: string) => `${p}sync:lease:${account}`,
    syncFence: (account: string) => `${p}sync:fence:${account}`,
    syncCursor: (account: string) => `${p}sync:cursor:${account}`,
    syncStatus: (account: string) => `${p}sync:status:${account}`,
    syncConfirm: (account: string) => `${p}sync:confirm:${account}`,
    syncConfirmAttempts: (account: string) => `${p}sync:confirm-attempts:${account}`,
    syncPushed: `${p}sync:pushed`,
    syncPushRetry: `${p}sync:push-retry`,
    syncPushAttempts: `${p}sync:push-attempts`,
    syncDispatchRetry: `${p}sync:dispatch-retry`,
    syncDispatchAttempts: `${p}sync:dispatch-attempts`,
  };
}

export type SellerKeys = ReturnType<typeof sellerKeys>;
