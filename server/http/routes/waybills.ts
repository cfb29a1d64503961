import type { ParcelResult } from '../../../shared/api/waybills';
import { API } from '../../../shared/api/routes';
import type { Language } from '../../../shared/messages';
import { issueWaybills } from '../../waybills/issue';
import { publicWaybill } from '../../waybills/records';
import { Refusal, isRefusal } from '../../waybills/refusal';
import { voidWaybill } from '../../waybills/void';
import { errorDetail, HttpError } from '../errors';
import { route, type BoundRoute } from '../route';

/** A service refusal as the HTTP answer of a whole request. */
export async function answering<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isRefusal(error)) throw new HttpError(error.status, error.code, error.params);
    throw error;
  }
}

/** A service refusal as one batch item's error. */
export function refusalDetail(refusal: Refusal, language: Language, requestId: string) {
  return errorDetail(new HttpError(refusal.status, refusal.code, refusal.params), language, requestId);
}

export function waybillRoutes(): BoundRoute[] {
  return [
    route(API.issueWaybills, async ({ seller, principal, body, deps, language, requestId }) => {
      const waybills = deps.shipping.waybills(seller.sellerId, principal.label);
      const issued = await issueWaybills(deps.shipping, seller, waybills, body);
      const results: ParcelResult[] = issued.map(({ index, orderKeys, outcome }) =>
        outcome.result === 'applied'
          ? { index, result: 'applied', replay: outcome.replay, waybills: outcome.waybills.map(publicWaybill) }
          : { index, result: 'error', orderKeys, error: refusalDetail(outcome.refusal, language, requestId) },
      );
      return { results };
    }),
    route(API.listWaybills, async ({ seller, principal, query, deps }) => {
      if (!(await seller.orders.get(query.orderKey))) throw new HttpError(404, 'ORDER_NOT_FOUND', { key: query.orderKey });
      const waybills = deps.shipping.waybills(seller.sellerId, principal.label);
      return { waybills: (await waybills.forOrder(query.orderKey)).map(publicWaybill) };
    }),
    route(API.voidWaybill, async ({ seller, principal, params, body, deps }) => {
      const waybills = deps.shipping.waybills(seller.sellerId, principal.label);
      return { waybill: publicWaybill(await answering(voidWaybill(deps.shipping, seller, waybills, params.id, body.reason))) };
    }),
  ];
}
