import { API } from '../../../shared/api/routes';
import { HttpError } from '../errors';
import { route, type BoundRoute } from '../route';

/** The add-on's connection test: which seller and which key this is. */
export function meRoutes(): BoundRoute[] {
  return [
    route(API.me, async ({ principal, deps }) => {
      const seller = await deps.tenants.getSeller(principal.sellerId);
      if (!seller) throw new HttpError(401, 'UNAUTHORIZED');
      return { seller: { id: seller.id, name: seller.name }, key: { keyId: principal.keyId, label: principal.label } };
    }),
  ];
}
