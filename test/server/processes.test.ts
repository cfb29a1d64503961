import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MeResponseSchema } from '../../shared/api/admin';
import { freePort } from '../../server/redis/launch';
import { redisAnswers } from '../../server/redis/select';
import { RedisPool } from '../../server/store/redis';
import { call, provisionSeller, startTestServer } from '../http/support/harness';
import { isolatedRedisUrl, testRedisUrl } from '../support/store';
import { cleanEnv, runToEnd, spawnChild, type Child } from './support/child';

// Real child processes: `npm start`, the built server, the seller CLI. They share dist/, so they live in
// one file and run one after another.
const dirs: string[] = [];
const children: Child[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sheetship-process-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const Listening = z.object({ msg: z.literal('listening'), url: z.string(), pid: z.int(), redis: z.string(), demo: z.boolean() });

describe('npm start', () => {
  it('starts a private redis-server under var/ when nothing answers on the local port, and stops it on SIGTERM', async () => {
    const varDir = tempDir();
    const localPort = await freePort();
    const child = spawnChild('npm', ['start', '--silent'], cleanEnv({ PORT: '0', SHEETSHIP_VAR_DIR: varDir, SHEETSHIP_LOCAL_REDIS_PORT: String(localPort) }));
    children.push(child);
    const listening = Listening.parse(await child.logLine((entry) => entry.msg === 'listening', 120_000));
    expect(listening).toMatchObject({ redis: 'embedded', demo: true });
    const redisUrl = readFileSync(join(varDir, 'redis', 'url'), 'utf8').trim();
    const pool = await RedisPool.connect(redisUrl, 1);
    try {
      expect(await pool.pick().configGet(['appendonly', 'appendfsync', 'maxmemory-policy'])).toMatchObject({ appendonly: 'yes', appendfsync: 'always', 'maxmemory-policy': 'noeviction' });
    } finally {
      await pool.close();
    }

    const demo = z.object({ sellerId: z.string(), apiKey: z.string() }).parse(JSON.parse(readFileSync(join(varDir, 'demo-seller.json'), 'utf8')));
    const me = await call({ url: listening.url }, 'GET', '/v1/me', { key: demo.apiKey });
    expect(MeResponseSchema.parse(me.body).seller.id).toBe('demo');
    expect(child.stderr()).toContain(`Admin key:  ${join(varDir, 'admin-key')}`);
    expect(child.stderr()).toContain(`Demo key:   ${demo.apiKey}`);
    expect(existsSync(join(varDir, 'master-key'))).toBe(true);

    process.kill(listening.pid, 'SIGTERM');
    expect(await child.exit).toBe(0);
    expect(await redisAnswers('127.0.0.1', Number(new URL(redisUrl).port))).toBe(false);
    expect(existsSync(join(varDir, 'redis', 'url'))).toBe(false);
    expect(existsSync(join(varDir, 'redis', 'appendonlydir'))).toBe(true);
  });
});

/** Sends a request's head with `Expect: 100-continue`; resolves once the server has taken the request in hand. */
function openRequest(url: string, head: string[]): Promise<{ send(body: string): Promise<string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    let continued = false;
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (!continued && received.startsWith('HTTP/1.1 100')) {
        received = '';
        continued = true;
        resolve({
          send: (body) =>
            new Promise((done) => {
              socket.on('end', () => done(received));
              socket.write(body);
            }),
        });
      }
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
  });
}

/** The built server (not in demo mode) on its own Redis database, once it logs that it listens. */
async function startBuiltServer() {
  const adminKey = randomBytes(24).toString('hex');
  const build = await runToEnd('node', ['build/build.mjs', 'server'], cleanEnv({}));
  expect(build.code, build.stderr).toBe(0);
  const env = { PORT: '0', REDIS_URL: await isolatedRedisUrl(), SHEETSHIP_ADMIN_KEY: adminKey, SHEETSHIP_MASTER_KEY: randomBytes(32).toString('hex'), SHEETSHIP_DEMO: '0', SHEETSHIP_VAR_DIR: tempDir() };
  const child = spawnChild('node', ['dist/server/main.js'], cleanEnv(env));
  children.push(child);
  const listening = Listening.parse(await child.logLine((entry) => entry.msg === 'listening'));
  return { child, listening, adminKey };
}

