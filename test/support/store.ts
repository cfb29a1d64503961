import { randomBytes } from 'node:crypto';
import { expect, inject } from 'vitest';
import { orderKey } from '../../shared/ids';
import type { OrderInput } from '../../shared/order';
import { Store, StoreError, StoreValidationError, type Clock, type SellerStore, type StoreErrorCode, type ValidationIssue } from '../../server/store';
import { sellerPrefix } from '../../server/store/keys';
import { RedisPool } from '../../server/store/redis';
import { ISOLATED_DATABASES } from './isolated-databases';
import { atFileEnd } from './cleanup';

/** The private test Redis started by the global setup. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/**
 * The test Redis, in a database no other caller got in this run (round robin over 255), for a server
 * process whose workers must see only this file's sellers. The counter lives in the shared database 0.
 */
export async function isolatedRedisUrl(): Promise<string> {
  const base = testRedisUrl();
  const pool = await RedisPool.connect(base, 1);
  try {
    const taken = await pool.pick().incr('test:isolated-database');
    return `${base.replace(/\/+$/, '')}/${1 + ((taken - 1) % ISOLATED_DATABASES)}`;
  } finally {
    await pool.close();
  }
}

/** A seller id no other test uses, so tests share one Redis without flushing each other's data. */
export function testSellerId(label = 't'): string {
  return `${label.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 't'}_${randomBytes(6).toString('hex')}`;
}

/** A store on the test Redis, closed after the file's tests. */
export async function openTestStore(options: { connections?: number; clock?: Clock; url?: string } = {}): Promise<Store> {
  const { url = testRedisUrl(), ...storeOptions } = options;
  const store = await Store.open(url, storeOptions);
  atFileEnd(() => store.close());
  return store;
}

let orderCounter = 0;

/** A valid order with one line per entry of `lines`, to any account of `manual`. */
export function orderInput(lines: { listingId: string; quantity: number; lineId?: string; sellerCode?: string }[], overrides: Partial<OrderInput> = {}): OrderInput {
  orderCounter += 1;
  const orderId = overrides.orderId ?? `o${Date.now().toString(36)}${orderCounter}`;
  return {
    channel: 'manual',
    account: 'main',
    orderId,
    receiver: { name: '김철수', phone: '010-1234-5678', zip: '06234', address1: '서울 강남구 테헤란로 1', address2: '101호' },
    lines: lines.map((line, index) => ({ lineId: line.lineId ?? `${orderId}-${index + 1}`, listingId: line.listingId, quantity: line.quantity, ...(line.sellerCode ? { sellerCode: line.sellerCode } : {}) })),
    ...overrides,
  };
}

/** A seller's catalog in one call: SKUs with stock (inbound), and listings on `manual:main` mapped to components. */
export async function seedCatalog(
  seller: SellerStore,
  catalog: { stock: Record<string, number>; listings?: Record<string, Record<string, number>> },
): Promise<void> {
  await seller.catalog.upsertSkus(Object.keys(catalog.stock).map((sku) => ({ sku, name: `item ${sku}` })));
  const listings = Object.entries(catalog.listings ?? {}).map(([listingId, components]) => ({
    channel: 'manual' as const,
    account: 'main',
    listingId,
    components: Object.entries(components).map(([sku, qty]) => ({ sku, qty })),
  }));
  if (listings.length > 0) {
    const results = await seller.catalog.upsertListings(listings);
    const failed = results.filter((result) => result.status === 'error');
    if (failed.length > 0) throw new Error(`seedCatalog: ${JSON.stringify(failed)}`);
  }
  for (const [sku, units] of Object.entries(catalog.stock)) if (units > 0) await seller.stock.adjust(sku, 'inbound', units);
}

/** The counters of one SKU, or throws if it does not exist. */
export async function counters(seller: SellerStore, sku: string): Promise<{ onHand: number; reserved: number; safety: number; quarantine: number; available: number }> {
  const found = await seller.catalog.getSku(sku);
  if (!found) throw new Error(`no SKU ${sku}`);
  const { onHand, reserved, safety, quarantine, available } = found;
  return { onHand, reserved, safety, quarantine, available };
}

/** The order key `orderInput` produced for an input. */
export function keyOf(input: OrderInput): string {
  return orderKey(input.channel, input.account, input.orderId);
}

/** Awaits a store call that must be refused with `code`; returns the error for further checks. */
export async function expectRefusal(call: Promise<unknown>, code: StoreErrorCode): Promise<StoreError> {
  const error = await call.then(
    (value) => new Error(`expected ${code}, got ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  return error as StoreError;
}

/** Awaits a store call that must fail validation with an issue at `path`; returns the issues. */
export async function expectInvalid(call: Promise<unknown>, path: string): Promise<readonly ValidationIssue[]> {
  const error = await call.then(
    (value) => new Error(`expected a validation error at ${path}, got ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StoreValidationError);
  const issues = (error as StoreValidationError).issues;
  expect(issues.map((issue) => issue.path)).toContain(path);
  return issues;
}

/**
 * Everything stored under one seller's prefix, key by key, in a comparable form. Two dumps are equal exactly
 * when nothing of the seller's was written in between (streams compare by length and last id).
 */
export async function sellerDump(store: Store, sellerId: string): Promise<Record<string, unknown>> {
  const redis = store.pool.pick();
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${sellerPrefix(sellerId)}*`, COUNT: 1000 })) keys.push(...batch);
  keys.sort();
  const dump: Record<string, unknown> = {};
  for (const key of keys) {
    const type = await redis.type(key);
    if (type === 'string') dump[key] = await redis.get(key);
    else if (type === 'hash') dump[key] = await redis.hGetAll(key);
    else if (type === 'zset') dump[key] = await redis.zRangeWithScores(key, 0, -1);
    else if (type === 'set') dump[key] = (await redis.sMembers(key)).sort();
    else if (type === 'stream') dump[key] = { length: await redis.xLen(key), last: (await redis.xRevRange(key, '+', '-', { COUNT: 1 }))?.[0]?.id ?? null };
    else dump[key] = type;
  }
  return dump;
}

/** Every entry of a stream (the ledger, the outbox), oldest first. */
export async function streamEntries(store: Store, key: string): Promise<{ id: string; message: Record<string, string> }[]> {
  const entries = (await store.pool.pick().xRange(key, '-', '+')) ?? [];
  return entries.map((entry) => ({ id: entry.id, message: { ...entry.message } }));
}

/** A CJ waybill `w1` (or `waybillId`) for one parcel of orders, as the carriers code would attach it. */
export function waybill(waybillId = 'w1'): { waybillId: string; carrier: string; trackingNumber: string; dispatchNow: boolean } {
  return { waybillId, carrier: 'cj', trackingNumber: `5${waybillId.replace(/\D/g, '').padStart(11, '0')}`, dispatchNow: false };
}
