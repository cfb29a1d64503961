import { CLOSED_STATES, ORDER_STATES, TRANSITIONS } from '../../../shared/state-machine';

/**
 * The Lua copy of the order state machine, generated from the one table in shared/ whenever the scripts are
 * assembled. There is no generated file to drift from its source.
 */
export function stateMachineLua(): string {
  const rows = ORDER_STATES.map((from) => {
    const targets = TRANSITIONS[from].map((to) => `${to} = true`).join(', ');
    return `  ${from} = { ${targets} },`;
  });
  return [
    '-- Generated from shared/state-machine.ts by server/store/lua/state-machine-lua.ts. Do not edit.',
    'local TRANSITIONS = {',
    ...rows,
    '}',
    'local function can_transition(from, to)',
    '  local allowed = TRANSITIONS[from]',
    '  return allowed ~= nil and allowed[to] == true',
    'end',
    '-- Past fulfilment: the buyer data retention counts from entering one of these.',
    `local CLOSED_STATES = { ${CLOSED_STATES.map((state) => `${state} = true`).join(', ')} }`,
    '',
  ].join('\n');
}
