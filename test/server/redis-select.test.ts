import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, launchRedis, RedisBinaryMissingError } from '../../server/redis/launch';
import { persistenceWarnings, redisAnswers, selectRedis } from '../../server/redis/select';
import { RedisPool } from '../../server/store/redis';
import { testRedisUrl } from '../support/store';

const varDir = mkdtempSync(join(tmpdir(), 'sheetship-select-'));
afterAll(() => rmSync(varDir, { recursive: true, force: true }));
const testPort = Number(new URL(testRedisUrl()).port);

describe('choosing Redis for npm start', () => {
  it('takes REDIS_URL first, then a Redis answering on the local port', async () => {
    const fromEnv = await selectRedis({ redisUrl: 'redis://example.invalid:1', localPort: testPort, varDir });
    expect(fromEnv).toMatchObject({ source: 'REDIS_URL', url: 'redis://example.invalid:1' });
    const local = await selectRedis({ localPort: testPort, varDir });
    expect(local).toMatchObject({ source: 'local', url: `redis://127.0.0.1:${testPort}` });
  });

  it('starts a private, persistent, non-evicting redis-server under var/redis when nothing answers, and reuses it while it runs', async () => {
    const silentPort = await freePort();
    expect(await redisAnswers('127.0.0.1', silentPort)).toBe(false);
    const embedded = await selectRedis({ localPort: silentPort, varDir });
    try {
      expect(embedded.source).toBe('embedded');
      expect(readFileSync(join(varDir, 'redis', 'url'), 'utf8').trim()).toBe(embedded.url);
      const pool = await RedisPool.connect(embedded.url, 1);
      try {
        const config = await pool.pick().configGet(['appendonly', 'appendfsync', 'maxmemory-policy', 'dir']);
        expect(config).toMatchObject({ appendonly: 'yes', appendfsync: 'always', 'maxmemory-policy': 'noeviction', dir: join(varDir, 'redis') });
        expect(await persistenceWarnings(pool.pick())).toEqual([]);
        await pool.pick().configSet('maxmemory-policy', 'allkeys-lru');
        expect(await persistenceWarnings(pool.pick())).toEqual([expect.stringContaining('maxmemory-policy allkeys-lru')]);
      } finally {
        await pool.close();
      }
      const again = await selectRedis({ localPort: silentPort, varDir });
      expect(again).toMatchObject({ source: 'embedded-running', url: embedded.url });
      await again.stop();
      expect(await redisAnswers('127.0.0.1', Number(new URL(embedded.url).port))).toBe(true);
    } finally {
      await embedded.stop();
    }
    expect(await redisAnswers('127.0.0.1', Number(new URL(embedded.url).port))).toBe(false);
    expect(existsSync(join(varDir, 'redis', 'url'))).toBe(false);
  });

  it('says how to install Redis when there is no redis-server', async () => {
    const attempt = selectRedis({ localPort: await freePort(), varDir, binary: join(varDir, 'no-such-redis-server') });
    await expect(attempt).rejects.toBeInstanceOf(RedisBinaryMissingError);
    await expect(attempt).rejects.toThrow(/apt-get install -y redis-server.*REDIS_URL/);
  });

  it('warns about a Redis without persistence', async () => {
    const pool = await RedisPool.connect(testRedisUrl(), 1);
    try {
      expect(await persistenceWarnings(pool.pick())).toEqual([expect.stringContaining('no persistence')]);
    } finally {
      await pool.close();
    }
  });

  it('says nothing of a durable Redis, and warns once it may evict keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheetship-evict-'));
    const redis = await launchRedis({ dir, persistence: 'aof-always' });
    const pool = await RedisPool.connect(redis.url, 1);
    try {
      expect(await persistenceWarnings(pool.pick())).toEqual([]);
      await pool.pick().configSet('maxmemory-policy', 'allkeys-lru');
      expect(await persistenceWarnings(pool.pick())).toEqual([expect.stringContaining('maxmemory-policy allkeys-lru')]);
    } finally {
      await pool.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
