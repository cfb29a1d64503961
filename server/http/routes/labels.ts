import { API } from '../../../shared/api/routes';
import { LabelInputError } from '../../carriers/labels';
import { createLabelLink, openLabelLink } from '../../waybills/labels';
import { HttpError } from '../errors';
import { route, type BoundRoute } from '../route';
import { answering } from './waybills';

/** Labels: a signed, short-lived link per batch, and the PDF behind it (no Bearer header, so a browser tab opens it). */
export function labelRoutes(): BoundRoute[] {
  return [
    route(API.createLabels, async ({ seller, principal, body, deps, ctx }) => {
      const waybills = deps.shipping.waybills(seller.sellerId, principal.label);
      // Behind a reverse proxy (SHEETSHIP_TRUST_PROXY=1) protocol and host are the public ones.
      return answering(createLabelLink(deps.shipping, seller, waybills, body.orderKeys, `${ctx.protocol}://${ctx.host}`));
    }),
    route(API.labelsPdf, async ({ params, deps, ctx }) => {
      try {
        const pdf = await answering(openLabelLink(deps.shipping, params.token));
        ctx.type = 'application/pdf';
        ctx.set('Content-Disposition', 'inline; filename="labels.pdf"');
        // The PDF holds (masked) buyer data: no cache may keep it past the link.
        ctx.set('Cache-Control', 'no-store');
        return pdf;
      } catch (error) {
        if (error instanceof LabelInputError) throw new HttpError(422, 'LABEL_INPUT', { field: error.field, problem: error.problem });
        throw error;
      }
    }),
  ];
}
