import { z } from 'zod';
import { availableOf, sellableOf, type Component, type Listing, type ListingInput, type Sku, type SkuInput } from '../../shared/catalog';
import { parseListingKey } from '../../shared/ids';
import { luaArray, type SellerContext } from './context';
import { ListingBatchSchema, SkuBatchSchema } from './inputs';
import { validated } from './validate';

export const SkuUpsertResultSchema = z.union([
  z.object({ sku: z.string(), status: z.enum(['created', 'updated', 'unchanged']) }),
  z.object({ sku: z.string(), status: z.literal('error'), code: z.string(), detail: z.string() }),
]);
export type SkuUpsertResult = z.infer<typeof SkuUpsertResultSchema>;

export const ListingUpsertResultSchema = z.union([
  z.object({
    listing: z.string(),
    status: z.enum(['created', 'updated']),
    released: luaArray(z.object({ key: z.string(), status: z.string(), reason: z.string().nullable() })),
  }),
  z.object({ listing: z.string(), status: z.literal('error'), code: z.string(), detail: z.string() }),
]);
export type ListingUpsertResult = z.infer<typeof ListingUpsertResultSchema>;

const ComponentsJson = z.string().transform((raw) => z.array(z.object({ sku: z.string(), qty: z.int() })).parse(JSON.parse(raw)));
const MetadataJson = z.string().transform((raw) => z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).parse(JSON.parse(raw)));
const StoredListing = z.object({ components: ComponentsJson, metadata: MetadataJson.optional(), autoMapped: z.enum(['0', '1']).optional() });
const StoredSku = z.object({
  name: z.string(),
  barcode: z.string().optional(),
  onHand: z.coerce.number().int(),
  reserved: z.coerce.number().int(),
  safety: z.coerce.number().int(),
  quarantine: z.coerce.number().int(),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** SKUs, listings and what they can sell. Writes go through scripts; reads are plain commands. */
export class CatalogStore {
  constructor(private readonly ctx: SellerContext) {}

  /** At most MAX_BATCH SKUs, each named once; the batch is one atomic script. */
  async upsertSkus(items: readonly SkuInput[]): Promise<SkuUpsertResult[]> {
    const batch = validated(SkuBatchSchema, items);
    if (batch.length === 0) return [];
    return this.ctx.callParsed('upsert_skus', [], [JSON.stringify(batch)], luaArray(SkuUpsertResultSchema));
  }

  /** At most MAX_BATCH listings, each named once. A listing naming an unknown SKU is an item error (UNKNOWN_SKU). */
  async upsertListings(items: readonly ListingInput[]): Promise<ListingUpsertResult[]> {
    const batch = validated(ListingBatchSchema, items);
    if (batch.length === 0) return [];
    return this.ctx.callParsed('upsert_listings', [], [JSON.stringify(batch)], luaArray(ListingUpsertResultSchema));
  }

  async getSkus(codes: readonly string[]): Promise<Map<string, Sku>> {
    const redis = this.ctx.redis();
    const raws = await Promise.all(codes.map((code) => redis.hGetAll(this.ctx.keys.sku(code))));
    const found = new Map<string, Sku>();
    codes.forEach((code, index) => {
      const raw = raws[index];
      if (!raw || Object.keys(raw).length === 0) return;
      const stored = StoredSku.parse(raw);
      found.set(code, { sku: code, ...stored, available: availableOf(stored) });
    });
    return found;
  }

  async getSku(code: string): Promise<Sku | null> {
    return (await this.getSkus([code])).get(code) ?? null;
  }

  /** SKUs in code order, `limit` at a time; the cursor is the last code returned. */
  async listSkus(cursor: string | null, limit: number): Promise<Page<Sku>> {
    const codes = await this.rangeByLex(this.ctx.keys.skuIndex, cursor, limit);
    const skus = await this.getSkus(codes);
    const items = codes.flatMap((code) => skus.get(code) ?? []);
    return { items, nextCursor: codes.length === limit ? (codes.at(-1) ?? null) : null };
  }

  async getListings(listingKeys: readonly string[]): Promise<Map<string, Omit<Listing, 'sellable'>>> {
    const redis = this.ctx.redis();
    const raws = await Promise.all(listingKeys.map((key) => redis.hGetAll(this.ctx.keys.listing(key))));
    const found = new Map<string, Omit<Listing, 'sellable'>>();
    listingKeys.forEach((key, index) => {
      const raw = raws[index];
      const parts = parseListingKey(key);
      if (!raw || Object.keys(raw).length === 0 || !parts) return;
      const stored = StoredListing.parse(raw);
      found.set(key, { ...parts, components: stored.components, metadata: stored.metadata ?? {}, autoMapped: stored.autoMapped === '1' });
    });
    return found;
  }

  /** Listings with their sellable quantity: the minimum over components of floor(available / qty). */
  async withSellable(listings: Iterable<Omit<Listing, 'sellable'>>): Promise<Listing[]> {
    const list = [...listings];
    const skuCodes = [...new Set(list.flatMap((listing) => listing.components.map((c: Component) => c.sku)))];
    const skus = await this.getSkus(skuCodes);
    return list.map((listing) => ({ ...listing, sellable: sellableOf(listing.components, (sku) => skus.get(sku)?.available ?? 0) }));
  }

  async listListings(cursor: string | null, limit: number): Promise<Page<Listing>> {
    const keys = await this.rangeByLex(this.ctx.keys.listingIndex, cursor, limit);
    const listings = await this.getListings(keys);
    return { items: await this.withSellable(listings.values()), nextCursor: keys.length === limit ? (keys.at(-1) ?? null) : null };
  }

  /** Every listing that sells a unit of this SKU (what a stock push must update when the SKU changes). */
  async listingKeysOfSku(sku: string): Promise<string[]> {
    return (await this.ctx.redis().sMembers(this.ctx.keys.skuListings(sku))).sort();
  }

  async skuByBarcode(barcode: string): Promise<string | null> {
    return (await this.ctx.redis().hGet(this.ctx.keys.barcodes, barcode)) ?? null;
  }

  private async rangeByLex(indexKey: string, cursor: string | null, limit: number): Promise<string[]> {
    const start = cursor === null ? '-' : `(${cursor}`;
    return this.ctx.redis().zRange(indexKey, start, '+', { BY: 'LEX', LIMIT: { offset: 0, count: limit } });
  }
}
