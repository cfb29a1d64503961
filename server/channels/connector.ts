import type { CarrierId } from '../../shared/carriers';
import type { Channel } from '../../shared/ids';
import type { Claim, OrderInput } from '../../shared/order';

/**
 * The contract every API channel implements (Naver SmartStore, later Coupang and Cafe24). A connector
 * speaks one channel account's wire protocol and returns domain shapes; it keeps no state of its own
 * beyond caches (tokens), so the sync workers own cursors, retries and idempotency.
 */

/** A claim as the channel reports it, for one line. */
export interface ChannelClaim {
  orderId: string;
  lineId: string;
  type: Claim['type'];
  status: Claim['status'];
  /** Units the claim covers (Naver requestQuantity), which may be part of the line. */
  quantity: number;
  reason?: string;
  at?: string;
}

/** One order as the channel shows it now: everything needed to ingest or update it. */
export interface ChannelOrder {
  order: OrderInput;
  /** Lines already confirmed (발주확인) on the channel. */
  confirmedLineIds: string[];
  /** Lines the channel already shows as dispatched, with their tracking number. */
  dispatched: { lineId: string; trackingNumber: string }[];
  claims: ChannelClaim[];
  /** The buyer changed the address after ordering (Naver DELIVERY_ADDRESS_CHANGED). */
  addressChanged: boolean;
}

/** Something the channel returned that cannot become an order (no address, an unreadable entry); the poller alerts on it. */
export interface UnreadableOrder {
  orderId?: string;
  lineId?: string;
  problem: string;
}

export interface PollResult {
  orders: ChannelOrder[];
  /** Entries skipped because they could not be read; absent when there were none. */
  unreadable?: UnreadableOrder[];
  /** Opaque; the poller stores it (fenced) and passes it back. */
  cursor: string;
  /** More is waiting right now: poll again without sleeping. */
  more: boolean;
}

/** A failed line's `kind` is the ChannelError kind when the whole call failed (auth, ip_not_allowed, …); `code` is the channel's own code where it gave one. */
export type LineOutcome = { lineId: string; ok: true; detail?: Record<string, string | boolean> } | { lineId: string; ok: false; code: string; message: string; kind?: string };

export interface Shipment {
  lineId: string;
  carrier: CarrierId;
  /** The channel's own code for the carrier (from the shared table, or the seller's override). */
  carrierCode: string;
  trackingNumber: string;
  dispatchedAt: string;
}

export interface StockUpdate {
  listingId: string;
  quantity: number;
  metadata: Record<string, string | number | boolean | null>;
}

export type StockOutcome = { listingId: string; ok: true } | { listingId: string; ok: false; code: string; message: string };

export interface Connector {
  readonly channel: Channel;
  /** Orders new or changed since the cursor (null: start from `since`). */
  pollOrders(cursor: string | null, since: Date): Promise<PollResult>;
  /** 발주확인 for lines, per-line result. */
  confirm(lineIds: string[]): Promise<LineOutcome[]>;
  /** Register tracking numbers, per-line accepted or rejected with the channel's message. */
  dispatch(shipments: Shipment[]): Promise<LineOutcome[]>;
  /** Absolute sellable quantities. Never zero a sibling option by omission. */
  setStock(updates: StockUpdate[]): Promise<StockOutcome[]>;
  /** The claim state of given lines, read fresh from the channel (the check right before shipping). */
  fetchClaims(lineIds: string[]): Promise<ChannelClaim[]>;
  /** The orders of given lines as the channel shows them now (after confirm reports a changed address, for example). */
  fetchOrders?(lineIds: string[]): Promise<ChannelOrder[]>;
}

/** Errors a connector raises that the workers treat differently from a plain failure. */
export class ChannelError extends Error {
  constructor(
    readonly kind: 'auth' | 'rate_limit' | 'quota' | 'ip_not_allowed' | 'server' | 'timeout' | 'bad_response' | 'rejected',
    message: string,
    readonly retryAfterMs?: number,
    readonly channelCode?: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
