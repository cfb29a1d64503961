import { describe, expect, it } from 'vitest';
import { ChannelAccountResponseSchema, ListChannelAccountsResponseSchema } from '../../shared/api/channels';
import { NAVER_BASE_URL } from '../../server/channels/smartstore/client';
import { sellerKeys } from '../../server/store/keys';
import { call, provisionSeller, startTestServer } from '../http/support/harness';

const server = await startTestServer();
const SECRET = '$2a$04$abcdefghijklmnopqrstuv';
const credentials = { clientId: 'naver-app-1', clientSecret: SECRET };

async function create(key: string, body: Record<string, unknown>) {
  return call(server, 'POST', '/v1/channels', { key, body });
}

describe('channel accounts', () => {
  it('creates an account whose id names its orders, keeps the credentials encrypted and never shows them', async () => {
    const seller = await provisionSeller(server);
    const answer = await create(seller.key, { channel: 'smartstore', name: '메인 스토어', credentials });
    expect(answer.status, answer.text).toBe(201);
    const { account } = ChannelAccountResponseSchema.parse(answer.body);
    expect(account).toMatchObject({ channel: 'smartstore', name: '메인 스토어', baseUrl: NAVER_BASE_URL, realApi: true, credentialFields: ['clientId', 'clientSecret'], settings: {} });
    expect(account.id).toMatch(/^ss-[0-9a-f]{8}$/);
    expect(answer.text).not.toContain(SECRET);
    expect(answer.text).not.toContain('naver-app-1');

    const stored = JSON.stringify(await server.store.pool.pick().hGetAll(`${sellerKeys(seller.sellerId).prefix}secrets`));
    expect(stored).toContain(`channel:${account.id}`);
    expect(stored).not.toContain(SECRET);
    expect(await server.assembled.deps.channelAccounts.credentials(seller.sellerId, await server.assembled.deps.channelAccounts.require(seller.sellerId, account.id))).toEqual(credentials);

    const list = ListChannelAccountsResponseSchema.parse((await call(server, 'GET', '/v1/channels', { key: seller.key })).body);
    expect(list.accounts.map((entry) => entry.id)).toEqual([account.id]);
    expect(JSON.stringify(list)).not.toContain(SECRET);
  });

  it('points at a sandbox, changes settings by PATCH (null removes one), and replaces credentials', async () => {
    const seller = await provisionSeller(server);
    const created = ChannelAccountResponseSchema.parse(
      (await create(seller.key, { channel: 'smartstore', name: 'A', baseUrl: 'http://127.0.0.1:9/external', credentials, settings: { autoConfirm: false, pollIntervalSeconds: 5 } })).body,
    ).account;
    expect(created).toMatchObject({ baseUrl: 'http://127.0.0.1:9/external', realApi: false, settings: { autoConfirm: false, pollIntervalSeconds: 5 } });

    const patched = await call(server, 'PATCH', `/v1/channels/${created.id}`, {
      key: seller.key,
      body: { name: 'B', baseUrl: null, settings: { autoConfirm: null, pushStock: false }, credentials: { clientId: 'other', clientSecret: 'other-secret', accountId: 'ncp_1' } },
    });
    expect(patched.status, patched.text).toBe(200);
    const { account } = ChannelAccountResponseSchema.parse(patched.body);
    expect(account).toMatchObject({ id: created.id, name: 'B', baseUrl: NAVER_BASE_URL, realApi: true, settings: { pollIntervalSeconds: 5, pushStock: false }, credentialFields: ['accountId', 'clientId', 'clientSecret'] });
    expect(account.settings).not.toHaveProperty('autoConfirm');
    expect(account.updatedAt > created.updatedAt).toBe(true);
    expect(patched.text).not.toContain('other-secret');
  });

  it('deletes an account with its credentials and sync state; another seller cannot see or touch it', async () => {
    const owner = await provisionSeller(server);
    const stranger = await provisionSeller(server);
    const { account } = ChannelAccountResponseSchema.parse((await create(owner.key, { channel: 'smartstore', name: 'A', credentials })).body);
    const redis = server.store.pool.pick();
    await redis.hSet(sellerKeys(owner.sellerId).syncCursor(account.id), 'cursor', '{}');

    expect((await call(server, 'PATCH', `/v1/channels/${account.id}`, { key: stranger.key, body: { name: 'mine' } })).status).toBe(404);
    expect((await call(server, 'DELETE', `/v1/channels/${account.id}`, { key: stranger.key })).status).toBe(404);
    expect(ListChannelAccountsResponseSchema.parse((await call(server, 'GET', '/v1/channels', { key: stranger.key })).body).accounts).toEqual([]);

    const deleted = await call(server, 'DELETE', `/v1/channels/${account.id}`, { key: owner.key });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body).toEqual({ id: account.id, deleted: true });
    expect(await server.assembled.deps.secrets.names(owner.sellerId)).toEqual([]);
    expect(await redis.exists(sellerKeys(owner.sellerId).syncCursor(account.id))).toBe(0);
    const again = await call(server, 'DELETE', `/v1/channels/${account.id}`, { key: owner.key });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { code: 'CHANNEL_ACCOUNT_NOT_FOUND', details: null } });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const seller = await provisionSeller(server);
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: 'coupang', name: 'A', credentials }, 'channel'],
      [{ channel: 'ohouse', name: 'A', credentials }, 'channel'],
      [{ channel: 'smartstore', name: '', credentials }, 'name'],
      [{ channel: 'smartstore', name: 'A', credentials: { clientId: 'x' } }, 'credentials.clientSecret'],
      [{ channel: 'smartstore', name: 'A', credentials: { ...credentials, token: 'x' } }, 'credentials.token'],
      [{ channel: 'smartstore', name: 'A', credentials, baseUrl: 'ftp://example.com' }, 'baseUrl'],
      [{ channel: 'smartstore', name: 'A', credentials, settings: { pollIntervalSeconds: 0 } }, 'settings.pollIntervalSeconds'],
    ];
    for (const [body, field] of cases) {
      const answer = await create(seller.key, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((answer.body as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((issue) => issue.path)).toContain(field);
    }
    const patch = await call(server, 'PATCH', '/v1/channels/bad:id', { key: seller.key, body: {} });
    expect(patch.status).toBe(400);
    expect(ListChannelAccountsResponseSchema.parse((await call(server, 'GET', '/v1/channels', { key: seller.key })).body).accounts).toEqual([]);
    expect(await server.assembled.deps.secrets.names(seller.sellerId)).toEqual([]);
  });
});

describe('demo mode and real accounts', () => {
  it('counts only accounts demo mode did not make', async () => {
    const { anyRealAccount } = await import('../../server/channels/accounts');
    const seller = await provisionSeller(server);
    const accounts = server.assembled.deps.channelAccounts;
    await accounts.create(seller.sellerId, { channel: 'smartstore', name: 'demo', baseUrl: 'http://127.0.0.1:9/external', credentials }, { id: 'demo-x', demo: true });
    expect(await anyRealAccount(server.store.pool, [seller.sellerId])).toBe(false);
    await create(seller.key, { channel: 'smartstore', name: 'real', credentials });
    expect(await anyRealAccount(server.store.pool, [seller.sellerId])).toBe(true);
  });
});
