import type { ChannelAccountRecord, ChannelAccounts } from './accounts';
import { baseUrlOf } from './accounts';
import type { Connector } from './connector';
import { driverFor, type ConnectorTuning } from './registry';

/**
 * One connector per channel account, kept while the account's record is unchanged, so its token cache lives
 * across polls and pushes (Naver hands out a token per application and rate-limits token requests). A PATCH
 * moves the record's updatedAt, and the next caller gets a connector built from the new record.
 */
export class ChannelConnectors {
  private readonly cache = new Map<string, { version: string; connector: Connector }>();

  constructor(
    readonly accounts: ChannelAccounts,
    private readonly tuning: ConnectorTuning = {},
  ) {}

  /** The connector of a record; throws when its credentials cannot be read (SecretDecryptError: another master key). */
  async forRecord(sellerId: string, record: ChannelAccountRecord): Promise<Connector> {
    const cacheKey = `${sellerId}/${record.id}`;
    const cached = this.cache.get(cacheKey);
    if (cached && cached.version === record.updatedAt) return cached.connector;
    const driver = driverFor(record.channel);
    if (!driver) throw new Error(`no connector for channel ${record.channel}`);
    const credentials = await this.accounts.credentials(sellerId, record);
    const connector = driver.connect({ account: record.id, baseUrl: baseUrlOf(record), credentials, settings: record.settings, tuning: this.tuning });
    this.cache.set(cacheKey, { version: record.updatedAt, connector });
    return connector;
  }

  /** The account and its connector, or null when the seller has no such account. */
  async forAccount(sellerId: string, accountId: string): Promise<{ record: ChannelAccountRecord; connector: Connector } | null> {
    const record = await this.accounts.get(sellerId, accountId);
    if (!record) {
      this.cache.delete(`${sellerId}/${accountId}`);
      return null;
    }
    return { record, connector: await this.forRecord(sellerId, record) };
  }
}
