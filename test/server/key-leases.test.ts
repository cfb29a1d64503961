import { describe, expect, it } from 'vitest';
import type { KeyRecord } from '../../server/tenancy/key-checks';
import { KeyLeases } from '../../server/tenancy/key-leases';

const record: KeyRecord = { sellerId: 's_1', label: 'owner', hash: Buffer.alloc(32), revoked: false };

describe('lease sizes', () => {
  it('grow while requests use a slice up within its lease, shrink when it lapses unspent, and stay within the cap', () => {
    let now = 0;
    const leases = new KeyLeases(100, 1_000, () => now);
    // The first renewal of a key asks for nothing beyond its requests.
    expect(leases.renew('k')).toEqual({ extra: 0, giveBack: 0 });
    leases.granted('k', record, 0, 99);
    expect(leases.take('k')).toBeUndefined();
    const asked: number[] = [];
    for (let round = 0; round < 6; round++) {
      const { extra } = leases.renew('k');
      asked.push(extra);
      leases.granted('k', record, extra, 50);
      for (let unit = 0; unit < extra; unit++) expect(leases.take('k')).toMatchObject({ allowed: true, remaining: 50 + extra - unit - 1 });
      expect(leases.take('k')).toBeUndefined();
    }
    // A tenth of a limit of 100 is the cap.
    expect(asked).toEqual([1, 2, 4, 8, 10, 10]);

    leases.granted('k', record, 6, 40);
    leases.take('k');
    now += 1_000;
    // Lapsed: nothing is served from it, and its five unspent units go back with the next renewal.
    expect(leases.take('k')).toBeUndefined();
    expect(leases.renew('k')).toEqual({ extra: 5, giveBack: 5 });
  });

  it('are none below a limit of 10, or with leasing off', () => {
    for (const leases of [new KeyLeases(9, 1_000, () => 0), new KeyLeases(1_000, 0, () => 0)]) {
      leases.granted('k', record, 0, 5);
      expect(leases.renew('k')).toEqual({ extra: 0, giveBack: 0 });
      expect(leases.take('k')).toBeUndefined();
      expect(leases.size).toBe(0);
    }
  });

  it('hand back what lapsed leases did not spend, and answer a revoked key as refused while its lease lasts', () => {
    let now = 0;
    const leases = new KeyLeases(1_000, 1_000, () => now);
    leases.renew('a');
    leases.granted('a', record, 0, 0);
    leases.renew('a');
    leases.granted('a', record, 1, 0);
    leases.granted('r', { ...record, revoked: true }, 3, 0);
    expect(leases.take('r')).toMatchObject({ allowed: false, record: { revoked: true } });
    now += 1_000;
    expect(leases.sweep()).toEqual([{ keyId: 'a', units: 1 }]);
    expect(leases.size).toBe(0);
  });
});
