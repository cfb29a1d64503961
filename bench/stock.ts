// `npm run bench:stock`: orders per second through the ingest script, against plain DECRBY through the same
// client, on private redis-servers this script starts and stops (never 6379). Issue 2 §7 fixes the method.
import { mkdtempSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchedRedis, Persistence } from '../server/redis/launch';
import type { SellerStore, Store as StoreClass } from '../server/store';
import type { OrderInput } from '../shared/order';

// The store imports its Lua scripts as text (esbuild's text loader in the build, a plugin in vitest). Under
// tsx a module hook does the same, so the bench runs exactly the scripts the server runs.
const LUA_AS_TEXT = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (!url.endsWith('.lua')) return next(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(text) + ';' };
}`;
register(`data:text/javascript,${encodeURIComponent(LUA_AS_TEXT)}`);
const { launchRedis } = await import('../server/redis/launch');
const { Store } = await import('../server/store');

const IN_FLIGHT = 256;
const CONNECTIONS = 4;
const WARMUP_ORDERS = 3_000;
const ORDERS = Number(process.env.BENCH_ORDERS ?? 60_000);
const AOF_ORDERS = Number(process.env.BENCH_AOF_ORDERS ?? 20_000);
const STOCK = 99_999_999;

const RECEIVER = { name: '김철수', phone: '010-1234-5678', zip: '06234', address1: '서울 강남구 테헤란로 1', address2: '101호' };

/** Runs `total` operations with IN_FLIGHT of them outstanding at all times; returns operations per second. */
async function throughput(total: number, op: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < total) await op(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return total / seconds;
}

let serial = 0;
/** A unique order (its own order id and line ids) for listings that always have stock. */
function order(listings: readonly string[]): OrderInput {
  serial += 1;
  const orderId = `b${serial}`;
  return {
    channel: 'smartstore',
    account: 'bench',
    orderId,
    orderedAt: '2025-01-01T00:00:00+09:00',
    receiver: RECEIVER,
    lines: listings.map((listingId, index) => ({ lineId: `${orderId}-${index}`, listingId, quantity: 1 })),
  };
}

async function seed(seller: SellerStore): Promise<void> {
  const skus = ['A', 'B', 'C'];
  await seller.catalog.upsertSkus(skus.map((sku) => ({ sku, name: `item ${sku}` })));
  await seller.catalog.upsertListings(skus.map((sku) => ({ channel: 'smartstore', account: 'bench', listingId: `L-${sku}`, components: [{ sku, qty: 1 }] })));
  for (const sku of skus) await seller.stock.adjust(sku, 'inbound', STOCK);
}

/** Ingests `total` orders and checks that every one allocated, so no held order or replay flatters the figure. */
async function ingestRun(seller: SellerStore, total: number, listings: readonly string[]): Promise<number> {
  const perSec = await throughput(total, async () => {
    const result = await seller.orders.ingest(order(listings));
    if (result.status !== 'ALLOCATED' || !result.created) throw new Error(`a bench order did not allocate: ${JSON.stringify(result)}`);
  });
  return perSec;
}

async function usedMemory(store: StoreClass): Promise<number> {
  const info = String(await store.pool.pick().sendCommand(['INFO', 'memory']));
  const match = /used_memory:(\d+)/.exec(info);
  if (!match?.[1]) throw new Error('INFO memory has no used_memory');
  return Number(match[1]);
}

async function withRedis<T>(persistence: Persistence, body: (redis: LaunchedRedis) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `sheetship-bench-${persistence}-`));
  const redis = await launchRedis({ dir, persistence });
  try {
    return await body(redis);
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Figures {
  singleLinePerSec: number;
  threeLinePerSec: number;
  baselinePerSec: number;
  bytesPerOrder: number;
}

async function inMemoryRuns(redis: LaunchedRedis): Promise<Figures> {
  const store = await Store.open(redis.url, { connections: CONNECTIONS });
  try {
    const seller = store.forSeller('bench_mem', 'bench');
    await seed(seller);
    await ingestRun(seller, WARMUP_ORDERS, ['L-A']);

    const client = store.pool;
    await client.pick().set('bench:counter', String(Number.MAX_SAFE_INTEGER));
    const baselinePerSec = await throughput(ORDERS, () => client.pick().decrBy('bench:counter', 1));

    const before = await usedMemory(store);
    const singleLinePerSec = await ingestRun(seller, ORDERS, ['L-A']);
    const bytesPerOrder = (await usedMemory(store)) - before;

    const threeLinePerSec = await ingestRun(seller, ORDERS, ['L-A', 'L-B', 'L-C']);
    return { singleLinePerSec, threeLinePerSec, baselinePerSec, bytesPerOrder: Math.round(bytesPerOrder / ORDERS) };
  } finally {
    await store.close();
  }
}

async function aofAlwaysRun(redis: LaunchedRedis): Promise<number> {
  const store = await Store.open(redis.url, { connections: CONNECTIONS });
  try {
    const seller = store.forSeller('bench_aof', 'bench');
    await seed(seller);
    await ingestRun(seller, WARMUP_ORDERS, ['L-A']);
    return await ingestRun(seller, AOF_ORDERS, ['L-A']);
  } finally {
    await store.close();
  }
}

const figures = await withRedis('none', inMemoryRuns);
const singleLinePerSecAofAlways = await withRedis('aof-always', aofAlwaysRun);

const round = (value: number) => Math.round(value);
const ratio = figures.singleLinePerSec / figures.baselinePerSec;
const rows: [string, string, string, string][] = [
  ['figure', 'value', 'baseline (DECRBY/s)', 'ratio'],
  ['single-line ingest, orders/s', String(round(figures.singleLinePerSec)), String(round(figures.baselinePerSec)), ratio.toFixed(3)],
  ['3-line ingest, orders/s', String(round(figures.threeLinePerSec)), String(round(figures.baselinePerSec)), (figures.threeLinePerSec / figures.baselinePerSec).toFixed(3)],
  ['single-line ingest, appendfsync always, orders/s', String(round(singleLinePerSecAofAlways)), String(round(figures.baselinePerSec)), (singleLinePerSecAofAlways / figures.baselinePerSec).toFixed(3)],
  ['Redis memory per stored order, bytes', String(figures.bytesPerOrder), '-', '-'],
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
console.log(`(${IN_FLIGHT} in flight over ${CONNECTIONS} connections; ${ORDERS} orders per in-memory run, ${AOF_ORDERS} with appendfsync always)`);
console.log(
  JSON.stringify({
    bench: 'stock',
    singleLinePerSec: round(figures.singleLinePerSec),
    threeLinePerSec: round(figures.threeLinePerSec),
    baselinePerSec: round(figures.baselinePerSec),
    ratio: Number(ratio.toFixed(3)),
    singleLinePerSecAofAlways: round(singleLinePerSecAofAlways),
    bytesPerOrder: figures.bytesPerOrder,
  }),
);
