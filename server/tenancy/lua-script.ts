import { createHash } from 'node:crypto';
import type { RedisPool } from '../store/redis';

export type LuaReply = string | number | null | LuaReply[];

/** A Lua script run by SHA, loaded again if Redis forgot it (a restart or a failover). */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(pool: RedisPool, keys: readonly string[], args: readonly string[]): Promise<LuaReply> {
    const client = pool.pick();
    const command = ['EVALSHA', this.sha, String(keys.length), ...keys, ...args];
    try {
      return await client.sendCommand<LuaReply>(command);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      await client.sendCommand(['SCRIPT', 'LOAD', this.source]);
      return client.sendCommand<LuaReply>(command);
    }
  }
}
