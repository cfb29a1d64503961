import type { IdSource } from './ids';
import { SandboxError, type SandboxOption, type SandboxProduct } from './model';

/**
 * A sandbox account's products and their stock. A sale takes stock and is refused at 0, so an oversell
 * against the sandbox shows up as a refused order rather than a negative count.
 */

export const MAX_STOCK = 99_999_999;

export interface NewProduct {
  name: string;
  salePrice?: number;
  sellerManagementCode?: string;
  /** Stock of a product without options. */
  stock?: number;
  options?: { name: string; name2?: string; stock: number; price?: number; sellerManagerCode?: string; usable?: boolean }[];
}

/** What omitted options get from option-stock: Naver does not say, so both readings are available. */
export type OptionStockOmission = 'zero' | 'keep';

export class SandboxCatalog {
  readonly products = new Map<string, SandboxProduct>();

  constructor(private readonly ids: IdSource) {}

  create(input: NewProduct): SandboxProduct {
    const options = input.options?.length
      ? input.options.map(
          (option): SandboxOption => ({
            id: this.ids.next('option'),
            optionName1: option.name,
            ...(option.name2 ? { optionName2: option.name2 } : {}),
            stockQuantity: checkStock(option.stock),
            price: option.price ?? 0,
            ...(option.sellerManagerCode ? { sellerManagerCode: option.sellerManagerCode } : {}),
            usable: option.usable ?? true,
          }),
        )
      : null;
    const product: SandboxProduct = {
      originProductNo: this.ids.next('originProduct'),
      channelProductNo: this.ids.next('channelProduct'),
      name: input.name,
      salePrice: input.salePrice ?? 10_000,
      ...(input.sellerManagementCode ? { sellerManagementCode: input.sellerManagementCode } : {}),
      stockQuantity: options ? 0 : checkStock(input.stock ?? 0),
      options,
    };
    syncTotal(product);
    this.products.set(product.originProductNo, product);
    return product;
  }

  product(originProductNo: string): SandboxProduct {
    const product = this.products.get(originProductNo);
    if (!product) throw new SandboxError('UNKNOWN_PRODUCT', `no product ${originProductNo}`);
    return product;
  }

  option(product: SandboxProduct, optionId: string | null): SandboxOption | null {
    if (optionId === null) {
      if (product.options) throw new SandboxError('OPTION_REQUIRED', `product ${product.originProductNo} has options; name one`);
      return null;
    }
    const option = product.options?.find((candidate) => candidate.id === optionId);
    if (!option) throw new SandboxError('UNKNOWN_OPTION', `product ${product.originProductNo} has no option ${optionId}`);
    return option;
  }

  stockOf(originProductNo: string, optionId: string | null = null): number {
    const product = this.product(originProductNo);
    const option = this.option(product, optionId);
    return option ? option.stockQuantity : product.stockQuantity;
  }

  /** Takes stock for every line or for none. */
  take(lines: { originProductNo: string; optionId: string | null; quantity: number }[]): void {
    const needed = new Map<string, number>();
    for (const line of lines) {
      const key = `${line.originProductNo}:${line.optionId ?? ''}`;
      needed.set(key, (needed.get(key) ?? 0) + line.quantity);
    }
    for (const line of lines) {
      const key = `${line.originProductNo}:${line.optionId ?? ''}`;
      const have = this.stockOf(line.originProductNo, line.optionId);
      if (have < (needed.get(key) ?? 0)) throw new SandboxError('SOLD_OUT', `${key} has ${have} in stock, the order needs ${needed.get(key)}`);
      const product = this.product(line.originProductNo);
      if (product.options && !this.option(product, line.optionId)?.usable) throw new SandboxError('OPTION_NOT_USABLE', `${key} is not on sale`);
    }
    for (const line of lines) this.adjust(line.originProductNo, line.optionId, -line.quantity);
  }

  /** Stock back (a completed cancel): SmartStore adjusts its own stock on sale and cancel (channels.md §1.6). */
  give(originProductNo: string, optionId: string | null, quantity: number): void {
    this.adjust(originProductNo, optionId, quantity);
  }

  setStock(originProductNo: string, optionId: string | null, quantity: number): void {
    const product = this.product(originProductNo);
    const option = this.option(product, optionId);
    if (option) option.stockQuantity = checkStock(quantity);
    else product.stockQuantity = checkStock(quantity);
    syncTotal(product);
  }

  /** The option-stock PUT, after validation: rows sent are set, rows omitted follow the configured reading. */
  applyOptionStock(product: SandboxProduct, rows: { id: string; stockQuantity: number; price?: number; usable?: boolean }[], omission: OptionStockOmission): void {
    const sent = new Map(rows.map((row) => [row.id, row]));
    for (const option of product.options ?? []) {
      const row = sent.get(option.id);
      if (!row) {
        if (omission === 'zero') option.stockQuantity = 0;
        continue;
      }
      option.stockQuantity = row.stockQuantity;
      if (row.price !== undefined) option.price = row.price;
      if (row.usable !== undefined) option.usable = row.usable;
    }
    syncTotal(product);
  }

  private adjust(originProductNo: string, optionId: string | null, delta: number): void {
    const product = this.product(originProductNo);
    const option = this.option(product, optionId);
    if (option) option.stockQuantity = Math.min(MAX_STOCK, option.stockQuantity + delta);
    else product.stockQuantity = Math.min(MAX_STOCK, product.stockQuantity + delta);
    syncTotal(product);
  }
}

function checkStock(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_STOCK) throw new SandboxError('INVALID_STOCK', `stock ${quantity} is not an integer from 0 to ${MAX_STOCK}`);
  return quantity;
}

function syncTotal(product: SandboxProduct): void {
  if (product.options) product.stockQuantity = product.options.reduce((sum, option) => sum + option.stockQuantity, 0);
}
