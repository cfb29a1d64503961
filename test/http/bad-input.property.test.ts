import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateKeyBodySchema, CreateSellerBodySchema, KeyParamsSchema } from '../../shared/api/admin';
import { PageQuerySchema, PutListingsBodySchema, PutSkusBodySchema } from '../../shared/api/catalog';
import { ErrorBodySchema, ValidationIssueSchema } from '../../shared/api/common';
import { AdjustmentsBodySchema, LedgerQuerySchema } from '../../shared/api/inventory';
import { CancelBodySchema, EmptyBodySchema, HoldBodySchema, ListOrdersQuerySchema, PostOrdersBodySchema } from '../../shared/api/orders';
import { PatchSettingsBodySchema } from '../../shared/api/settings';
import { call, provisionSeller, startTestServer, stockedSku, type TestSeller } from './support/harness';
import { invalidBodies, invalidQueries, type Json } from './support/mutations';
import { orderBody } from './support/orders';

const server = await startTestServer();
const RUNS = 30;

/** Everything a seller can read back; a refused request must leave all of it as it was. */
async function snapshot(seller: TestSeller): Promise<string> {
  const reads = await Promise.all(['/v1/inventory', '/v1/orders', '/v1/settings', '/v1/ledger', '/v1/alerts', '/v1/listings'].map((path) => call(server, 'GET', path, { key: seller.key })));
  return JSON.stringify(reads.map((answer) => answer.body));
}

const ValidationDetails = z.object({ issues: z.array(ValidationIssueSchema).min(1) });

/** A 400 VALIDATION whose message names the first field at fault, which is also listed in the details. */
function expectNamedValidationError(answer: { status: number; body: unknown; text: string }): void {
  expect(answer.status, answer.text).toBe(400);
  const error = ErrorBodySchema.parse(answer.body).error;
  expect(error.code).toBe('VALIDATION');
  const issues = ValidationDetails.parse(error.details).issues;
  expect(issues[0]?.path.length).toBeGreaterThan(0);
  expect(error.message).toContain(issues[0]?.path);
}

async function seeded(): Promise<TestSeller> {
  const seller = await provisionSeller(server);
  await stockedSku(server, seller, 'A', 5);
  await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: [orderBody('o1', [{ listingId: 'L-A', quantity: 1 }])] } });
  return seller;
}

const order = orderBody('o2', [{ listingId: 'L-A', quantity: 1 }], { orderedAt: '2024-05-01T10:00:00+09:00', message: '문 앞' });
const writeRoutes: { name: string; method: string; path: string; schema: z.ZodType; template: Json }[] = [
  { name: 'PUT /v1/skus', method: 'PUT', path: '/v1/skus', schema: PutSkusBodySchema, template: { skus: [{ sku: 'B', name: 'b', barcode: '8801', safety: 1 }] } },
  {
    name: 'PUT /v1/listings',
    method: 'PUT',
    path: '/v1/listings',
    schema: PutListingsBodySchema,
    template: { listings: [{ channel: 'smartstore', account: 's1', listingId: '1:2', components: [{ sku: 'A', qty: 2 }], metadata: { originProductNo: '1' } }] },
  },
  { name: 'POST /v1/inventory/adjustments', method: 'POST', path: '/v1/inventory/adjustments', schema: AdjustmentsBodySchema, template: { adjustments: [{ sku: 'A', kind: 'set', quantity: 9, expected: 5 }] } },
  { name: 'POST /v1/orders', method: 'POST', path: '/v1/orders', schema: PostOrdersBodySchema, template: { orders: [order as Json] } },
  {
    name: 'PATCH /v1/settings',
    method: 'PATCH',
    path: '/v1/settings',
    schema: PatchSettingsBodySchema,
    template: { returnPolicy: 'quarantine', masking: { name: 'last' }, cutoffs: { cj: '16:00' }, alerts: { cutoffLeadMinutes: 30 }, holidays: [{ date: '2024-09-16' }] },
  },
  { name: 'POST /v1/orders/:key/hold', method: 'POST', path: '/v1/orders/manual%3Amain%3Ao1/hold', schema: HoldBodySchema, template: { note: '확인' } },
  { name: 'POST /v1/orders/:key/cancel', method: 'POST', path: '/v1/orders/manual%3Amain%3Ao1/cancel', schema: CancelBodySchema, template: { reason: '고객 요청' } },
  { name: 'POST /v1/orders/:key/release', method: 'POST', path: '/v1/orders/manual%3Amain%3Ao1/release', schema: EmptyBodySchema, template: {} },
  { name: 'POST /v1/alerts/:id/ack', method: 'POST', path: '/v1/alerts/HELD_ORDER%3Amanual%3Amain%3Ao1/ack', schema: EmptyBodySchema, template: {} },
];

