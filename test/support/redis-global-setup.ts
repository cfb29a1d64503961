import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchRedis } from '../../server/redis/launch';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/**
 * One private redis-server for the whole run, on a free port and with no persistence. It never touches
 * a Redis on 6379. Tests isolate themselves by seller id instead of flushing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'sheetship-test-redis-'));
  const redis = await launchRedis({ dir, persistence: 'none' });
  project.provide('redisUrl', redis.url);
  process.env.SHEETSHIP_TEST_REDIS_URL = redis.url;
  return async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
