// `npm run bench:http`: order ingest through the whole HTTP stack (auth, rate limit, validation, the ingest
// script, logging) against a bare Koa handler doing one Redis GET, in the same run, with 50 connections;
// then a flash sale of 5,000 one-unit orders against 100 units. Issue 3 §7 fixes the method.
// The servers run in a child process (one core), the load comes from this one; both use a private
// redis-server this script starts and stops (never 6379).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerLuaAsText } from './support/lua-as-text';

registerLuaAsText();

const CONNECTIONS = 50;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15_000);
const ROUNDS = 5;
/** Linux reports process CPU time in clock ticks of 1/100 s. */
const CLOCK_TICKS = 100;
const PHASE_CAP_MS = 120_000;
const FLASH_ORDERS = 5_000;
const FLASH_STOCK = 100;
/**
 * One socket per flash-sale order, as "5,000 concurrent orders" reads, when this shell's open-file limit leaves
 * room for them (each of the two processes holds one end of every socket); otherwise as many as it allows.
 */
const FLASH_SOCKETS = flashSockets();

function flashSockets(): number {
  const limit = execFileSync('sh', ['-c', 'ulimit -n']).toString().trim();
  if (limit === 'unlimited') return FLASH_ORDERS;
  // Room for the files and Redis connections each process already holds.
  const spare = Number(limit) - 256;
  return Number.isNaN(spare) ? CONNECTIONS : Math.max(CONNECTIONS, Math.min(FLASH_ORDERS, spare));
}
// The child serves with the parent's admin key.
const ADMIN_KEY = process.env.BENCH_ADMIN_KEY ?? randomBytes(24).toString('hex');

// ---------------------------------------------------------------------------------------------------------
// Child: one server, ours or the baseline.

