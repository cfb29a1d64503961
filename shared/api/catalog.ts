import { z } from 'zod';
import { ListingInputSchema, ListingSchema, MAX_BATCH, SkuInputSchema, SkuSchema } from '../catalog';
import { ChannelSchema } from '../ids';
import { CursorQuerySchema, ErrorDetailSchema, LimitQuerySchema } from './common';

export const PutSkusBodySchema = z.strictObject({ skus: z.array(SkuInputSchema).max(MAX_BATCH) });
export const SkuResultSchema = z.discriminatedUnion('result', [
  z.object({ sku: z.string(), result: z.literal('applied'), change: z.enum(['created', 'updated', 'unchanged']) }),
  z.object({ sku: z.string(), result: z.literal('error'), error: ErrorDetailSchema }),
]);
export type SkuResult = z.infer<typeof SkuResultSchema>;
export const PutSkusResponseSchema = z.object({ results: z.array(SkuResultSchema) });

export const PageQuerySchema = z.strictObject({ cursor: CursorQuerySchema, limit: LimitQuerySchema });
export const ListSkusResponseSchema = z.object({ skus: z.array(SkuSchema), nextCursor: z.string().nullable() });

export const PutListingsBodySchema = z.strictObject({ listings: z.array(ListingInputSchema).max(MAX_BATCH) });
const ListingRef = { channel: ChannelSchema, account: z.string(), listingId: z.string() };
export const ListingResultSchema = z.discriminatedUnion('result', [
  z.object({
    ...ListingRef,
    result: z.literal('applied'),
    change: z.enum(['created', 'updated']),
    /** Orders this mapping moved (held ones allocated, or allocated ones held again). */
    released: z.array(z.object({ key: z.string(), status: z.string(), reason: z.string().nullable() })),
  }),
  z.object({ ...ListingRef, result: z.literal('error'), error: ErrorDetailSchema }),
]);
export type ListingResult = z.infer<typeof ListingResultSchema>;
export const PutListingsResponseSchema = z.object({ results: z.array(ListingResultSchema) });
export const ListListingsResponseSchema = z.object({ listings: z.array(ListingSchema), nextCursor: z.string().nullable() });
