import { API } from '../../../shared/api/routes';
import { SyncStatusBook } from '../../sync/status';
import { route, type BoundRoute } from '../route';

export function syncRoutes(): BoundRoute[] {
  return [
    route(API.syncStatus, async ({ seller, deps }) => {
      const book = new SyncStatusBook(deps.store.pool);
      const records = await deps.channelAccounts.list(seller.sellerId);
      const accounts = await book.read(seller.sellerId, records, {
        group: deps.sync.outboxGroup,
        defaultPollMs: deps.sync.pollIntervalMs,
        lease: async (account) => {
          const lease = await seller.sync.leaseHolder(account);
          return lease ? { holder: lease.holder, token: lease.token } : null;
        },
      });
      return { now: new Date().toISOString(), accounts };
    }),
  ];
}
