import { MAX_QUANTITY } from '../../../shared/catalog';
import { ChannelError, type StockOutcome, type StockUpdate } from '../connector';
import type { NaverCommerceClient } from './client';
import { parseListingId } from './map';
import { chunk } from './orders';
import type { MultiUpdateItem, OptionRow, OptionStockRequest, OptionStockRow } from './wire';

/**
 * Absolute stock per listing (channels.md §1.5).
 *
 * Options go through `PUT …/{originProductNo}/option-stock`. Whether Naver keeps the stock of options left out
 * of that request is unknown, so by default the product is read first and every option is sent, with only the
 * mapped ones changed: a sibling is never zeroed by omission. Set `optionStockOmission: 'keeps'` once it is
 * verified that omitted options keep their stock; then only the mapped rows are sent, which also avoids
 * writing back a sibling's stock that a sale changed between the read and the write.
 *
 * Products without options go through `PATCH …/multi-update` with STOCK, several products per call.
 */

export interface StockOptions {
  optionStockOmission: 'unknown' | 'keeps';
  /** Products per multi-update call. Naver does not document a maximum. */
  multiUpdateBatch: number;
}

export const DEFAULT_STOCK: StockOptions = { optionStockOmission: 'unknown', multiUpdateBatch: 50 };

interface Target {
  listingId: string;
  quantity: number;
}

interface ProductTargets {
  originProductNo: string;
  /** option id → target; empty for a product without options */
  options: Map<string, Target>;
  whole: Target | null;
}

export async function pushStock(client: NaverCommerceClient, updates: readonly StockUpdate[], options: StockOptions): Promise<StockOutcome[]> {
  const outcomes = new Map<string, StockOutcome>();
  const products = new Map<string, ProductTargets>();
  for (const update of updates) {
    const listing = parseListingId(update.listingId);
    if (!listing) {
      outcomes.set(update.listingId, { listingId: update.listingId, ok: false, code: 'INVALID_LISTING', message: `"${update.listingId}" is not originProductNo or originProductNo:optionId` });
      continue;
    }
    if (!Number.isFinite(update.quantity)) {
      outcomes.set(update.listingId, { listingId: update.listingId, ok: false, code: 'INVALID_QUANTITY', message: `quantity ${update.quantity} is not a number` });
      continue;
    }
    const target: Target = { listingId: update.listingId, quantity: Math.min(MAX_QUANTITY, Math.max(0, Math.floor(update.quantity))) };
    const product = products.get(listing.originProductNo) ?? { originProductNo: listing.originProductNo, options: new Map(), whole: null };
    // A later update of the same listing in one call wins: quantities are absolute.
    if (listing.optionId === null) product.whole = target;
    else product.options.set(listing.optionId, target);
    products.set(listing.originProductNo, product);
  }

  const wholeProducts: ProductTargets[] = [];
  for (const product of products.values()) {
    if (product.whole) wholeProducts.push(product);
    if (product.options.size === 0) continue;
    for (const outcome of await pushOptions(client, product, options)) outcomes.set(outcome.listingId, outcome);
  }
  for (const batch of chunk(wholeProducts, Math.max(1, options.multiUpdateBatch))) {
    for (const outcome of await pushWholeProducts(client, batch)) outcomes.set(outcome.listingId, outcome);
  }
  const listingIds = [...new Set(updates.map((update) => update.listingId))];
  return listingIds.map((id) => outcomes.get(id) ?? { listingId: id, ok: false, code: 'NO_RESULT', message: 'not processed' });
}

