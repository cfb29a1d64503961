import { describe, expect, it } from 'vitest';
import { clientSecretSign } from '../../../server/channels/smartstore/token';
import { HOUR_MS, smartStoreHarness } from './harness';

/** The sandbox's gateway behaves like channels.md §1.1 and §1.7 say Naver's does. */
describe('smartstore sandbox gateway', () => {
  async function requestToken(url: string, fields: Record<string, string>) {
    const response = await fetch(`${url}/v1/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  function signedFields(clientId: string, secret: string, timestamp: number) {
    return { client_id: clientId, timestamp: String(timestamp), grant_type: 'client_credentials', client_secret_sign: clientSecretSign(clientId, secret, timestamp), type: 'SELF' };
  }

  it('issues a 3 h token, the same one while ≥ 30 min are left, then a new one while the old stays valid', async () => {
    const { sandbox, account, clock } = await smartStoreHarness();
    const first = await requestToken(sandbox.url, signedFields(account.clientId, account.clientSecret, clock.now() - 1_000));
    expect(first).toMatchObject({ status: 200, body: { expires_in: 10_800, token_type: 'Bearer' } });
    clock.advance(2 * HOUR_MS);
    const same = await requestToken(sandbox.url, signedFields(account.clientId, account.clientSecret, clock.now() - 1_000));
    expect(same.body).toMatchObject({ access_token: first.body.access_token, expires_in: 3_600 });
    clock.advance(31 * 60 * 1000);
    const renewed = await requestToken(sandbox.url, signedFields(account.clientId, account.clientSecret, clock.now() - 1_000));
    expect(renewed.body.access_token).not.toBe(first.body.access_token);
    const query = (token: unknown) =>
      fetch(`${sandbox.url}/v1/pay-order/seller/product-orders/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${String(token)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ productOrderIds: ['1'] }),
      });
    expect((await query(first.body.access_token)).status).toBe(200);
    clock.advance(29 * 60 * 1000);
    const expired = await query(first.body.access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'GW.AUTHN', message: '만료된 토큰입니다.', timestamp: expect.stringMatching(/\+09:00$/) });
    expect((await query(renewed.body.access_token)).status).toBe(200);
  });

  it('checks the signature against the secret as the bcrypt salt, and the fields', async () => {
    const { sandbox, account, clock } = await smartStoreHarness();
    const other = sandbox.addAccount();
    const wrongSalt = await requestToken(sandbox.url, signedFields(account.clientId, other.clientSecret, clock.now() - 1_000));
    expect(wrongSalt).toMatchObject({ status: 401, body: { code: 'GW.AUTHN' } });
    const wrongId = await requestToken(sandbox.url, { ...signedFields(account.clientId, account.clientSecret, clock.now() - 1_000), client_id: other.clientId });
    expect(wrongId.status).toBe(401);
    const missing = await requestToken(sandbox.url, { client_id: account.clientId, grant_type: 'client_credentials' });
    expect(missing.status).toBe(400);
    expect((missing.body.invalidInputs as { name: string }[]).map((input) => input.name)).toEqual(['timestamp', 'client_secret_sign', 'type']);
    const seller = await requestToken(sandbox.url, { ...signedFields(account.clientId, account.clientSecret, clock.now() - 1_000), type: 'SELLER' });
    expect(seller).toMatchObject({ status: 400, body: { invalidInputs: [{ name: 'account_id' }] } });
  });

  it('answers an unknown path with GW.NOT_FOUND and a missing token with GW.AUTHN', async () => {
    const { sandbox } = await smartStoreHarness();
    const unknown = await fetch(`${sandbox.url}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'GW.NOT_FOUND' });
    const anonymous = await fetch(`${sandbox.url}/v2/products/origin-products/1`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'GW.AUTHN' });
  });

  it('keeps two accounts apart: each token sees only its own orders and products', async () => {
    const { sandbox, account, connect, clock } = await smartStoreHarness();
    const second = sandbox.addAccount();
    const a = account.createProduct({ name: 'A', stock: 5 });
    const b = second.createProduct({ name: 'B', stock: 5 });
    const orderA = account.placeOrder({ lines: [{ originProductNo: a.originProductNo, quantity: 1 }] });
    const orderB = second.placeOrder({ lines: [{ originProductNo: b.originProductNo, quantity: 2 }] });
    const connectorA = connect(account);
    const connectorB = connect(second);
    const since = new Date(clock.now() - HOUR_MS);
    expect((await connectorA.pollOrders(null, since)).orders.map((order) => order.order.orderId)).toEqual([orderA.orderId]);
    expect((await connectorB.pollOrders(null, since)).orders.map((order) => order.order.orderId)).toEqual([orderB.orderId]);
    expect(await connectorA.fetchOrders(orderB.productOrderIds)).toEqual([]);
    const [foreign] = await connectorA.setStock([{ listingId: b.originProductNo, quantity: 0, metadata: {} }]);
    expect(foreign).toMatchObject({ ok: false });
    expect(second.stockOf(b.originProductNo)).toBe(3);
  });
});
