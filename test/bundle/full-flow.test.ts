import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelAccountResponseSchema } from '../../shared/api/channels';
import { ordersLayout } from '../../shared/sheets/layouts';
import { cellOf } from '../addon/sheets/harness';
import { rowOf } from '../addon/support/rows';
import { startServerProcess, type ServerProcess } from '../addon/support/server-process';
import { readyToShip } from '../addon/support/shop';
import { call, stockedSku, type TestSeller } from '../http/support/harness';
import { buildAddonBundle, loadBundle, type LoadedBundle } from './support/bundle';
import { startSandboxProcess, type SandboxProcess } from './support/smartstore';

/**
 * Issue §9, the whole day in one test: SmartStore orders (the sandbox, in its own process) reach the real
 * server through its sync workers; the built add-on bundle, in a node:vm context with only Apps Script
 * globals, refreshes the sheets, issues waybills for the checked rows and ships them in bulk; the tracking
 * numbers go to SmartStore by themselves, and the next refresh shows the rows SHIPPED with tracking accepted.
 */

let built: { dir: string; remove(): void };
let sandbox: SandboxProcess;
let server: ServerProcess;
let seller: TestSeller;
let bundle: LoadedBundle;
let orderKeys: string[];
let productOrderIds: string[];

interface ServerOrder {
  key: string;
  state: string;
  tracking: { status: string; trackingNumber?: string };
}

async function smartstoreOrders(): Promise<ServerOrder[]> {
  const answer = await call(server, 'GET', '/v1/orders?channel=smartstore&limit=1000', { key: seller.key });
  return (answer.body as { orders: ServerOrder[] }).orders;
}

/** Polls until `check` holds; the workers run on their own schedule, so waiting is the only honest way. */
async function until<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}\nserver log (last 60 lines):\n${server.logs().split('\n').slice(-60).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  [built, sandbox, server] = await Promise.all([buildAddonBundle(), startSandboxProcess(), startServerProcess({ SHEETSHIP_POLL_INTERVAL_SECONDS: '1' })]);
  seller = await server.seller('하늘상점');
  await stockedSku(server, seller, 'TEE-W-M', 20);
  await stockedSku(server, seller, 'TEE-B-M', 10);
  await readyToShip(server, seller);
  const connected = await call(server, 'POST', '/v1/channels', {
    key: seller.key,
    body: { channel: 'smartstore', name: '하늘 스마트스토어', baseUrl: sandbox.url, credentials: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }, settings: { pollIntervalSeconds: 1 } },
  });
  expect(connected.status, connected.text).toBe(201);
  const account = ChannelAccountResponseSchema.parse(connected.body).account;
  // Seller codes equal to the SKU codes: the listings map themselves.
  const product = await sandbox.createProduct('오가닉 코튼 티셔츠', [
    { name: '흰색 M', stock: 20, sellerManagerCode: 'TEE-W-M' },
    { name: '검정 M', stock: 10, sellerManagerCode: 'TEE-B-M' },
  ]);
  const placed = [
    await sandbox.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }], receiver: { name: '김철수' } }),
    await sandbox.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[1] ?? null, quantity: 2 }], receiver: { name: '이영희' } }),
  ];
  productOrderIds = placed.flatMap((order) => order.productOrderIds);
  orderKeys = placed.map((order) => `smartstore:${account.id}:${order.orderId}`);
  await until('the poller to ingest both orders', smartstoreOrders, (orders) => orderKeys.every((key) => orders.some((order) => order.key === key && order.state === 'ALLOCATED')));
  bundle = loadBundle(built.dir);
  expect(bundle.call('saveConnectionSettings', { serverUrl: server.url, apiKey: seller.key, language: 'ko' })).toMatchObject({ ok: true });
}, 180_000);
afterAll(async () => {
  await bundle?.gas.UrlFetchApp.close();
  built?.remove();
});

describe('the full flow through the built add-on', () => {
  it('refresh, issue waybills for the checked rows, bulk ship, refresh: the rows are shipped and their tracking accepted', async () => {
    const refreshed = bundle.call('refresh', {}) as { ok: boolean };
    expect(refreshed.ok).toBe(true);
    const sheet = bundle.gas.spreadsheet!.sheet('주문');
    for (const key of orderKeys) {
      expect(cellOf(sheet, ordersLayout, key, 'state')).toBe('할당');
      sheet.getRange(rowOf(sheet, ordersLayout, key), 1).setValue(true);
    }

    const issued = bundle.call('issueWaybills', { carrier: 'hanjin' }) as { ok: true; value: { results: { orderKeys: string[]; ok: boolean; trackingNumber?: string }[] } };
    expect(issued.value.results.map((result) => [result.orderKeys, result.ok])).toEqual(orderKeys.map((key) => [[key], true]));
    const shipped = bundle.call('bulkShip', {}) as { ok: true; value: { results: { orderKey: string; ok: boolean }[] } };
    expect(shipped.value.results).toEqual(orderKeys.map((orderKey) => ({ orderKey, ok: true })));

    await until('the dispatch worker to register both numbers on SmartStore', smartstoreOrders, (orders) =>
      orderKeys.every((key) => orders.find((order) => order.key === key)?.tracking.status === 'accepted'),
    );
    expect((bundle.call('refresh', {}) as { ok: boolean }).ok).toBe(true);
    issued.value.results.forEach((result, index) => {
      const key = orderKeys[index] ?? '';
      expect(cellOf(sheet, ordersLayout, key, 'state')).toBe('출고');
      expect(cellOf(sheet, ordersLayout, key, 'tracking')).toBe('등록 완료');
      expect(cellOf(sheet, ordersLayout, key, 'trackingNumber')).toBe(result.trackingNumber);
    });
    // SmartStore itself now shows the parcels on their way, with Sheetship's numbers.
    for (const [index, productOrderId] of productOrderIds.entries()) {
      const line = await sandbox.productOrder(productOrderId);
      expect(line['productOrderStatus']).toBe('DELIVERING');
      expect(line['delivery']).toMatchObject({ deliveryCompany: 'HANJIN', trackingNumber: issued.value.results[index]?.trackingNumber });
    }
    const state = bundle.call('getSidebarState', {}) as { ok: true; value: { counts: Record<string, number> } };
    expect(state.value.counts).toMatchObject({ SHIPPED: 2, ALLOCATED: 0 });
  }, 180_000);
});
