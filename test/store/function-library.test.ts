import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchRedis } from '../../server/redis/launch';
import { Store } from '../../server/store';
import { scriptLibrary } from '../../server/store/scripts';
import { orderInput, seedCatalog } from '../support/store';

// A Redis of its own: flushing functions on the shared test Redis would disturb tests running beside this one.
const dir = mkdtempSync(join(tmpdir(), 'sheetship-test-functions-'));
const redis = await launchRedis({ dir, persistence: 'none' });
afterAll(async () => {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the script library', () => {
  it('is one versioned Redis function library with a function per script', async () => {
    const library = scriptLibrary();
    expect(library.name).toMatch(/^sheetship_[0-9a-f]{12}$/);
    expect(library.functions.ingest_orders).toBe(`ingest_orders_${library.name.slice('sheetship_'.length)}`);
    expect(library.source.startsWith(`#!lua name=${library.name}\n`)).toBe(true);
  });

  it('is loaded again when Redis lost it, and the call that found it missing still runs once', async () => {
    const store = await Store.open(redis.url, { connections: 1 });
    try {
      const s = store.forSeller('functions', 'test');
      await seedCatalog(s, { stock: { A: 3 }, listings: { 'L-A': { A: 1 } } });
      await store.pool.pick().sendCommand(['FUNCTION', 'FLUSH']);
      expect(await store.pool.pick().sendCommand(['FUNCTION', 'LIST'])).toEqual([]);
      expect(await s.orders.ingest(orderInput([{ listingId: 'L-A', quantity: 2 }]))).toMatchObject({ status: 'ALLOCATED', created: true });
      expect(await s.catalog.getSku('A')).toMatchObject({ reserved: 2 });
    } finally {
      await store.close();
    }
  });
});
