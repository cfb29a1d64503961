import { MAX_PAGE } from '../../shared/api/common';
import type { ListListingsResponseSchema, ListSkusResponseSchema } from '../../shared/api/catalog';
import type { ListOrdersResponse } from '../../shared/api/orders';
import { API } from '../../shared/api/routes';
import type { Listing, Sku } from '../../shared/catalog';
import type { Channel } from '../../shared/ids';
import type { Order } from '../../shared/order';
import type { SheetData } from '../../shared/sheets/data';
import { contentHash } from '../../shared/sheets/hash';
import type { SheetSource } from '../sheets/refresh';
import type { ApiClient } from './client';
import type { z } from 'zod';

type SkuPage = z.output<typeof ListSkusResponseSchema>;
type ListingPage = z.output<typeof ListListingsResponseSchema>;

/**
 * The refresh cursor, kept by refreshSheets in document properties: the orders' sync token, and a hash of
 * the catalog (SKUs and listings have no "changed since" query, so an incremental refresh sends them only
 * when their content changed since the last refresh).
 */
interface Cursor {
  orders: string | null;
  catalog: string | null;
}

export function decodeCursor(text: string | null): Cursor {
  if (!text) return { orders: null, catalog: null };
  try {
    const parsed = JSON.parse(text) as { o?: unknown; c?: unknown };
    return { orders: typeof parsed.o === 'string' ? parsed.o : null, catalog: typeof parsed.c === 'string' ? parsed.c : null };
  } catch {
    return { orders: null, catalog: null };
  }
}

export function encodeCursor(cursor: Cursor): string {
  return JSON.stringify({ o: cursor.orders, c: cursor.catalog });
}

/** `first` and every page after it, following `nextCursor` until the server says there is no more. */
function allPages<P extends { nextCursor: string | null }>(first: P, next: (cursor: string) => P): P[] {
  const pages = [first];
  for (let page = first; page.nextCursor !== null; ) {
    page = next(page.nextCursor);
    pages.push(page);
  }
  return pages;
}

/** The orders of `first` and the pages after it; the last page's sync token is the next `updatedSince`. */
function restOfOrders(client: ApiClient, first: ListOrdersResponse, channel?: Channel): { orders: Order[]; syncToken: string } {
  const pages = allPages(first, (cursor) => client.call(API.listOrders, { query: { limit: MAX_PAGE, channel, cursor } }));
  return { orders: pages.flatMap((page) => page.orders), syncToken: pages[pages.length - 1]?.syncToken ?? first.syncToken };
}

/** Every order changed after `updatedSince` (all of them when null), optionally of one channel. */
export function fetchOrders(client: ApiClient, updatedSince: string | null, channel?: Channel): { orders: Order[]; syncToken: string } {
  const first = client.call(API.listOrders, { query: { limit: MAX_PAGE, channel, ...(updatedSince ? { updatedSince } : {}) } });
  return restOfOrders(client, first, channel);
}

function restOfSkus(client: ApiClient, first: SkuPage): Sku[] {
  return allPages(first, (cursor) => client.call(API.listSkus, { query: { limit: MAX_PAGE, cursor } })).flatMap((page) => page.skus);
}

function restOfListings(client: ApiClient, first: ListingPage): Listing[] {
  return allPages(first, (cursor) => client.call(API.listListings, { query: { limit: MAX_PAGE, cursor } })).flatMap((page) => page.listings);
}

export function fetchListings(client: ApiClient): Listing[] {
  return restOfListings(client, client.call(API.listListings, { query: { limit: MAX_PAGE } }));
}

/**
 * Where a refresh gets its data: the server. The first page of every list is fetched together (one
 * fetchAll), then any further pages in turn. Alerts always come complete.
 */
export class ServerSheetSource implements SheetSource {
  constructor(private readonly client: ApiClient) {}

  fetch(request: { updatedSince: string | null }): SheetData {
    const client = this.client;
    const previous = decodeCursor(request.updatedSince);
    const complete = request.updatedSince === null;
    const ordersSince = complete ? null : previous.orders;
    const [firstOrders, firstSkus, firstListings, alertList] = client.run(
      client.prepare(API.listOrders, { query: { limit: MAX_PAGE, ...(ordersSince ? { updatedSince: ordersSince } : {}) } }),
      client.prepare(API.listSkus, { query: { limit: MAX_PAGE } }),
      client.prepare(API.listListings, { query: { limit: MAX_PAGE } }),
      client.prepare(API.listAlerts),
    );
    const { orders, syncToken } = restOfOrders(client, firstOrders);
    const skus = restOfSkus(client, firstSkus);
    const listings = restOfListings(client, firstListings);
    const catalog = contentHash(JSON.stringify([skus, listings]));
    const catalogChanged = complete || catalog !== previous.catalog;
    return {
      complete,
      orders,
      skus: catalogChanged ? skus : [],
      listings: catalogChanged ? listings : [],
      alerts: alertList.alerts,
      cursor: encodeCursor({ orders: syncToken, catalog }),
    };
  }
}
