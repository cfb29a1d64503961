import { API } from '../../../shared/api/routes';
import { runDueVoids } from '../../waybills/void-queue';
import { route, type BoundRoute } from '../route';

/** Hand-made state changes. Each answers the order as it is afterwards. */
export function orderActionRoutes(): BoundRoute[] {
  return [
    route(API.holdOrder, async ({ seller, params, body }) => {
      await seller.orders.hold(params.key, body.note ?? '');
      return { order: await seller.orders.require(params.key) };
    }),
    route(API.releaseOrder, async ({ seller, params }) => {
      await seller.orders.release(params.key);
      return { order: await seller.orders.require(params.key) };
    }),
    route(API.cancelOrder, async ({ seller, principal, params, body, deps }) => {
      // The voids are queued with the cancel, held for this request, and tried now so the answer shows them
      // done. One the carrier does not take stays queued for the void worker and, if it keeps failing, raises
      // WAYBILL_VOID_FAILED; if this process dies first, the hold runs out and the worker takes them.
      const heldUntil = deps.shipping.now() + deps.shipping.options.issueLeaseMs;
      const cancelled = await seller.orders.cancel(params.key, body.reason ?? '', heldUntil);
      await runDueVoids(deps.shipping, seller.sellerId, principal.label, { waybillIds: cancelled.voids, heldUntil });
      return { order: await seller.orders.require(params.key) };
    }),
  ];
}
