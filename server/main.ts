// Process entry: config, Redis, the HTTP API, demo mode, and a graceful shutdown on SIGTERM and SIGINT.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { loadConfig, type Config } from './config';
import { realChannelAccountsExist, startDemo } from './demo';
import { assembleApp, createLogger } from './http/assemble';
import { listen } from './http/server';
import { RedisBinaryMissingError } from './redis/launch';
import { persistenceWarnings, selectRedis } from './redis/select';
import { keptSecret, MasterKeyMissingError, resolveMasterKey } from './secrets/master-key';
import { Store } from './store';
import { DEFAULT_POLL_INTERVAL_MS, startSync, SyncEvents, type SyncService } from './sync';
import { ensureDemoSeller } from './tenancy/demo-seller';
import { Workers } from './workers';
import { startShippingWorker } from './alerts/worker';
import { startVoidWorker } from './waybills/void-worker';
import { CJ_SANDBOX_DEFAULT_CUSTOMER, startCjSandbox } from './carriers/cj/sandbox';
import { startRetentionWorker } from './retention/worker';

/** The customer the CJ sandbox knows by default; demo mode seeds the demo seller's CJ contract with it. */
const DEMO_CJ = { customerCode: CJ_SANDBOX_DEFAULT_CUSTOMER.customerId, businessNumber: CJ_SANDBOX_DEFAULT_CUSTOMER.businessNumber };

