import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { z } from 'zod';
import { cleanEnv, REPO_ROOT, runToEnd, spawnChild, type Child } from '../../server/support/child';

/**
 * The server as `npm start` runs it (the esbuild bundle under node), built into a folder of this test file's
 * own: other files build dist/ at the same time. The folder sits inside the repository so the bundle finds
 * node_modules, and is removed afterwards.
 */

export const ListeningLine = z.object({ msg: z.literal('listening'), url: z.string(), pid: z.int(), demo: z.boolean() });

const children: Child[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

export async function buildServer(): Promise<string> {
  const dist = join(REPO_ROOT, 'test-output', `e2e-${randomBytes(4).toString('hex')}`);
  mkdirSync(dist, { recursive: true });
  folders.push(dist);
  const build = await runToEnd('node', ['build/build.mjs', 'server'], cleanEnv({ SHEETSHIP_DIST: dist }));
  expect(build.code, build.stderr).toBe(0);
  return join(dist, 'server', 'main.js');
}

/** Starts the built server with this environment (on top of a clean one) and waits for its `listening` line. */
export async function startServer(main: string, env: Record<string, string>): Promise<{ child: Child; url: string; pid: number }> {
  const child = spawnChild('node', ['--enable-source-maps', main], cleanEnv({ PORT: '0', ...env }));
  children.push(child);
  const listening = ListeningLine.parse(await child.logLine((entry) => entry.msg === 'listening', 90_000));
  return { child, url: listening.url, pid: listening.pid };
}

export function tempFolder(): string {
  const dir = join(REPO_ROOT, 'test-output', `e2e-var-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  folders.push(dir);
  return dir;
}

/** The JSON log lines of a child so far. */
export function logEntries(child: Child): Record<string, unknown>[] {
  return child
    .stdout()
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
