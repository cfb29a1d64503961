import type { Logger } from 'pino';
import type { ChannelAccounts } from '../channels/accounts';
import type { ChannelConnectors } from '../channels/connectors';
import type { Store } from '../store';
import type { Tenants } from '../tenancy/tenants';
import { syncOptions, type SyncOptionsInput } from './context';
import { SyncEvents } from './events';
import { SyncService } from './service';

export { createClaimCheck, ClaimCheckError, type ClaimCheck } from './claim-check';
export { DEFAULT_OUTBOX_GROUP, DEFAULT_POLL_INTERVAL_MS, syncOptions, type SyncOptions, type SyncOptionsInput } from './context';
export { SyncEvents, type SyncEvent } from './events';
export { SyncService } from './service';

export interface StartSyncDeps {
  store: Store;
  tenants: Pick<Tenants, 'sellerIds'>;
  accounts: ChannelAccounts;
  connectors: ChannelConnectors;
  logger: Logger;
  events?: SyncEvents;
}

/** Starts this instance's sync workers; add the result to the Workers registry so shutdown stops it. */
export function startSync(deps: StartSyncDeps, options: SyncOptionsInput = {}): SyncService {
  const ctx = {
    store: deps.store,
    accounts: deps.accounts,
    connectors: deps.connectors,
    events: deps.events ?? new SyncEvents(),
    logger: deps.logger.child({ component: 'sync' }),
    options: syncOptions(options),
  };
  return new SyncService(ctx, deps.tenants).start();
}
