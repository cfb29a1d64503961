import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChannelAccountResponseSchema } from '../../shared/api/channels';
import { launchRedis } from '../../server/redis/launch';
import { startSmartStoreSandbox } from '../../server/channels/smartstore/sandbox';
import { Store } from '../../server/store';
import { call, provisionSeller } from '../http/support/harness';
import { orderKeyOf, sandboxProduct, waitFor } from '../sync/support/harness';
import { buildServer, logEntries, startServer, tempFolder } from './support/built-server';
import type { Child } from '../server/support/child';

// A Redis of its own: these servers serve every seller they find, and must not meet other test files' sellers.
const redisDir = mkdtempSync(join(tmpdir(), 'sheetship-e2e-redis-'));
const redis = await launchRedis({ dir: redisDir, persistence: 'none' });
const sandbox = await startSmartStoreSandbox();
afterAll(async () => {
  await sandbox.stop();
  await redis.stop();
  rmSync(redisDir, { recursive: true, force: true });
});

function entries(child: Child, msg: string, account: string) {
  return logEntries(child).filter((entry) => entry.msg === msg && entry.account === account);
}

function createdKeys(children: Child[]): string[] {
  return children.flatMap((child) => logEntries(child).filter((entry) => entry.msg === 'order ingested' && entry.created === true).map((entry) => String(entry.key)));
}

describe('two server processes on one channel account', () => {
  it('poll it with one active poller; after SIGKILL the other takes over, and the dead holder cannot write the cursor', async () => {
    const main = await buildServer();
    const adminKey = randomBytes(24).toString('hex');
    const env = {
      REDIS_URL: redis.url,
      SHEETSHIP_ADMIN_KEY: adminKey,
      SHEETSHIP_MASTER_KEY: randomBytes(32).toString('hex'),
      SHEETSHIP_DEMO: '0',
      SHEETSHIP_POLL_INTERVAL_SECONDS: '1',
      SHEETSHIP_SYNC_LEASE_SECONDS: '3',
    };
    const first = await startServer(main, { ...env, SHEETSHIP_VAR_DIR: tempFolder() });
    const seller = await provisionSeller({ url: first.url, adminKey });
    const shop = sandbox.account();
    const created = await call({ url: first.url }, 'POST', '/v1/channels', {
      key: seller.key,
      body: { channel: 'smartstore', name: '공용 스토어', baseUrl: sandbox.url, credentials: { clientId: shop.clientId, clientSecret: shop.clientSecret } },
    });
    expect(created.status, created.text).toBe(201);
    const account = ChannelAccountResponseSchema.parse(created.body).account.id;
    const second = await startServer(main, { ...env, SHEETSHIP_VAR_DIR: tempFolder() });
    const children = [first.child, second.child];

    const product = sandboxProduct(shop, [1_000], '공용 상품');
    const place = () => orderKeyOf(account, shop.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] }).orderId);
    const before: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      before.push(place());
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await waitFor('every order ingested', () => before.every((key) => createdKeys(children).includes(key)), 30_000);
    // Both instances have been up through several lease lifetimes' worth of attempts by now.
    const feedCalls = sandbox.faults.requests('last-changed-statuses');
    await waitFor('five more polls', () => sandbox.faults.requests('last-changed-statuses') >= feedCalls + 5, 30_000);

    const acquired = children.map((child) => entries(child, 'lease acquired', account));
    expect(acquired.flat()).toHaveLength(1);
    const activeIndex = acquired.findIndex((list) => list.length === 1);
    const active = children[activeIndex];
    const survivor = children[1 - activeIndex];
    if (!active || !survivor) throw new Error('no active poller');
    expect(createdKeys(children).sort()).toEqual([...before].sort());

    const store = await Store.open(redis.url, { connections: 1 });
    try {
      const sync = store.forSeller(seller.sellerId, 'test').sync;
      const dead = await sync.leaseHolder(account);
      if (!dead) throw new Error('nobody holds the lease');
      expect(dead.token).toBe(Number(acquired[activeIndex]?.[0]?.token));
      active.process.kill('SIGKILL');
      await active.exit;

      const after = [place(), place(), place()];
      const takeover = await waitFor('the takeover', () => entries(survivor, 'lease acquired', account)[0], 30_000);
      expect(Number(takeover.token)).toBeGreaterThan(dead.token);
      const firstWrite = await waitFor('its first cursor write', () => entries(survivor, 'first cursor write under this lease', account)[0], 30_000);
      expect(firstWrite.token).toBe(takeover.token);
      await waitFor('the later orders ingested', () => after.every((key) => createdKeys(children).includes(key)), 30_000);
      const keys = createdKeys(children);
      expect(keys.sort()).toEqual([...before, ...after].sort());

      // The killed holder's token is refused, and the cursor stays where the new holder put it.
      const stale = '{"v":1,"from":"2020-01-01T00:00:00.000+09:00","seen":[]}';
      expect((await sync.readCursor(account)).token).toBe(Number(takeover.token));
      expect(await sync.writeCursor(account, dead.token, stale)).toMatchObject({ written: false, reason: 'not_holder' });
      const cursor = await sync.readCursor(account);
      expect(cursor.token).toBe(Number(takeover.token));
      expect(cursor.cursor).not.toBe(stale);
    } finally {
      await store.close();
    }
    survivor.process.kill('SIGTERM');
    expect(await survivor.exit).toBe(0);
  });
});
