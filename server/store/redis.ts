import { createClient } from 'redis';
import { scriptLibrary, type ScriptName } from './scripts';

/**
 * No per-command timeout (node-redis sets 5 s by default). A script that timed out on our side may still run in
 * Redis, so a timeout turns "applied" into "unknown" and invites a retry of something like a shipment; the
 * scripts are bounded, and the HTTP layer has its own request deadline. It is also the costliest part of a
 * command in node-redis (a timer and an AbortSignal each): removing it cut our CPU per call by about a third.
 */
function newClient(url: string) {
  return createClient({ url, RESP: 3, commandOptions: { timeout: 0 } });
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

  /** The same connection every time for the same name (a seller), so what is sent for it arrives in order. */
  pinned(name: string): RedisClient {
    let hash = 0;
    for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
    const client = this.clients[Math.abs(hash) % this.clients.length];
    if (!client) throw new Error('the Redis pool is empty');
    return client;
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

/** Runs the atomic scripts as Redis functions, loading the library again if Redis lost it (a new or flushed server). */
export class ScriptRunner {
  constructor(private readonly pool: RedisPool) {}

  async load(client: RedisClient = this.pool.pick()): Promise<void> {
    try {
      await client.sendCommand(['FUNCTION', 'LOAD', 'REPLACE', scriptLibrary().source]);
    } catch (error) {
      if (error instanceof Error && /unknown command/i.test(error.message)) {
        throw new Error(`the store needs Redis 7 or newer (FUNCTION LOAD); this server said: ${error.message}`);
      }
      throw error;
    }
  }

  /** FCALL of a script: `keys` and `args` as the script's header lists them; on `client`, or the next one. */
  async run(name: ScriptName, keys: readonly string[], args: readonly (string | Buffer)[], client: RedisClient = this.pool.pick()): Promise<ScriptReply> {
    const command: (string | Buffer)[] = ['FCALL', scriptLibrary().functions[name], String(keys.length)];
    for (const key of keys) command.push(key);
    for (const arg of args) command.push(arg);
    try {
      return await client.sendCommand<ScriptReply>(command);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('Function not found')) throw error;
      await this.load(client);
      return client.sendCommand<ScriptReply>(command);
    }
  }
}
