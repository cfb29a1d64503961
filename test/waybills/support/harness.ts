import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { z } from 'zod';
import { IssueWaybillsResponseSchema, type ParcelResult } from '../../../shared/api/waybills';
import { OrderResponseSchema, PostOrdersResponseSchema } from '../../../shared/api/orders';
import type { Order } from '../../../shared/order';
import type { SellerSettingsPatch } from '../../../shared/settings';
import { startCjSandbox, type CjSandbox } from '../../../server/carriers/cj';
import { assembleApp, createLogger, type AssembledApp } from '../../../server/http/assemble';
import { listen } from '../../../server/http/server';
import type { ClaimCheck } from '../../../server/shipping/claim-check';
import { Store } from '../../../server/store';
import type { ShippingOptions } from '../../../server/waybills/runtime';
import { call, provisionSeller, type TestSeller } from '../../http/support/harness';
import { testRedisUrl } from '../../support/store';
import { startVoidWorker } from '../../../server/waybills/void-worker';
import { atFileEnd } from '../../support/cleanup';

/** The sellers this test file provisioned through shippingSeller (the void worker serves only them). */
const provisioned: string[] = [];

export { call } from '../../http/support/harness';

export const CJ_CUSTOMER = { customerId: '30586154', businessNumber: '1234567890' };

export interface ShippingServer {
  url: string;
  adminKey: string;
  store: Store;
  assembled: AssembledApp;
  cj: CjSandbox;
}

/** A real server on loopback against the test Redis, with a CJ sandbox; both closed after the file's tests. */
export async function startShippingServer(options: { shipping?: Partial<ShippingOptions>; claimCheck?: ClaimCheck; voidWorkerMs?: number } = {}): Promise<ShippingServer> {
  const cj = await startCjSandbox({ customers: [CJ_CUSTOMER] });
  const store = await Store.open(testRedisUrl());
  const adminKey = randomBytes(24).toString('hex');
  const assembled = assembleApp({
    store,
    masterKey: randomBytes(32),
    adminKey,
    rateLimit: { limit: 1_000_000, windowSeconds: 60 },
    bodyLimit: '4mb',
    trustProxy: false,
    logger: createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() })),
    shipping: { cjBaseUrl: cj.url, ...options.shipping },
    ...(options.claimCheck ? { claimCheck: options.claimCheck } : {}),
  });
  const running = await listen(assembled.app, '127.0.0.1', 0);
  // The void worker as main.ts runs it, serving only the sellers this file provisioned.
  const voids = options.voidWorkerMs
    ? startVoidWorker({ runtime: assembled.deps.shipping, sellerIds: () => Promise.resolve(provisioned), intervalMs: options.voidWorkerMs, logger: assembled.deps.logger })
    : null;
  atFileEnd(async () => {
    await voids?.stop();
    await running.close(5_000);
    await store.close();
    await cj.stop();
  });
  return { url: running.url, adminKey, store, assembled, cj };
}

export const SENDER = { customerCode: CJ_CUSTOMER.customerId, businessNumber: '123-45-67890', senderName: '시트쉽상회', senderPhone: '02-1577-1111', senderZip: '06234', senderAddress1: '서울 강남구 테헤란로 1', senderAddress2: '3층' };

/** A seller with contracts for every carrier the tests use, and SKUs A and B (barcodes 880A, 880B) on 1:1 listings. */
export async function shippingSeller(server: ShippingServer, settings: SellerSettingsPatch = {}, stock: Record<string, number> = { A: 1000, B: 1000 }): Promise<TestSeller> {
  const seller = await provisionSeller(server);
  provisioned.push(seller.sellerId);
  const patch = await call(server, 'PATCH', '/v1/settings', { key: seller.key, body: { carrierContracts: { cj: SENDER, lotte: SENDER, hanjin: SENDER }, ...settings } });
  expect(patch.status, patch.text).toBe(200);
  const skus = Object.keys(stock).map((sku) => ({ sku, name: `상품 ${sku}`, barcode: `880${sku}` }));
  expect((await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus } })).status).toBe(200);
  const listings = Object.keys(stock).map((sku) => ({ channel: 'manual', account: 'main', listingId: `L-${sku}`, components: [{ sku, qty: 1 }] }));
  expect((await call(server, 'PUT', '/v1/listings', { key: seller.key, body: { listings } })).status).toBe(200);
  const adjustments = Object.entries(stock).flatMap(([sku, quantity]) => (quantity > 0 ? [{ sku, kind: 'inbound', quantity }] : []));
  expect((await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments } })).status).toBe(200);
  return seller;
}

