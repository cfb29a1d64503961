import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import type { OrderInput } from '../../shared/order';
import { Store, type Clock } from '../../server/store';

/** The private test Redis started by the global setup. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A seller id no other test uses, so tests share one Redis without flushing each other's data. */
export function testSellerId(label = 't'): string {
  return `${label.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 't'}_${randomBytes(6).toString('hex')}`;
}

/** A store on the test Redis, closed after the file's tests. */
export async function openTestStore(options: { connections?: number; clock?: Clock } = {}): Promise<Store> {
  const store = await Store.open(testRedisUrl(), options);
  afterAll(() => store.close());
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
