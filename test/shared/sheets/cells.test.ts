import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, formatKst, looksLikeFormula, neutralize, restoreNeutralized } from '../../../shared/sheets/cells';

describe('cell values', () => {
  it('neutralises text that starts with =, +, - or @ and leaves other text alone', () => {
    expect(neutralize('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(['+82 10', '-1', '@me'].map(neutralize)).toEqual(["'+82 10", "'-1", "'@me"]);
    expect(['김철수', '010-1234-5678', '', ' =x'].map(neutralize)).toEqual(['김철수', '010-1234-5678', '', ' =x']);
    expect(neutralize("'quoted")).toBe("''quoted");
  });

  it('restores exactly what it neutralised, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const stored = neutralize(text);
        expect(looksLikeFormula(stored)).toBe(false);
        expect(restoreNeutralized(stored)).toBe(text);
      }),
    );
  });

  it('writes instants as KST yyyy-MM-dd HH:mm, whatever offset they came with', () => {
    expect(formatKst('2024-05-01T15:30:00Z')).toBe('2024-05-02 00:30');
    expect(formatKst('2024-05-01T09:05:59+09:00')).toBe('2024-05-01 09:05');
    expect(formatKst('2023-12-31T23:59:00-05:00')).toBe('2024-01-01 13:59');
    expect([formatKst(undefined), formatKst(null), formatKst('not a date')]).toEqual(['', '', '']);
  });

  it('reads cells back as text', () => {
    expect([cellText(12), cellText(true), cellText(''), cellText(undefined), cellText("'=x")]).toEqual(['12', 'true', '', '', '=x']);
  });
});
