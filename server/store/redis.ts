import { createClient } from 'redis';
import { scripts, type ScriptName } from './scripts';

function newClient(url: string) {
  return createClient({ url, RESP: 3 });
}
export type RedisClient = ReturnType<typeof newClient>;

/**
 * A few connections used round-robin. node-redis pipelines whatever is issued in the same tick on a
 * connection, so a handful is enough for thousands of operations in flight.
 */
export class RedisPool {
  private turn = 0;

  private constructor(readonly clients: readonly RedisClient[]) {}

  static async connect(url: string, size = 4): Promise<RedisPool> {
    const clients = await Promise.all(
      Array.from({ length: size }, async () => {
        const client = newClient(url);
        client.on('error', () => {
          // Reconnection is automatic; a request in flight fails and is reported where it was made.
        });
        await client.connect();
        return client;
      }),
    );
    return new RedisPool(clients);
  }

  pick(): RedisClient {
    const client = this.clients[this.turn % this.clients.length];
    this.turn = (this.turn + 1) % this.clients.length;
    if (!client) throw new Error('the Redis pool is empty');
    return client;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.close()));
  }
}

export type ScriptReply = string | number | null | ScriptReply[];

/** Runs the atomic scripts by SHA, loading them again if Redis forgot them (a restart or a failover). */
export class ScriptRunner {
  constructor(private readonly pool: RedisPool) {}

  async load(): Promise<void> {
    const client = this.pool.pick();
    await Promise.all(Object.values(scripts()).map((script) => client.sendCommand(['SCRIPT', 'LOAD', script.source])));
  }

  async run(name: ScriptName, keys: readonly string[], args: readonly string[]): Promise<ScriptReply> {
    const script = scripts()[name];
    const client = this.pool.pick();
    const command = ['EVALSHA', script.sha, String(keys.length), ...keys, ...args];
    try {
      return await client.sendCommand<ScriptReply>(command);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      await client.sendCommand(['SCRIPT', 'LOAD', script.source]);
      return client.sendCommand<ScriptReply>(command);
    }
  }
}
