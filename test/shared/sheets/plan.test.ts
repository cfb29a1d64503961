import { describe, expect, it } from 'vitest';
import { keyReadWidth, keysFromBlock, planFull, planIncremental } from '../../../shared/sheets/plan';
import { mappingsLayout, ordersLayout, skusLayout } from '../../../shared/sheets/layouts';
import type { RenderedRow } from '../../../shared/sheets/rows';

function row(key: string, label = key): RenderedRow {
  return { key, cells: [key, '', label] };
}

describe('write plans', () => {
  it('updates changed rows where their keys are, one block per contiguous run, and appends new keys', () => {
    // b was duplicated by hand (rows 3 and 8): both copies get the change.
    const sheet = { firstRow: 2, keys: ['a', 'b', 'c', null, 'd', 'e', 'b'] };
    const plan = planIncremental(sheet, [row('e', 'E'), row('a', 'A'), row('b', 'B'), row('x', 'X'), row('e', 'E2')]);
    expect(plan.updates).toEqual([
      { startRow: 2, rows: [['a', '', 'A'], ['b', '', 'B']] },
      { startRow: 7, rows: [['e', '', 'E2'], ['b', '', 'B']] },
    ]);
    expect(plan.appends).toEqual([['x', '', 'X']]);
  });

  it('rewrites a complete list in the order people left the rows, leaving ticks alone when nothing moved', () => {
    const plan = planFull({ firstRow: 2, keys: ['c', 'a', null], checks: [true, false, ''] }, [row('a'), row('b'), row('c')]);
    expect(plan).toEqual({ startRow: 2, fromColumn: 2, rows: [['c', '', 'c'], ['a', '', 'a'], ['b', '', 'b']], clear: null, keptRows: 2, removedRows: 0 });
  });

  it('moves ticks with their rows when removed rows close up, and clears the rows left below', () => {
    const plan = planFull({ firstRow: 3, keys: ['gone', 'a', 'b', 'a'], checks: [true, false, true, true] }, [row('a'), row('b')]);
    expect(plan.fromColumn).toBe(1);
    expect(plan.rows).toEqual([[false, 'a', '', 'a'], [true, 'b', '', 'b']]);
    expect(plan.clear).toEqual({ startRow: 5, numRows: 2 });
    expect([plan.keptRows, plan.removedRows]).toEqual([2, 2]);
  });

  it('never lets a stray tick below the data land on a new row', () => {
    const plan = planFull({ firstRow: 2, keys: ['a', null], checks: [false, true] }, [row('a'), row('new')]);
    expect(plan.fromColumn).toBe(1);
    expect(plan.rows.map((cells) => cells[0])).toEqual([false, false]);
  });

  it('empties the sheet for an empty list', () => {
    const plan = planFull({ firstRow: 2, keys: ['a', 'b'], checks: [] }, []);
    expect(plan.rows).toEqual([]);
    expect(plan.clear).toEqual({ startRow: 2, numRows: 2 });
  });

  it('names hand-typed rows by their visible cells so a refresh adopts them', () => {
    expect(keyReadWidth(ordersLayout)).toBe(1);
    expect(keyReadWidth(skusLayout)).toBe(3);
    expect(keysFromBlock(skusLayout, [['SKU-1', '', 'SKU-1'], ['', '', 'NEW-9'], ['', '', ''], ['', '', 'bad code']])).toEqual(['SKU-1', 'NEW-9', null, null]);
    const mappings = keysFromBlock(mappingsLayout, [
      ['', '', '쿠팡', 'main', '123'],
      ['', '', 'Coupang', "'-acc", 'x'],
      ['', '', '없는채널', 'main', '1'],
      ['', '', '쿠팡', 'main', 'has space'],
    ]);
    expect(mappings).toEqual(['coupang:main:123', 'coupang:-acc:x', null, null]);
  });
});
