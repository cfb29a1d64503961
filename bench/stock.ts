// `npm run bench:stock`: orders per second through the ingest script, against plain DECRBY through the same
// client, on private redis-servers this script starts and stops (never 6379). Issue 2 §7 fixes the method:
// 256 operations in flight over 4 connections; every order unique and allocating.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchedRedis, Persistence } from '../server/redis/launch';
import type { SellerStore, Store as StoreClass } from '../server/store';
import type { OrderInput } from '../shared/order';
import { registerLuaAsText } from './support/lua-as-text';

// Before anything from server/ loads: the store imports its Lua scripts as text.
registerLuaAsText();
const { launchRedis } = await import('../server/redis/launch');
const { Store } = await import('../server/store');

const IN_FLIGHT = 256;
const CONNECTIONS = 4;
const WARMUP_ORDERS = 5_000;
const ORDERS = Number(process.env.BENCH_ORDERS ?? 60_000);
const AOF_ORDERS = Number(process.env.BENCH_AOF_ORDERS ?? 30_000);
const STOCK = 99_999_999;
const ROUNDS = 5;

/** The run with the median rate (its CPU figures come with it). */
function median(runs: readonly Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.perSec - b.perSec);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no runs');
  return middle;
}
const RECEIVER = { name: '김철수', phone: '010-1234-5678', zip: '06234', address1: '서울 강남구 테헤란로 1', address2: '101호' };

interface Run {
  perSec: number;
  /** CPU time per operation, µs: this process, and the redis-server. */
  nodeMicros: number;
  redisMicros: number;
  /** Diagnostics: orders per ingest_orders call to Redis (ingests issued together travel together). */
  ordersPerCall?: number;
}

