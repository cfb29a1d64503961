import type { ChannelAccountRecord } from '../channels/accounts';
import { ChannelError, type Connector } from '../channels/connector';
import type { SellerStore } from '../store';
import { confirmPending } from './confirm';
import type { SyncContext } from './context';
import { ingestPoll } from './ingest';
import type { SyncStatusBook } from './status';
import { backoffMs, sleep } from './timing';

/**
 * The poller of one channel account. Every instance runs one per account, but only the one holding the
 * account's lease polls; the others try to take the lease now and then, and one of them takes over once a
 * dead holder's lease expires. Each poll reads the feed from the stored cursor, ingests (idempotent), then
 * writes the cursor fenced by the lease token: a holder that lost its lease cannot move the cursor.
 *
 * Errors back off. An account refused for its credentials or for Naver's IP allow-list raises CHANNEL_ERROR
 * and waits for the seller (`blockedRetryMs`, or until the account is edited, which restarts its poller);
 * other failures raise SYNC_ERROR after `alertAfterFailures` in a row. A success closes both.
 */

class LeaseLostError extends Error {}

export class AccountPoller {
  private readonly abort = new AbortController();
  private running: Promise<void> | null = null;
  private token: number | null = null;
  private firstWrite = true;
  private heartbeat: NodeJS.Timeout | null = null;
  private unreadableLogged = false;

  constructor(
    private readonly ctx: SyncContext,
    private readonly status: SyncStatusBook,
    readonly sellerId: string,
    readonly accountId: string,
    /** Called after a poll ingested something, so the outbox is read at once. */
    private readonly onIngest: () => void,
  ) {}

