import { orderKey } from '../../shared/ids';
import type { OrderInput } from '../../shared/order';
import { HeldReasonSchema, OrderStateSchema, type HeldReason, type OrderState } from '../../shared/state-machine';
import type { Clock } from './context';
import { StoreError, storeErrorFromReply } from './errors';
import { sellerPrefix } from './keys';
import type { RedisClient, RedisPool, ScriptReply, ScriptRunner } from './redis';

export interface IngestResult {
  key: string;
  status: OrderState;
  reason: HeldReason | null;
  detail: string | null;
  created: boolean;
  replay: boolean;
}

/**
 * A batch is sent when the event loop turns, or sooner once it holds this many orders or lines: enough to pay
 * the call's fixed costs once for many orders, few enough that Redis is never busy with one call for long and
 * that several batches are in flight at once (Redis runs one while Node prepares the next). 64 ran faster
 * than 200 in bench:stock.
 */
const MAX_ORDERS = 64;
const MAX_LINES = 1_000;

interface Waiter {
  key: string;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

interface Batch {
  client: RedisClient;
  /** The seller prefix. */
  keys: [string];
  /** now ms, now ISO, actor, then each order's arguments (lua/ingest.lua). */
  args: (string | Buffer)[];
  lines: number;
  waiters: Waiter[];
}

/** Characters JSON must escape (and lone surrogates, which JSON.stringify writes as escapes). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal, without JSON.stringify's cost for the common string that needs no escape. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * The arguments of one order for the ingest script: its key, rank and line count, then the opening of the
 * stored order's JSON with the fields that come from the input (the script adds the rest), and per line the
 * opening of its JSON, the listing and the quantity. The input must be valid (OrderInputSchema), so the channel, account, times,
 * phone and zip need no escaping. Written by hand: JSON.stringify of these objects was the largest cost of an
 * ingest in Node. test/store/ingest-fragments.test.ts checks it against JSON.stringify.
 *
 * Text that may hold other than ASCII (the receiver, product names) goes as UTF-8 bytes: a single such
 * character in a string makes V8 store it two bytes a character, and then the whole batch's command, and
 * every pass over it to measure and encode it, would cost twice.
 */
export function pushOrderArgs(input: OrderInput, key: string, rank: number, args: (string | Buffer)[]): void {
  const r = input.receiver;
  // A missing second address line is stored as '', as the script's general path stores it.
  let head =
    `{"key":${quote(key)},"channel":"${input.channel}","account":"${input.account}","orderId":${quote(input.orderId)}` +
    `,"receiver":{"name":${quote(r.name)},"phone":"${r.phone}","zip":"${r.zip}","address1":${quote(r.address1)},"address2":${quote(r.address2 ?? '')}}`;
  if (input.message !== undefined) head += `,"message":${quote(input.message)}`;
  if (input.orderedAt !== undefined) head += `,"orderedAt":"${input.orderedAt}"`;
  if (input.dueAt !== undefined) head += `,"dueAt":"${input.dueAt}"`;
  args.push(key, String(rank), String(input.lines.length), Buffer.from(head));
  const listingPrefix = `${input.channel}:${input.account}:`;
  for (const line of input.lines) {
    let lineHead = `{"lineId":${quote(line.lineId)},"listingId":${quote(line.listingId)},"quantity":${line.quantity}`;
    if (line.sellerCode !== undefined) lineHead += `,"sellerCode":${quote(line.sellerCode)}`;
    const named = line.productName !== undefined || line.optionName !== undefined;
    if (line.productName !== undefined) lineHead += `,"productName":${quote(line.productName)}`;
    if (line.optionName !== undefined) lineHead += `,"optionName":${quote(line.optionName)}`;
    args.push(named ? Buffer.from(lineHead) : lineHead, listingPrefix + line.listingId, String(line.quantity));
  }
}

const STATES = new Set<string>(OrderStateSchema.options);
const REASONS = new Set<string>(HeldReasonSchema.options);

function badReply(key: string, reply: ScriptReply | undefined): Error {
  return new Error(`ingest_orders.lua returned ${JSON.stringify(reply)} for ${key}`);
}

/** The reply of a new order that allocated, by far the most common one. */
const CREATED_ALLOCATED = 'ALLOCATED\n\nc\n';

/** One order's reply from the ingest script: 'status\nreason\nflags\ndetail', or a refusal. */
function parseReply(key: string, reply: ScriptReply | undefined): IngestResult | StoreError {
  if (reply === CREATED_ALLOCATED) return { key, status: 'ALLOCATED', reason: null, detail: null, created: true, replay: false };
  if (Array.isArray(reply)) return storeErrorFromReply(reply);
  if (typeof reply !== 'string') throw badReply(key, reply);
  const first = reply.indexOf('\n');
  const second = first < 0 ? -1 : reply.indexOf('\n', first + 1);
  const third = second < 0 ? -1 : reply.indexOf('\n', second + 1);
  if (third < 0) throw badReply(key, reply);
  const status = reply.slice(0, first);
  const reason = reply.slice(first + 1, second);
  const flags = reply.slice(second + 1, third);
  const detail = reply.slice(third + 1);
  if (!STATES.has(status) || (reason !== '' && !REASONS.has(reason))) throw badReply(key, reply);
  return {
    key,
    status: status as OrderState,
    reason: reason === '' ? null : (reason as HeldReason),
    detail: detail === '' ? null : detail,
    created: flags === 'c',
    replay: flags === 'r',
  };
}

/**
 * Coalesces the ingests of one seller and actor issued in the same turn of the event loop into one call of
 * ingest_orders, which runs them in the order issued, each as if alone. Every call still gets its own result
 * or refusal. A seller's batches always go over the same connection, so they also reach Redis in order.
 */
export class IngestBatcher {
  private readonly open = new Map<string, Batch>();
  private scheduled = false;
  /** Calls sent and orders in them so far: how well ingests coalesce (the bench reports it). */
  readonly stats = { batches: 0, orders: 0 };

