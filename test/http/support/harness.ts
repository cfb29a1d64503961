import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { assembleApp, createLogger, type AssembledApp, type AssembleOptions } from '../../../server/http/assemble';
import { listen } from '../../../server/http/server';
import { Store } from '../../../server/store';
import { testRedisUrl } from '../../support/store';
import { atFileEnd } from '../../support/cleanup';

export interface TestServer {
  url: string;
  adminKey: string;
  store: Store;
  assembled: AssembledApp;
  /** Every log line written so far, as text. */
  logs(): string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  rateLimit?: number;
  rateWindowSeconds?: number;
  /** How long an instance spends a lease of a key's allowance (SHEETSHIP_KEY_LEASE_MS); the server's default when absent. */
  keyLeaseMs?: number;
  bodyLimit?: string;
  masterKey?: Buffer;
  adminKey?: string;
  /** Channel connector knobs and sync settings, for tests of the sync workers. */
  connectorTuning?: AssembleOptions['connectorTuning'];
  sync?: AssembleOptions['sync'];
}

/** A real server on a free loopback port against the test Redis, closed after the file's tests. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = await Store.open(testRedisUrl());
  let logText = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logText += chunk.toString();
      done();
    },
  });
  const adminKey = options.adminKey ?? randomBytes(24).toString('hex');
  const assembled = assembleApp({
    store,
    masterKey: options.masterKey ?? randomBytes(32),
    adminKey,
    rateLimit: { limit: options.rateLimit ?? 100_000, windowSeconds: options.rateWindowSeconds ?? 60, ...(options.keyLeaseMs === undefined ? {} : { leaseMs: options.keyLeaseMs }) },
    bodyLimit: options.bodyLimit ?? '4mb',
    trustProxy: false,
    logger: createLogger('info', sink),
    ...(options.connectorTuning ? { connectorTuning: options.connectorTuning } : {}),
    ...(options.sync ? { sync: options.sync } : {}),
  });
  const running = await listen(assembled.app, '127.0.0.1', 0);
  const close = atFileEnd(async () => {
    await running.close(5_000);
    assembled.deps.tenants.close();
    await store.close();
  });
  return { url: running.url, adminKey, store, assembled, logs: () => logText, close };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** One HTTP call over loopback; JSON in and out. */
export async function call(
  server: Pick<TestServer, 'url'>,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export interface TestSeller {
  sellerId: string;
  key: string;
  keyId: string;
}

/** A fresh seller provisioned through the admin route. */
export async function provisionSeller(server: Pick<TestServer, 'url' | 'adminKey'>, name = '테스트 판매자'): Promise<TestSeller> {
  const answer = await call(server, 'POST', '/v1/admin/sellers', { key: server.adminKey, body: { name } });
  if (answer.status !== 201) throw new Error(`provisioning failed: ${answer.status} ${answer.text}`);
  const body = answer.body as { seller: { id: string }; apiKey: string; keyId: string };
  return { sellerId: body.seller.id, key: body.apiKey, keyId: body.keyId };
}

/** One SKU with `onHand` units and a 1:1 listing `L-<sku>` on manual:main. */
export async function stockedSku(server: Pick<TestServer, 'url'>, seller: TestSeller, sku: string, onHand: number): Promise<void> {
  const skus = await call(server, 'PUT', '/v1/skus', { key: seller.key, body: { skus: [{ sku, name: `상품 ${sku}` }] } });
  if (skus.status !== 200) throw new Error(skus.text);
  const listings = await call(server, 'PUT', '/v1/listings', {
    key: seller.key,
    body: { listings: [{ channel: 'manual', account: 'main', listingId: `L-${sku}`, components: [{ sku, qty: 1 }] }] },
  });
  if (listings.status !== 200) throw new Error(listings.text);
  if (onHand > 0) {
    const adjust = await call(server, 'POST', '/v1/inventory/adjustments', { key: seller.key, body: { adjustments: [{ sku, kind: 'inbound', quantity: onHand }] } });
    if (adjust.status !== 200) throw new Error(adjust.text);
  }
}
