import { z } from 'zod';
import { ComponentSchema, MAX_QUANTITY, QuantitySchema } from './catalog';
import { AccountIdSchema, ChannelSchema, IsoDateTimeSchema, LineIdSchema, ListingIdSchema, OrderIdSchema, SkuCodeSchema } from './ids';
import { HeldReasonSchema, OrderStateSchema } from './state-machine';

export const MAX_LINES_PER_ORDER = 100;

export const PHONE_PATTERN = /^[0-9+()\- ]{4,20}$/;
export const ZIP_PATTERN = /^[0-9-]{0,10}$/;

export const ReceiverSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: z.string().regex(PHONE_PATTERN, 'must be 4-20 digits, spaces, "+", "(", ")" or "-"'),
  zip: z.string().regex(ZIP_PATTERN, 'must be digits'),
  address1: z.string().trim().min(1).max(300),
  address2: z.string().max(300).optional(),
});
export type Receiver = z.infer<typeof ReceiverSchema>;

/**
 * A receiver whose data was erased by retention (the order has `piiErasedAt`): every field is ''. Stored
 * orders may carry one; order input never does.
 */
export const ErasedReceiverSchema = z.strictObject({
  name: z.literal(''),
  phone: z.literal(''),
  zip: z.literal(''),
  address1: z.literal(''),
  address2: z.literal('').optional(),
});

export const OrderLineInputSchema = z.strictObject({
  lineId: LineIdSchema,
  listingId: ListingIdSchema,
  quantity: QuantitySchema,
  /** The seller's own code on the channel (Naver optionManageCode, Coupang externalVendorSkuCode, Cafe24 custom_variant_code). */
  sellerCode: SkuCodeSchema.optional(),
  productName: z.string().max(300).optional(),
  optionName: z.string().max(300).optional(),
});
export type OrderLineInput = z.infer<typeof OrderLineInputSchema>;

export const OrderInputSchema = z.strictObject({
  channel: ChannelSchema,
  account: AccountIdSchema,
  orderId: OrderIdSchema,
  orderedAt: IsoDateTimeSchema.optional(),
  /** The channel's dispatch deadline (Naver shippingDueDate). */
  dueAt: IsoDateTimeSchema.optional(),
  lines: z
    .array(OrderLineInputSchema)
    .min(1, 'an order needs at least one line')
    .max(MAX_LINES_PER_ORDER)
    .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length, 'has a duplicate lineId'),
  receiver: ReceiverSchema,
  message: z.string().max(500).optional(),
});
export type OrderInput = z.infer<typeof OrderInputSchema>;

export const CLAIM_TYPES = ['CANCEL', 'RETURN', 'EXCHANGE'] as const;
export const CLAIM_STATUSES = ['REQUESTED', 'DONE', 'REJECTED'] as const;
export const ClaimSchema = z.object({
  type: z.enum(CLAIM_TYPES),
  status: z.enum(CLAIM_STATUSES),
  quantity: z.int().min(0).max(MAX_QUANTITY),
  lineId: LineIdSchema.optional(),
  reason: z.string().max(500).optional(),
  at: z.string().optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** "Saved here" and "accepted by the channel" are different facts, so tracking is kept apart from the state. */
export const TRACKING_STATUSES = ['none', 'pending', 'accepted', 'rejected'] as const;
export const TrackingStatusSchema = z.enum(TRACKING_STATUSES);
/** The channel's answer for one line of a tracking dispatch; a refusal keeps the channel's own text. */
export const TrackingLineSchema = z.object({
  lineId: LineIdSchema,
  status: z.enum(['accepted', 'rejected', 'pending']),
  message: z.string().max(1000).optional(),
});
export type TrackingLine = z.infer<typeof TrackingLineSchema>;
export const TrackingSchema = z.object({
  status: TrackingStatusSchema,
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
  message: z.string().optional(),
  at: z.string().optional(),
  /** Per line, once a dispatch was tried. */
  lines: z.array(TrackingLineSchema).optional(),
});
export type Tracking = z.infer<typeof TrackingSchema>;

export const OrderLineSchema = OrderLineInputSchema.extend({
  /** Units cancelled or returned by partial claims; the line still ships quantity - cancelled units. */
  cancelled: z.int().min(0),
  returned: z.int().min(0),
  claim: ClaimSchema.optional(),
  /** The listing's components when the line was reserved; returns and partial cancels move exactly these. */
  components: z.array(ComponentSchema).optional(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const OrderSchema = z.object({
  key: z.string(),
  channel: ChannelSchema,
  account: AccountIdSchema,
  orderId: OrderIdSchema,
  state: OrderStateSchema,
  heldReason: HeldReasonSchema.nullable(),
  /** Why it is held, for people: the unmapped listings, the short SKUs, the carrier's address error. */
  heldDetail: z.string().nullable(),
  lines: z.array(OrderLineSchema),
  receiver: z.union([ReceiverSchema, ErasedReceiverSchema]),
  message: z.string().optional(),
  orderedAt: z.string().optional(),
  dueAt: z.string().optional(),
  confirmed: z.boolean(),
  claim: ClaimSchema.nullable(),
  tracking: TrackingSchema,
  packed: z.boolean(),
  addressChanged: z.boolean(),
  /** What this order reserves right now, per SKU; empty unless ALLOCATED or WAYBILL_ISSUED. */
  allocation: z.record(z.string(), z.int()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Monotonic per seller; bumps on every change, so `updatedSince` can page changes stably. */
  seq: z.int(),
  /** Waybills (one per box) covering this order while it is WAYBILL_ISSUED or later. */
  waybillIds: z.array(z.string()).optional(),
  shippedAt: z.string().optional(),
  /** The label of the API key that shipped it, and the packing station. */
  shippedBy: z.string().optional(),
  shippedStation: z.string().optional(),
  deliveredAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  returnedAt: z.string().optional(),
  /** When retention erased the receiver and the delivery message. */
  piiErasedAt: z.string().optional(),
});
export type Order = z.infer<typeof OrderSchema>;

/** Units of a line still to be fulfilled. */
export function openQuantity(line: Pick<OrderLine, 'quantity' | 'cancelled'>): number {
  return line.quantity - line.cancelled;
}
