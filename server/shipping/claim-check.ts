/**
 * Refreshes the claim state (cancel requests) of orders from their channels right before they ship, and records
 * what it finds through `orders.recordClaim`. The channel sync builds the real one (server/sync/claim-check.ts,
 * AppDeps.claimCheck); it throws when a channel cannot be asked. What it returns is not read: the orders are read
 * again afterwards.
 */
export type ClaimCheck = (sellerId: string, orderKeys: readonly string[]) => Promise<unknown>;

/** Until the channel sync supplies one: nothing to refresh (file and manual channels have no claims to fetch). */
export const noClaimCheck: ClaimCheck = async () => undefined;