/** CPU time a process has used so far, µs (Linux /proc; NaN elsewhere). */
function processMicros(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

/** Runs `total` operations with IN_FLIGHT of them outstanding at all times. */
async function throughput(redis: LaunchedRedis, total: number, op: () => Promise<unknown>): Promise<Run> {
  let started = 0;
  const redisBefore = processMicros(redis.pid);
  const nodeBefore = process.cpuUsage();
  const clock = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (started < total) {
        started += 1;
        await op();
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - clock) / 1e9;
  const node = process.cpuUsage(nodeBefore);
  return { perSec: total / seconds, nodeMicros: (node.user + node.system) / total, redisMicros: (processMicros(redis.pid) - redisBefore) / total };
}

let serial = 0;
/** A unique order (its own order id and line ids, ordered a second after the previous one) that allocates. */
function order(listings: readonly string[]): OrderInput {
  serial += 1;
  const orderId = `b${serial}`;
  return {
    channel: 'smartstore',
    account: 'bench',
    orderId,
    orderedAt: new Date(Date.UTC(2025, 0, 1) + serial * 1000).toISOString(),
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
async function ingestRun(redis: LaunchedRedis, store: StoreClass, seller: SellerStore, total: number, listings: readonly string[]): Promise<Run> {
  const before = store.ingestStats();
  const run = await throughput(redis, total, async () => {
    const result = await seller.orders.ingest(order(listings));
    if (result.status !== 'ALLOCATED' || !result.created) throw new Error(`a bench order did not allocate: ${JSON.stringify(result)}`);
  });
  const after = store.ingestStats();
  return { ...run, ordersPerCall: (after.orders - before.orders) / Math.max(1, after.batches - before.batches) };
}

async function usedMemory(store: StoreClass): Promise<number> {
  const info = String(await store.pool.pick().sendCommand(['INFO', 'memory']));
  const match = /used_memory:(\d+)/.exec(info);
  if (!match?.[1]) throw new Error('INFO memory has no used_memory');
  return Number(match[1]);
}

async function withStore<T>(persistence: Persistence, body: (redis: LaunchedRedis, store: StoreClass, seller: SellerStore) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `sheetship-bench-${persistence}-`));
  const redis = await launchRedis({ dir, persistence });
  try {
    const store = await Store.open(redis.url, { connections: CONNECTIONS });
    try {
      const seller = store.forSeller('bench', 'bench');
      await seed(seller);
      await ingestRun(redis, store, seller, WARMUP_ORDERS, ['L-A']);
      return await body(redis, store, seller);
    } finally {
      await store.close();
    }
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const memory = await withStore('none', async (redis, store, seller) => {
  await store.pool.pick().set('bench:counter', String(Number.MAX_SAFE_INTEGER));
  // The baseline and single-line ingest alternate in rounds and each figure is the median of its rounds, so a
  // change in machine load during the run (other processes, CPU frequency) falls on both sides alike.
  const baselineRounds: Run[] = [];
  const singleLineRounds: Run[] = [];
  const perRound = Math.ceil(ORDERS / ROUNDS);
  let memoryDelta = 0;
  for (let round = 0; round < ROUNDS; round++) {
    baselineRounds.push(await throughput(redis, perRound, () => store.pool.pick().decrBy('bench:counter', 1)));
    const start = await usedMemory(store);
    singleLineRounds.push(await ingestRun(redis, store, seller, perRound, ['L-A']));
    memoryDelta += (await usedMemory(store)) - start;
  }
  const baseline = median(baselineRounds);
  const singleLine = median(singleLineRounds);
  const bytesPerOrder = Math.round(memoryDelta / (perRound * ROUNDS));
  const threeLine = await ingestRun(redis, store, seller, ORDERS, ['L-A', 'L-B', 'L-C']);
  return { baseline, singleLine, threeLine, bytesPerOrder };
});
const aofAlways = await withStore('aof-always', (redis, store, seller) => ingestRun(redis, store, seller, AOF_ORDERS, ['L-A']));

const { baseline, singleLine, threeLine, bytesPerOrder } = memory;
const round = Math.round;
const micros = (run: Run) => `${run.nodeMicros.toFixed(1)} / ${run.redisMicros.toFixed(1)}`;
const rows: string[][] = [
  ['figure', 'value', `baseline (DECRBY/s)`, 'ratio', 'CPU µs/op node / redis'],
  ['single-line ingest, orders/s', String(round(singleLine.perSec)), String(round(baseline.perSec)), (singleLine.perSec / baseline.perSec).toFixed(3), micros(singleLine)],
  ['3-line ingest, orders/s', String(round(threeLine.perSec)), String(round(baseline.perSec)), (threeLine.perSec / baseline.perSec).toFixed(3), micros(threeLine)],
  ['single-line ingest, appendfsync always, orders/s', String(round(aofAlways.perSec)), String(round(baseline.perSec)), (aofAlways.perSec / baseline.perSec).toFixed(3), micros(aofAlways)],
  ['DECRBY baseline, ops/s', String(round(baseline.perSec)), String(round(baseline.perSec)), '1.000', micros(baseline)],
  ['Redis used_memory per stored order, bytes', String(bytesPerOrder), '-', '-', '-'],
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
const perCall = (run: Run) => (run.ordersPerCall ?? 0).toFixed(0);
console.log(`(${IN_FLIGHT} in flight over ${CONNECTIONS} connections; baseline and single-line: medians of ${ROUNDS} alternating rounds of ${Math.ceil(ORDERS / ROUNDS)}; ${ORDERS} orders per 3-line run, ${AOF_ORDERS} with appendfsync always; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')})`);
console.log(`(orders per ingest_orders call: single-line ${perCall(singleLine)}, 3-line ${perCall(threeLine)}, appendfsync always ${perCall(aofAlways)})`);
console.log(
  JSON.stringify({
    bench: 'stock',
    singleLinePerSec: round(singleLine.perSec),
    threeLinePerSec: round(threeLine.perSec),
    baselinePerSec: round(baseline.perSec),
    ratio: Number((singleLine.perSec / baseline.perSec).toFixed(3)),
    singleLinePerSecAofAlways: round(aofAlways.perSec),
    bytesPerOrder,
  }),
);