async function serve(mode: string, redisUrl: string): Promise<void> {
  const { listen } = await import('../server/http/server');
  let close: () => Promise<void>;
  let url: string;
  if (mode === 'ours') {
    const { assembleApp, createLogger } = await import('../server/http/assemble');
    const { Store } = await import('../server/store');
    const { loadConfig } = await import('../server/config');
    const store = await Store.open(redisUrl, { connections: loadConfig({}).redisConnections });
    // Every request is logged as in production (default settings), to a file that costs what stdout costs.
    const logger = createLogger('info', '/dev/null');
    const { app } = assembleApp({ store, masterKey: randomBytes(32), adminKey: ADMIN_KEY, rateLimit: { limit: 1_000_000_000, windowSeconds: 60 }, bodyLimit: '4mb', trustProxy: false, logger });
    const running = await listen(app, '127.0.0.1', 0);
    url = running.url;
    close = async () => {
      await running.close(5_000);
      await store.close();
    };
  } else {
    const Koa = (await import('koa')).default;
    const { RedisPool } = await import('../server/store/redis');
    // One client, as a bare handler would have it.
    const pool = await RedisPool.connect(redisUrl, 1);
    await pool.pick().set('bench:value', 'x');
    const app = new Koa();
    app.use(async (ctx) => {
      ctx.body = { value: await pool.pick().get('bench:value') };
    });
    const running = await listen(app, '127.0.0.1', 0);
    url = running.url;
    close = async () => {
      await running.close(5_000);
      await pool.close();
    };
  }
  process.stdout.write(`READY ${url}\n`);
  process.once('SIGTERM', () => void close().then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------------------
// Parent: load, figures, table.

interface Reply {
  status: number;
  body: string;
}

function send(agent: Agent, url: string, method: string, path: string, key: string | undefined, body: string | undefined): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const req = request(`${url}${path}`, { method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Run {
  latenciesMs: number[];
  wallMs: number;
  replies: Reply[];
}

/** `count` requests from `concurrency` loops, each waiting for its answer before sending the next. */
async function drive(count: number, concurrency: number, one: (index: number) => Promise<Reply>): Promise<Run> {
  const latenciesMs: number[] = [];
  const replies: Reply[] = [];
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    while (next < count && performance.now() - started < PHASE_CAP_MS) {
      const index = next++;
      const sent = performance.now();
      const reply = await one(index);
      latenciesMs.push(performance.now() - sent);
      replies.push(reply);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latenciesMs, wallMs: performance.now() - started, replies };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function startChild(mode: string, redisUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE_DIR] : []), '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', mode], {
    env: { ...process.env, BENCH_REDIS_URL: redisUrl, BENCH_ADMIN_KEY: ADMIN_KEY },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited with ${code}`)));
  });
  return { child, url };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const receiver = { name: '김벤치', phone: '010-0000-0000', zip: '06234', address1: '서울 강남구 테헤란로 1' };
const orderJson = (orderId: string, listingId: string) =>
  JSON.stringify({ orders: [{ channel: 'manual', account: 'main', orderId, lines: [{ lineId: `${orderId}-1`, listingId, quantity: 1 }], receiver }] });

async function provision(agent: Agent, url: string, sku: string, onHand: number): Promise<string> {
  const step = async (method: string, path: string, key: string, body: unknown) => {
    const reply = await send(agent, url, method, path, key, JSON.stringify(body));
    if (reply.status >= 300) throw new Error(`${method} ${path} answered ${reply.status}: ${reply.body}`);
    return reply.body;
  };
  const key = (JSON.parse(await step('POST', '/v1/admin/sellers', ADMIN_KEY, { name: 'bench' })) as { apiKey: string }).apiKey;
  await step('PUT', '/v1/skus', key, { skus: [{ sku, name: sku }] });
  await step('PUT', '/v1/listings', key, { listings: [{ channel: 'manual', account: 'main', listingId: `L-${sku}`, components: [{ sku, qty: 1 }] }] });
  await step('POST', '/v1/inventory/adjustments', key, { adjustments: [{ sku, kind: 'inbound', quantity: onHand }] });
  return key;
}

function statusesOf(replies: Reply[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const reply of replies) {
    const status = reply.status === 200 ? ((JSON.parse(reply.body) as { results: { status?: string; result: string }[] }).results[0]?.status ?? 'error') : `HTTP ${reply.status}`;
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMsOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
}

interface Phase {
  requests: number;
  wallMs: number;
  cpuMs: number;
  redisCpuMs: number;
  clientCpuMs: number;
  latenciesMs: number[];
  replies: Reply[];
}

/**
 * Adds one measured round to a phase, with the CPU time that the server, Redis and this load generator spent
 * over it: the three share the machine's cores, so the ratio is set by their sum, not by the server's alone.
 */
async function measure(phase: Phase, child: ChildProcess, redisPid: number, count: number, one: (index: number) => Promise<Reply>): Promise<void> {
  const cpuBefore = cpuMsOf(child.pid);
  const redisBefore = cpuMsOf(redisPid);
  const clientBefore = cpuMsOf(process.pid);
  const run = await drive(count, CONNECTIONS, one);
  phase.cpuMs += cpuMsOf(child.pid) - cpuBefore;
  phase.redisCpuMs += cpuMsOf(redisPid) - redisBefore;
  phase.clientCpuMs += cpuMsOf(process.pid) - clientBefore;
  phase.requests += run.replies.length;
  phase.wallMs += run.wallMs;
  phase.latenciesMs.push(...run.latenciesMs);
  phase.replies.push(...run.replies);
}

const emptyPhase = (): Phase => ({ requests: 0, wallMs: 0, cpuMs: 0, redisCpuMs: 0, clientCpuMs: 0, latenciesMs: [], replies: [] });

async function main(): Promise<void> {
  const { launchRedis } = await import('../server/redis/launch');
  const dir = mkdtempSync(join(tmpdir(), 'sheetship-bench-http-'));
  const redis = await launchRedis({ dir, persistence: 'none' });
  const children: ChildProcess[] = [];
  try {
    const baseline = await startChild('baseline', redis.url);
    children.push(baseline.child);
    const ours = await startChild('ours', redis.url);
    children.push(ours.child);
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });
    const key = await provision(agent, ours.url, 'BULK', 99_999_999);
    const getValue = () => send(agent, baseline.url, 'GET', '/', undefined, undefined);
    let orderNumber = 0;
    const postOrder = () => send(agent, ours.url, 'POST', '/v1/orders', key, orderJson(`o-${orderNumber++}`, 'L-BULK'));
    await drive(WARMUP, CONNECTIONS, getValue);
    await drive(WARMUP, CONNECTIONS, postOrder);

    // Rounds alternate, so both servers meet the same conditions on a shared machine.
    const base = emptyPhase();
    const ingest = emptyPhase();
    const perRound = Math.ceil(REQUESTS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      await measure(base, baseline.child, redis.pid, perRound, getValue);
      await measure(ingest, ours.child, redis.pid, perRound, postOrder);
    }
    const ingestStatuses = statusesOf(ingest.replies);
    // Every order is unique and must allocate (issue 3 §7): a held order or an error would flatter the figure.
    if (ingestStatuses.get('ALLOCATED') !== ingest.requests) throw new Error(`not every bench order allocated: ${JSON.stringify([...ingestStatuses])}`);
    agent.destroy();
    await stopChild(baseline.child);

    const flashAgent = new Agent({ keepAlive: true, maxSockets: FLASH_SOCKETS });
    const flashKey = await provision(flashAgent, ours.url, 'FLASH', FLASH_STOCK);
    const flash = await drive(FLASH_ORDERS, FLASH_ORDERS, (index) => send(flashAgent, ours.url, 'POST', '/v1/orders', flashKey, orderJson(`f-${index}`, 'L-FLASH')));
    const flashStatuses = statusesOf(flash.replies);
    const inventory = JSON.parse((await send(flashAgent, ours.url, 'GET', '/v1/inventory', flashKey, undefined)).body) as { skus: { onHand: number; reserved: number }[] };
    flashAgent.destroy();
    await stopChild(ours.child);

    const ingestPerSec = (ingest.requests / ingest.wallMs) * 1000;
    const baselinePerSec = (base.requests / base.wallMs) * 1000;
    const ratio = ingestPerSec / baselinePerSec;
    const p50Ms = percentile(ingest.latenciesMs, 50);
    const p99Ms = percentile(ingest.latenciesMs, 99);
    const flashAllocated = flashStatuses.get('ALLOCATED') ?? 0;
    const flashHeld = flashStatuses.get('HELD') ?? 0;
    const flashP99Ms = percentile(flash.latenciesMs, 99);
    const fixed = (value: number, digits = 1) => value.toFixed(digits);
    const cpuUs = (phase: Phase) => (phase.cpuMs * 1000) / phase.requests;
    const perRequest = (ms: number, phase: Phase) => fixed((ms * 1000) / phase.requests, 0);
    const cpuSplit = (phase: Phase) => `CPU µs/req: server ${perRequest(phase.cpuMs, phase)}, Redis ${perRequest(phase.redisCpuMs, phase)}, load generator ${perRequest(phase.clientCpuMs, phase)}`;
    const rows: [string, string, string][] = [
      ['baseline: bare Koa + one Redis GET', `${fixed(baselinePerSec, 0)} req/s`, `p50 ${fixed(percentile(base.latenciesMs, 50), 2)} ms, p99 ${fixed(percentile(base.latenciesMs, 99), 2)} ms, ${cpuSplit(base)}`],
      ['ingest: POST /v1/orders, 1 order', `${fixed(ingestPerSec, 0)} orders/s`, `p50 ${fixed(p50Ms, 2)} ms, p99 ${fixed(p99Ms, 2)} ms, ${cpuSplit(ingest)}`],
      ['ratio ingest / baseline', fixed(ratio, 2), `${ratio >= 0.5 ? 'target >= 0.5: met' : 'target >= 0.5: MISSED'}; server CPU per request ratio ${fixed(cpuUs(base) / cpuUs(ingest), 2)}`],
      ['ingest p99 at 50 connections', `${fixed(p99Ms, 2)} ms`, p99Ms < 50 ? 'target < 50 ms: met' : 'target < 50 ms: MISSED'],
      ['ingest outcomes', [...ingestStatuses].map(([status, count]) => `${status} ${count}`).join(', '), `${ingest.requests} unique orders`],
      ['flash sale: allocated / held', `${flashAllocated} / ${flashHeld}`, flashAllocated === FLASH_STOCK ? `exactly ${FLASH_STOCK}: met` : `expected ${FLASH_STOCK}: MISSED`],
      ['flash sale: SKU after', `onHand ${inventory.skus[0]?.onHand}, reserved ${inventory.skus[0]?.reserved}`, `${FLASH_ORDERS} orders at once over ${FLASH_SOCKETS} sockets`],
      ['flash sale: wall / p99', `${fixed(flash.wallMs, 0)} ms`, `p99 ${fixed(flashP99Ms, 1)} ms`],
    ];
    const width = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
    console.log(`bench:http, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${perRound} requests per server after ${WARMUP} warm-up, Redis without persistence, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
    for (const row of rows) console.log(`| ${row.map((cell, column) => cell.padEnd(width[column] ?? 0)).join(' | ')} |`);
    const round = (value: number) => Math.round(value * 100) / 100;
    console.log(
      JSON.stringify({
        bench: 'http',
        ingestPerSec: round(ingestPerSec),
        baselinePerSec: round(baselinePerSec),
        ratio: round(ratio),
        p50Ms: round(p50Ms),
        p99Ms: round(p99Ms),
        flashAllocated,
        flashHeld,
        flashWallMs: round(flash.wallMs),
        flashP99Ms: round(flashP99Ms),
      }),
    );
  } finally {
    for (const child of children) await stopChild(child);
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) await serve(process.argv[serveAt + 1] ?? 'ours', process.env.BENCH_REDIS_URL ?? '');
else await main();