  private get seller(): SellerStore {
    return this.ctx.store.forSeller(this.sellerId, 'sync');
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Stops polling and gives the lease back, so another instance takes over at once. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.stopHeartbeat();
    const token = this.token;
    this.token = null;
    if (token !== null) {
      try {
        if (await this.seller.sync.releaseLease(this.accountId, token)) this.emitLease('released', token);
      } catch (error) {
        this.ctx.logger.warn({ seller: this.sellerId, account: this.accountId, err: error }, 'could not release the lease; it expires by itself');
      }
    }
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      let record: ChannelAccountRecord | null = null;
      try {
        record = await this.ctx.accounts.get(this.sellerId, this.accountId);
        if (!record) return;
        const connector = await this.connector(record);
        if (!connector) {
          await sleep(this.ctx.options.discoverMs, signal);
          continue;
        }
        if (!(await this.holdLease(record))) {
          await sleep(this.acquireRetryMs(record), signal);
          continue;
        }
        const more = await this.pollOnce(record, connector);
        failures = 0;
        if (!more) await sleep(this.intervalMs(record), signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof LeaseLostError) {
          this.lostLease();
          continue;
        }
        failures += 1;
        await sleep(await this.failed(record, error, failures), signal);
      }
    }
  }

  private intervalMs(record: ChannelAccountRecord): number {
    return record.settings.pollIntervalSeconds !== undefined ? record.settings.pollIntervalSeconds * 1000 : this.ctx.options.pollIntervalMs;
  }

  private acquireRetryMs(record: ChannelAccountRecord): number {
    return Math.max(100, Math.min(this.intervalMs(record), this.ctx.options.leaseMs / 3));
  }

  /** The account's connector, or null when its credentials cannot be read here (another master key): then this
   * instance must not take the lease, or it would keep the account from an instance that can poll it. */
  private async connector(record: ChannelAccountRecord): Promise<Connector | null> {
    try {
      const connector = await this.ctx.connectors.forRecord(this.sellerId, record);
      this.unreadableLogged = false;
      return connector;
    } catch (error) {
      if (!this.unreadableLogged) this.ctx.logger.error({ seller: this.sellerId, account: record.id, err: error }, 'channel account credentials unreadable here; not polling it');
      this.unreadableLogged = true;
      return null;
    }
  }

  private async holdLease(record: ChannelAccountRecord): Promise<boolean> {
    if (this.token !== null) return true;
    const lease = await this.seller.sync.acquireLease(record.id, this.ctx.options.instanceId, this.ctx.options.leaseMs);
    if (lease.status !== 'acquired' && lease.status !== 'renewed') return false;
    this.token = lease.token;
    this.firstWrite = true;
    this.emitLease('acquired', lease.token);
    this.startHeartbeat();
    return true;
  }

  /** Renews the lease a few times per lifetime, also while a slow poll runs. */
  private startHeartbeat(): void {
    this.stopHeartbeat();
    const every = Math.max(50, Math.floor(this.ctx.options.leaseMs / 3));
    this.heartbeat = setInterval(() => {
      const token = this.token;
      if (token === null) return;
      this.seller.sync
        .renewLease(this.accountId, this.ctx.options.instanceId, token, this.ctx.options.leaseMs)
        .then((lease) => {
          if (lease.status === 'lost' && this.token === token) this.lostLease();
        })
        .catch((error: unknown) => this.ctx.logger.warn({ seller: this.sellerId, account: this.accountId, err: error }, 'lease renewal failed'));
    }, every);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private lostLease(): void {
    const token = this.token;
    this.token = null;
    this.stopHeartbeat();
    if (token !== null) this.emitLease('lost', token);
  }

  private emitLease(state: 'acquired' | 'lost' | 'released', token: number): void {
    this.ctx.events.emit({ type: 'lease', sellerId: this.sellerId, account: this.accountId, state, token });
  }

  /** One poll; true when the channel has more waiting right now. */
  private async pollOnce(record: ChannelAccountRecord, connector: Connector): Promise<boolean> {
    const token = this.token;
    if (token === null) throw new LeaseLostError();
    const seller = this.seller;
    await this.status.pollStarted(this.sellerId, record.id);
    const stored = await seller.sync.readCursor(record.id);
    const lookbackMs = (record.settings.lookbackHours ?? 24) * 3_600_000;
    const result = await connector.pollOrders(stored.cursor, new Date(Date.parse(record.createdAt) - lookbackMs));
    const autoConfirm = record.settings.autoConfirm ?? (await seller.settings.get()).autoConfirm;
    const summary = await ingestPoll(this.ctx, seller, record, result, autoConfirm);
    if (summary.created + summary.updated > 0) this.onIngest();
    const write = await seller.sync.writeCursor(record.id, token, result.cursor);
    if (!write.written) throw new LeaseLostError();
    if (this.firstWrite) this.ctx.events.emit({ type: 'cursor', sellerId: this.sellerId, account: record.id, token, first: true });
    this.firstWrite = false;
    const failuresBefore = await this.status.pollSucceeded(this.sellerId, record.id, summary.created);
    if (failuresBefore > 0) {
      await seller.alerts.close('CHANNEL_ERROR', subjectOf(record));
      await seller.alerts.close('SYNC_ERROR', subjectOf(record));
    }
    if (autoConfirm) {
      try {
        await confirmPending(this.ctx, seller, record, connector);
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        this.ctx.logger.warn({ seller: this.sellerId, account: record.id, err: error.message }, 'auto-confirm failed; retried at the next poll');
      }
    }
    return result.more;
  }

  /** Records the failure, raises the alert it calls for, and returns how long to wait. */
  private async failed(record: ChannelAccountRecord | null, error: unknown, failures: number): Promise<number> {
    const { backoff, blockedRetryMs, alertAfterFailures } = this.ctx.options;
    const kind = error instanceof ChannelError ? error.kind : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    const blocked = blocksAccount(kind);
    let wait = backoffMs(failures, Math.min(backoff.baseMs, record ? this.intervalMs(record) : backoff.baseMs), backoff.maxMs);
    if (blocked) wait = blockedRetryMs;
    else if (error instanceof ChannelError && error.kind === 'quota' && error.retryAfterMs !== undefined) wait = Math.max(wait, error.retryAfterMs);
    this.ctx.events.emit({ type: 'poll-error', sellerId: this.sellerId, account: this.accountId, kind, message, retryInMs: wait });
    this.ctx.logger[kind === 'internal' ? 'error' : 'warn']({ seller: this.sellerId, account: this.accountId, kind, err: message, retryInMs: wait }, 'poll failed');
    if (!record) return wait;
    try {
      const inARow = await this.status.pollFailed(this.sellerId, record.id, { kind, message, blocked });
      if (blocked) await raiseChannelError(this.seller, record, kind, message, inARow);
      else if (inARow >= alertAfterFailures) await this.seller.alerts.raise('SYNC_ERROR', 'warning', subjectOf(record), channelAlertDetail(record, kind, message, inARow));
    } catch (statusError) {
      this.ctx.logger.error({ seller: this.sellerId, account: this.accountId, err: statusError }, 'could not record the poll failure');
    }
    return wait;
  }
}

/** Alerts about a channel account name it as `channel:account`. */
export function subjectOf(record: Pick<ChannelAccountRecord, 'channel' | 'id'>): string {
  return `${record.channel}:${record.id}`;
}

/** Failure kinds that refuse the account, not the data: the seller must fix credentials or the allow-list. */
export function blocksAccount(kind: string): boolean {
  return kind === 'auth' || kind === 'ip_not_allowed';
}

function channelAlertDetail(record: Pick<ChannelAccountRecord, 'channel' | 'id'>, kind: string, message: string, failures: number) {
  return { account: record.id, channel: record.channel, kind, message: message.slice(0, 500), failures };
}

/** CHANNEL_ERROR: the channel refuses the account (blocksAccount), whether polling or sending tracking met it. */
export async function raiseChannelError(seller: SellerStore, record: Pick<ChannelAccountRecord, 'channel' | 'id'>, kind: string, message: string, failures: number): Promise<void> {
  await seller.alerts.raise('CHANNEL_ERROR', 'critical', subjectOf(record), channelAlertDetail(record, kind, message, failures));
}
