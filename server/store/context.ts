import { z } from 'zod';
import { storeErrorFromReply } from './errors';
import { sellerKeys, type SellerKeys } from './keys';
import type { RedisClient, RedisPool, ScriptRunner } from './redis';
import type { ScriptName } from './scripts';

export type Clock = () => Date;

/** What every per-seller store module needs: the seller's keys, a connection, the scripts and who acts. */
export class SellerContext {
  readonly keys: SellerKeys;

  constructor(
    private readonly runner: ScriptRunner,
    private readonly pool: RedisPool,
    readonly sellerId: string,
    readonly actor: string,
    readonly clock: Clock,
  ) {
    this.keys = sellerKeys(sellerId);
  }

  redis(): RedisClient {
    return this.pool.pick();
  }

  /** Runs a script with the seller prefix as KEYS[1] and the common ARGV head; a refusal throws StoreError. */
  async call(name: ScriptName, keys: readonly string[], args: readonly string[]): Promise<string> {
    const now = this.clock();
    const reply = await this.runner.run(name, [this.keys.prefix, ...keys], [String(now.getTime()), now.toISOString(), this.actor, ...args]);
    if (Array.isArray(reply)) throw storeErrorFromReply(reply);
    if (typeof reply !== 'string') throw new Error(`${name}.lua returned ${JSON.stringify(reply)}`);
    return reply;
  }

  /** Runs a script and parses its JSON reply once, here at the boundary. */
  async callParsed<T>(name: ScriptName, keys: readonly string[], args: readonly string[], schema: z.ZodType<T>): Promise<T> {
    return schema.parse(JSON.parse(await this.call(name, keys, args)));
  }
}

/** Lua's cjson writes an empty array as {}; read both as []. */
export function luaArray<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 ? [] : value), z.array(item));
}
