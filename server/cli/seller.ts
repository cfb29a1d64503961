// `npm run seller -- <command>`: provisions sellers and keys straight in Redis, the way the admin routes do.
import { z } from 'zod';
import { KeyIdSchema, KeyLabelSchema, SellerNameSchema } from '../../shared/api/admin';
import { SellerIdSchema } from '../../shared/ids';
import { ConfigError, loadConfig } from '../config';
import { realChannelAccountsExist } from '../demo';
import { RedisBinaryMissingError } from '../redis/launch';
import { selectRedis } from '../redis/select';
import { deriveKey, MasterKeyMissingError, resolveMasterKey } from '../secrets/master-key';
import { Store } from '../store';
import { TenancyError, Tenants } from '../tenancy/tenants';

const USAGE = `usage: npm run seller -- <command>
  create "<name>" [--label <label>]   a new seller and its first API key (label "owner" by default)
  key <sellerId> <label>              another API key for a seller
  revoke <keyId>                      revoke a key
  list                                every seller
  keys <sellerId>                     a seller's active keys
Uses the same Redis and SHEETSHIP_MASTER_KEY as the server (see docs/http.md).`;

class UsageError extends Error {}

function parsed<T>(schema: z.ZodType<T>, value: string | undefined, what: string): T {
  if (value === undefined) throw new UsageError(`missing ${what}`);
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  return result.data;
}

function labelOption(args: string[]): { rest: string[]; label: string } {
  const at = args.indexOf('--label');
  if (at < 0) return { rest: args, label: 'owner' };
  return { rest: [...args.slice(0, at), ...args.slice(at + 2)], label: parsed(KeyLabelSchema, args[at + 1], '--label') };
}

async function command(tenants: Tenants, args: string[]): Promise<string[]> {
  const [name, ...rest] = args;
  switch (name) {
    case 'create': {
      const { rest: positional, label } = labelOption(rest);
      const created = await tenants.createSeller(parsed(SellerNameSchema, positional[0], 'seller name'), label);
      return [`seller id: ${created.seller.id}`, `name:      ${created.seller.name}`, `key id:    ${created.keyId}`, `label:     ${created.label}`, `API key:   ${created.apiKey}`, '(the key is shown this once; only its hash is kept)'];
    }
    case 'key': {
      const created = await tenants.createKey(parsed(SellerIdSchema, rest[0], 'seller id'), parsed(KeyLabelSchema, rest[1], 'label'));
      return [`key id:    ${created.keyId}`, `label:     ${created.label}`, `API key:   ${created.apiKey}`, '(the key is shown this once; only its hash is kept)'];
    }
    case 'revoke': {
      const revoked = await tenants.revokeKey(parsed(KeyIdSchema, rest[0], 'key id'));
      return [`revoked ${revoked.keyId} (${revoked.label}) at ${revoked.revokedAt}`];
    }
    case 'list':
      return (await tenants.listSellers()).map((seller) => `${seller.id}\t${seller.createdAt}\t${seller.name}`);
    case 'keys':
      return (await tenants.listKeys(parsed(SellerIdSchema, rest[0], 'seller id'))).map((key) => `${key.keyId}\t${key.createdAt}\t${key.label}`);
    default:
      throw new UsageError(name ? `unknown command ${name}` : 'no command');
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return args.length === 0 ? 1 : 0;
  }
  const config = loadConfig(process.env);
  const redis = await selectRedis({ redisUrl: config.redisUrl, localPort: config.localRedisPort, varDir: config.varDir });
  try {
    const store = await Store.open(redis.url, { connections: 1 });
    try {
      const demo = config.demo === 'on' || (config.demo === 'auto' && !(await realChannelAccountsExist(store)));
      const hashKey = deriveKey(resolveMasterKey(config.masterKey, config.varDir, demo), 'api-key-hash');
      const tenants = new Tenants(store.pool, hashKey, config.rateLimit);
      process.stdout.write(`${(await command(tenants, args)).join('\n')}\n`);
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    await redis.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) process.stderr.write(`seller: ${error.message}\n${USAGE}\n`);
  else if (error instanceof TenancyError) process.stderr.write(`seller: ${error.code} ${JSON.stringify(error.params)}\n`);
  else if (error instanceof RedisBinaryMissingError || error instanceof MasterKeyMissingError || error instanceof ConfigError) {
    process.stderr.write(`seller: ${error.message}\n`);
  } else process.stderr.write(`seller: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
