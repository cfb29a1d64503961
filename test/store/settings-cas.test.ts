import { describe, expect, it } from 'vitest';
import { CARRIER_IDS } from '../../shared/carriers';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { SellerContext } from '../../server/store/context';
import { RedisPool, ScriptRunner } from '../../server/store/redis';
import { expectInvalid, expectRefusal, openTestStore, testRedisUrl, testSellerId } from '../support/store';

const store = await openTestStore();

describe('settings', () => {
  it('start from the defaults', async () => {
    const s = store.forSeller(testSellerId('settings'));
    expect(await s.settings.read()).toEqual({ settings: DEFAULT_SETTINGS, version: 0 });
  });

  it('lose no change when PATCHes race (compare-and-set)', async () => {
    const s = store.forSeller(testSellerId('settingscas'));
    // Each patch reads the document, merges its own cutoff and writes; all read before any writes.
    await Promise.all(CARRIER_IDS.map((carrier, index) => s.settings.patch({ cutoffs: { [carrier]: `1${index}:30` } })));
    const { settings, version } = await s.settings.read();
    expect(settings.cutoffs).toEqual(Object.fromEntries(CARRIER_IDS.map((carrier, index) => [carrier, `1${index}:30`])));
    expect(version).toBe(CARRIER_IDS.length);
  });

  it('merge records and remove a key set to null', async () => {
    const s = store.forSeller(testSellerId('settingsmerge'));
    await s.settings.patch({ cutoffs: { cj: '16:00', lotte: '17:00' }, masking: { name: 'last' } });
    const next = await s.settings.patch({ cutoffs: { cj: null }, returnPolicy: 'quarantine' });
    expect(next).toMatchObject({ cutoffs: { lotte: '17:00' }, masking: { name: 'last', phone: 'last4' }, returnPolicy: 'quarantine' });
    expect(await s.settings.get()).toEqual(next);
  });

  it('refuse a bad patch with the field named, writing nothing', async () => {
    const s = store.forSeller(testSellerId('settingsbad'));
    await expectInvalid(s.settings.patch({ cutoffs: { cj: '25:00' } }), 'cutoffs.cj');
    await expectInvalid(s.settings.patch({ returnPolicy: 'burn' as never }), 'returnPolicy');
    expect(await s.settings.read()).toEqual({ settings: DEFAULT_SETTINGS, version: 0 });
  });

  it('a write from a stale version is refused with CONFLICT (the script under patch)', async () => {
    const pool = await RedisPool.connect(testRedisUrl(), 1);
    try {
      const runner = new ScriptRunner(pool);
      const ctx = new SellerContext(runner, pool, testSellerId('settingsraw'), 'test', () => new Date());
      const doc = JSON.stringify(DEFAULT_SETTINGS);
      expect(await ctx.call('write_settings', [], ['0', doc])).toBe('{"version":1}');
      expect((await expectRefusal(ctx.call('write_settings', [], ['0', doc]), 'CONFLICT')).detail).toEqual(['1']);
      expect(await ctx.call('write_settings', [], ['1', doc])).toBe('{"version":2}');
    } finally {
      await pool.close();
    }
  });
});
