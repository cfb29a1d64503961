import type { Logger } from 'pino';
import type { ListingInput } from '../../shared/catalog';
import { anyRealAccount, type ChannelAccounts } from '../channels/accounts';
import { startSmartStoreSandbox, type SandboxAccount } from '../channels/smartstore/sandbox';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store';
import type { SyncEvents } from '../sync/events';
import { tenancyKeys } from '../tenancy/redis-keys';
import type { Tenants } from '../tenancy/tenants';
import type { Workers } from '../workers';
import { DEMO_SHOPS, DEMO_SKUS } from './catalog';
import { firstOrderHints, startHints } from './hints';
import { narrate } from './narrator';
import { resetDemoSeller } from './reset';
import { seedDemoShipping, type DemoCjCustomer } from './shipping';

export interface DemoContext {
  store: Store;
  tenants: Tenants;
  secrets: SecretStore;
  workers: Workers;
  logger: Logger;
  varDir: string;
  serverUrl: string;
  sellerId: string;
  /** The demo seller's API key, for the console's curl hints. */
  apiKey: string;
  /** The CJ sandbox's customer when demo mode started one; then the demo seller issues CJ numbers from it. */
  cj: DemoCjCustomer | null;
  accounts: ChannelAccounts;
  /** The sync workers' events, narrated on the console. */
  events: SyncEvents;
  /** One line for the console. */
  say: (line: string) => void;
  /** Between generated orders on the first sandbox account (the second is a little slower). */
  orderIntervalMs: number;
  /** Runs when shutdown stops the demo, before the sandbox closes (main.ts stops the sync workers there, so no
   * poll meets a sandbox that is already gone). */
  beforeStop?: () => Promise<void>;
}

export interface DemoInfo {
  sandboxUrl: string;
  accounts: string[];
}

/** Whether any seller has a channel account that demo mode did not make; then `npm start` is not a demo. */
export async function realChannelAccountsExist(store: Store): Promise<boolean> {
  const sellerIds = await store.pool.pick().sMembers(tenancyKeys.sellerRegistry);
  return anyRealAccount(store.pool, sellerIds);
}

/** Share of generated orders whose buyer asks to cancel shortly after. */
const CANCEL_SHARE = 0.12;
/** Stock arrives now and then for a SKU running low, so the demo keeps selling (and held orders resume). */
const RESTOCK_EVERY_MS = 45_000;

/**
 * Demo mode (DESIGN "Running it"): the SmartStore sandbox on loopback with two accounts, the demo seller
 * reset and seeded (SKUs, set products, channel accounts pointing at the sandbox, listings mapped on it), and
 * buyers placing orders. The sync workers, started by main.ts like on any server, do the rest: they ingest,
 * confirm, and push stock to both accounts. Stopping the returned worker stops the buyers and the sandbox.
 */
