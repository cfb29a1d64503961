import { describe, expect, it } from 'vitest';
import { stateMachineLua } from '../../server/store/lua/state-machine-lua';
import { assertTransition, canTransition, ORDER_STATES, TransitionError } from '../../shared/state-machine';
import { openTestStore } from '../support/store';

const store = await openTestStore();

describe('the order state machine', () => {
  it('answers every transition alike in TypeScript and in the Lua copy the scripts include', async () => {
    const script = `${stateMachineLua()}\nlocal out = {}\nfor i = 1, #ARGV, 2 do out[#out + 1] = can_transition(ARGV[i], ARGV[i + 1]) and 1 or 0 end\nreturn out`;
    const pairs = ORDER_STATES.flatMap((from) => ORDER_STATES.map((to) => [from, to] as const));
    const lua = (await store.pool.pick().sendCommand(['EVAL', script, '0', ...pairs.flat()])) as number[];
    expect(lua.map((allowed) => allowed === 1)).toEqual(pairs.map(([from, to]) => canTransition(from, to)));
    // The table is not trivially all-or-nothing.
    expect(lua).toContain(1);
    expect(lua).toContain(0);
  });

  it('refuses a forbidden transition with a TransitionError naming both states', () => {
    expect(() => assertTransition('SHIPPED', 'ALLOCATED')).toThrow(TransitionError);
    expect(() => assertTransition('SHIPPED', 'ALLOCATED')).toThrow(/SHIPPED.*ALLOCATED/);
    expect(() => assertTransition('ALLOCATED', 'WAYBILL_ISSUED')).not.toThrow();
  });
});
