import { describe, expect, it } from 'vitest';
import { SyncStatusResponseSchema, type AccountSyncStatus } from '../../shared/api/channels';
import { call } from '../http/support/harness';
import { startSyncHarness, waitFor } from './support/harness';

const harness = await startSyncHarness();
const { sandbox, store, server, seller } = harness;

async function statusOf(accountId: string): Promise<AccountSyncStatus> {
  const answer = await call(server, 'GET', '/v1/sync/status', { key: seller.key });
  expect(answer.status, answer.text).toBe(200);
  const found = SyncStatusResponseSchema.parse(answer.body).accounts.find((entry) => entry.id === accountId);
  if (!found) throw new Error(`no status for ${accountId}`);
  return found;
}

describe('sync status and channel errors', () => {
  it('shows per account the poller, the last success, the lag and what is pending', async () => {
    const ink = await harness.listed(sandbox.account(), 'INK', 3, '잉크');
    const { account } = ink;
    const { key } = ink.order();
    await waitFor('the order', () => store.orders.get(key));
    const status = await waitFor('a status after the order', async () => {
      const current = await statusOf(account.id);
      return current.ordersIngested === 1 && current.lastPushAt ? current : null;
    });
    expect(status).toMatchObject({ channel: 'smartstore', blocked: false, lastError: null, pollIntervalSeconds: 0.15, poller: { holder: harness.sync.ctx.options.instanceId } });
    expect(status.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(status.lagSeconds).toBeLessThan(30);
    expect(Date.parse(status.lastSuccessAt ?? '')).toBeGreaterThan(Date.parse(account.createdAt));
    expect(status.pendingOutbox).toMatchObject({ stockPushes: 0, dispatches: 0 });
  });

  it("raises CHANNEL_ERROR for an IP Naver does not allow, stops asking, and resumes once the account is edited", async () => {
    const blocked = sandbox.addAccount();
    blocked.ipBlocked = true;
    const account = await harness.connect(blocked);
    const subject = `smartstore:${account.id}`;
    const alert = await waitFor('CHANNEL_ERROR', () => store.alerts.get(`CHANNEL_ERROR:${subject}`));
    expect(alert).toMatchObject({ severity: 'critical', detail: { account: account.id, kind: 'ip_not_allowed' } });
    expect(await statusOf(account.id)).toMatchObject({ blocked: true, lastError: { kind: 'ip_not_allowed' } });

    // Other accounts keep polling; the blocked one asks for no token again.
    const tokens = sandbox.faults.requests('token');
    const polls = sandbox.faults.requests('last-changed-statuses');
    await waitFor('ten more polls elsewhere', () => sandbox.faults.requests('last-changed-statuses') >= polls + 10);
    expect(sandbox.faults.requests('token')).toBe(tokens);

    blocked.ipBlocked = false;
    expect((await call(server, 'PATCH', `/v1/channels/${account.id}`, { key: seller.key, body: { name: 'IP 등록 완료' } })).status).toBe(200);
    await waitFor('the alert closed', async () => (await store.alerts.get(`CHANNEL_ERROR:${subject}`)) === null);
    expect(await statusOf(account.id)).toMatchObject({ blocked: false, lastError: null });
  });

  it('raises CHANNEL_ERROR for credentials the channel refuses', async () => {
    const shop = sandbox.addAccount();
    const answer = await call(server, 'POST', '/v1/channels', {
      key: seller.key,
      body: { channel: 'smartstore', name: '틀린 비밀', baseUrl: sandbox.url, credentials: { clientId: shop.clientId, clientSecret: '$2a$04$wrongwrongwrongwrongwr' } },
    });
    expect(answer.status).toBe(201);
    const { id } = (answer.body as { account: { id: string } }).account;
    const alert = await waitFor('CHANNEL_ERROR', () => store.alerts.get(`CHANNEL_ERROR:smartstore:${id}`));
    expect(alert.detail).toMatchObject({ kind: 'auth' });
    expect(await statusOf(id)).toMatchObject({ blocked: true, lastError: { kind: 'auth' } });
  });
});
