import { API } from '../../../shared/api/routes';
import { scan } from '../../shipping/scan';
import { route, type BoundRoute } from '../route';

export function scanRoutes(): BoundRoute[] {
  return [
    route(API.scan, async ({ seller, principal, body, deps, language }) => {
      const context = {
        seller,
        waybills: deps.shipping.waybills(seller.sellerId, principal.label),
        claimCheck: deps.claimCheck,
        now: deps.shipping.now,
        language,
      };
      return scan(context, { code: body.code, mode: body.mode, ...(body.station ? { station: body.station } : {}) });
    }),
  ];
}
