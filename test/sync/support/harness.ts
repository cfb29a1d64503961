import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { ChannelAccountResponseSchema, type ChannelAccount, type ChannelAccountSettings } from '../../../shared/api/channels';
import { listingKey } from '../../../shared/ids';
import { startSmartStoreSandbox, type CreatedProduct, type SandboxAccount, type SandboxOptions, type SmartStoreSandbox } from '../../../server/channels/smartstore/sandbox';
import type { SellerStore } from '../../../server/store';
import { startSync, SyncEvents, type SyncEvent, type SyncOptionsInput, type SyncService } from '../../../server/sync';
import { call, provisionSeller, startTestServer, type TestSeller, type TestServer } from '../../http/support/harness';
import { atFileEnd } from '../../support/cleanup';

/**
 * The whole sync path on loopback: a real HTTP server on the test Redis, the SmartStore sandbox, and this
 * instance's sync workers with short intervals, serving only this file's sellers (other test files share
 * the Redis) through a consumer group of their own.
 */

export interface SyncHarness {
  server: TestServer;
  seller: TestSeller;
  store: SellerStore;
  sandbox: SmartStoreSandbox;
  /** The running sync service (replaced by startSync). */
  sync: SyncService;
  /** The outbox consumer group of this file's workers. */
  group: string;
  events: SyncEvent[];
  /** Connects a sandbox account through POST /v1/channels. */
  connect(account: SandboxAccount, settings?: ChannelAccountSettings): Promise<ChannelAccount>;
  /** A connected account selling one SKU (with `units` in stock) through a one-option product mapped 1:1. */
  listed(shop: SandboxAccount, sku: string, units: number, name: string, settings?: ChannelAccountSettings): Promise<Listed>;
  /** Maps listings of a sandbox product to SKU components through PUT /v1/listings. */
  map(accountId: string, listingIds: string[], components: Record<string, number>[]): Promise<void>;
  /** Stops the sync workers (the sandbox and the server stay up until the file ends). */
  stopSync(): Promise<void>;
  /** Starts the sync workers again, same options and consumer group. */
  startSync(): void;
}

export interface Listed {
  shop: SandboxAccount;
  account: ChannelAccount;
  product: CreatedProduct;
  /** A buyer orders `quantity` of it on the sandbox. */
  order(quantity?: number): { key: string; orderId: string; lineId: string };
}

export interface SyncHarnessOptions {
  sandbox?: SandboxOptions;
  sync?: SyncOptionsInput;
  /** Per-request timeout of the connectors (ms). */
  timeoutMs?: number;
}

export async function startSyncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const group = `test-${randomBytes(4).toString('hex')}`;
  const pollIntervalMs = options.sync?.pollIntervalMs ?? 150;
  const server = await startTestServer({
    connectorTuning: { timeoutMs: options.timeoutMs ?? 2_000, retry: { baseDelayMs: 10, maxDelayMs: 100 } },
    sync: { pollIntervalMs, outboxGroup: group },
  });
  const seller = await provisionSeller(server);
  const sandbox = await startSmartStoreSandbox(options.sandbox);
  const events: SyncEvent[] = [];
  const bus = new SyncEvents();
  bus.on((event) => events.push(event));
  const { deps } = server.assembled;
  const launch = () =>
    startSync(
      { store: server.store, tenants: deps.tenants, accounts: deps.channelAccounts, connectors: deps.connectors, logger: deps.logger, events: bus },
      {
        leaseMs: 3_000,
        discoverMs: 100,
        sellerIds: async () => [seller.sellerId],
        backoff: { baseMs: 50, maxMs: 500 },
        push: { retryBaseMs: 50, retryMaxMs: 300 },
        dispatch: { retryBaseMs: 50, retryMaxMs: 300 },
        ...options.sync,
        pollIntervalMs,
        outbox: { idleMinMs: 20, idleMaxMs: 100, ...options.sync?.outbox, group },
      },
    );
  let running: SyncService | null = launch();
  const stopSync = async () => {
    const current = running;
    running = null;
    await current?.stop();
  };
  atFileEnd(async () => {
    await stopSync();
    await sandbox.stop();
  });

  const harness: SyncHarness = {
    server,
    seller,
    store: server.store.forSeller(seller.sellerId, 'test'),
    sandbox,
    get sync() {
      if (!running) throw new Error('the sync workers are stopped');
      return running;
    },
    group,
    events,
    stopSync,
    startSync() {
      running ??= launch();
    },
    async connect(account, settings) {
      const answer = await call(server, 'POST', '/v1/channels', {
        key: seller.key,
        body: { channel: 'smartstore', name: `샌드박스 ${account.clientId.slice(-4)}`, baseUrl: sandbox.url, credentials: { clientId: account.clientId, clientSecret: account.clientSecret }, ...(settings ? { settings } : {}) },
      });
      expect(answer.status, answer.text).toBe(201);
      return ChannelAccountResponseSchema.parse(answer.body).account;
    },
    async listed(shop, sku, units, name, settings) {
      const account = await harness.connect(shop, settings);
      await stockSkus(harness, { [sku]: units });
      const product = sandboxProduct(shop, [units], name);
      await harness.map(account.id, product.listingIds, [{ [sku]: 1 }]);
      return {
        shop,
        account,
        product,
        order(quantity = 1) {
          const placed = shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity }] });
          return { key: orderKeyOf(account.id, placed.orderId), orderId: placed.orderId, lineId: placed.productOrderIds[0] ?? '' };
        },
      };
    },
    async map(accountId, listingIds, components) {
      const listings = listingIds.map((listingId, index) => ({
        channel: 'smartstore',
        account: accountId,
        listingId,
        components: Object.entries(components[index] ?? components[0] ?? {}).map(([sku, qty]) => ({ sku, qty })),
      }));
      const answer = await call(server, 'PUT', '/v1/listings', { key: seller.key, body: { listings } });
      expect(answer.status, answer.text).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain('"error"');
    },
  };
  return harness;
}

/** SKUs with on-hand stock, through the HTTP API. */
export async function stockSkus(harness: Pick<SyncHarness, 'server' | 'seller'>, stock: Record<string, number>): Promise<void> {
  const { server, seller } = harness;
  const skus = await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus: Object.keys(stock).map((sku) => ({ sku, name: `상품 ${sku}` })) } });
  expect(skus.status, skus.text).toBe(200);
  const adjustments = Object.entries(stock)
    .filter(([, quantity]) => quantity > 0)
    .map(([sku, quantity]) => ({ sku, kind: 'inbound', quantity }));
  if (adjustments.length === 0) return;
  const adjust = await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments } });
  expect(adjust.status, adjust.text).toBe(200);
}

/** A sandbox product with one option per stock figure, none with a seller code (so nothing maps by itself). */
export function sandboxProduct(account: SandboxAccount, stocks: number[], name = '오가닉 코튼 티셔츠'): CreatedProduct {
  return account.createProduct({ name, options: stocks.map((stock, index) => ({ name: `옵션${index + 1}`, stock })) });
}

/** Polls `check` until it returns something other than null/undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function orderKeyOf(accountId: string, orderId: string): string {
  return `smartstore:${accountId}:${orderId}`;
}

export function listingKeyOf(accountId: string, listingId: string): string {
  return listingKey('smartstore', accountId, listingId);
}