export async function startDemo(context: DemoContext): Promise<DemoInfo> {
  const { store, sellerId, say } = context;
  await resetDemoSeller(store, sellerId);
  const sandbox = await startSmartStoreSandbox({ accounts: DEMO_SHOPS.map(() => ({})) });
  const seller = store.forSeller(sellerId, 'demo');
  const labels = new Map<string, string>();

  const skuResults = await seller.catalog.upsertSkus(DEMO_SKUS.map(({ sku, name, barcode, safety }) => ({ sku, name, ...(barcode ? { barcode } : {}), ...(safety ? { safety } : {}) })));
  const refused = skuResults.find((result) => result.status === 'error');
  if (refused) throw new Error(`demo catalog: ${JSON.stringify(refused)}`);
  const listings: ListingInput[] = [];
  for (const [index, shop] of DEMO_SHOPS.entries()) {
    const account = sandboxAccountAt(sandbox.accounts, index);
    await context.accounts.create(
      sellerId,
      { channel: 'smartstore', name: shop.name, baseUrl: sandbox.url, credentials: { clientId: account.clientId, clientSecret: account.clientSecret } },
      { id: shop.id, demo: true },
    );
    for (const product of shop.products) {
      const options = product.listings.flatMap((listing) => (listing.option ? [{ ...listing.option, stock: listing.channelStock ?? 0 }] : []));
      const created = account.createProduct({ name: product.name, ...(options.length > 0 ? { options } : { stock: product.listings[0]?.channelStock ?? 0 }) });
      product.listings.forEach((listing, position) => {
        const listingId = created.listingIds[position];
        if (!listingId) return;
        labels.set(`${shop.id}:${listingId}`, [product.name, listing.option?.name, listing.option?.name2].filter(Boolean).join(' '));
        if (!listing.components) return;
        listings.push({ channel: 'smartstore', account: shop.id, listingId, components: Object.entries(listing.components).map(([sku, qty]) => ({ sku, qty })) });
      });
    }
  }
  const mapped = await seller.catalog.upsertListings(listings);
  const mapFailure = mapped.find((result) => result.status === 'error');
  if (mapFailure) throw new Error(`demo listings: ${JSON.stringify(mapFailure)}`);
  for (const sku of DEMO_SKUS) await seller.stock.adjust(sku.sku, 'inbound', sku.onHand, undefined, 'demo-seed');
  const carrier = await seedDemoShipping(store, sellerId, context.cj);

  const hint = (orderKey: string) => {
    for (const line of firstOrderHints(context.serverUrl, context.apiKey, orderKey, carrier)) say(line);
  };
  const stopNarrating = narrate(context.events, sellerId, say, labels, hint);
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  const stopGenerators = DEMO_SHOPS.map((shop, index) => {
    const account = sandboxAccountAt(sandbox.accounts, index);
    const intervalMs = Math.round(context.orderIntervalMs * shop.pace);
    return account.startOrderGenerator({
      intervalMs,
      maxQuantity: 2,
      onOrder: (order) => {
        const lineId = order.productOrderIds[0];
        if (!lineId || Math.random() >= CANCEL_SHARE) return;
        // A buyer who changes their mind: asks to cancel, and Naver completes it a little later.
        later(intervalMs * 1.5, () => buyerCancels(account, lineId, () => later(intervalMs * 2, () => completeCancel(account, lineId))));
      },
    });
  });
  const restock = setInterval(() => {
    void restockLowest(context).catch((error: unknown) => context.logger.warn({ err: error }, 'demo restock failed'));
  }, RESTOCK_EVERY_MS);
  restock.unref();

  context.workers.add({
    name: 'demo',
    async stop() {
      for (const stop of stopGenerators) stop();
      clearInterval(restock);
      for (const timer of timers) clearTimeout(timer);
      await context.beforeStop?.();
      stopNarrating();
      await sandbox.stop();
    },
  });
  context.logger.info({ sandbox: sandbox.url, accounts: DEMO_SHOPS.map((shop) => shop.id) }, 'demo started');
  say(`  Sandbox:    ${sandbox.url} (Naver Commerce API sandbox; accounts ${DEMO_SHOPS.map((shop) => shop.id).join(', ')})`);
  say(`  Orders:     a buyer orders every ${context.orderIntervalMs / 1000} s or so; the lines below say what Sheetship does with them`);
  say(`  Waybills:   ${carrier === 'cj' ? 'carrier "cj" (numbers and bookings from the CJ sandbox)' : 'carrier "lotte" (a seeded number range)'}; a Lotte range is seeded too`);
  for (const line of startHints(context.serverUrl, context.apiKey)) say(line);
  return { sandboxUrl: sandbox.url, accounts: DEMO_SHOPS.map((shop) => shop.id) };
}

function sandboxAccountAt(accounts: readonly SandboxAccount[], index: number): SandboxAccount {
  const account = accounts[index];
  if (!account) throw new Error(`demo: sandbox account ${index} missing`);
  return account;
}

function buyerCancels(account: SandboxAccount, lineId: string, then: () => void): void {
  try {
    account.requestClaim(lineId, 'cancel', { reason: '구매 의사 취소' });
    then();
  } catch {
    // Already dispatched or claimed: this buyer keeps the order.
  }
}

function completeCancel(account: SandboxAccount, lineId: string): void {
  try {
    account.completeClaim(lineId, 'cancel');
  } catch {
    // The claim moved on meanwhile.
  }
}

async function restockLowest(context: DemoContext): Promise<void> {
  const seller = context.store.forSeller(context.sellerId, 'demo');
  const skus = await seller.catalog.getSkus(DEMO_SKUS.map((sku) => sku.sku));
  const lowest = [...skus.values()].sort((a, b) => a.available - b.available)[0];
  if (!lowest || lowest.available > 3) return;
  await seller.stock.adjust(lowest.sku, 'inbound', 6, undefined, 'demo-restock');
  context.say(`[demo] inbound  ${lowest.sku} +6 (held orders waiting for it are tried again)`);
}
