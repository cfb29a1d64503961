import { describe, expect, it } from 'vitest';
import { sellerKeys } from '../../server/store/keys';
import { expectInvalid, openTestStore, testSellerId } from '../support/store';
import { waitFor } from './support/harness';

const store = await openTestStore();

describe('the poller lease and the fenced cursor', () => {
  it('gives the lease to one owner at a time, each new holder a higher token', async () => {
    const { sync } = store.forSeller(testSellerId('lease'));
    const first = await sync.acquireLease('acct', 'instance-a', 10_000);
    expect(first).toEqual({ status: 'acquired', token: 1 });
    expect(await sync.acquireLease('acct', 'instance-b', 10_000)).toMatchObject({ status: 'held', holder: 'instance-a', token: 1 });
    expect(await sync.acquireLease('acct', 'instance-a', 10_000, 1)).toEqual({ status: 'renewed', token: 1 });
    expect(await sync.renewLease('acct', 'instance-b', 1, 10_000)).toEqual({ status: 'lost' });
    expect(await sync.leaseHolder('acct')).toMatchObject({ token: 1, holder: 'instance-a' });

    expect(await sync.releaseLease('acct', 2)).toBe(false);
    expect(await sync.releaseLease('acct', 1)).toBe(true);
    expect(await sync.acquireLease('acct', 'instance-b', 10_000)).toEqual({ status: 'acquired', token: 2 });
    expect(await sync.renewLease('acct', 'instance-a', 1, 10_000)).toEqual({ status: 'lost' });
  });

  it('lets another owner take over once the lease expires', async () => {
    const { sync } = store.forSeller(testSellerId('lease'));
    const first = await sync.acquireLease('acct', 'dead', 300);
    const taken = await waitFor('the takeover', async () => {
      const lease = await sync.acquireLease('acct', 'alive', 10_000);
      return lease.status === 'acquired' ? lease : null;
    }, 10_000);
    expect(taken.token).toBeGreaterThan(first.status === 'acquired' ? first.token : Number.POSITIVE_INFINITY);
  });

  it("writes the cursor only with the holder's token, never with an older one", async () => {
    const sellerId = testSellerId('cursor');
    const { sync } = store.forSeller(sellerId);
    const old = await sync.acquireLease('acct', 'a', 10_000);
    if (old.status !== 'acquired') throw new Error('no lease');
    expect(await sync.writeCursor('acct', old.token, 'c1')).toEqual({ written: true });
    await sync.releaseLease('acct', old.token);
    expect(await sync.writeCursor('acct', old.token, 'stale')).toMatchObject({ written: false, reason: 'not_holder' });

    const next = await sync.acquireLease('acct', 'b', 10_000);
    if (next.status !== 'acquired') throw new Error('no lease');
    expect(await sync.writeCursor('acct', old.token, 'stale')).toMatchObject({ written: false, reason: 'not_holder', holder: String(next.token) });
    expect(await sync.writeCursor('acct', next.token, 'c2')).toEqual({ written: true });
    expect(await sync.readCursor('acct')).toMatchObject({ cursor: 'c2', token: next.token });

    // Even a lease record bent back to an old token cannot move the cursor behind a newer writer.
    await store.pool.pick().set(sellerKeys(sellerId).syncLease('acct'), `${old.token}|a`);
    expect(await sync.writeCursor('acct', old.token, 'stale')).toMatchObject({ written: false, reason: 'stale_token', last: next.token });
    expect((await sync.readCursor('acct')).cursor).toBe('c2');
  });

  it('refuses bad input naming the field', async () => {
    const { sync } = store.forSeller(testSellerId('lease'));
    await expectInvalid(sync.acquireLease('a:b', 'x', 1000), 'account');
    await expectInvalid(sync.acquireLease('acct', 'x|y', 1000), 'owner');
    await expectInvalid(sync.writeCursor('acct', 0, 'c'), 'token');
  });
});
