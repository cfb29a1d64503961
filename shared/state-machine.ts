import { z } from 'zod';

/**
 * The order state machine, defined once. The server enforces it (the Lua scripts include a copy generated
 * from this table at load time); the sheet only shows it.
 */
export const ORDER_STATES = ['HELD', 'ALLOCATED', 'WAYBILL_ISSUED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED'] as const;
export const OrderStateSchema = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof OrderStateSchema>;

export const HELD_REASONS = ['OUT_OF_STOCK', 'UNMAPPED', 'ADDRESS', 'MANUAL'] as const;
export const HeldReasonSchema = z.enum(HELD_REASONS);
export type HeldReason = z.infer<typeof HeldReasonSchema>;

/** Where a new order may start: it either fits and is allocated, or it waits. */
export const INITIAL_STATES: readonly OrderState[] = ['HELD', 'ALLOCATED'];

export const TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  HELD: ['ALLOCATED', 'CANCELLED'],
  ALLOCATED: ['HELD', 'WAYBILL_ISSUED', 'CANCELLED'],
  WAYBILL_ISSUED: ['ALLOCATED', 'SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'RETURNED'],
  DELIVERED: ['RETURNED'],
  CANCELLED: [],
  RETURNED: [],
};

/** States whose orders hold a stock reservation. */
export const RESERVING_STATES: readonly OrderState[] = ['ALLOCATED', 'WAYBILL_ISSUED'];
export const TERMINAL_STATES: readonly OrderState[] = ORDER_STATES.filter((state) => TRANSITIONS[state].length === 0);

/** Every state `from` can reach, itself included. */
function reachable(from: OrderState): Set<OrderState> {
  const seen = new Set<OrderState>([from]);
  const queue: OrderState[] = [from];
  for (let state = queue.shift(); state; state = queue.shift()) {
    for (const next of TRANSITIONS[state]) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/**
 * States past fulfilment (shipped, delivered, returned, cancelled): none of them leads back to a state an
 * order starts in, so nothing will be packed or labelled for the order again. The buyer's data is erased a
 * retention period after an order last entered one of these.
 */
export const CLOSED_STATES: readonly OrderState[] = ORDER_STATES.filter((state) => !INITIAL_STATES.some((initial) => reachable(state).has(initial)));

export function canTransition(from: OrderState, to: OrderState): boolean {
  return TRANSITIONS[from].includes(to);
}

export class TransitionError extends Error {
  constructor(
    readonly from: OrderState,
    readonly to: OrderState,
  ) {
    super(`an order in ${from} cannot become ${to}`);
    this.name = 'TransitionError';
  }
}

export function assertTransition(from: OrderState, to: OrderState): void {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
}
