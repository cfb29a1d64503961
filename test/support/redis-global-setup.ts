import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchRedis } from '../../server/redis/launch';
import { ISOLATED_DATABASES } from './isolated-databases';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/**
 * One private redis-server for the whole run, on a free port and with no persistence. It never touches
 * a Redis on 6379. Tests isolate themselves by seller id instead of flushing. A server process a test
 * spawns gets a database of its own (isolatedRedisUrl): its workers serve every seller they find, and in a
 * shared database they would work for other test files' sellers with the wrong carrier and channel sandboxes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'sheetship-test-redis-'));
  const redis = await launchRedis({ dir, persistence: 'none', databases: ISOLATED_DATABASES + 1 });
  project.provide('redisUrl', redis.url);
  process.env.SHEETSHIP_TEST_REDIS_URL = redis.url;
  return async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
