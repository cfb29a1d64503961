import { carrierCode, type CarrierCodeChannel, type CarrierId } from '../../../shared/carriers';
import { AccountIdSchema } from '../../../shared/ids';
import type { ChannelClaim, ChannelOrder, Connector, LineOutcome, PollResult, Shipment, StockOutcome, StockUpdate } from '../connector';
import { MAX_QUERY_IDS, NaverCommerceClient, type NaverClientOptions } from './client';
import { DEFAULT_FEED, readFeed, type FeedOptions } from './feed';
import { claimsOf, mapOrders } from './map';
import { chunk, confirmLines, dispatchShipments, readLines } from './orders';
import { DEFAULT_STOCK, pushStock, type StockOptions } from './stock';
import { systemClock } from './transport';

/**
 * One SmartStore account as a Connector (server/channels/connector.ts). It keeps no state beyond the token
 * cache and quota pauses; cursors, retries across polls and idempotency of ingest belong to the sync workers.
 */

export interface SmartStoreConnectorOptions extends NaverClientOptions {
  /** Sheetship's id of this channel account: the `account` part of order keys and listings. */
  account: string;
  feed?: Partial<FeedOptions>;
  stock?: Partial<StockOptions>;
  /** The seller's carrier-code overrides (settings.channelCarrierCodes), used when a shipment names no code. */
  carrierCodeOverrides?: Partial<Record<CarrierCodeChannel, Partial<Record<CarrierId, string>>>>;
}

export interface SmartStoreConnector extends Connector {
  readonly account: string;
  readonly client: NaverCommerceClient;
  fetchOrders(lineIds: string[]): Promise<ChannelOrder[]>;
}

const ADDRESS_CHANGE = 'DELIVERY_ADDRESS_CHANGED';

export function createSmartStoreConnector(options: SmartStoreConnectorOptions): SmartStoreConnector {
  const account = AccountIdSchema.parse(options.account);
  if (!options.clientId.trim()) throw new Error('smartstore connector: clientId is empty');
  if (!options.clientSecret.trim()) throw new Error('smartstore connector: clientSecret is empty');
  const client = new NaverCommerceClient(options);
  const clock = options.clock ?? systemClock;
  const feed: FeedOptions = { ...DEFAULT_FEED, ...options.feed };
  const stock: StockOptions = { ...DEFAULT_STOCK, ...options.stock };

  async function details(lineIds: readonly string[]): Promise<unknown[]> {
    const entries: unknown[] = [];
    for (const ids of chunk([...new Set(lineIds)], MAX_QUERY_IDS)) entries.push(...(await client.productOrders(ids)));
    return entries;
  }

  return {
    channel: 'smartstore',
    account,
    client,

    async pollOrders(cursor: string | null, since: Date): Promise<PollResult> {
      const page = await readFeed(client, cursor, since, clock.now(), feed);
      const addressChanged = new Set(page.rows.filter((row) => row.lastChangedType === ADDRESS_CHANGE || row.receiverAddressChanged === true).map((row) => row.orderId));
      const lineIds = page.rows.map((row) => row.productOrderId);
      const mapped = lineIds.length === 0 ? { orders: [], unreadable: [] } : mapOrders(account, await details(lineIds), addressChanged);
      return {
        orders: mapped.orders,
        ...(mapped.unreadable.length > 0 ? { unreadable: mapped.unreadable } : {}),
        cursor: page.cursor,
        more: page.more,
      };
    },

    confirm(lineIds: string[]): Promise<LineOutcome[]> {
      return confirmLines(client, lineIds);
    },

    dispatch(shipments: Shipment[]): Promise<LineOutcome[]> {
      const withCodes = shipments.map((shipment) => ({
        ...shipment,
        carrierCode: shipment.carrierCode.trim() || (carrierCode(shipment.carrier, 'smartstore', options.carrierCodeOverrides) ?? ''),
      }));
      return dispatchShipments(client, withCodes);
    },

    setStock(updates: StockUpdate[]): Promise<StockOutcome[]> {
      return pushStock(client, updates, stock);
    },

    async fetchClaims(lineIds: string[]): Promise<ChannelClaim[]> {
      const current = await readLines(client, lineIds);
      return [...current.values()].flatMap(claimsOf);
    },

    async fetchOrders(lineIds: string[]): Promise<ChannelOrder[]> {
      return mapOrders(account, await details(lineIds)).orders;
    },
  };
}
