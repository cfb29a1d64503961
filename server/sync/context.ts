import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChannelAccounts } from '../channels/accounts';
import type { ChannelConnectors } from '../channels/connectors';
import type { Store } from '../store';
import type { SyncEvents } from './events';

/** Everything the sync workers share. */
export interface SyncContext {
  store: Store;
  accounts: ChannelAccounts;
  connectors: ChannelConnectors;
  events: SyncEvents;
  logger: Logger;
  options: SyncOptions;
}

export interface SyncOptions {
  /** Names this server instance in leases and the outbox consumer group. */
  instanceId: string;
  /** Between polls of an account that is caught up (an account's settings may override it). */
  pollIntervalMs: number;
  /** How long a poller's lease lives without renewal; another instance takes over after it. */
  leaseMs: number;
  /** How often sellers and their channel accounts are listed to start and stop workers. */
  discoverMs: number;
  /** The sellers to serve; every provisioned seller by default (the registry set). */
  sellerIds?: () => Promise<string[]>;
  /** Poll accounts demo mode made (they point at a sandbox that only lives while demo mode runs). */
  demoAccounts: boolean;
  /** Poll errors back off from base to max; an account refused for auth or IP waits blockedRetryMs. */
  backoff: { baseMs: number; maxMs: number };
  blockedRetryMs: number;
  /** Consecutive failed polls before a SYNC_ERROR alert. */
  alertAfterFailures: number;
  outbox: {
    group: string;
    batch: number;
    /** An idle seller's outbox is read again after idleMinMs, doubling up to idleMaxMs while it stays empty. */
    idleMinMs: number;
    idleMaxMs: number;
    /** Entries another consumer took and did not acknowledge for this long are claimed (XAUTOCLAIM). */
    claimIdleMs: number;
  };
  /** Retries of a failed stock push or tracking dispatch, and the attempt that raises an alert. */
  push: { retryBaseMs: number; retryMaxMs: number; alertAfterAttempts: number };
  dispatch: { retryBaseMs: number; retryMaxMs: number; alertAfterAttempts: number };
  /** Failed 발주확인 attempts of one order before it is left to the seller with an alert. */
  confirmMaxAttempts: number;
  /** How long stop() waits for work in flight. */
  stopTimeoutMs: number;
}

export type SyncOptionsInput = Partial<Omit<SyncOptions, 'backoff' | 'outbox' | 'push' | 'dispatch'>> & {
  backoff?: Partial<SyncOptions['backoff']>;
  outbox?: Partial<SyncOptions['outbox']>;
  push?: Partial<SyncOptions['push']>;
  dispatch?: Partial<SyncOptions['dispatch']>;
};

export const DEFAULT_POLL_INTERVAL_MS = 10_000;
export const DEFAULT_OUTBOX_GROUP = 'sheetship-sync';

export function newInstanceId(): string {
  return `${hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40)}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export function syncOptions(input: SyncOptionsInput = {}): SyncOptions {
  return {
    instanceId: input.instanceId ?? newInstanceId(),
    pollIntervalMs: input.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    leaseMs: input.leaseMs ?? 30_000,
    discoverMs: input.discoverMs ?? 2_000,
    ...(input.sellerIds ? { sellerIds: input.sellerIds } : {}),
    demoAccounts: input.demoAccounts ?? false,
    backoff: { baseMs: 2_000, maxMs: 5 * 60_000, ...input.backoff },
    blockedRetryMs: input.blockedRetryMs ?? 10 * 60_000,
    alertAfterFailures: input.alertAfterFailures ?? 5,
    outbox: { group: DEFAULT_OUTBOX_GROUP, batch: 200, idleMinMs: 50, idleMaxMs: 500, claimIdleMs: 30_000, ...input.outbox },
    push: { retryBaseMs: 2_000, retryMaxMs: 5 * 60_000, alertAfterAttempts: 5, ...input.push },
    dispatch: { retryBaseMs: 5_000, retryMaxMs: 10 * 60_000, alertAfterAttempts: 3, ...input.dispatch },
    confirmMaxAttempts: input.confirmMaxAttempts ?? 5,
    stopTimeoutMs: input.stopTimeoutMs ?? 5_000,
  };
}
