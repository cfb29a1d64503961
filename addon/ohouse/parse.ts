import { ListingIdSchema, SkuCodeSchema, LineIdSchema } from '../../shared/ids';
import { OrderInputSchema, type OrderInput, type OrderLineInput } from '../../shared/order';
import { contentHash } from '../../shared/sheets/hash';
import type { OhouseField } from './fields';

/** A cell the seller pasted, as text: whole numbers without exponent, dates as ISO, Excel's text markers dropped. */
export function pastedText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  // A Date from Sheets may come from another realm (a vm context in tests), so instanceof cannot tell.
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value).trim();
}

/** Order numbers and codes may carry a leading ' or _ that kept Excel from turning them into numbers. */
function identifier(text: string): string {
  return text.replace(/^['_]+/, '').trim();
}

const KST_TIME = /^(\d{4})[.\-/]\s*(\d{1,2})[.\-/]\s*(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2024.06.07 19:00", "2024-06-07 19:00:00" or "2024/06/07" (KST) as ISO with +09:00; ISO passes through. */
export function kstIso(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(Date.parse(text)).toISOString();
  const match = KST_TIME.exec(text);
  if (!match) return null;
  const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  const iso = `${match[1]}-${pad(match[2])}-${pad(match[3])}T${pad(match[4])}:${pad(match[5])}:${pad(match[6])}+09:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Excel drops the leading 0 of Korean mobile numbers (1012345678) and of zips (6234). */
function phone(text: string): string {
  const digits = text.replace(/\D/g, '');
  return /^1\d{8,9}$/.test(digits) && digits === text ? `0${digits}` : text;
}

function zip(text: string): string {
  return /^\d{4}$/.test(text) ? `0${text}` : text;
}

export interface RowProblem {
  field: OhouseField | string;
  problem: string;
}

/** One pasted row: its sheet row number and a reader of its fields. */
export interface PastedRow {
  row: number;
  get(field: OhouseField): string;
}

export interface ParsedOrder {
  input: OrderInput;
  rows: number[];
}

export interface ParseResult {
  orders: ParsedOrder[];
  /** Rows that cannot be sent, with the field at fault (every row of an order that failed its schema). */
  problems: Map<number, RowProblem>;
}

/** A listing id for a line: the listing column, else the seller's code, else a stable name of product and option. */
function listingIdOf(row: PastedRow): string {
  for (const candidate of [identifier(row.get('listingId')), identifier(row.get('sellerCode'))]) {
    if (candidate && ListingIdSchema.safeParse(candidate).success) return candidate;
  }
  return `name-${contentHash(`${row.get('productName')}|${row.get('optionName')}`)}`;
}

/**
 * A line id for a row. Without a line column, it is derived from the row's content (not its position), so
 * the same export pasted again, in any order, names the same lines and the import stays idempotent.
 */
function lineIdOf(row: PastedRow, orderId: string, taken: Set<string>): string {
  const given = identifier(row.get('lineId'));
  if (given && LineIdSchema.safeParse(given).success) return given;
  const base = `${orderId}-${contentHash(`${listingIdOf(row)}|${row.get('optionName')}|${row.get('quantity')}`)}`;
  let candidate = base;
  for (let copy = 2; taken.has(candidate); copy += 1) candidate = `${base}-${copy}`;
  return candidate;
}

const REQUIRED: readonly OhouseField[] = ['orderId', 'productName', 'quantity', 'receiver', 'phone', 'address1'];

function lineOf(row: PastedRow, orderId: string, taken: Set<string>): OrderLineInput | RowProblem {
  const missing = REQUIRED.find((field) => row.get(field) === '');
  if (missing) return { field: missing, problem: 'missing' };
  const quantity = Number(row.get('quantity').replace(/,/g, ''));
  if (!Number.isInteger(quantity) || quantity < 1) return { field: 'quantity', problem: 'must be a whole number, 1 or more' };
  const sellerCode = identifier(row.get('sellerCode'));
  const lineId = lineIdOf(row, orderId, taken);
  taken.add(lineId);
  return {
    lineId,
    listingId: listingIdOf(row),
    quantity,
    ...(sellerCode && SkuCodeSchema.safeParse(sellerCode).success ? { sellerCode } : {}),
    productName: row.get('productName').slice(0, 300),
    ...(row.get('optionName') ? { optionName: row.get('optionName').slice(0, 300) } : {}),
  };
}

function orderOf(first: PastedRow, account: string, orderId: string, lines: OrderLineInput[]): OrderInput {
  const orderedAt = kstIso(first.get('orderedAt'));
  const message = first.get('message');
  const address2 = first.get('address2');
  return {
    channel: 'ohouse',
    account,
    orderId,
    ...(orderedAt ? { orderedAt } : {}),
    lines,
    receiver: { name: first.get('receiver'), phone: phone(first.get('phone')), zip: zip(first.get('zip')), address1: first.get('address1'), ...(address2 ? { address2 } : {}) },
    ...(message ? { message } : {}),
  };
}

/** Rows (one per order line) grouped into orders, each checked against the order schema. */
export function parseOhouseRows(rows: readonly PastedRow[], account: string): ParseResult {
  const problems = new Map<number, RowProblem>();
  const groups = new Map<string, { first: PastedRow; rows: number[]; lines: OrderLineInput[]; taken: Set<string> }>();
  for (const row of rows) {
    const orderId = identifier(row.get('orderId'));
    if (!orderId) {
      problems.set(row.row, { field: 'orderId', problem: 'missing' });
      continue;
    }
    let group = groups.get(orderId);
    if (!group) {
      group = { first: row, rows: [], lines: [], taken: new Set() };
      groups.set(orderId, group);
    }
    const line = lineOf(row, orderId, group.taken);
    if ('problem' in line) problems.set(row.row, line);
    else {
      group.rows.push(row.row);
      group.lines.push(line);
    }
  }
  const orders: ParsedOrder[] = [];
  for (const [orderId, group] of groups) {
    if (group.lines.length === 0) continue;
    const parsed = OrderInputSchema.safeParse(orderOf(group.first, account, orderId, group.lines));
    if (parsed.success) {
      orders.push({ input: parsed.data, rows: group.rows });
      continue;
    }
    const issue = parsed.error.issues[0];
    const problem: RowProblem = { field: issue?.path.map(String).join('.') || 'order', problem: issue?.message ?? 'is not valid' };
    for (const row of group.rows) problems.set(row, problem);
  }
  return { orders, problems };
}
