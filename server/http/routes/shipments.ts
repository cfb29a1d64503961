import { API } from '../../../shared/api/routes';
import { bulkShip } from '../../shipping/bulk-ship';
import { markTrackingUploaded } from '../../shipping/tracking-uploaded';
import { route, type BoundRoute } from '../route';
import { refusalDetail } from './waybills';

export function shipmentRoutes(): BoundRoute[] {
  return [
    route(API.shipOrders, async ({ seller, principal, body, deps, language, requestId }) => {
      const context = { seller, waybills: deps.shipping.waybills(seller.sellerId, principal.label), claimCheck: deps.claimCheck, now: deps.shipping.now };
      const results = await bulkShip(context, body.orderKeys);
      return {
        results: results.map((result) =>
          result.result === 'applied' ? result : { orderKey: result.orderKey, result: 'error' as const, error: refusalDetail(result.refusal, language, requestId) },
        ),
      };
    }),
    route(API.trackingUploaded, async ({ seller, body, language, requestId }) => {
      const results = await markTrackingUploaded(seller, body.orderKeys);
      return {
        results: results.map((result) =>
          result.result === 'applied' ? result : { orderKey: result.orderKey, result: 'error' as const, error: refusalDetail(result.refusal, language, requestId) },
        ),
      };
    }),
  ];
}