export const RECEIVER = { name: '김철수', phone: '010-1234-5678', zip: '06234', address1: '서울 강남구 테헤란로 1', address2: '101호' };

/** Posts orders (one line of `quantity` units of `sku` each, unless `lines` says more) and returns their keys. */
export async function postOrders(
  server: Pick<ShippingServer, 'url'>,
  seller: TestSeller,
  orders: { id: string; sku?: string; quantity?: number; lines?: { sku: string; quantity: number; productName?: string }[]; receiver?: typeof RECEIVER; message?: string; dueAt?: string; channel?: string }[],
): Promise<string[]> {
  const body = orders.map((order) => ({
    channel: order.channel ?? 'manual',
    account: 'main',
    orderId: order.id,
    lines: (order.lines ?? [{ sku: order.sku ?? 'A', quantity: order.quantity ?? 1 }]).map((line, index) => ({
      lineId: `${order.id}-${index + 1}`,
      listingId: `L-${line.sku}`,
      quantity: line.quantity,
      // Other channels than manual:main map by the seller's code (a 1:1 listing is created on first sight).
      sellerCode: line.sku,
      productName: 'productName' in line && line.productName ? line.productName : `상품 ${line.sku}`,
    })),
    receiver: order.receiver ?? RECEIVER,
    ...(order.message ? { message: order.message } : {}),
    ...(order.dueAt ? { dueAt: order.dueAt } : {}),
  }));
  const keys: string[] = [];
  for (let start = 0; start < body.length; start += 1000) {
    const answer = await call(server, 'POST', '/v1/orders', { key: seller.key, body: { orders: body.slice(start, start + 1000) } });
    expect(answer.status, answer.text).toBe(200);
    keys.push(...PostOrdersResponseSchema.parse(answer.body).results.map((result) => result.key));
  }
  return keys;
}

export async function issue(server: ShippingServer, seller: TestSeller, body: { carrier: string; parcels: { orderKeys: string[]; packages?: number; trackingNumber?: string }[] }): Promise<ParcelResult[]> {
  const answer = await call(server, 'POST', '/v1/waybills', { key: seller.key, body });
  expect(answer.status, answer.text).toBe(200);
  return IssueWaybillsResponseSchema.parse(answer.body).results;
}

/** The waybills of an applied parcel result, or fails the test with the error it got. */
export function applied(result: ParcelResult | undefined) {
  if (result?.result !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(result)}`);
  return result;
}

export function refusedCode(result: ParcelResult | undefined): string {
  if (result?.result !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error.code;
}

export async function getOrder(server: ShippingServer, seller: TestSeller, key: string): Promise<Order> {
  const answer = await call(server, 'GET', `/v1/orders/${encodeURIComponent(key)}`, { key: seller.key });
  expect(answer.status, answer.text).toBe(200);
  return OrderResponseSchema.parse(answer.body).order;
}

const AlertsBody = z.object({ alerts: z.array(z.object({ id: z.string(), type: z.string(), severity: z.string(), subject: z.string(), detail: z.record(z.string(), z.unknown()) })) });
export async function alerts(server: ShippingServer, seller: TestSeller) {
  const answer = await call(server, 'GET', '/v1/alerts', { key: seller.key });
  expect(answer.status, answer.text).toBe(200);
  return AlertsBody.parse(answer.body).alerts;
}
