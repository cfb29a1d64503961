import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCjSandbox, type CjSandbox } from '../../server/carriers/cj';
import { SecretStore } from '../../server/secrets/secret-store';
import { RedisPool } from '../../server/store/redis';
import { CjClients } from '../../server/waybills/cj-clients';
import { cjContractId, cjTokenKeys, RedisCjTokenStore } from '../../server/waybills/cj-token-store';
import type { CarrierContract } from '../../shared/settings';
import { atFileEnd } from '../support/cleanup';
import { testRedisUrl } from '../support/store';
import { waitFor } from '../sync/support/harness';

const ADDRESS = '서울 강남구 테헤란로 152';
const BUSINESS_NUMBER = '123-45-67890';

/** A CJ contract no other test uses (the shared token's key is per contract), and a sandbox that knows it. */
async function contractAndSandbox(options: { tokenBurstIntervalMs?: number } = {}): Promise<{ contract: CarrierContract; sandbox: CjSandbox }> {
  const customerCode = String(10_000_000 + randomBytes(3).readUIntBE(0, 3));
  const sandbox = await startCjSandbox({ customers: [{ customerId: customerCode, businessNumber: BUSINESS_NUMBER.replaceAll('-', '') }], ...options });
  onTestFinished(() => sandbox.stop());
  const contract: CarrierContract = { customerCode, businessNumber: BUSINESS_NUMBER, senderName: '시트쉽 물류센터', senderPhone: '02-1577-1111', senderAddress1: '서울 강남구 테헤란로 1' };
  return { contract, sandbox };
}

/** One server instance's CJ clients: its own Redis connection, sharing tokens sealed under `masterKey`. */
async function instance(sandbox: CjSandbox, masterKey: Buffer): Promise<{ clients: CjClients; pool: RedisPool }> {
  const pool = await RedisPool.connect(testRedisUrl(), 1);
  atFileEnd(() => pool.close());
  const secrets = new SecretStore(pool, masterKey);
  return { clients: new CjClients(sandbox.url, (contract) => new RedisCjTokenStore(pool, secrets, contract)), pool };
}

function blockedTokenRequests(sandbox: CjSandbox): number {
  return sandbox.state.requests('ReqOneDayToken').filter((request) => request.status === 429).length;
}

describe('the CJ token shared by server instances through Redis', () => {
  it('is asked for once: a second instance takes it from Redis', async () => {
    const { contract, sandbox } = await contractAndSandbox();
    const masterKey = randomBytes(32);
    const first = (await instance(sandbox, masterKey)).clients.for(contract);
    const second = (await instance(sandbox, masterKey)).clients.for(contract);
    expect(await first.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    expect(await second.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    expect(sandbox.state.tokenRequests()).toBe(1);
    expect(second.tokenRequests).toBe(0);
  });

  it('is asked for once when several instances start at the same moment, and CJ never sees a burst', async () => {
    // Any second token request within a minute would get this customer blocked.
    const { contract, sandbox } = await contractAndSandbox({ tokenBurstIntervalMs: 60_000 });
    const masterKey = randomBytes(32);
    const clients = await Promise.all([1, 2, 3].map(async () => (await instance(sandbox, masterKey)).clients.for(contract)));
    const results = await Promise.all(clients.flatMap((client) => [client.refineAddress(ADDRESS), client.refineAddress(ADDRESS)]));
    expect(results.every((result) => result.kind === 'refined')).toBe(true);
    expect(sandbox.state.tokenRequests()).toBe(1);
    expect(blockedTokenRequests(sandbox)).toBe(0);
  });

  it('after CJ refuses the token, one instance asks for a new one and the others take it from Redis', async () => {
    const { contract, sandbox } = await contractAndSandbox({ tokenBurstIntervalMs: 1_000 });
    const masterKey = randomBytes(32);
    const firstInstance = await instance(sandbox, masterKey);
    const first = firstInstance.clients.for(contract);
    const second = (await instance(sandbox, masterKey)).clients.for(contract);
    await first.refineAddress(ADDRESS);
    await second.refineAddress(ADDRESS);
    const before = await first.token();
    sandbox.control.revokeTokens();
    expect(await first.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    // Past the request spacing (the shared request slot has lapsed), so the second instance could ask CJ at
    // once: it must look in Redis first.
    await waitFor('the request spacing over', async () => (await firstInstance.pool.pick().exists(cjTokenKeys(cjContractId({ customerCode: contract.customerCode, businessNumber: BUSINESS_NUMBER })).request)) === 0);
    expect(await second.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    expect(sandbox.state.tokenRequests()).toBe(2);
    expect(second.tokenRequests).toBe(0);
    expect(await second.token()).not.toBe(before);
    expect(blockedTokenRequests(sandbox)).toBe(0);
  });

  it('keeps the token sealed in Redis, and an instance with another master key asks CJ itself, spaced', async () => {
    // CJ's own rule: more than one token request a second gets the customer blocked.
    const { contract, sandbox } = await contractAndSandbox({ tokenBurstIntervalMs: 1_000 });
    const first = await instance(sandbox, randomBytes(32));
    const stranger = (await instance(sandbox, randomBytes(32))).clients.for(contract);
    const token = await first.clients.for(contract).token();
    const stored = await first.pool.pick().get(cjTokenKeys(cjContractId({ customerCode: contract.customerCode, businessNumber: BUSINESS_NUMBER })).token);
    expect(stored).toBeTruthy();
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(contract.customerCode);
    const ttlMs = await first.pool.pick().pTTL(cjTokenKeys(cjContractId({ customerCode: contract.customerCode, businessNumber: BUSINESS_NUMBER })).token);
    expect(ttlMs).toBeGreaterThan(23 * 3600_000);
    expect(ttlMs).toBeLessThanOrEqual(24 * 3600_000);

    expect(await stranger.refineAddress(ADDRESS)).toMatchObject({ kind: 'refined' });
    expect(stranger.tokenRequests).toBe(1);
    expect(sandbox.state.tokenRequests()).toBe(2);
    expect(blockedTokenRequests(sandbox)).toBe(0);
  });
});
