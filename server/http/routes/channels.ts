import { API } from '../../../shared/api/routes';
import { ChannelAccountNotFoundError, ChannelAccounts } from '../../channels/accounts';
import { HttpError } from '../errors';
import { route, type BoundRoute } from '../route';

function notFound(error: unknown): never {
  if (error instanceof ChannelAccountNotFoundError) throw new HttpError(404, 'CHANNEL_ACCOUNT_NOT_FOUND', { id: error.accountId });
  throw error;
}

export function channelRoutes(): BoundRoute[] {
  return [
    route(API.createChannelAccount, async ({ seller, body, deps }) => ({
      account: ChannelAccounts.view(await deps.channelAccounts.create(seller.sellerId, body)),
    })),
    route(API.listChannelAccounts, async ({ seller, deps }) => ({
      accounts: (await deps.channelAccounts.list(seller.sellerId)).map((record) => ChannelAccounts.view(record)),
    })),
    route(API.patchChannelAccount, async ({ seller, params, body, deps }) => ({
      account: ChannelAccounts.view(await deps.channelAccounts.update(seller.sellerId, params.id, body).catch(notFound)),
    })),
    route(API.deleteChannelAccount, async ({ seller, params, deps }) => {
      await deps.channelAccounts.remove(seller.sellerId, params.id).catch(notFound);
      return { id: params.id, deleted: true as const };
    }),
  ];
}
