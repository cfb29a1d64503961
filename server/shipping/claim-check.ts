import type { ClaimCheck } from '../sync/claim-check';

/**
 * The claim check the ship step runs right before shipping lives with the channel sync
 * (server/sync/claim-check.ts, AppDeps.claimCheck): it reads cancel requests from the channels and records them,
 * and throws when a channel cannot be asked. What it returns is not read: the orders are read again afterwards.
 */
export type { ClaimCheck };

