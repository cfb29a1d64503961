import { describe, expect, it } from 'vitest';
import { productWithOptions, smartStoreHarness } from './harness';

const noMetadata = {};

/** Absolute stock per option; the sandbox zeroes options left out of option-stock, so omissions would show. */
describe('smartstore stock push', () => {
  it('changes only the mapped option and leaves its siblings as they were', async () => {
    const { sandbox, account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [5, 7, 9]);
    const [first = '', second = '', third = ''] = product.optionIds;
    const outcomes = await connector.setStock([{ listingId: `${product.originProductNo}:${second}`, quantity: 2, metadata: noMetadata }]);
    expect(outcomes).toEqual([{ listingId: `${product.originProductNo}:${second}`, ok: true }]);
    expect([first, second, third].map((id) => account.stockOf(product.originProductNo, id))).toEqual([5, 2, 9]);
    expect(sandbox.optionStockOmission).toBe('zero');
  });

  it('the same push sending only the mapped row (the "keeps" setting) zeroes siblings on a gateway that zeroes them', async () => {
    const { account, connector } = await smartStoreHarness({ connector: { stock: { optionStockOmission: 'keeps' } } });
    const product = productWithOptions(account, [5, 7]);
    await connector.setStock([{ listingId: product.listingIds[1] ?? '', quantity: 2, metadata: noMetadata }]);
    expect(account.stockOf(product.originProductNo, product.optionIds[0])).toBe(0);
  });

  it('with "keeps" against a gateway that keeps omitted options, sends only the mapped rows', async () => {
    const { sandbox, account, connector } = await smartStoreHarness({ sandbox: { optionStockOmission: 'keep' }, connector: { stock: { optionStockOmission: 'keeps' } } });
    const product = productWithOptions(account, [5, 7]);
    await connector.setStock([{ listingId: product.listingIds[1] ?? '', quantity: 2, metadata: noMetadata }]);
    expect(product.optionIds.map((id) => account.stockOf(product.originProductNo, id))).toEqual([5, 2]);
    expect(sandbox.requests.filter((request) => request.endpoint === 'origin-products/option-stock')).toHaveLength(1);
  });

  it('groups updates to one product into one call, and skips a product whose stock already matches', async () => {
    const { sandbox, account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [5, 7, 9]);
    const [a = '', b = '', c = ''] = product.listingIds;
    await connector.setStock([
      { listingId: a, quantity: 1, metadata: noMetadata },
      { listingId: b, quantity: 0, metadata: noMetadata },
      { listingId: c, quantity: 3, metadata: noMetadata },
    ]);
    expect(product.optionIds.map((id) => account.stockOf(product.originProductNo, id))).toEqual([1, 0, 3]);
    expect(sandbox.faults.requests('origin-products/option-stock')).toBe(1);
    await connector.setStock([{ listingId: b, quantity: 0, metadata: noMetadata }]);
    expect(sandbox.faults.requests('origin-products/get')).toBe(2);
    expect(sandbox.faults.requests('origin-products/option-stock')).toBe(1);
  });

  it('pushes products without options through multi-update, several per call', async () => {
    const { sandbox, account, connector } = await smartStoreHarness();
    const plain = [account.createProduct({ name: '머그컵', stock: 4 }), account.createProduct({ name: '텀블러', stock: 6 })];
    const outcomes = await connector.setStock(plain.map((product, index) => ({ listingId: product.originProductNo, quantity: 10 + index, metadata: noMetadata })));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(plain.map((product) => account.stockOf(product.originProductNo))).toEqual([10, 11]);
    expect(sandbox.faults.requests('origin-products/multi-update')).toBe(1);
    expect(sandbox.faults.requests('origin-products/get')).toBe(0);
  });

  it('fails per listing: an unknown option, a listing that is not a product id, a product that has options', async () => {
    const { account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [5, 7]);
    const plain = account.createProduct({ name: '머그컵', stock: 4 });
    const outcomes = await connector.setStock([
      { listingId: `${product.originProductNo}:49999999999`, quantity: 1, metadata: noMetadata },
      { listingId: product.listingIds[0] ?? '', quantity: 3, metadata: noMetadata },
      { listingId: 'a:b:c', quantity: 1, metadata: noMetadata },
      { listingId: product.originProductNo, quantity: 1, metadata: noMetadata },
      { listingId: plain.originProductNo, quantity: 8, metadata: noMetadata },
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.code))).toEqual(['UNKNOWN_OPTION', 'ok', 'INVALID_LISTING', 'BadRequest', 'ok']);
    expect(account.stockOf(product.originProductNo, product.optionIds[0])).toBe(3);
    expect(account.stockOf(product.originProductNo, product.optionIds[1])).toBe(7);
    expect(account.stockOf(plain.originProductNo)).toBe(8);
  });

  it('the sandbox sells from option stock and refuses a sale at 0', async () => {
    const { account, connector } = await smartStoreHarness();
    const product = productWithOptions(account, [5]);
    await connector.setStock([{ listingId: product.listingIds[0] ?? '', quantity: 1, metadata: noMetadata }]);
    account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] });
    expect(() => account.placeOrder({ lines: [{ originProductNo: product.originProductNo, optionId: product.optionIds[0] ?? null, quantity: 1 }] })).toThrow(/SOLD_OUT|has 0 in stock/);
    expect(account.stockOf(product.originProductNo, product.optionIds[0])).toBe(0);
  });
});
