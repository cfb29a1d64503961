import { z } from 'zod';
import { AlertSchema, AlertSeveritySchema, AlertTypeSchema } from '../../shared/alerts';
import { CountSchema, ListingInputSchema, MAX_BATCH, QuantitySchema, SkuInputSchema } from '../../shared/catalog';
import { ChannelSchema, LineIdSchema, listingKey, OrderKeySchema, SkuCodeSchema } from '../../shared/ids';
import { ClaimSchema, MAX_LINES_PER_ORDER, TrackingLineSchema, TrackingStatusSchema } from '../../shared/order';
import { OrderStateSchema } from '../../shared/state-machine';

/**
 * What the store accepts from its callers, beyond the shared domain schemas: one schema per method that takes
 * caller data. A failure names the field (server/store/validate.ts) and nothing is written.
 */

/** At most MAX_BATCH items, none named twice: in one atomic batch the second would silently win. */
function batchOf<T extends z.ZodType>(item: T, nameOf: (value: z.output<T>) => string, field: string) {
  return z
    .array(item)
    .max(MAX_BATCH, `must have at most ${MAX_BATCH} items`)
    .superRefine((items, ctx) => {
      const seen = new Map<string, number>();
      items.forEach((value, index) => {
        const name = nameOf(value);
        const first = seen.get(name);
        if (first === undefined) seen.set(name, index);
        else ctx.addIssue({ code: 'custom', path: field ? [index, field] : [index], message: `repeats item ${first} (${name})` });
      });
    });
}

export const SkuBatchSchema = batchOf(SkuInputSchema, (item) => item.sku, 'sku');
export const ListingBatchSchema = batchOf(ListingInputSchema, (item) => listingKey(item.channel, item.account, item.listingId), 'listingId');

/** The orders of one parcel or one waybill: at least one, each once. */
export const OrderKeyListSchema = batchOf(OrderKeySchema, (key) => key, '').min(1, 'must name at least one order');

const NoteSchema = z.string().max(500);

export const OrderRefSchema = z.strictObject({ key: OrderKeySchema });
export const HoldInputSchema = z.strictObject({ key: OrderKeySchema, note: NoteSchema, reason: z.enum(['MANUAL', 'ADDRESS']) });
export const CancelInputSchema = z.strictObject({ key: OrderKeySchema, reason: NoteSchema });
export const CancelLineInputSchema = z.strictObject({ key: OrderKeySchema, lineId: LineIdSchema, quantity: QuantitySchema, reason: NoteSchema });
export const ReturnInputSchema = z.strictObject({
  key: OrderKeySchema,
  line: z.strictObject({ lineId: LineIdSchema, quantity: QuantitySchema }).optional(),
});

export const ShipInputSchema = z.strictObject({
  keys: OrderKeyListSchema,
  station: z.string().max(64),
  requirePacked: z.boolean(),
});

export const WaybillAttachmentSchema = z.strictObject({
  waybillId: z.string().min(1).max(100),
  carrier: z.string().min(1).max(40),
  trackingNumber: z.string().min(1).max(40),
  dispatchNow: z.boolean(),
});
export const MarkWaybillInputSchema = z.strictObject({ keys: OrderKeyListSchema, waybill: WaybillAttachmentSchema });
export const VoidWaybillInputSchema = z.strictObject({
  keys: OrderKeyListSchema,
  waybillId: WaybillAttachmentSchema.shape.waybillId,
  trackingNumber: WaybillAttachmentSchema.shape.trackingNumber,
});

export const ClaimInputSchema = z
  .strictObject({
    claimId: z.string().min(1).max(200),
    type: ClaimSchema.shape.type,
    status: ClaimSchema.shape.status,
    quantity: ClaimSchema.shape.quantity,
    lineId: LineIdSchema.optional(),
    reason: z.string().max(500).optional(),
  })
  .refine((claim) => !(claim.lineId && claim.status === 'DONE' && claim.quantity === 0), {
    path: ['quantity'],
    message: 'a completed claim on a line must move at least 1 unit',
  });
export const ClaimCallSchema = z.strictObject({ key: OrderKeySchema, claim: ClaimInputSchema });

export const OrderFlagsSchema = z.strictObject({
  confirmed: z.boolean().optional(),
  packed: z.boolean().optional(),
  delivered: z.boolean().optional(),
  /** A label was printed for this order (once per print). */
  printed: z.literal(true).optional(),
  tracking: z.strictObject({ status: TrackingStatusSchema, message: z.string().max(1000).optional(), lines: z.array(TrackingLineSchema).max(MAX_LINES_PER_ORDER).optional() }).optional(),
});
export const FlagsInputSchema = z.strictObject({ key: OrderKeySchema, flags: OrderFlagsSchema });

export const OrderQuerySchema = z.strictObject({
  status: OrderStateSchema.optional(),
  channel: ChannelSchema.optional(),
  after: z.int().min(0).optional(),
  limit: z.int().min(1).max(MAX_BATCH),
});

export const ADJUSTMENT_KINDS = ['inbound', 'set', 'safety'] as const;

export const AdjustInputSchema = z
  .strictObject({
    sku: SkuCodeSchema,
    kind: z.enum(ADJUSTMENT_KINDS),
    /** inbound: units to add; set and safety: the new value. */
    quantity: CountSchema,
    expected: CountSchema.optional(),
    ref: z.string().min(1).max(200),
  })
  .refine((input) => input.kind !== 'inbound' || input.quantity >= 1, { path: ['quantity'], message: 'an inbound adds at least 1 unit' });

export const LedgerQuerySchema = z.strictObject({
  sku: SkuCodeSchema.optional(),
  since: z.string().regex(/^\d+(-\d+)?$/, 'must be a ledger entry id or a time in ms').optional(),
  limit: z.int().min(1).max(MAX_BATCH),
});

export const SkuListSchema = z.array(SkuCodeSchema).max(MAX_BATCH, `must have at most ${MAX_BATCH} items`);

export const TrimInputSchema = z.strictObject({
  ledgerBefore: z.date(),
  outboxBefore: z.date(),
  batch: z.int().min(1).max(100_000),
});

export const EraseInputSchema = z.strictObject({
  closedBefore: z.date(),
  batch: z.int().min(1).max(10_000),
});

export const RaiseAlertInputSchema = z.strictObject({
  type: AlertTypeSchema,
  severity: AlertSeveritySchema,
  subject: z.string().min(1).max(300),
  detail: AlertSchema.shape.detail,
});
export const AlertIdSchema = z.string().min(1).max(400);
