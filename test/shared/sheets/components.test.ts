import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatComponents, parseComponents } from '../../../shared/sheets/components';

describe('components cell', () => {
  it('writes components so they parse back', () => {
    expect(formatComponents([{ sku: 'SKU-A', qty: 2 }, { sku: 'SKU-B', qty: 1 }])).toBe('SKU-A x2, SKU-B');
    const sku = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ sku, qty: fc.integer({ min: 1, max: 999 }) }), { minLength: 1, maxLength: 5, selector: (c) => c.sku }), (components) => {
        const parsed = parseComponents(formatComponents(components));
        expect(parsed).toEqual({ ok: true, components });
      }),
    );
  });

  it('reads what people type', () => {
    expect(parseComponents('A*2\nB×3, C')).toEqual({ ok: true, components: [{ sku: 'A', qty: 2 }, { sku: 'B', qty: 3 }, { sku: 'C', qty: 1 }] });
    expect(parseComponents("'-A x2")).toEqual({ ok: true, components: [{ sku: '-A', qty: 2 }] });
  });

  it('names the part that is wrong', () => {
    expect(parseComponents('')).toEqual({ ok: false, problem: 'no components: write at least one SKU' });
    expect(parseComponents('A x0')).toMatchObject({ ok: false, problem: expect.stringContaining('"A x0"') });
    expect(parseComponents('A, A x2')).toEqual({ ok: false, problem: '"A" appears twice' });
    expect(parseComponents('two words')).toMatchObject({ ok: false, problem: '"two words" is not "SKU" or "SKU x2"' });
  });
});
