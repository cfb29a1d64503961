// `npm run bench:propagation`: how long the last unit sold on SmartStore account A stays on sale on account B.
// Each trial: a SKU with 1 unit, listed on both sandbox accounts; once both show 1, a buyer takes it on A, and
// the clock runs until B's listing shows 0. Everything real on loopback: a private redis-server (never 6379),
// the SmartStore sandbox, and the same sync workers the server runs. Trials of one run overlap in time on
// different SKUs (several lanes, each starting its orders at random moments): each order still lands at a
// random point of the poll cycle, which is what one trial at a time would measure, in a fraction of the time.
import { registerLuaAsText } from './support/lua-as-text';

registerLuaAsText();
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { randomBytes } = await import('node:crypto');
const { default: pino } = await import('pino');
const { launchRedis } = await import('../server/redis/launch');
const { Store } = await import('../server/store');
const { SecretStore } = await import('../server/secrets/secret-store');
const { ChannelAccounts } = await import('../server/channels/accounts');
const { ChannelConnectors } = await import('../server/channels/connectors');
const { startSmartStoreSandbox } = await import('../server/channels/smartstore/sandbox');
const { startSync, DEFAULT_POLL_INTERVAL_MS } = await import('../server/sync');

const FAST_TRIALS = Number(process.env.BENCH_TRIALS ?? 50);
const DEFAULT_TRIALS = Number(process.env.BENCH_DEFAULT_TRIALS ?? 10);
const FLOOR_TRIALS = Number(process.env.BENCH_FLOOR_TRIALS ?? 20);
const LANES = Number(process.env.BENCH_LANES ?? 10);
const MARKET_NORM_MS = 15 * 60_000;
const SELLER = 'bench_propagation';

const dir = mkdtempSync(join(tmpdir(), 'sheetship-bench-propagation-'));
const redis = await launchRedis({ dir, persistence: 'none' });
const store = await Store.open(redis.url, { connections: 2 });
const sandbox = await startSmartStoreSandbox({ accounts: [{}, {}] });
const [shopA, shopB] = sandbox.accounts;
if (!shopA || !shopB) throw new Error('sandbox accounts missing');
const secrets = new SecretStore(store.pool, randomBytes(32));
const accounts = new ChannelAccounts(store.pool, secrets);
const connectors = new ChannelConnectors(accounts);
const logger = pino({ level: 'silent' });
const seller = store.forSeller(SELLER, 'bench');
for (const [id, shop] of [['bench-a', shopA], ['bench-b', shopB]] as const) {
  await accounts.create(SELLER, { channel: 'smartstore', name: id, baseUrl: sandbox.url, credentials: { clientId: shop.clientId, clientSecret: shop.clientSecret } }, { id });
}

let skuCounter = 0;

function waitUntil(check: () => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = () => {
      if (check()) return resolve(performance.now());
      if (performance.now() - started > timeoutMs) return reject(new Error(`no change within ${timeoutMs} ms`));
      setTimeout(tick, 2);
    };
    tick();
  });
}

/** One trial: returns ms from the order on A to B showing 0. */
async function trial(pollMs: number): Promise<number> {
  skuCounter += 1;
  const sku = `P${skuCounter}`;
  await seller.catalog.upsertSkus([{ sku, name: `propagation ${skuCounter}` }]);
  const onA = shopA!.createProduct({ name: sku, options: [{ name: 'one', stock: 0 }] });
  const onB = shopB!.createProduct({ name: sku, options: [{ name: 'one', stock: 0 }] });
  const listingA = onA.listingIds[0] ?? '';
  const listingB = onB.listingIds[0] ?? '';
  await seller.catalog.upsertListings([
    { channel: 'smartstore', account: 'bench-a', listingId: listingA, components: [{ sku, qty: 1 }] },
    { channel: 'smartstore', account: 'bench-b', listingId: listingB, components: [{ sku, qty: 1 }] },
  ]);
  await seller.stock.adjust(sku, 'inbound', 1);
  await waitUntil(() => shopA!.stockOfListing(listingA) === 1 && shopB!.stockOfListing(listingB) === 1, 30_000);
  // Anywhere in the poll cycle.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * pollMs));
  const ordered = performance.now();
  shopA!.placeOrder({ lines: [{ originProductNo: onA.originProductNo, optionId: onA.optionIds[0] ?? null, quantity: 1 }] });
  const gone = await waitUntil(() => shopB!.stockOfListing(listingB) === 0, pollMs * 5 + 30_000);
  return gone - ordered;
}

