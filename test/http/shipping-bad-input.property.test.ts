import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorBodySchema, ValidationIssueSchema } from '../../shared/api/common';
import {
  IssueWaybillsBodySchema,
  LabelsBodySchema,
  ScanBodySchema,
  ShipmentsBodySchema,
  TrackingUploadedBodySchema,
  VoidWaybillBodySchema,
  WaybillRangeBodySchema,
} from '../../shared/api/waybills';
import { sellerDump } from '../support/store';
import { applied, call, issue, postOrders, shippingSeller, startShippingServer } from '../waybills/support/harness';
import { invalidBodies, type Json } from './support/mutations';

const server = await startShippingServer();
const RUNS = 20;
const ValidationDetails = z.object({ issues: z.array(ValidationIssueSchema).min(1) });

describe('schema violations on the shipping routes', () => {
  it('are a 400 naming the field, and nothing of the seller changes', async () => {
    const seller = await shippingSeller(server);
    const [key] = await postOrders(server, seller, [{ id: 'bad1' }]);
    const [waybill] = applied((await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [key ?? ''], trackingNumber: '123456789013' }] }))[0]).waybills;
    const orderKeys = [key ?? ''];
    const routes: { method: string; path: string; schema: z.ZodType; template: Json }[] = [
      { method: 'POST', path: '/v1/waybills', schema: IssueWaybillsBodySchema, template: { carrier: 'cj', parcels: [{ orderKeys, packages: 2 }] } },
      { method: 'POST', path: `/v1/waybills/${waybill?.id}/void`, schema: VoidWaybillBodySchema, template: { reason: '오타' } },
      { method: 'PUT', path: '/v1/waybill-ranges/cj', schema: WaybillRangeBodySchema, template: { first: '600000000000', last: '600000000999' } },
      { method: 'POST', path: '/v1/labels', schema: LabelsBodySchema, template: { orderKeys } },
      { method: 'POST', path: '/v1/scans', schema: ScanBodySchema, template: { code: '123456789013', mode: 'ship', station: '1번' } },
      { method: 'POST', path: '/v1/shipments', schema: ShipmentsBodySchema, template: { orderKeys } },
      { method: 'POST', path: '/v1/orders/tracking-uploaded', schema: TrackingUploadedBodySchema, template: { orderKeys } },
    ];
    const before = await sellerDump(server.store, seller.sellerId);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(invalidBodies(route.schema, route.template), async (body) => {
          const answer = await call(server, route.method, route.path, { key: seller.key, rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
          expect(answer.status, `${route.method} ${route.path} ${answer.text}`).toBe(400);
          const error = ErrorBodySchema.parse(answer.body).error;
          expect(error.code).toBe('VALIDATION');
          const issues = ValidationDetails.parse(error.details).issues;
          expect(error.message).toContain(issues[0]?.path);
        }),
        { numRuns: RUNS },
      );
    }
    expect(await sellerDump(server.store, seller.sellerId)).toEqual(before);
  });

  it('an unknown carrier in the range path, or a label token of the wrong shape, is a 400 naming it', async () => {
    const seller = await shippingSeller(server);
    const range = await call(server, 'PUT', '/v1/waybill-ranges/dhl', { key: seller.key, body: { first: '600000000000', last: '600000000999' } });
    expect(ErrorBodySchema.parse(range.body).error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ location: 'params', path: 'carrier' }] } });
    const token = await call(server, 'GET', '/v1/labels/short');
    expect(ErrorBodySchema.parse(token.body).error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ location: 'params', path: 'token' }] } });
  });
});

describe('tracking uploaded (file channels)', () => {
  it('accepts the tracking of shipped file-channel orders and refuses the rest per order', async () => {
    const seller = await shippingSeller(server);
    const [ohouse, smartstore, unshipped] = await postOrders(server, seller, [{ id: 'oh1', channel: 'ohouse' }, { id: 'ss1', channel: 'smartstore' }, { id: 'oh2', channel: 'ohouse' }]);
    const results = await issue(server, seller, {
      carrier: 'cj',
      parcels: [
        { orderKeys: [ohouse ?? ''], trackingNumber: '601234567890' },
        { orderKeys: [smartstore ?? ''], trackingNumber: '601234567891' },
      ],
    });
    expect(results.every((result) => result.result === 'applied')).toBe(true);
    expect((await call(server, 'POST', '/v1/shipments', { key: seller.key, body: { orderKeys: [ohouse, smartstore] } })).status).toBe(200);
    const answer = await call(server, 'POST', '/v1/orders/tracking-uploaded', { key: seller.key, body: { orderKeys: [ohouse, smartstore, unshipped] } });
    expect(answer.body).toEqual({
      results: [
        { orderKey: ohouse, result: 'applied' },
        { orderKey: smartstore, result: 'error', error: expect.objectContaining({ code: 'NOT_FILE_CHANNEL' }) },
        { orderKey: unshipped, result: 'error', error: expect.objectContaining({ code: 'NOT_SHIPPED' }) },
      ],
    });
    const order = await call(server, 'GET', `/v1/orders/${encodeURIComponent(ohouse ?? '')}`, { key: seller.key });
    expect(order.body).toMatchObject({ order: { tracking: { status: 'accepted', trackingNumber: '601234567890' } } });
  });
});
