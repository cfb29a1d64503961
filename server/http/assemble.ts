import type Koa from 'koa';
import pino, { type DestinationStream, type Logger } from 'pino';
import { ChannelAccounts } from '../channels/accounts';
import { ChannelConnectors } from '../channels/connectors';
import type { ConnectorTuning } from '../channels/registry';
import { deriveKey } from '../secrets/master-key';
import { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store';
import { createClaimCheck, type ClaimCheck } from '../sync/claim-check';
import { DEFAULT_OUTBOX_GROUP, DEFAULT_POLL_INTERVAL_MS } from '../sync/context';
import type { RateLimit } from '../tenancy/key-checks';
import { Tenants } from '../tenancy/tenants';
import { DEFAULT_SHIPPING_OPTIONS, ShippingRuntime, type ShippingOptions } from '../waybills/runtime';
import { CJ_HOSTS } from '../carriers/cj/spec';
import { createApp } from './app';
import type { AppContext, AppDeps, AppState } from './context';
import { HttpMetrics } from './metrics';

export interface AssembleOptions {
  store: Store;
  masterKey: Buffer;
  adminKey: string;
  rateLimit: RateLimit;
  bodyLimit: string;
  trustProxy: boolean;
  logger: Logger;
  clock?: () => Date;
  /** Waybill and label options; CJ's production host and the defaults when absent. */
  shipping?: Partial<ShippingOptions>;
  /** Replaces the channel claim check (tests inject a claim source). */
  claimCheck?: ClaimCheck;
  /** Channel connectors' transport knobs (tests shorten timeouts and backoff). */
  connectorTuning?: ConnectorTuning;
  /** The sync workers' poll interval and outbox group, as GET /v1/sync/status reports them. */
  sync?: { pollIntervalMs?: number; outboxGroup?: string };
}

export interface AssembledApp {
  app: Koa<AppState, AppContext>;
  deps: AppDeps;
  /** From now on answers carry `Connection: close`. */
  beginShutdown(): void;
}

/**
 * Fields that must never reach a log line, whatever a caller passes: keys, secrets and buyer data. Exact
 * paths only: a wildcard path makes every log call three times dearer, and request lines are composed
 * field by field anyway.
 */
const REDACT = ['apiKey', 'adminKey', 'authorization', 'headers.authorization', 'receiver', 'order.receiver', 'secret', 'secrets', 'password'];

/**
 * A logger writing JSON lines to a file descriptor or path (stdout by default), or to a stream. Lines to a
 * descriptor or path are buffered and written in batches (one write per 4 KB, or every 250 ms), which keeps
 * a system call off every request; `logger.flush()` empties the buffer, as shutdown does.
 */
export function createLogger(level: string, target: number | string | DestinationStream = 1): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'sheetship' } };
  if (typeof target !== 'number' && typeof target !== 'string') return pino(options, target);
  const destination = pino.destination({ dest: target, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), 250).unref();
  return pino(options, destination);
}

function shippingClock(clock: (() => Date) | undefined): () => number {
  return clock ? () => clock().getTime() : Date.now;
}

/** The app and everything it depends on, from the store and the keys. main.ts and the tests both start here. */
export function assembleApp(options: AssembleOptions): AssembledApp {
  const tenants = new Tenants(options.store.pool, deriveKey(options.masterKey, 'api-key-hash'), options.rateLimit, options.clock);
  let shuttingDown = false;
  const secrets = new SecretStore(options.store.pool, options.masterKey);
  const channelAccounts = new ChannelAccounts(options.store.pool, secrets, options.clock);
  const connectors = new ChannelConnectors(channelAccounts, options.connectorTuning);
  const deps: AppDeps = {
    store: options.store,
    tenants,
    secrets,
    adminKey: options.adminKey,
    logger: options.logger,
    metrics: new HttpMetrics({ pool: options.store.pool, sellerIds: () => tenants.sellerIds() }),
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    shuttingDown: () => shuttingDown,
    shipping: new ShippingRuntime(
      options.store,
      { cjBaseUrl: CJ_HOSTS.prod, ...DEFAULT_SHIPPING_OPTIONS, ...options.shipping },
      deriveKey(options.masterKey, 'label-link'),
      shippingClock(options.clock),
      secrets,
    ),
    channelAccounts,
    connectors,
    claimCheck: options.claimCheck ?? createClaimCheck({ store: options.store, accounts: channelAccounts, connectors }),
    sync: {
      pollIntervalMs: options.sync?.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      outboxGroup: options.sync?.outboxGroup ?? DEFAULT_OUTBOX_GROUP,
    },
  };
  return {
    app: createApp(deps),
    deps,
    beginShutdown() {
      shuttingDown = true;
    },
  };
}
