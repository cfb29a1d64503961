import { z } from 'zod';
import { MAX_BATCH } from '../catalog';
import { ChannelSchema, OrderKeySchema } from '../ids';
import { OrderInputSchema, OrderSchema, type OrderInput } from '../order';
import { acceptOrderInput } from '../order-input-fast';
import { HeldReasonSchema, OrderStateSchema } from '../state-machine';
import { ErrorDetailSchema, LimitQuerySchema } from './common';

export const PostOrdersBodySchema = z.strictObject({ orders: z.array(OrderInputSchema).max(MAX_BATCH) });

/** PostOrdersBodySchema's result for a body the fast order check takes whole; undefined: parse with the schema. */
export function acceptPostOrdersBody(value: unknown): { orders: OrderInput[] } | undefined {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'orders') return undefined;
  const inputs: unknown = (value as { orders: unknown }).orders;
  if (!Array.isArray(inputs) || inputs.length > MAX_BATCH) return undefined;
  const orders: OrderInput[] = [];
  for (let index = 0; index < inputs.length; index++) {
    const order = acceptOrderInput(inputs[index]);
    if (!order) return undefined;
    orders.push(order);
  }
  return { orders };
}

export const OrderResultSchema = z.discriminatedUnion('result', [
  z.object({
    key: z.string(),
    orderId: z.string(),
    result: z.literal('applied'),
    status: OrderStateSchema,
    reason: HeldReasonSchema.optional(),
    /** For people: the short SKUs or unmapped listings of a held order. */
    heldDetail: z.string().optional(),
    created: z.boolean(),
    /** Every line was known already: nothing changed. */
    replay: z.boolean(),
  }),
  z.object({ key: z.string(), orderId: z.string(), result: z.literal('error'), error: ErrorDetailSchema }),
]);
export type OrderResult = z.infer<typeof OrderResultSchema>;
export const PostOrdersResponseSchema = z.object({ results: z.array(OrderResultSchema) });

/** Sync tokens and cursors are opaque strings; today they are the seller's change sequence. */
const SyncTokenSchema = z.string().regex(/^[0-9]{1,15}$/, 'must be a token returned by an earlier page');

export const ListOrdersQuerySchema = z.strictObject({
  status: OrderStateSchema.optional(),
  channel: ChannelSchema.optional(),
  /** The `syncToken` of an earlier answer: only orders changed after it. */
  updatedSince: SyncTokenSchema.optional(),
  /** The `nextCursor` of the previous page. */
  cursor: SyncTokenSchema.optional(),
  limit: LimitQuerySchema,
});
export const ListOrdersResponseSchema = z.object({
  orders: z.array(OrderSchema),
  /** Pass as `cursor` for the next page; null when nothing more has changed yet. */
  nextCursor: z.string().nullable(),
  /** Pass as `updatedSince` later to get only what changed since this answer. */
  syncToken: z.string(),
});
export type ListOrdersResponse = z.infer<typeof ListOrdersResponseSchema>;

/** `:key` is the URL-encoded order key `channel:account:orderId`. */
export const OrderKeyParamsSchema = z.object({ key: OrderKeySchema });
export const HoldBodySchema = z.strictObject({ note: z.string().max(500).optional() });
export const CancelBodySchema = z.strictObject({ reason: z.string().max(500).optional() });
export const EmptyBodySchema = z.strictObject({});
export const OrderResponseSchema = z.object({ order: OrderSchema });
