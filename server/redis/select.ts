import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { RedisClient } from '../store/redis';
import { launchRedis } from './launch';

export type RedisSource = 'REDIS_URL' | 'local' | 'embedded' | 'embedded-running';

export interface SelectedRedis {
  url: string;
  source: RedisSource;
  /** For people: where this Redis came from. */
  description: string;
  /** Stops the Redis this process started; does nothing for one it found. */
  stop(): Promise<void>;
}

/**
 * Answers whether a Redis replies +PONG on host:port within the timeout (no password, no client library).
 * Nothing listening is refused at once; the timeout only bounds a port that accepts and stays silent.
 */
export function redisAnswers(host: string, port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = '';
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

function urlFile(varDir: string): string {
  return join(varDir, 'redis', 'url');
}

/**
 * Picks the Redis for `npm start` (DESIGN.md, Running it): REDIS_URL; else a Redis answering on
 * 127.0.0.1:<localPort>; else the private one under <varDir>/redis if it is already running; else a new
 * private redis-server there, with AOF fsync on every write and no eviction. A missing binary throws
 * RedisBinaryMissingError, whose message says how to install Redis.
 */
export async function selectRedis(options: { redisUrl?: string; localPort: number; varDir: string; binary?: string }): Promise<SelectedRedis> {
  const nothing = async () => {};
  if (options.redisUrl) return { url: options.redisUrl, source: 'REDIS_URL', description: 'REDIS_URL', stop: nothing };
  if (await redisAnswers('127.0.0.1', options.localPort)) {
    return { url: `redis://127.0.0.1:${options.localPort}`, source: 'local', description: `found running on 127.0.0.1:${options.localPort}`, stop: nothing };
  }
  const file = urlFile(options.varDir);
  if (existsSync(file)) {
    const url = readFileSync(file, 'utf8').trim();
    const port = Number(/:(\d+)$/.exec(url)?.[1] ?? 0);
    if (port > 0 && (await redisAnswers('127.0.0.1', port))) {
      return { url, source: 'embedded-running', description: `the private redis-server under ${join(options.varDir, 'redis')}, already running`, stop: nothing };
    }
  }
  const launched = await launchRedis({ dir: join(options.varDir, 'redis'), persistence: 'aof-always', binary: options.binary });
  writeFileSync(file, `${launched.url}\n`);
  return {
    url: launched.url,
    source: 'embedded',
    description: `a private redis-server under ${join(options.varDir, 'redis')} (pid ${launched.pid}, AOF appendfsync always, noeviction)`,
    async stop() {
      await launched.stop();
      rmSync(file, { force: true });
    },
  };
}

/** What is risky about a Redis we did not configure: data lost on restart, or keys evicted under memory pressure. */
export async function persistenceWarnings(client: RedisClient): Promise<string[]> {
  let config: Record<string, string>;
  try {
    const reply = await client.configGet(['appendonly', 'save', 'maxmemory-policy']);
    config = Object.fromEntries(Object.entries(reply).map(([name, value]) => [name, String(value)]));
  } catch {
    return ['Redis refused CONFIG GET, so its persistence and eviction settings could not be checked'];
  }
  const warnings: string[] = [];
  if (config.appendonly !== 'yes' && !config.save) {
    warnings.push('Redis has no persistence (appendonly no, no save points): orders and stock are lost when it restarts. Set appendonly yes.');
  }
  const policy = config['maxmemory-policy'];
  if (policy && policy !== 'noeviction') {
    warnings.push(`Redis evicts keys under memory pressure (maxmemory-policy ${policy}): stock and orders could vanish. Set maxmemory-policy noeviction.`);
  }
  return warnings;
}
