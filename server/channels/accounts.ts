import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  ChannelAccountSettingsSchema,
  ConnectedChannelSchema,
  type ChannelAccount,
  type ChannelAccountSettings,
  type ConnectedChannel,
} from '../../shared/api/channels';
import { AccountIdSchema } from '../../shared/ids';
import type { SecretStore } from '../secrets/secret-store';
import { sellerKeys } from '../store/keys';
import type { RedisPool } from '../store/redis';
import { driverFor, type ChannelDriver } from './registry';

/**
 * A seller's channel accounts: one record per account in the seller's hash tag (`ss:{s}:channels`, id →
 * JSON), and its credentials in the encrypted secret store under `channel:<id>`. Credentials never leave
 * this module except towards a connector; the API shows only which fields are stored.
 */

const StoredAccountSchema = z.object({
  id: AccountIdSchema,
  channel: ConnectedChannelSchema,
  name: z.string(),
  /** null: the channel's real API. */
  baseUrl: z.string().nullable(),
  settings: ChannelAccountSettingsSchema,
  credentialFields: z.array(z.string()),
  /** Made by demo mode against a sandbox; does not count as a real account. */
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChannelAccountRecord = z.infer<typeof StoredAccountSchema>;

export interface NewChannelAccount {
  channel: ConnectedChannel;
  name: string;
  baseUrl?: string | undefined;
  credentials: Record<string, string | undefined>;
  settings?: ChannelAccountSettings | undefined;
}

export interface ChannelAccountPatch {
  name?: string | undefined;
  baseUrl?: string | null | undefined;
  credentials?: Record<string, string | undefined> | undefined;
  settings?: { [K in keyof ChannelAccountSettings]?: ChannelAccountSettings[K] | null } | undefined;
}

export class ChannelAccountNotFoundError extends Error {
  readonly code = 'CHANNEL_ACCOUNT_NOT_FOUND';

  constructor(readonly accountId: string) {
    super(`no channel account ${accountId}`);
    this.name = 'ChannelAccountNotFoundError';
  }
}

export function secretName(accountId: string): string {
  return `channel:${accountId}`;
}

/** The URL a connector of this account talks to. */
export function baseUrlOf(record: ChannelAccountRecord): string {
  return record.baseUrl ?? requireDriver(record.channel).defaultBaseUrl;
}

function requireDriver(channel: ConnectedChannel): ChannelDriver {
  const driver = driverFor(channel);
  if (!driver) throw new Error(`no connector for channel ${channel}`);
  return driver;
}

function definedFields(credentials: Record<string, string | undefined>): string[] {
  return Object.entries(credentials)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name)
    .sort();
}

export async function listAccounts(pool: RedisPool, sellerId: string): Promise<ChannelAccountRecord[]> {
  const raw = await pool.pick().hGetAll(sellerKeys(sellerId).channelAccounts);
  return Object.values(raw)
    .map((value) => StoredAccountSchema.parse(JSON.parse(value)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Whether any of these sellers has an account that is not a demo one (demo mode turns itself off then). */
export async function anyRealAccount(pool: RedisPool, sellerIds: readonly string[]): Promise<boolean> {
  for (const sellerId of sellerIds) {
    if ((await listAccounts(pool, sellerId)).some((record) => !record.demo)) return true;
  }
  return false;
}

export class ChannelAccounts {
  constructor(
    private readonly pool: RedisPool,
    private readonly secrets: SecretStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(sellerId: string): Promise<ChannelAccountRecord[]> {
    return listAccounts(this.pool, sellerId);
  }

  async get(sellerId: string, accountId: string): Promise<ChannelAccountRecord | null> {
    const raw = await this.pool.pick().hGet(sellerKeys(sellerId).channelAccounts, accountId);
    return raw ? StoredAccountSchema.parse(JSON.parse(raw)) : null;
  }

  async require(sellerId: string, accountId: string): Promise<ChannelAccountRecord> {
    const record = await this.get(sellerId, accountId);
    if (!record) throw new ChannelAccountNotFoundError(accountId);
    return record;
  }

  /**
   * The secret first, then the record: a record never exists without its credentials. `id` and `demo` are for
   * demo mode, which keeps stable ids; the API always generates the id.
   */
  async create(sellerId: string, input: NewChannelAccount, options: { id?: string; demo?: boolean } = {}): Promise<ChannelAccountRecord> {
    const driver = requireDriver(input.channel);
    const credentials = driver.credentialsSchema.parse(input.credentials);
    const now = this.clock().toISOString();
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = AccountIdSchema.parse(options.id ?? `${driver.idPrefix}-${randomBytes(4).toString('hex')}`);
      const record: ChannelAccountRecord = {
        id,
        channel: input.channel,
        name: input.name,
        baseUrl: input.baseUrl ?? null,
        settings: ChannelAccountSettingsSchema.parse(input.settings ?? {}),
        credentialFields: definedFields(credentials),
        demo: options.demo ?? false,
        createdAt: now,
        updatedAt: now,
      };
      const key = sellerKeys(sellerId).channelAccounts;
      if (options.id) await this.pool.pick().hDel(key, id);
      else if (await this.pool.pick().hExists(key, id)) continue;
      await this.secrets.put(sellerId, secretName(id), JSON.stringify(credentials));
      if (await this.pool.pick().hSetNX(key, id, JSON.stringify(record))) return record;
    }
    throw new Error('could not find a free channel account id');
  }

  async update(sellerId: string, accountId: string, patch: ChannelAccountPatch): Promise<ChannelAccountRecord> {
    const current = await this.require(sellerId, accountId);
    const next: ChannelAccountRecord = { ...current, updatedAt: this.laterThan(current.updatedAt) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.baseUrl !== undefined) next.baseUrl = patch.baseUrl;
    if (patch.settings) {
      const settings: Record<string, unknown> = { ...current.settings };
      for (const [name, value] of Object.entries(patch.settings)) {
        if (value === null) delete settings[name];
        else if (value !== undefined) settings[name] = value;
      }
      next.settings = ChannelAccountSettingsSchema.parse(settings);
    }
    if (patch.credentials) {
      const credentials = requireDriver(current.channel).credentialsSchema.parse(patch.credentials);
      await this.secrets.put(sellerId, secretName(accountId), JSON.stringify(credentials));
      next.credentialFields = definedFields(credentials);
    }
    const keys = sellerKeys(sellerId);
    await this.pool.pick().hSet(keys.channelAccounts, accountId, JSON.stringify(next));
    // A feed cursor belongs to the API it was read from: pointing the account elsewhere starts over.
    if (patch.baseUrl !== undefined && next.baseUrl !== current.baseUrl) await this.pool.pick().del(keys.syncCursor(accountId));
    return next;
  }

  /** The record, its credentials and its sync state go; its orders and listings stay. */
  async remove(sellerId: string, accountId: string): Promise<void> {
    await this.require(sellerId, accountId);
    const keys = sellerKeys(sellerId);
    await this.pool.pick().hDel(keys.channelAccounts, accountId);
    await this.secrets.delete(sellerId, secretName(accountId));
    await this.pool
      .pick()
      .del([
        keys.syncLease(accountId),
        keys.syncFence(accountId),
        keys.syncCursor(accountId),
        keys.syncStatus(accountId),
        keys.syncConfirm(accountId),
        keys.syncConfirmAttempts(accountId),
      ]);
  }

  /** The stored credentials, checked against the channel's schema (throws SecretDecryptError on a wrong master key). */
  async credentials(sellerId: string, record: ChannelAccountRecord): Promise<Record<string, string | undefined>> {
    const stored = await this.secrets.get(sellerId, secretName(record.id));
    if (stored === null) throw new Error(`channel account ${record.id} has no stored credentials`);
    return requireDriver(record.channel).credentialsSchema.parse(JSON.parse(stored));
  }

  /** The API's view: no credentials, the effective base URL. */
  static view(record: ChannelAccountRecord): ChannelAccount {
    const driver = requireDriver(record.channel);
    const baseUrl = record.baseUrl ?? driver.defaultBaseUrl;
    return {
      id: record.id,
      channel: record.channel,
      name: record.name,
      baseUrl,
      realApi: baseUrl === driver.defaultBaseUrl,
      settings: record.settings,
      credentialFields: record.credentialFields,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  /** updatedAt identifies a version of the record (connectors are rebuilt when it moves), so it always moves. */
  private laterThan(previous: string): string {
    const now = this.clock().getTime();
    return new Date(Math.max(now, Date.parse(previous) + 1)).toISOString();
  }
}