async function pushOptions(client: NaverCommerceClient, product: ProductTargets, options: StockOptions): Promise<StockOutcome[]> {
  const targets = [...product.options.values()];
  const fail = (list: Target[], code: string, message: string): StockOutcome[] => list.map((target) => ({ listingId: target.listingId, ok: false, code, message }));
  try {
    const { originProduct } = await client.originProduct(product.originProductNo);
    const info = originProduct.detailAttribute?.optionInfo;
    const kind = (info?.optionCombinations?.length ?? 0) > 0 ? 'optionCombinations' : (info?.optionStandards?.length ?? 0) > 0 ? 'optionStandards' : null;
    if (!info || !kind) return fail(targets, 'NO_OPTIONS', `product ${product.originProductNo} has no options on Naver; map it without an option id`);
    const rows = info[kind] ?? [];
    const known = new Set(rows.map((row) => row.id));
    const outcomes: StockOutcome[] = [];
    for (const [optionId, target] of product.options) {
      if (!known.has(optionId)) {
        outcomes.push({ listingId: target.listingId, ok: false, code: 'UNKNOWN_OPTION', message: `product ${product.originProductNo} has no option ${optionId}` });
        product.options.delete(optionId);
      }
    }
    const mapped = rows.filter((row) => product.options.has(row.id));
    if (mapped.length === 0) return outcomes;
    const unchanged = info.useStockManagement !== false && mapped.every((row) => row.stockQuantity === product.options.get(row.id)?.quantity);
    if (!unchanged) {
      const sent = options.optionStockOmission === 'keeps' ? mapped : rows;
      const unknownSibling = sent.find((row) => !product.options.has(row.id) && (row.stockQuantity === null || row.stockQuantity === undefined));
      if (unknownSibling) {
        return [...outcomes, ...fail([...product.options.values()], 'SIBLING_STOCK_UNKNOWN', `option ${unknownSibling.id} shows no stock, so sending all options could zero it`)];
      }
      const request: OptionStockRequest = {
        optionInfo: { [kind]: sent.map((row) => optionStockRow(row, product.options.get(row.id)?.quantity)), useStockManagement: true },
      };
      await client.putOptionStock(product.originProductNo, request);
    }
    return [...outcomes, ...[...product.options.values()].map((target): StockOutcome => ({ listingId: target.listingId, ok: true }))];
  } catch (error) {
    if (error instanceof ChannelError && (error.kind === 'rejected' || error.kind === 'bad_response')) return fail(targets, error.channelCode ?? error.kind, error.message);
    throw error;
  }
}

/** The row as read, with only its stock replaced when it is mapped: price and usable go back unchanged. */
function optionStockRow(row: OptionRow, quantity: number | undefined): OptionStockRow {
  return {
    id: /^\d{1,15}$/.test(row.id) ? Number(row.id) : row.id,
    stockQuantity: quantity ?? row.stockQuantity ?? 0,
    ...(row.price === null || row.price === undefined ? {} : { price: row.price }),
    ...(row.usable === null || row.usable === undefined ? {} : { usable: row.usable }),
  };
}

/** One call for the batch; when Naver refuses it, each product is retried alone so one bad product names itself. */
async function pushWholeProducts(client: NaverCommerceClient, batch: ProductTargets[]): Promise<StockOutcome[]> {
  const item = (product: ProductTargets): MultiUpdateItem => ({
    originProductNo: /^\d{1,15}$/.test(product.originProductNo) ? Number(product.originProductNo) : product.originProductNo,
    multiUpdateTypes: ['STOCK'],
    stockQuantity: product.whole?.quantity ?? 0,
  });
  const listingOf = (product: ProductTargets) => product.whole?.listingId ?? product.originProductNo;
  try {
    await client.multiUpdate(batch.map(item));
    return batch.map((product) => ({ listingId: listingOf(product), ok: true }));
  } catch (error) {
    if (!(error instanceof ChannelError) || !(error.kind === 'rejected' || error.kind === 'bad_response')) throw error;
    const [only] = batch;
    if (batch.length === 1 && only) return [{ listingId: listingOf(only), ok: false, code: error.channelCode ?? error.kind, message: error.message }];
    const outcomes: StockOutcome[] = [];
    for (const product of batch) outcomes.push(...(await pushWholeProducts(client, [product])));
    return outcomes;
  }
}
