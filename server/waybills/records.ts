import { z } from 'zod';
import { WaybillSchema, type Waybill } from '../../shared/api/waybills';
import { CjBookingSchema } from '../carriers/cj/booking';
import { luaArray } from '../store';

/**
 * What the waybill scripts store and return, parsed once here at the Redis boundary. A stored waybill is the
 * API's waybill plus what only the server needs: the CJ booking (CnclBook needs it verbatim) and when it was voided.
 */
export const StoredWaybillSchema = WaybillSchema.extend({
  orderKeys: luaArray(z.string()),
  booking: CjBookingSchema.optional(),
  custUseNo: z.string().optional(),
  voidedAt: z.string().optional(),
  voidedBy: z.string().optional(),
  /** When retention dropped the booking (it holds the receiver) and CJ's short address. */
  piiErasedAt: z.string().optional(),
});
export type StoredWaybill = z.infer<typeof StoredWaybillSchema>;

/** The API's view: no booking record (it holds the receiver in full) and no bookkeeping. */
export function publicWaybill(stored: StoredWaybill): Waybill {
  const { booking: _booking, custUseNo: _custUseNo, voidedAt: _voidedAt, voidedBy: _voidedBy, piiErasedAt: _piiErasedAt, ...rest } = stored;
  return WaybillSchema.parse(rest);
}

/** A refusal a script returns for one parcel: a code and the facts for its message. */
export const ParcelRefusalSchema = z.looseObject({ code: z.string() }).transform((value) => {
  const { code, ...params } = value;
  const facts: Record<string, string | number> = {};
  for (const [name, fact] of Object.entries(params)) if (typeof fact === 'string' || typeof fact === 'number') facts[name] = fact;
  return { code, params: facts };
});

export const RangeViewSchema = z.object({ first: z.string(), last: z.string(), next: z.string(), size: z.number(), remaining: z.number() });
export type RangeView = z.infer<typeof RangeViewSchema>;

export const IssueBatchReplySchema = z.object({
  results: luaArray(
    z.discriminatedUnion('result', [
      z.object({ index: z.int(), result: z.literal('applied'), replay: z.boolean(), waybills: luaArray(StoredWaybillSchema) }),
      z.object({ index: z.int(), result: z.literal('error'), error: ParcelRefusalSchema }),
    ]),
  ),
  range: RangeViewSchema.nullable(),
});

/** One carrier call made for a box, recorded before it is made. `booking` until its result is saved. */
export const CjAttemptSchema = z.object({
  n: z.int().min(1),
  custUseNo: z.string(),
  booking: CjBookingSchema,
  state: z.enum(['booking', 'booked', 'cancelled', 'failed']),
});
export type CjAttempt = z.infer<typeof CjAttemptSchema>;

export const CjBoxSchema = z.object({
  package: z.int().min(1),
  waybillId: z.string(),
  invoiceNo: z.string().optional(),
  attempts: luaArray(CjAttemptSchema),
});

/** A CJ issuance in progress: leased to one caller at a time (`token` until `leaseUntil`, ms). */
export const IssuanceSchema = z.object({
  id: z.string(),
  carrier: z.literal('cj'),
  orderKeys: luaArray(z.string()),
  packages: z.int().min(1),
  token: z.string(),
  leaseUntil: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  sortCode: WaybillSchema.shape.sortCode,
  boxes: luaArray(CjBoxSchema),
});
export type Issuance = z.infer<typeof IssuanceSchema>;

export const CjBeginReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner'), record: IssuanceSchema }),
  z.object({ kind: z.literal('replay'), waybills: luaArray(StoredWaybillSchema) }),
  z.object({ kind: z.literal('busy'), issuanceId: z.string() }),
  z.object({ kind: z.literal('error'), error: ParcelRefusalSchema }),
]);

export const CjTakeOverReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('taken'), record: IssuanceSchema }),
  z.object({ kind: z.literal('live'), leaseUntil: z.number() }),
  z.object({ kind: z.literal('gone') }),
]);

export const CjCompleteReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('applied'), waybills: luaArray(StoredWaybillSchema) }),
  z.object({ kind: z.literal('lost') }),
  z.object({ kind: z.literal('error'), error: ParcelRefusalSchema }),
]);

/** A void owed to the carrier (server/store/lua/movements.lua `void_enqueue`): kept until the waybill is voided. */
export const VoidJobSchema = z.object({
  waybillId: z.string(),
  reason: z.string(),
  origin: z.enum(['cancel', 'manual']),
  attempts: z.int().min(0),
  createdAt: z.string(),
  lastCode: z.string().optional(),
  lastError: z.string().optional(),
  /** While someone holds the job leased: until when (ms). */
  leaseUntil: z.number().optional(),
});
export type VoidJob = z.infer<typeof VoidJobSchema>;

export const BeginVoidReplySchema = z.union([
  z.object({ waybill: StoredWaybillSchema, replay: z.literal(true) }),
  z.object({ waybill: StoredWaybillSchema, job: VoidJobSchema, replay: z.literal(false) }),
  z.object({ error: ParcelRefusalSchema }),
]);

export const ClaimVoidsReplySchema = z.object({ claimed: luaArray(z.object({ job: VoidJobSchema, waybill: StoredWaybillSchema })) });

export const FailVoidReplySchema = z.object({ outcome: z.enum(['retry', 'dropped', 'gone']), attempts: z.int(), alerted: z.boolean() });

export const VoidReplySchema = z.union([z.object({ waybill: StoredWaybillSchema, replay: z.boolean() }), z.object({ error: ParcelRefusalSchema })]);

export const PrintReplySchema = z.union([z.object({ counts: z.record(z.string(), z.int()) }), z.object({ error: ParcelRefusalSchema })]);

export const VerifyReplySchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('counted'), remaining: z.int() }),
  z.object({ result: z.literal('WRONG_ITEM') }),
  z.object({ result: z.literal('OVER_SCAN'), remaining: z.int() }),
]);