  constructor(
    private readonly runner: ScriptRunner,
    private readonly pool: RedisPool,
    private readonly clock: Clock,
  ) {}

  /** `input` must be valid (OrderInputSchema). Without orderedAt, the time it was first seen ranks it among backorders. */
  ingest(sellerId: string, actor: string, input: OrderInput): Promise<IngestResult> {
    const key = orderKey(input.channel, input.account, input.orderId);
    const rank = input.orderedAt ? Date.parse(input.orderedAt) : this.clock().getTime();
    const batchKey = `${sellerId}\n${actor}`;
    let batch = this.open.get(batchKey);
    if (!batch) {
      batch = { client: this.pool.pinned(sellerId), keys: [sellerPrefix(sellerId)], args: ['', '', actor], lines: 0, waiters: [] };
      this.open.set(batchKey, batch);
      this.schedule();
    }
    pushOrderArgs(input, key, rank, batch.args);
    batch.lines += input.lines.length;
    const result = new Promise<IngestResult>((resolve, reject) => batch.waiters.push({ key, resolve, reject }));
    if (batch.waiters.length >= MAX_ORDERS || batch.lines >= MAX_LINES) {
      this.open.delete(batchKey);
      this.send(batch);
    }
    return result;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn, so every request that arrived together shares a batch.
    setImmediate(() => {
      this.scheduled = false;
      const batches = [...this.open.values()];
      this.open.clear();
      for (const batch of batches) this.send(batch);
    });
  }

  private send(batch: Batch): void {
    this.stats.batches += 1;
    this.stats.orders += batch.waiters.length;
    const now = this.clock();
    batch.args[0] = String(now.getTime());
    batch.args[1] = now.toISOString();
    this.runner.run('ingest_orders', batch.keys, batch.args, batch.client).then(
      (reply) => {
        if (!Array.isArray(reply) || reply.length !== batch.waiters.length) {
          const error = new Error(`ingest_orders.lua returned ${batch.waiters.length} orders' replies as ${JSON.stringify(reply)?.slice(0, 200)}`);
          for (const waiter of batch.waiters) waiter.reject(error);
          return;
        }
        batch.waiters.forEach((waiter, index) => {
          try {
            const outcome = parseReply(waiter.key, reply[index]);
            if (outcome instanceof StoreError) waiter.reject(outcome);
            else waiter.resolve(outcome);
          } catch (error) {
            waiter.reject(error);
          }
        });
      },
      (error: unknown) => {
        for (const waiter of batch.waiters) waiter.reject(error);
      },
    );
  }
}