describe('graceful shutdown', () => {
  it('stops accepting on SIGTERM, finishes the request in flight, then exits 0', async () => {
    const { child, listening, adminKey } = await startBuiltServer();
    expect(listening).toMatchObject({ redis: 'REDIS_URL', demo: false });
    // The retention worker runs its first round at start-up.
    expect(await child.logLine((entry) => entry.msg === 'retention round done')).toMatchObject({ erased: 0 });
    // The test Redis keeps nothing on disk: start-up says so.
    expect(child.stderr()).toMatch(/Warning: +Redis has no persistence/);
    const seller = await provisionSeller({ url: listening.url, adminKey });

    const body = JSON.stringify({ skus: [{ sku: 'INFLIGHT', name: '처리 중이던 요청' }] });
    const pending = await openRequest(listening.url, [
      'PUT /v1/skus HTTP/1.1',
      `Host: ${new URL(listening.url).host}`,
      `Authorization: Bearer ${seller.key}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Expect: 100-continue',
    ]);
    process.kill(listening.pid, 'SIGTERM');
    await child.logLine((entry) => entry.msg === 'shutting down');
    await expect(fetch(`${listening.url}/healthz`)).rejects.toThrow();

    const answer = await pending.send(body);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"results":[{"sku":"INFLIGHT","result":"applied","change":"created"}]');
    expect(await child.exit).toBe(0);
    expect(child.stdout()).toContain('"msg":"stopped"');
  });
});

describe('SIGINT (Ctrl-C)', () => {
  it('shuts down as SIGTERM does and exits 0', async () => {
    const { child, listening } = await startBuiltServer();
    process.kill(listening.pid, 'SIGINT');
    await child.logLine((entry) => entry.msg === 'shutting down');
    expect(await child.exit).toBe(0);
    expect(child.stdout()).toContain('"msg":"stopped"');
  });
});

describe('start-up without a master key outside demo mode', () => {
  it('stops with one line naming SHEETSHIP_MASTER_KEY', async () => {
    const build = await runToEnd('node', ['build/build.mjs', 'server'], cleanEnv({}));
    expect(build.code, build.stderr).toBe(0);
    const run = await runToEnd('node', ['dist/server/main.js'], cleanEnv({ PORT: '0', REDIS_URL: testRedisUrl(), SHEETSHIP_DEMO: '0', SHEETSHIP_ADMIN_KEY: randomBytes(24).toString('hex'), SHEETSHIP_VAR_DIR: tempDir() }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^sheetship: SHEETSHIP_MASTER_KEY is required outside demo mode/);
  });
});

describe('start-up with bad retention settings', () => {
  it('stops before touching Redis with one line naming the variable', async () => {
    const build = await runToEnd('node', ['build/build.mjs', 'server'], cleanEnv({}));
    expect(build.code, build.stderr).toBe(0);
    for (const [name, value, problem] of [
      ['SHEETSHIP_PII_RETENTION_DAYS', 'forever', 'must be a whole number from 0 to 36500'],
      ['SHEETSHIP_LEDGER_RETENTION_DAYS', '0', 'must be at least 1'],
      ['SHEETSHIP_OUTBOX_RETENTION_DAYS', '99999', 'must be at most 3650'],
    ] as const) {
      const run = await runToEnd('node', ['dist/server/main.js'], cleanEnv({ PORT: '0', REDIS_URL: testRedisUrl(), SHEETSHIP_VAR_DIR: tempDir(), [name]: value }));
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`sheetship: config: ${name} ${problem} (from environment)`);
      expect(run.stdout).toBe('');
    }
  });
});

describe('seller CLI', () => {
  it('creates a seller and prints its id and a working key', async () => {
    const masterKey = randomBytes(32);
    const env = cleanEnv({ REDIS_URL: testRedisUrl(), SHEETSHIP_MASTER_KEY: masterKey.toString('hex'), SHEETSHIP_DEMO: '0', SHEETSHIP_VAR_DIR: tempDir() });
    const created = await runToEnd('npm', ['run', '--silent', 'seller', '--', 'create', 'CLI 상점'], env);
    expect(created.code, created.stderr).toBe(0);
    const sellerId = /^seller id: (\S+)$/m.exec(created.stdout)?.[1];
    const apiKey = /^API key:\s+(\S+)$/m.exec(created.stdout)?.[1];
    expect(sellerId).toMatch(/^s_[0-9a-f]{12}$/);

    const server = await startTestServer({ masterKey });
    const me = MeResponseSchema.parse((await call(server, 'GET', '/v1/me', { key: apiKey })).body);
    expect(me).toMatchObject({ seller: { id: sellerId, name: 'CLI 상점' }, key: { label: 'owner' } });

    const packer = await runToEnd('npm', ['run', '--silent', 'seller', '--', 'key', sellerId ?? '', 'packer-1'], env);
    expect(packer.code, packer.stderr).toBe(0);
    const packerKey = /^API key:\s+(\S+)$/m.exec(packer.stdout)?.[1];
    expect(MeResponseSchema.parse((await call(server, 'GET', '/v1/me', { key: packerKey })).body).key.label).toBe('packer-1');

    const bad = await runToEnd('npm', ['run', '--silent', 'seller', '--', 'create', ''], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('seller: seller name');
  });
});