async function run(pollMs: number, trials: number): Promise<number[]> {
  const sync = startSync({ store, tenants: { sellerIds: async () => [SELLER] }, accounts, connectors, logger }, { pollIntervalMs: pollMs, sellerIds: async () => [SELLER], discoverMs: 200 });
  try {
    const results: number[] = [];
    let next = 0;
    const lane = async () => {
      while (next < trials) {
        next += 1;
        results.push(await trial(pollMs));
      }
    };
    await Promise.all(Array.from({ length: Math.min(LANES, trials) }, lane));
    return results.sort((a, b) => a - b);
  } finally {
    await sync.stop();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms);

try {
  const fast = await run(1_000, FAST_TRIALS);
  const atDefault = await run(DEFAULT_POLL_INTERVAL_MS, DEFAULT_TRIALS);
  const floor = await run(50, FLOOR_TRIALS);
  const floorP95 = percentile(floor, 95);
  const rows = [
    { name: '1 s poll', trials: fast.length, sorted: fast },
    { name: `${DEFAULT_POLL_INTERVAL_MS / 1000} s poll (default)`, trials: atDefault.length, sorted: atDefault },
    { name: '50 ms poll (baseline: the pipeline without poll wait)', trials: floor.length, sorted: floor },
  ];
  console.log('Propagation: last unit ordered on SmartStore account A → account B shows 0 (sandbox on loopback)\n');
  console.log(`${'poll interval'.padEnd(56)}${'trials'.padStart(7)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}${'p95 / baseline'.padStart(16)}`);
  for (const row of rows) {
    const p95 = percentile(row.sorted, 95);
    console.log(
      `${row.name.padEnd(56)}${String(row.trials).padStart(7)}${String(round(percentile(row.sorted, 50))).padStart(9)}${String(round(p95)).padStart(9)}${String(round(row.sorted.at(-1) ?? Number.NaN)).padStart(9)}${(p95 / floorP95).toFixed(1).padStart(16)}`,
    );
  }
  console.log(`${'market norm: a 15 min sync (reference, not measured)'.padEnd(56)}${'-'.padStart(7)}${'-'.padStart(9)}${String(MARKET_NORM_MS).padStart(9)}${'-'.padStart(9)}${(MARKET_NORM_MS / floorP95).toFixed(0).padStart(16)}`);
  const fastP95 = percentile(fast, 95);
  const defaultP95 = percentile(atDefault, 95);
  console.log(`\ntargets: p95 ≤ 2000 ms at a 1 s poll: ${fastP95 <= 2000 ? 'met' : 'MISSED'}; p95 ≤ ${DEFAULT_POLL_INTERVAL_MS + 2000} ms at the default: ${defaultP95 <= DEFAULT_POLL_INTERVAL_MS + 2000 ? 'met' : 'MISSED'}`);
  console.log(
    JSON.stringify({
      bench: 'propagation',
      trials: fast.length,
      p50Ms: round(percentile(fast, 50)),
      p95Ms: round(fastP95),
      maxMs: round(fast.at(-1) ?? Number.NaN),
      defaultPollMs: DEFAULT_POLL_INTERVAL_MS,
      p95MsAtDefault: round(defaultP95),
      trialsAtDefault: atDefault.length,
      baselineP95Ms: round(floorP95),
    }),
  );
} finally {
  await sandbox.stop();
  await store.close();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
