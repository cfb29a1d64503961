import { z } from 'zod';
import { CountSchema, MAX_BATCH, QuantitySchema, SkuSchema } from '../catalog';
import { ChannelSchema, SkuCodeSchema } from '../ids';
import { LedgerEntrySchema } from '../ledger';
import { ErrorDetailSchema, LimitQuerySchema } from './common';

export const InventoryResponseSchema = z.object({
  skus: z.array(SkuSchema),
  listings: z.array(z.object({ channel: ChannelSchema, account: z.string(), listingId: z.string(), sellable: z.int() })),
});
export type InventoryResponse = z.infer<typeof InventoryResponseSchema>;

/**
 * `inbound` adds units; `set` is a physical count (the new on-hand); `safety` sets the buffer. `expected` is
 * the value the caller last saw of that counter (on-hand, or safety): if it moved meanwhile, nothing changes
 * and the answer is a conflict with the current value.
 */
export const AdjustmentInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ sku: SkuCodeSchema, kind: z.literal('inbound'), quantity: QuantitySchema, expected: CountSchema.optional() }),
  z.strictObject({ sku: SkuCodeSchema, kind: z.literal('set'), quantity: CountSchema, expected: CountSchema.optional() }),
  z.strictObject({ sku: SkuCodeSchema, kind: z.literal('safety'), quantity: CountSchema, expected: CountSchema.optional() }),
]);
export type AdjustmentInput = z.infer<typeof AdjustmentInputSchema>;
export const AdjustmentsBodySchema = z.strictObject({ adjustments: z.array(AdjustmentInputSchema).max(MAX_BATCH) });

const AdjustmentKindSchema = z.enum(['inbound', 'set', 'safety']);
export const AdjustmentResultSchema = z.discriminatedUnion('result', [
  z.object({
    sku: z.string(),
    kind: AdjustmentKindSchema,
    result: z.literal('applied'),
    onHand: z.int(),
    reserved: z.int(),
    safety: z.int(),
    available: z.int(),
    /** Orders a lower count sent back to HELD. */
    heldOrders: z.array(z.string()),
  }),
  z.object({ sku: z.string(), kind: AdjustmentKindSchema, result: z.literal('conflict'), current: z.int() }),
  z.object({ sku: z.string(), kind: AdjustmentKindSchema, result: z.literal('error'), error: ErrorDetailSchema }),
]);
export type AdjustmentResult = z.infer<typeof AdjustmentResultSchema>;
export const AdjustmentsResponseSchema = z.object({ results: z.array(AdjustmentResultSchema) });

/** `since` is exclusive: an entry id from an earlier page (`nextCursor`), or a time in ms since the epoch. */
export const LedgerQuerySchema = z.strictObject({
  sku: SkuCodeSchema.optional(),
  since: z
    .string()
    .regex(/^[0-9]{1,15}(-[0-9]{1,10})?$/, 'must be a ledger entry id or a time in ms')
    .optional(),
  limit: LimitQuerySchema,
});
export const LedgerResponseSchema = z.object({ entries: z.array(LedgerEntrySchema), nextCursor: z.string().nullable() });
