import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { provisionSeller, type TestSeller } from '../../http/support/harness';
import { cleanEnv, REPO_ROOT, spawnChild, type Child } from '../../server/support/child';
import { atFileEnd } from '../../support/cleanup';
import { isolatedRedisUrl } from '../../support/store';

export interface ServerProcess {
  url: string;
  adminKey: string;
  /** A fresh seller with its own key, provisioned through the admin route. */
  seller(name?: string): Promise<TestSeller>;
  /** Stops the server; a later call is harmless. */
  close(): Promise<void>;
  stderr(): string;
  /** The Redis database this server process alone uses (see isolatedRedisUrl). */
  redisUrl: string;
  /** The server's JSON log lines so far (stdout), for a failing test to show what the workers did. */
  logs(): string;
}

/**
 * The real sync server in its own process, built from the sources into a private folder, on a free
 * loopback port against the test Redis. The add-on's UrlFetchApp is synchronous (the test thread waits in
 * Atomics.wait), so the server must live outside the test's thread; a child process is the real thing.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  // Inside the repository, so the bundle (its packages are external) finds node_modules.
  const scratchRoot = join(REPO_ROOT, 'test-output', 'servers');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, 'addon-'));
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'build/build.mjs'), 'server'], { cwd: REPO_ROOT, env: { ...process.env, SHEETSHIP_DIST: join(scratch, 'dist') } });
  const adminKey = randomBytes(24).toString('hex');
  const redisUrl = await isolatedRedisUrl();
  const child: Child = spawnChild(
    process.execPath,
    ['--enable-source-maps', join(scratch, 'dist/server/main.js')],
    cleanEnv({
      REDIS_URL: redisUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      SHEETSHIP_DEMO: '0',
      SHEETSHIP_ADMIN_KEY: adminKey,
      SHEETSHIP_MASTER_KEY: randomBytes(32).toString('hex'),
      SHEETSHIP_VAR_DIR: join(scratch, 'var'),
      SHEETSHIP_RATE_LIMIT: '100000',
      ...env,
    }),
  );
  const listening = await child.logLine((entry) => entry['msg'] === 'listening', 60_000);
  const url = String(listening['url']);
  const close = atFileEnd(async () => {
    if (child.process.exitCode === null) {
      child.process.kill('SIGTERM');
      // One that does not stop in time (its Redis already gone, say) is killed.
      const timer = setTimeout(() => child.process.kill('SIGKILL'), 15_000);
      await child.exit;
      clearTimeout(timer);
    }
    rmSync(scratch, { recursive: true, force: true });
  });
  return { url, redisUrl, adminKey, seller: (name = '테스트 상점') => provisionSeller({ url, adminKey }, name), close, stderr: () => child.stderr(), logs: () => child.stdout() };
}
