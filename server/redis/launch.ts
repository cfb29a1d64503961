import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

/** How a private redis-server keeps its data. Tests keep nothing; the embedded default keeps everything. */
export type Persistence = 'none' | 'aof-always';

export interface LaunchedRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export class RedisBinaryMissingError extends Error {
  constructor() {
    super(
      'redis-server is not installed. Install it with `apt-get install -y redis-server` (Debian/Ubuntu), ' +
        '`brew install redis` (macOS), or set REDIS_URL to a Redis you already run.',
    );
    this.name = 'RedisBinaryMissingError';
  }
}

/** Asks the OS for a port that is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the free port'));
      });
    });
  });
}

function argsFor(port: number, dir: string, persistence: Persistence): string[] {
  const common = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no'];
  if (persistence === 'none') return [...common, '--appendonly', 'no'];
  return [...common, '--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'];
}

function waitForReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`redis-server on port ${port} did not become ready within 10 s:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`redis-server on port ${port} exited with code ${code}:\n${output}`));
    };
    const onError = (error: NodeJS.ErrnoException) => {
      cleanup();
      reject(error.code === 'ENOENT' ? new RedisBinaryMissingError() : error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/**
 * Starts a private redis-server. With no port it picks a free one, retrying if another process takes
 * the port between the probe and the bind.
 */
export async function launchRedis(options: { dir: string; persistence: Persistence; port?: number; binary?: string; databases?: number }): Promise<LaunchedRedis> {
  mkdirSync(options.dir, { recursive: true });
  const attempts = options.port ? 1 : 5;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await freePort());
    const child = spawn(options.binary ?? 'redis-server', [...argsFor(port, options.dir, options.persistence), ...(options.databases ? ['--databases', String(options.databases)] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await waitForReady(child, port);
    } catch (error) {
      lastError = error;
      if (error instanceof RedisBinaryMissingError) throw error;
      continue;
    }
    child.stdout?.resume();
    child.stderr?.resume();
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      pid: child.pid ?? -1,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
  throw lastError;
}
