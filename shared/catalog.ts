import { z } from 'zod';
import { AccountIdSchema, ChannelSchema, ListingIdSchema, SkuCodeSchema } from './ids';

/** Largest stock figure we accept; Naver caps stock at 99,999,999. */
export const MAX_QUANTITY = 99_999_999;
export const QuantitySchema = z.int().min(1).max(MAX_QUANTITY);
export const CountSchema = z.int().min(0).max(MAX_QUANTITY);
export const MAX_BATCH = 1000;

export const SkuInputSchema = z.strictObject({
  sku: SkuCodeSchema,
  name: z.string().min(1).max(200),
  barcode: z.string().min(1).max(64).optional(),
  safety: CountSchema.optional(),
});
export type SkuInput = z.infer<typeof SkuInputSchema>;

/** Counters of one SKU. available = max(0, onHand - reserved - safety); only available is pushed to channels. */
export const SkuSchema = z.object({
  sku: SkuCodeSchema,
  name: z.string(),
  barcode: z.string().optional(),
  onHand: z.int(),
  reserved: z.int(),
  safety: z.int(),
  quarantine: z.int(),
  available: z.int(),
});
export type Sku = z.infer<typeof SkuSchema>;

export function availableOf(counters: { onHand: number; reserved: number; safety: number }): number {
  return Math.max(0, counters.onHand - counters.reserved - counters.safety);
}

export const ComponentSchema = z.strictObject({ sku: SkuCodeSchema, qty: QuantitySchema });
export type Component = z.infer<typeof ComponentSchema>;

/** Channel-specific facts a connector needs to push stock (for example Naver's originProductNo). */
export const ListingMetadataSchema = z.record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]));

export const ListingInputSchema = z.strictObject({
  channel: ChannelSchema,
  account: AccountIdSchema,
  listingId: ListingIdSchema,
  components: z
    .array(ComponentSchema)
    .min(1, 'a listing needs at least one component')
    .max(50)
    .refine((components) => new Set(components.map((c) => c.sku)).size === components.length, 'names a SKU twice'),
  metadata: ListingMetadataSchema.optional(),
});
export type ListingInput = z.infer<typeof ListingInputSchema>;

export const ListingSchema = ListingInputSchema.extend({
  metadata: ListingMetadataSchema,
  sellable: z.int(),
  autoMapped: z.boolean(),
});
export type Listing = z.infer<typeof ListingSchema>;

/** A listing's sellable quantity: the minimum over its components of floor(available / qty). */
export function sellableOf(components: readonly Component[], availableBySku: (sku: string) => number): number {
  let sellable = Number.POSITIVE_INFINITY;
  for (const component of components) sellable = Math.min(sellable, Math.floor(availableBySku(component.sku) / component.qty));
  return Number.isFinite(sellable) ? sellable : 0;
}
