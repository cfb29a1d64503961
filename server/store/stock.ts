import { z } from 'zod';
import { LedgerKindSchema, type LedgerEntry } from '../../shared/ledger';
import { luaArray, type SellerContext } from './context';
import { ADJUSTMENT_KINDS, AdjustInputSchema, LedgerQuerySchema, SkuListSchema, TrimInputSchema } from './inputs';
import { validated } from './validate';

export { ADJUSTMENT_KINDS };
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export const AdjustmentResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('applied'),
    sku: z.string(),
    onHand: z.int(),
    reserved: z.int(),
    safety: z.int(),
    available: z.int(),
    heldOrders: luaArray(z.string()),
  }),
  z.object({ status: z.literal('conflict'), sku: z.string(), current: z.int() }),
]);
export type AdjustmentResult = z.infer<typeof AdjustmentResultSchema>;

export interface LedgerQuery {
  sku?: string;
  /** Exclusive: a ledger entry id from an earlier page, or a time in ms. */
  since?: string;
  limit: number;
}

const LUA_KIND: Record<AdjustmentKind, string> = { inbound: 'inbound', set: 'count', safety: 'safety' };

/** Counter movements that are not orders: inbound, physical counts, safety buffers; the ledger; upkeep. */
export class StockStore {
  constructor(private readonly ctx: SellerContext) {}

  /**
   * `expected` is what the caller last saw of the counter it changes (on-hand for inbound and set, safety for
   * safety). A mismatch changes nothing and reports the current value.
   */
  async adjust(sku: string, kind: AdjustmentKind, quantity: number, expected?: number, ref = 'adjustment'): Promise<AdjustmentResult> {
    validated(AdjustInputSchema, expected === undefined ? { sku, kind, quantity, ref } : { sku, kind, quantity, expected, ref });
    const args = [sku, LUA_KIND[kind], String(quantity), expected === undefined ? '' : String(expected), ref];
    return this.ctx.callParsed('adjust_stock', [this.ctx.keys.sku(sku)], args, AdjustmentResultSchema);
  }

  async ledger(ledgerQuery: LedgerQuery): Promise<LedgerEntry[]> {
    const query = validated(LedgerQuerySchema, ledgerQuery);
    const start = query.since ? `(${query.since}` : '-';
    const out: LedgerEntry[] = [];
    let cursor = start;
    // With a SKU filter, read on until the page is full or the stream ends.
    for (let round = 0; round < 50 && out.length < query.limit; round++) {
      const batch = (await this.ctx.redis().xRange(this.ctx.keys.ledger, cursor, '+', { COUNT: Math.max(query.limit, 200) })) ?? [];
      for (const entry of batch) {
        cursor = `(${entry.id}`;
        const parsed = parseLedgerEntry(entry.id, entry.message);
        if (!query.sku || parsed.sku === query.sku) out.push(parsed);
        if (out.length >= query.limit) break;
      }
      if (batch.length < Math.max(query.limit, 200)) break;
    }
    return out;
  }

  /** Sum of each delta column for one SKU, including entries folded away by retention. */
  async ledgerTotals(sku: string): Promise<{ onHand: number; reserved: number; safety: number; quarantine: number }> {
    const base = await this.ctx.redis().hGetAll(this.ctx.keys.ledgerBase(sku));
    const totals = { onHand: Number(base.dOnHand ?? 0), reserved: Number(base.dReserved ?? 0), safety: Number(base.dSafety ?? 0), quarantine: Number(base.dQuarantine ?? 0) };
    let cursor = '-';
    for (;;) {
      const batch = (await this.ctx.redis().xRange(this.ctx.keys.ledger, cursor, '+', { COUNT: 1000 })) ?? [];
      for (const entry of batch) {
        cursor = `(${entry.id}`;
        const parsed = parseLedgerEntry(entry.id, entry.message);
        if (parsed.sku !== sku) continue;
        totals.onHand += parsed.dOnHand;
        totals.reserved += parsed.dReserved;
        totals.safety += parsed.dSafety;
        totals.quarantine += parsed.dQuarantine;
      }
      if (batch.length < 1000) return totals;
    }
  }

  async resumeBackorders(skus: readonly string[]): Promise<number> {
    validated(SkuListSchema, skus);
    const reply = await this.ctx.callParsed('resume_backorders', [], [JSON.stringify(skus)], z.object({ tried: z.int() }));
    return reply.tried;
  }

  /**
   * Retention: folds and drops ledger entries older than the cut-off, and trims the outbox up to its cut-off
   * except work a consumer group has not finished. Returns how many ledger entries were folded and outbox
   * entries dropped.
   */
  async trim(ledgerBefore: Date, outboxBefore: Date, batch = 1000): Promise<TrimResult> {
    validated(TrimInputSchema, { ledgerBefore, outboxBefore, batch });
    const result: TrimResult = { folded: 0, outboxTrimmed: 0 };
    // The outbox is trimmed by the first call only: the ledger's later batches would find nothing more there.
    for (let outboxCutoff = outboxBefore.getTime(); ; outboxCutoff = 0) {
      const args = [String(ledgerBefore.getTime()), String(outboxCutoff), String(batch)];
      const reply = await this.ctx.callParsed('trim_ledger', [], args, TrimReplySchema);
      result.folded += reply.folded;
      result.outboxTrimmed += reply.outboxTrimmed;
      if (!reply.more) return result;
    }
  }

  /** Retention by age against the store's clock: what is older than each retention is folded or dropped. */
  async trimOlderThan(retention: { ledgerMs: number; outboxMs: number }, batch = 1000): Promise<TrimResult> {
    const now = this.ctx.clock().getTime();
    return this.trim(new Date(now - retention.ledgerMs), new Date(now - retention.outboxMs), batch);
  }
}

const TrimReplySchema = z.object({ folded: z.int(), more: z.boolean(), outboxTrimmed: z.int() });

export interface TrimResult {
  /** Ledger entries folded into the per-SKU base and dropped. */
  folded: number;
  outboxTrimmed: number;
}

const LedgerFields = z.object({
  kind: LedgerKindSchema,
  sku: z.string(),
  dOnHand: z.coerce.number().int(),
  dReserved: z.coerce.number().int(),
  dSafety: z.coerce.number().int(),
  dQuarantine: z.coerce.number().int(),
  reason: z.string(),
  ref: z.string(),
  actor: z.string(),
});

function parseLedgerEntry(id: string, message: Record<string, string>): LedgerEntry {
  const at = new Date(Number(id.split('-')[0])).toISOString();
  return { id, at, ...LedgerFields.parse(message) };
}
