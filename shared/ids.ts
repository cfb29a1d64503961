import { z } from 'zod';

/** The fixed channel identifiers. `ohouse` and `manual` are file channels with no API. */
export const CHANNELS = ['smartstore', 'coupang', 'cafe24', 'ohouse', 'manual'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Channels whose orders, stock and tracking travel through files the seller moves by hand. */
export const FILE_CHANNELS: readonly Channel[] = ['ohouse', 'manual'];
export function isFileChannel(channel: Channel): boolean {
  return FILE_CHANNELS.includes(channel);
}

// No ':' in the account, because it separates the parts of an order key; the order id may contain one.
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9가-힣._-]{1,64}$/;
export const AccountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN, 'must be 1-64 letters, digits, Hangul, ".", "_" or "-"');
export const SellerIdSchema = z.string().regex(/^[a-z0-9_]{3,40}$/, 'must be 3-40 lowercase letters, digits or "_"');

/** Codes and ids: no spaces or control characters. */
export const PRINTABLE_PATTERN = /^[^\s\u0000-\u001f\u007f]+$/;
export const SkuCodeSchema = z.string().min(1).max(64).regex(PRINTABLE_PATTERN, 'must have no spaces or control characters');
export const OrderIdSchema = z.string().min(1).max(100).regex(PRINTABLE_PATTERN, 'must have no spaces or control characters');
export const LineIdSchema = z.string().min(1).max(100).regex(PRINTABLE_PATTERN, 'must have no spaces or control characters');
export const ListingIdSchema = z.string().min(1).max(128).regex(PRINTABLE_PATTERN, 'must have no spaces or control characters');

/** `channel:account:orderId`: the one name of an order everywhere (paths, bodies, the sheet's key column). */
export const OrderKeySchema = z
  .string()
  .max(200)
  .refine((value) => parseOrderKey(value) !== null, 'must be "channel:account:orderId"');

export interface OrderKeyParts {
  channel: Channel;
  account: string;
  orderId: string;
}

export function orderKey(channel: Channel, account: string, orderId: string): string {
  return `${channel}:${account}:${orderId}`;
}

/** Splits `channel:account:rest` at its first two colons; the rest may contain more. */
function splitThree(key: string): [string, string, string] | null {
  const first = key.indexOf(':');
  const second = first < 0 ? -1 : key.indexOf(':', first + 1);
  if (second < 0) return null;
  return [key.slice(0, first), key.slice(first + 1, second), key.slice(second + 1)];
}

export function parseOrderKey(key: string): OrderKeyParts | null {
  const parts = splitThree(key);
  if (!parts) return null;
  const channel = ChannelSchema.safeParse(parts[0]);
  const account = AccountIdSchema.safeParse(parts[1]);
  const orderId = OrderIdSchema.safeParse(parts[2]);
  if (!channel.success || !account.success || !orderId.success) return null;
  return { channel: channel.data, account: account.data, orderId: orderId.data };
}

/** `channel:account:listingId`: the name of a listing. The listing id itself may contain ':' (Naver's product:option). */
export function listingKey(channel: Channel, account: string, listingId: string): string {
  return `${channel}:${account}:${listingId}`;
}

export function parseListingKey(key: string): { channel: Channel; account: string; listingId: string } | null {
  const parts = splitThree(key);
  if (!parts) return null;
  const channel = ChannelSchema.safeParse(parts[0]);
  const account = AccountIdSchema.safeParse(parts[1]);
  const listingId = ListingIdSchema.safeParse(parts[2]);
  if (!channel.success || !account.success || !listingId.success) return null;
  return { channel: channel.data, account: account.data, listingId: listingId.data };
}

/** Timestamps on the wire are ISO-8601 with an offset (channels send +09:00). */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
