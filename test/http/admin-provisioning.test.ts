import { describe, expect, it } from 'vitest';
import { CreateKeyResponseSchema, CreateSellerResponseSchema, ListKeysResponseSchema, ListSellersResponseSchema, MeResponseSchema, RevokeKeyResponseSchema } from '../../shared/api/admin';
import { ErrorBodySchema } from '../../shared/api/common';
import { call, provisionSeller, startTestServer } from './support/harness';

const server = await startTestServer();
const admin = { key: server.adminKey };

describe('admin provisioning', () => {
  it('creates a seller whose first key works at once and is never shown again', async () => {
    const created = await call(server, 'POST', '/v1/admin/sellers', { ...admin, body: { name: '  행복상점  ' } });
    expect(created.status).toBe(201);
    const body = CreateSellerResponseSchema.parse(created.body);
    expect(body.seller.name).toBe('행복상점');
    expect(body.label).toBe('owner');
    expect(body.apiKey).toMatch(/^ssk_[a-z0-9]{16}_/);

    const me = await call(server, 'GET', '/v1/me', { key: body.apiKey });
    expect(me.status).toBe(200);
    expect(MeResponseSchema.parse(me.body)).toEqual({ seller: body.seller, key: { keyId: body.keyId, label: 'owner' } });

    const keys = await call(server, 'GET', `/v1/admin/sellers/${body.seller.id}/keys`, admin);
    expect(keys.text).not.toContain(body.apiKey);
    expect(ListKeysResponseSchema.parse(keys.body).keys.map((key) => key.label)).toEqual(['owner']);

    const sellers = ListSellersResponseSchema.parse((await call(server, 'GET', '/v1/admin/sellers', admin)).body);
    expect(sellers.sellers.map((seller) => seller.id)).toContain(body.seller.id);
  });

  it('adds labelled keys, refuses a label already in use, and frees it on revocation', async () => {
    const seller = await provisionSeller(server);
    const packer = await call(server, 'POST', `/v1/admin/sellers/${seller.sellerId}/keys`, { ...admin, body: { label: 'packer-1' } });
    expect(packer.status).toBe(201);
    const key = CreateKeyResponseSchema.parse(packer.body);
    expect(key.label).toBe('packer-1');

    const again = await call(server, 'POST', `/v1/admin/sellers/${seller.sellerId}/keys`, { ...admin, body: { label: 'packer-1' } });
    expect(again.status).toBe(409);
    expect(ErrorBodySchema.parse(again.body).error.code).toBe('LABEL_TAKEN');

    const revoked = await call(server, 'DELETE', `/v1/admin/keys/${key.keyId}`, admin);
    expect(revoked.status).toBe(200);
    expect(RevokeKeyResponseSchema.parse(revoked.body)).toMatchObject({ keyId: key.keyId, label: 'packer-1' });
    expect((await call(server, 'GET', '/v1/me', { key: key.apiKey })).status).toBe(401);

    const reused = await call(server, 'POST', `/v1/admin/sellers/${seller.sellerId}/keys`, { ...admin, body: { label: 'packer-1' } });
    expect(reused.status).toBe(201);
    const labels = ListKeysResponseSchema.parse((await call(server, 'GET', `/v1/admin/sellers/${seller.sellerId}/keys`, admin)).body).keys;
    expect(labels.map((entry) => entry.label).sort()).toEqual(['owner', 'packer-1']);
  });

  it('answers 404 for an unknown seller or key', async () => {
    const key = await call(server, 'POST', '/v1/admin/sellers/s_000000000000/keys', { ...admin, body: { label: 'x' } });
    expect(key.status).toBe(404);
    expect(ErrorBodySchema.parse(key.body).error.code).toBe('SELLER_NOT_FOUND');
    expect((await call(server, 'GET', '/v1/admin/sellers/s_000000000000/keys', admin)).status).toBe(404);
    const revoke = await call(server, 'DELETE', '/v1/admin/keys/0000000000000000', admin);
    expect(revoke.status).toBe(404);
    expect(ErrorBodySchema.parse(revoke.body).error.code).toBe('KEY_NOT_FOUND');
  });

  it('accepts only the admin key', async () => {
    const seller = await provisionSeller(server);
    for (const key of [undefined, seller.key, `${server.adminKey}x`, 'short']) {
      const answer = await call(server, 'POST', '/v1/admin/sellers', { key, body: { name: 'x' } });
      expect(answer.status).toBe(401);
      expect(ErrorBodySchema.parse(answer.body).error.code).toBe('UNAUTHORIZED');
    }
    expect((await call(server, 'GET', '/v1/admin/sellers', { key: seller.key })).status).toBe(401);
  });
});
