import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('fake CacheService', () => {
  it('expires entries on the script clock', () => {
    gas = installGas();
    const cache = CacheService.getDocumentCache()!;
    cache.put('a', '1', 60);
    cache.putAll({ b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
    gas.runtime.advanceClock(61_000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('2');
    gas.runtime.advanceClock(600_000);
    expect(cache.get('c')).toBeNull();
  });

  it('enforces the key, value and expiry limits', () => {
    gas = installGas();
    const cache = CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k', 'v', 21_601)).toThrow('expirationInSeconds');
    cache.put('k', 'v', 21_600);
    cache.remove('k');
    expect(cache.get('k')).toBeNull();
  });
});
