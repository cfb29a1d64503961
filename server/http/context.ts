import type { RouterContext } from '@koa/router';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { Language } from '../../shared/messages';
import type { ChannelAccounts } from '../channels/accounts';
import type { ChannelConnectors } from '../channels/connectors';
import type { SecretStore } from '../secrets/secret-store';
import type { SellerStore, Store } from '../store';
import type { ClaimCheck } from '../sync/claim-check';
import type { Principal, Tenants } from '../tenancy/tenants';
import type { ShippingRuntime } from '../waybills/runtime';
import type { HttpMetrics } from './metrics';

/** What each request carries from middleware to handler. */
export interface AppState {
  requestId: string;
  language: Language;
  /** Set by the seller auth middleware: the caller and the store acting as its key's label. */
  principal?: Principal;
  seller?: SellerStore;
}

export type AppContext = RouterContext<AppState>;
export type AppMiddleware = Middleware<AppState, AppContext>;

/** Everything the app needs from outside; tests build one against the test Redis. */
export interface AppDeps {
  store: Store;
  tenants: Tenants;
  /** Channel credentials and other per-seller secrets, encrypted at rest. */
  secrets: SecretStore;
  adminKey: string;
  logger: Logger;
  metrics: HttpMetrics;
  /** Largest JSON body, as "4mb". */
  bodyLimit: string;
  trustProxy: boolean;
  /** True once shutdown began: answers say `Connection: close` so clients move on. */
  shuttingDown: () => boolean;
  /** Waybills, labels and scans: options, CJ clients, the labels-link key. */
  shipping: ShippingRuntime;
  /** The seller's channel accounts (credentials in `secrets`). */
  channelAccounts: ChannelAccounts;
  /** One connector per channel account, shared by the routes and the sync workers. */
  connectors: ChannelConnectors;
  /** Reads claims from the channels right before shipping (server/sync/claim-check.ts); throws ClaimCheckError. */
  claimCheck: ClaimCheck;
  /** What GET /v1/sync/status reports against. */
  sync: { pollIntervalMs: number; outboxGroup: string };
}