describe('schema violations on write routes', () => {
  for (const route of writeRoutes) {
    it(`${route.name}: always a 400 naming a field, and nothing changes`, async () => {
      const seller = await seeded();
      const before = await snapshot(seller);
      await fc.assert(
        fc.asyncProperty(invalidBodies(route.schema, route.template), async (body) => {
          expectNamedValidationError(await call(server, route.method, route.path, { key: seller.key, rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
        }),
        { numRuns: RUNS },
      );
      expect(await snapshot(seller)).toBe(before);
    });
  }

  it('admin routes: always a 400 naming a field, and no seller or key appears', async () => {
    const seller = await provisionSeller(server);
    const sellersBefore = (await call(server, 'GET', '/v1/admin/sellers', { key: server.adminKey })).text;
    const keysPath = `/v1/admin/sellers/${seller.sellerId}/keys`;
    const keysBefore = (await call(server, 'GET', keysPath, { key: server.adminKey })).text;
    await fc.assert(
      fc.asyncProperty(invalidBodies(CreateSellerBodySchema, { name: '가게', keyLabel: 'owner' }), invalidBodies(CreateKeyBodySchema, { label: 'packer-1' }), async (sellerBody, keyBody) => {
        expectNamedValidationError(await call(server, 'POST', '/v1/admin/sellers', { key: server.adminKey, rawBody: JSON.stringify(sellerBody), headers: { 'content-type': 'application/json' } }));
        expectNamedValidationError(await call(server, 'POST', keysPath, { key: server.adminKey, rawBody: JSON.stringify(keyBody), headers: { 'content-type': 'application/json' } }));
      }),
      { numRuns: RUNS },
    );
    expect((await call(server, 'GET', '/v1/admin/sellers', { key: server.adminKey })).text).toBe(sellersBefore);
    expect((await call(server, 'GET', keysPath, { key: server.adminKey })).text).toBe(keysBefore);
  });

  it('DELETE /v1/admin/keys/:keyId with a key id of the wrong shape: a 400 naming "keyId", and no key is revoked', async () => {
    const seller = await provisionSeller(server);
    const keysPath = `/v1/admin/sellers/${seller.sellerId}/keys`;
    const keysBefore = (await call(server, 'GET', keysPath, { key: server.adminKey })).text;
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }).filter((text) => text !== '.' && text !== '..' && !KeyParamsSchema.safeParse({ keyId: text }).success), async (keyId) => {
        const answer = await call(server, 'DELETE', `/v1/admin/keys/${encodeURIComponent(keyId)}`, { key: server.adminKey });
        expectNamedValidationError(answer);
        expect(ErrorBodySchema.parse(answer.body).error.message).toContain('keyId');
      }),
      { numRuns: RUNS },
    );
    expect((await call(server, 'GET', keysPath, { key: server.adminKey })).text).toBe(keysBefore);
  });

  it('an order key in the path that is not channel:account:orderId is a 400 naming "key"', async () => {
    const seller = await seeded();
    const before = await snapshot(seller);
    await fc.assert(
      // "." and ".." are dot segments that URLs remove before sending, so they never reach a server as a key.
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }).filter((text) => text !== '.' && text !== '..' && !/^(smartstore|coupang|cafe24|ohouse|manual):[A-Za-z0-9가-힣._-]{1,64}:[^\s\u0000-\u001f\u007f]+$/.test(text)), async (key) => {
        for (const action of ['hold', 'release', 'cancel']) {
          const answer = await call(server, 'POST', `/v1/orders/${encodeURIComponent(key)}/${action}`, { key: seller.key });
          expectNamedValidationError(answer);
          expect(ErrorBodySchema.parse(answer.body).error.message).toContain('key');
        }
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot(seller)).toBe(before);
  });
});

describe('schema violations in queries', () => {
  const queries = [
    { path: '/v1/orders', schema: ListOrdersQuerySchema, names: ['status', 'channel', 'updatedSince', 'cursor', 'limit'] },
    { path: '/v1/skus', schema: PageQuerySchema, names: ['cursor', 'limit'] },
    { path: '/v1/listings', schema: PageQuerySchema, names: ['cursor', 'limit'] },
    { path: '/v1/ledger', schema: LedgerQuerySchema, names: ['sku', 'since', 'limit'] },
  ];
  for (const route of queries) {
    it(`GET ${route.path}: always a 400 naming the parameter`, async () => {
      const seller = await seeded();
      await fc.assert(
        fc.asyncProperty(invalidQueries(route.schema, route.names), async (query) => {
          expectNamedValidationError(await call(server, 'GET', `${route.path}?${new URLSearchParams(query).toString()}`, { key: seller.key }));
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('business-rule errors in a valid batch', () => {
  it('are per-item errors; the valid items are applied', async () => {
    const seller = await provisionSeller(server);
    await stockedSku(server, seller, 'K1', 0);
    await stockedSku(server, seller, 'K2', 0);
    const expected = new Map([['K1', 0], ['K2', 0]]);
    const item = fc.record({ sku: fc.oneof(fc.constantFrom('K1', 'K2'), fc.stringMatching(/^U[A-Z0-9]{1,6}$/)), quantity: fc.integer({ min: 1, max: 50 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), async (items) => {
        const answer = await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: items.map((entry) => ({ ...entry, kind: 'inbound' })) } });
        expect(answer.status).toBe(200);
        const results = z.object({ results: z.array(z.object({ sku: z.string(), result: z.string(), error: z.object({ code: z.string() }).optional() })) }).parse(answer.body).results;
        items.forEach((entry, index) => {
          if (expected.has(entry.sku)) {
            expect(results[index]?.result).toBe('applied');
            expected.set(entry.sku, (expected.get(entry.sku) ?? 0) + entry.quantity);
          } else expect(results[index]).toMatchObject({ sku: entry.sku, result: 'error', error: { code: 'UNKNOWN_SKU' } });
        });
      }),
      { numRuns: RUNS },
    );
    const inventory = z.object({ skus: z.array(z.object({ sku: z.string(), onHand: z.int() })) }).parse((await call(server, 'GET', '/v1/inventory', { key: seller.key })).body);
    expect(Object.fromEntries(inventory.skus.map((sku) => [sku.sku, sku.onHand]))).toEqual(Object.fromEntries(expected));
  });
});
