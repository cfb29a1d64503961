import { CARRIERS, validateTrackingNumber, withCheckDigit, type CarrierId } from '../../../shared/carriers';
import { API } from '../../../shared/api/routes';
import type { RangeView } from '../../waybills/records';
import { validationError } from '../errors';
import { route, type BoundRoute } from '../route';

function rangeOf(carrier: CarrierId, range: RangeView) {
  return { carrier, first: range.first, last: range.last, used: range.size - range.remaining, remaining: range.remaining };
}

/** Contract number ranges: bodies without the check digit, which issuance appends for mod-7 carriers. */
export function rangeRoutes(): BoundRoute[] {
  return [
    route(API.putWaybillRange, async ({ seller, principal, params, body, deps }) => {
      const { carrier } = params;
      const sample = withCheckDigit(carrier, body.first);
      const mod7 = CARRIERS[carrier].mod7Lengths;
      if (sample.length === body.first.length && mod7.includes(sample.length)) {
        throw validationError([{ location: 'body', path: 'first', message: `must be the ${sample.length - 1}-digit body without the check digit, which is appended` }]);
      }
      const check = validateTrackingNumber(carrier, sample);
      if (!check.ok) {
        const lengths = CARRIERS[carrier].lengths?.join(' or ') ?? '8-16';
        throw validationError([{ location: 'body', path: 'first', message: `makes ${sample.length}-digit numbers; ${carrier} numbers have ${lengths} digits` }]);
      }
      const checkDigit = sample.length === body.first.length + 1;
      const waybills = deps.shipping.waybills(seller.sellerId, principal.label);
      return { range: rangeOf(carrier, await waybills.putRange(carrier, body.first, body.last, checkDigit)) };
    }),
    route(API.listWaybillRanges, async ({ seller, principal, deps }) => {
      const waybills = deps.shipping.waybills(seller.sellerId, principal.label);
      return { ranges: (await waybills.ranges()).map(({ carrier, range }) => rangeOf(carrier, range)) };
    }),
  ];
}
