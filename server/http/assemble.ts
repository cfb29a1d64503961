import type Koa from 'koa';
import pino, { type DestinationStream, type Logger } from 'pino';
import { deriveKey } from '../secrets/master-key';
import type { Store } from '../store';
import { Tenants } from '../tenancy/tenants';
import { createApp } from './app';
import type { AppContext, AppDeps, AppState } from './context';
import { HttpMetrics } from './metrics';

export interface AssembleOptions {
  store: Store;
  masterKey: Buffer;
  adminKey: string;
  rateLimit: { limit: number; windowSeconds: number };
  bodyLimit: string;
  trustProxy: boolean;
  logger: Logger;
  clock?: () => Date;
}

export interface AssembledApp {
  app: Koa<AppState, AppContext>;
  deps: AppDeps;
  /** From now on answers carry `Connection: close`. */
  beginShutdown(): void;
}

/** Fields that must never reach a log line, whatever a caller passes: keys, secrets and buyer data. */
const REDACT = [
  'apiKey',
  '*.apiKey',
  'adminKey',
  '*.adminKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'receiver',
  '*.receiver',
  'secret',
  '*.secret',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'sheetship' } };
  return destination ? pino(options, destination) : pino(options);
}

/** The app and everything it depends on, from the store and the keys. main.ts and the tests both start here. */
export function assembleApp(options: AssembleOptions): AssembledApp {
  const tenants = new Tenants(options.store.pool, deriveKey(options.masterKey, 'api-key-hash'), options.rateLimit, options.clock);
  let shuttingDown = false;
  const deps: AppDeps = {
    store: options.store,
    tenants,
    adminKey: options.adminKey,
    logger: options.logger,
    metrics: new HttpMetrics({ pool: options.store.pool, sellerIds: () => tenants.sellerIds() }),
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    shuttingDown: () => shuttingDown,
  };
  return {
    app: createApp(deps),
    deps,
    beginShutdown() {
      shuttingDown = true;
    },
  };
}