/** A start-up problem the operator fixes: printed as one line, exit code 1. */
class StartupError extends Error {}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function hideCredentials(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

function adminKeyOf(config: Config): { key: string; where: string } {
  if (config.adminKey) return { key: config.adminKey, where: 'SHEETSHIP_ADMIN_KEY (environment)' };
  const path = join(config.varDir, 'admin-key');
  return { key: keptSecret(path, () => randomBytes(32).toString('base64url')).value, where: path };
}

/** Closers run last-in first-out: HTTP drains, then workers stop, then Redis connections close, then Redis. */
class Closers {
  private readonly stack: (() => Promise<unknown>)[] = [];

  push(closer: () => Promise<unknown>): void {
    this.stack.push(closer);
  }

  async run(logger: Logger): Promise<void> {
    for (let closer = this.stack.pop(); closer; closer = this.stack.pop()) {
      try {
        await closer();
      } catch (error) {
        logger.error({ err: error }, 'a step of shutdown failed');
      }
    }
  }
}

/** Closes the connections, waiting for replies in flight; a Redis that went away cannot reply, so give up then. */
async function closeStore(store: Store, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  const gaveUpWaiting = await Promise.race([store.close().then(() => false), gaveUp]);
  clearTimeout(timer);
  if (gaveUpWaiting) for (const client of store.pool.clients) client.destroy();
}

/** Log lines are written in batches; nothing may be left in the buffer when the process exits. */
function flushed(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}

function onSignals(stop: (signal: string) => void): void {
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function run(config: Config, logger: Logger, closers: Closers): Promise<void> {
  const redis = await selectRedis({ redisUrl: config.redisUrl, localPort: config.localRedisPort, varDir: config.varDir });
  closers.push(() => redis.stop());
  const store = await Store.open(redis.url, { connections: config.redisConnections }).catch((error: unknown) => {
    throw new StartupError(`cannot use Redis at ${hideCredentials(redis.url)}: ${error instanceof Error ? error.message : String(error)}`);
  });
  closers.push(() => closeStore(store, config.shutdownTimeoutMs));
  const warnings = redis.source === 'embedded' ? [] : await persistenceWarnings(store.pool.pick());
  for (const warning of warnings) logger.warn({ redis: redis.source }, warning);

  const demo = config.demo === 'on' || (config.demo === 'auto' && !(await realChannelAccountsExist(store)));
  const admin = adminKeyOf(config);
  // Demo mode talks to a CJ sandbox on loopback unless a CJ host is configured (its default customer: DEMO_CJ).
  const cjSandbox = demo && !config.shipping.cjUrl ? await startCjSandbox() : null;
  if (cjSandbox) closers.push(() => cjSandbox.stop());
  const cjUrl = config.shipping.cjUrl ?? cjSandbox?.url;
  // Demo mode polls every second, so what a buyer does on the sandbox shows at once.
  const pollIntervalMs = config.sync.pollIntervalMs ?? (demo ? 1000 : DEFAULT_POLL_INTERVAL_MS);
  const assembled = assembleApp({
    store,
    masterKey: resolveMasterKey(config.masterKey, config.varDir, demo),
    adminKey: admin.key,
    rateLimit: config.rateLimit,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    logger,
    shipping: {
      ...(cjUrl ? { cjBaseUrl: cjUrl } : {}),
      issueLeaseMs: config.shipping.issueLeaseMs,
      labelUrlTtlMs: config.shipping.labelLinkMs,
      cjSaveDelayMs: config.shipping.cjSaveDelayMs,
    },
    sync: { pollIntervalMs },
  });
  const workers = new Workers();
  closers.push(async () => assembled.deps.tenants.close());
  closers.push(async () => {
    for (const failure of await workers.stopAll()) logger.error({ worker: failure.name, err: failure.error }, 'worker did not stop cleanly');
  });
  // Settles CJ issuances a crash left behind (at once, then every round) and derives the time-based alerts.
  workers.add(startShippingWorker({ runtime: assembled.deps.shipping, sellerIds: () => assembled.deps.tenants.sellerIds(), intervalMs: config.shipping.upkeepIntervalMs, logger }));
  // Ledger and outbox trimming and buyer data erasure; safe to run on every instance at once.
  const { intervalMs: retentionIntervalMs, ...retentionPolicy } = config.retention;
  workers.add(
    startRetentionWorker({
      store,
      sellerIds: () => assembled.deps.tenants.sellerIds(),
      policy: retentionPolicy,
      intervalMs: retentionIntervalMs,
      logger,
      registry: assembled.deps.metrics.registry,
    }),
  );
  // Voids owed to the carrier: cancelled orders' waybills (a channel claim queues them), and retries.
  workers.add(startVoidWorker({ runtime: assembled.deps.shipping, sellerIds: () => assembled.deps.tenants.sellerIds(), intervalMs: config.shipping.voidIntervalMs, logger }));
  const running = await listen(assembled.app, config.host, config.port);
  closers.push(() => running.close(config.shutdownTimeoutMs));

  let stopping = false;
  onSignals((signal) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal during shutdown: exiting now');
      logger.flush();
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    assembled.beginShutdown();
    void closers.run(logger).then(async () => {
      logger.info('stopped');
      await flushed(logger);
      process.exit(0);
    });
  });

  logger.info({ url: running.url, pid: process.pid, redis: redis.source, demo }, 'listening');
  say(`Sheetship sync server listening on ${running.url}`);
  say(`  Redis:      ${hideCredentials(redis.url)} (${redis.description})`);
  for (const warning of warnings) say(`  Warning:    ${warning}`);
  say(`  Admin key:  ${admin.where}`);
  const { deps } = assembled;
  const events = new SyncEvents();
  let sync: SyncService | null = null;
  if (demo) {
    const seller = await ensureDemoSeller(deps.tenants, config.varDir);
    say(`  Demo mode:  on (SHEETSHIP_DEMO=0 turns it off); demo seller "${seller.sellerId}", key kept in ${join(config.varDir, 'demo-seller.json')}`);
    say(`  Demo key:   ${seller.apiKey}`);
    if (cjSandbox) say(`  CJ sandbox: ${cjSandbox.url} (customer code ${DEMO_CJ.customerCode}, business number ${DEMO_CJ.businessNumber})`);
    await startDemo({
      store,
      tenants: deps.tenants,
      secrets: deps.secrets,
      workers,
      logger,
      varDir: config.varDir,
      serverUrl: running.url,
      sellerId: seller.sellerId,
      apiKey: seller.apiKey,
      cj: cjSandbox ? DEMO_CJ : null,
      accounts: deps.channelAccounts,
      events,
      say,
      orderIntervalMs: config.demoOrderIntervalMs,
      beforeStop: async () => sync?.stop(),
    });
  }
  // After the demo is seeded, so the first discovery already finds its accounts.
  if (config.sync.enabled) {
    sync = startSync({ store, tenants: deps.tenants, accounts: deps.channelAccounts, connectors: deps.connectors, logger, events }, { pollIntervalMs, leaseMs: config.sync.leaseMs, demoAccounts: demo });
    workers.add(sync);
    logSyncEvents(events, logger);
  }
  say(`  API:        ${running.url}/v1/openapi.json`);
}

/** Lease changes, first cursor writes and ingests go to the log; the rest is visible through /v1/sync/status. */
function logSyncEvents(events: SyncEvents, logger: Logger): void {
  events.on((event) => {
    if (event.type === 'lease') logger.info({ seller: event.sellerId, account: event.account, token: event.token }, `lease ${event.state}`);
    else if (event.type === 'cursor') logger.info({ seller: event.sellerId, account: event.account, token: event.token }, 'first cursor write under this lease');
    else if (event.type === 'ingested' && !event.replay) logger.info({ seller: event.sellerId, account: event.account, key: event.key, status: event.status, created: event.created }, 'order ingested');
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    say(`sheetship: config: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const closers = new Closers();
  try {
    await run(config, logger, closers);
  } catch (error) {
    // Nothing may outlive a failed start: not the listener, not the connections, not a redis-server we launched.
    await closers.run(logger);
    await flushed(logger);
    if (error instanceof StartupError || error instanceof RedisBinaryMissingError || error instanceof MasterKeyMissingError) say(`sheetship: ${error.message}`);
    else say(`sheetship: start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}

await main();
