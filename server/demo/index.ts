import type { Logger } from 'pino';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store';
import type { Tenants } from '../tenancy/tenants';
import type { Workers } from '../workers';

export interface DemoContext {
  store: Store;
  tenants: Tenants;
  secrets: SecretStore;
  workers: Workers;
  logger: Logger;
  varDir: string;
  serverUrl: string;
  sellerId: string;
}

/**
 * Whether a real channel account is configured; until channel accounts exist (a later issue) there are none,
 * so `npm start` runs in demo mode unless SHEETSHIP_DEMO=0.
 */
export async function realChannelAccountsExist(_store: Store): Promise<boolean> {
  return false;
}

/**
 * The seam for demo mode: the channel sandboxes, the seeded catalog and listings, and the order flow start
 * here (a later issue). Workers it starts go into `context.workers`, so shutdown stops them.
 */
export async function startDemo(_context: DemoContext): Promise<void> {}
