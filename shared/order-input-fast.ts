import { MAX_QUANTITY } from './catalog';
import { ACCOUNT_ID_PATTERN, CHANNELS, IsoDateTimeSchema, PRINTABLE_PATTERN, type Channel } from './ids';
import { MAX_LINES_PER_ORDER, PHONE_PATTERN, ZIP_PATTERN, type OrderInput, type OrderLineInput, type Receiver } from './order';

/**
 * A hand-written check of the common, well-formed order input: it accepts only what OrderInputSchema accepts
 * and returns what that schema would return (the same fields in the schema's order, the receiver's name and
 * first address line trimmed). For anything it is not sure of (a bad field, an unusual shape such as a key
 * present but undefined) it returns undefined, and the caller parses with the zod schema, so error messages
 * stay zod's. It exists because parsing an order with zod was about half of Node's CPU per ingested order.
 * test/shared/order-input-fast.property.test.ts holds it against the schema.
 */

const CHANNEL_SET = new Set<string>(CHANNELS);
// The schemas' own patterns (ids.ts, order.ts), so the two cannot drift apart.
const DATE_TIME = IsoDateTimeSchema._zod.pattern;

const ORDER_KEYS = new Set(['channel', 'account', 'orderId', 'orderedAt', 'dueAt', 'lines', 'receiver', 'message']);
const LINE_KEYS = new Set(['lineId', 'listingId', 'quantity', 'sellerCode', 'productName', 'optionName']);
const RECEIVER_KEYS = new Set(['name', 'phone', 'zip', 'address1', 'address2']);

type Plain = Record<string, unknown>;

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && CHANNEL_SET.has(value);
}

/** A plain object (no class instance, no array) whose own keys are all in `allowed`. */
function plain(value: unknown, allowed: ReadonlySet<string>): Plain | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const record = value as Plain;
  for (const key of Object.keys(record)) {
    if (!allowed.has(key)) return undefined;
  }
  return record;
}

function printable(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max && PRINTABLE_PATTERN.test(value);
}

function textUpTo(max: number): (value: unknown) => value is string {
  return (value): value is string => typeof value === 'string' && value.length <= max;
}

const text300 = textUpTo(300);
const text500 = textUpTo(500);
const sellerCode = (value: unknown): value is string => printable(value, 64);
const dateTime = (value: unknown): value is string => typeof value === 'string' && DATE_TIME.test(value);

/**
 * An optional field, as the schema treats it: absent stays absent, present and undefined stays undefined,
 * anything else must pass `check`. False when it does not.
 */
function optional<K extends string>(input: Plain, out: Partial<Record<K, string>>, key: K, check: (value: unknown) => value is string): boolean {
  if (!(key in input)) return true;
  const value = input[key];
  if (value === undefined) {
    out[key] = undefined;
    return true;
  }
  if (!check(value)) return false;
  out[key] = value;
  return true;
}

function line(value: unknown): OrderLineInput | undefined {
  const input = plain(value, LINE_KEYS);
  if (!input) return undefined;
  const { lineId, listingId, quantity } = input;
  if (!printable(lineId, 100) || !printable(listingId, 128)) return undefined;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) return undefined;
  const out: OrderLineInput = { lineId, listingId, quantity };
  if (!optional(input, out, 'sellerCode', sellerCode) || !optional(input, out, 'productName', text300) || !optional(input, out, 'optionName', text300)) return undefined;
  return out;
}

function receiver(value: unknown): Receiver | undefined {
  const input = plain(value, RECEIVER_KEYS);
  if (!input) return undefined;
  const { phone, zip } = input;
  if (typeof input.name !== 'string' || typeof input.address1 !== 'string') return undefined;
  // The schema trims these two before it measures them, and returns them trimmed.
  const name = input.name.trim();
  const address1 = input.address1.trim();
  if (name.length < 1 || name.length > 100 || address1.length < 1 || address1.length > 300) return undefined;
  if (typeof phone !== 'string' || !PHONE_PATTERN.test(phone) || typeof zip !== 'string' || !ZIP_PATTERN.test(zip)) return undefined;
  const out: Receiver = { name, phone, zip, address1 };
  return optional(input, out, 'address2', text300) ? out : undefined;
}

/** The parsed order when the fast check accepts it; undefined means "ask OrderInputSchema". */
export function acceptOrderInput(value: unknown): OrderInput | undefined {
  const input = plain(value, ORDER_KEYS);
  if (!input) return undefined;
  const { channel, account, orderId, lines } = input;
  if (!isChannel(channel) || typeof account !== 'string' || !ACCOUNT_ID_PATTERN.test(account) || !printable(orderId, 100)) return undefined;
  if (!Array.isArray(lines) || lines.length < 1 || lines.length > MAX_LINES_PER_ORDER) return undefined;
  const parsedLines: OrderLineInput[] = [];
  for (let index = 0; index < lines.length; index++) {
    const parsed = line(lines[index]);
    if (!parsed) return undefined;
    parsedLines.push(parsed);
  }
  if (parsedLines.length > 1 && new Set(parsedLines.map((one) => one.lineId)).size !== parsedLines.length) return undefined;
  const parsedReceiver = receiver(input.receiver);
  if (!parsedReceiver) return undefined;
  const out: OrderInput = { channel, account, orderId, lines: parsedLines, receiver: parsedReceiver };
  if (!optional(input, out, 'orderedAt', dateTime) || !optional(input, out, 'dueAt', dateTime) || !optional(input, out, 'message', text500)) return undefined;
  return out;
}
