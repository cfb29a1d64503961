import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orderKey } from '../../shared/ids';
import type { OrderInput } from '../../shared/order';
import { launchRedis } from '../../server/redis/launch';
import { Store } from '../../server/store';
import { pushOrderArgs } from '../../server/store/ingest-batch';
import { sellerPrefix } from '../../server/store/keys';
import ingestSource from '../../server/store/lua/ingest.lua';
import { LIBRARY_LUA } from '../../server/store/lua/library';
import { stateMachineLua } from '../../server/store/lua/state-machine-lua';
import ingestOrdersSource from '../../server/store/scripts/ingest_orders.lua';
import { orderInput, seedCatalog } from '../support/store';

// A Redis of its own, because this test loads a second function library: ingest_orders with its fast path
// taken out, so every order goes the general path. Both must store exactly the same.
const dir = mkdtempSync(join(tmpdir(), 'sheetship-test-fast-path-'));
const redis = await launchRedis({ dir, persistence: 'none' });
const NOW = new Date('2025-05-01T01:02:03.456Z');
const store = await Store.open(redis.url, { connections: 1, clock: () => NOW });
afterAll(async () => {
  await store.close();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

const FAST_CALL = 'ingest_new_allocated(ARGV, starts[i], redis_keys[i]) or ';
const generalOnly = ingestOrdersSource.replace(FAST_CALL, '');
if (generalOnly === ingestOrdersSource) throw new Error('ingest_orders.lua no longer calls the fast path as this test expects');
await store.pool.pick().sendCommand([
  'FUNCTION',
  'LOAD',
  'REPLACE',
  `#!lua name=general_only_probe\n${stateMachineLua()}\n${LIBRARY_LUA}\n${ingestSource}\nredis.register_function('ingest_general_only', function(KEYS, ARGV)\nbegin(KEYS, ARGV)\n${generalOnly}\nend)\n`,
]);

async function ingestGeneralOnly(sellerId: string, inputs: OrderInput[]): Promise<unknown> {
  const args: (string | Buffer)[] = [String(NOW.getTime()), NOW.toISOString(), 'probe'];
  for (const input of inputs) pushOrderArgs(input, orderKey(input.channel, input.account, input.orderId), input.orderedAt ? Date.parse(input.orderedAt) : NOW.getTime(), args);
  return store.pool.pick().sendCommand(['FCALL', 'ingest_general_only', '1', sellerPrefix(sellerId), ...args]);
}

/** Everything a seller has, comparable across sellers: no prefix, JSON parsed, streams as their messages. */
async function contents(sellerId: string): Promise<Record<string, unknown>> {
  const client = store.pool.pick();
  const prefix = sellerPrefix(sellerId);
  const out: Record<string, unknown> = {};
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
    for (const name of batch) {
      const type = await client.type(name);
      const short = name.slice(prefix.length);
      if (type === 'string') {
        const value = (await client.get(name)) ?? '';
        out[short] = value.startsWith('{') ? JSON.parse(value) : value;
      } else if (type === 'hash') out[short] = await client.hGetAll(name);
      else if (type === 'zset') out[short] = await client.zRangeWithScores(name, 0, -1);
      else if (type === 'set') out[short] = (await client.sMembers(name)).sort();
      else if (type === 'stream') {
        const messages = ((await client.xRange(name, '-', '+')) ?? []).map((entry) => ({ ...entry.message }));
        // The general path queues a stock push per order, the fast path one per batch: the SKUs pushed count.
        out[short] = short === 'outbox' ? [...new Set(messages.map((message) => JSON.stringify(message)))].sort() : messages;
      }
    }
  }
  return out;
}

const CATALOG = {
  stock: { A: 50, B: 50, 'C/가"\\': 50 },
  listings: { 'L-A': { A: 1 }, 'L-AB': { A: 1, B: 2 }, 'N:1': { 'C/가"\\': 3 }, 'L-B': { B: 1 } },
};

function batch(): OrderInput[] {
  const plain = orderInput([{ listingId: 'L-A', quantity: 2 }], { orderId: 'plain', orderedAt: '2025-04-30T09:00:00+09:00' });
  const set = orderInput(
    [
      { listingId: 'L-AB', quantity: 2 },
      { listingId: 'L-A', quantity: 1, sellerCode: 'A' },
      { listingId: 'N:1', quantity: 1 },
    ],
    { orderId: 'set-"q"\\b', dueAt: '2025-05-03T18:00:00+09:00', message: '문 앞에 "놓아" 주세요\n\\감사' },
  );
  set.lines[0] = { ...set.lines[0]!, lineId: 'line/"1"', productName: '티셔츠 세트', optionName: '흰색 / M' };
  const noAddress2 = orderInput([{ listingId: 'L-B', quantity: 1 }], { orderId: 'bare', channel: 'smartstore' });
  delete noAddress2.receiver.address2;
  noAddress2.lines = noAddress2.lines.map((line) => ({ ...line, listingId: 'L-B' }));
  return [plain, set, noAddress2, plain];
}

describe('the fast path of ingestion', () => {
  it('stores exactly what the general path stores: orders, counters, ledger, indexes and stock pushes', async () => {
    await seedCatalog(store.forSeller('fast'), CATALOG);
    await seedCatalog(store.forSeller('general'), CATALOG);
    await store.forSeller('general').catalog.upsertListings([{ channel: 'smartstore', account: 'main', listingId: 'L-B', components: [{ sku: 'B', qty: 1 }] }]);
    await store.forSeller('fast').catalog.upsertListings([{ channel: 'smartstore', account: 'main', listingId: 'L-B', components: [{ sku: 'B', qty: 1 }] }]);

    const fast = store.forSeller('fast', 'probe');
    const inputs = batch();
    const results = await Promise.all(inputs.map((input) => fast.orders.ingest(input)));
    expect(results.map((result) => [result.status, result.created, result.replay])).toEqual([
      ['ALLOCATED', true, false],
      ['ALLOCATED', true, false],
      ['ALLOCATED', true, false],
      ['ALLOCATED', false, true],
    ]);
    expect(await ingestGeneralOnly('general', batch())).toEqual(['ALLOCATED\n\nc\n', 'ALLOCATED\n\nc\n', 'ALLOCATED\n\nc\n', 'ALLOCATED\n\nr\n']);

    const [fastContents, generalContents] = [await contents('fast'), await contents('general')];
    expect(Object.keys(fastContents).sort()).toEqual(Object.keys(generalContents).sort());
    expect(fastContents).toEqual(generalContents);
    expect(fastContents['order:manual:main:set-"q"\\b']).toMatchObject({ allocation: { A: 3, B: 4, 'C/가"\\': 3 }, message: '문 앞에 "놓아" 주세요\n\\감사' });
  });
});
