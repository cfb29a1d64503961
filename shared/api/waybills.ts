import { z } from 'zod';
import { CarrierIdSchema } from '../carriers';
import { OrderKeySchema } from '../ids';
import { OrderStateSchema } from '../state-machine';
import { ErrorDetailSchema } from './common';

/**
 * Waybills, labels, scans and shipments (issue: waybills). Written contract-first so the server routes and the
 * add-on's client are built against the same schemas. Orders are always named by their order key.
 */

const MAX_PARCELS = 500;
const MAX_ORDERS_PER_CALL = 1000;
const orderKeys = (max: number) =>
  z
    .array(OrderKeySchema)
    .min(1, 'names no order')
    .max(max)
    .refine((keys) => new Set(keys).size === keys.length, 'names an order twice');

/** One box, or several boxes of one parcel (`packages` > 1), covering orders to one receiver and address (합포장). */
export const ParcelRequestSchema = z.strictObject({
  orderKeys: orderKeys(50),
  /** Boxes in this parcel; one waybill each. */
  packages: z.int().min(1).max(20).optional(),
  /** A number the seller already has (typed or pasted in the sheet): validated for the carrier, then attached. */
  trackingNumber: z.string().min(1).max(40).optional(),
});
export type ParcelRequest = z.infer<typeof ParcelRequestSchema>;

export const IssueWaybillsBodySchema = z.strictObject({
  carrier: CarrierIdSchema,
  parcels: z.array(ParcelRequestSchema).min(1).max(MAX_PARCELS),
});
export type IssueWaybillsBody = z.infer<typeof IssueWaybillsBodySchema>;

/** How the number was obtained: the seller's contract range, a carrier API (CJ), or typed by hand. */
export const WaybillSourceSchema = z.enum(['range', 'cj', 'manual']);

export const SortCodeSchema = z.object({
  /** CJ CLSFCD, SUBCLSFCD, CLSFADDR (주소약칭), delivery branch and SM alias, when the carrier gives them. */
  code: z.string().optional(),
  subCode: z.string().optional(),
  shortAddress: z.string().optional(),
  branch: z.string().optional(),
  driverAlias: z.string().optional(),
});

export const WaybillSchema = z.object({
  id: z.string(),
  carrier: CarrierIdSchema,
  trackingNumber: z.string(),
  source: WaybillSourceSchema,
  orderKeys: z.array(z.string()),
  /** 1-based box number within its parcel, and the parcel's box count. */
  package: z.int().min(1),
  packages: z.int().min(1),
  sortCode: SortCodeSchema.optional(),
  printCount: z.int().min(0),
  voided: z.boolean(),
  voidReason: z.string().optional(),
  issuedAt: z.string(),
  issuedBy: z.string(),
});
export type Waybill = z.infer<typeof WaybillSchema>;

export const ParcelResultSchema = z.discriminatedUnion('result', [
  z.object({
    index: z.int(),
    result: z.literal('applied'),
    /** The waybills existed already for these orders (a repeat or concurrent call): nothing new was issued. */
    replay: z.boolean(),
    waybills: z.array(WaybillSchema),
  }),
  z.object({ index: z.int(), result: z.literal('error'), orderKeys: z.array(z.string()), error: ErrorDetailSchema }),
]);
export type ParcelResult = z.infer<typeof ParcelResultSchema>;
export const IssueWaybillsResponseSchema = z.object({ results: z.array(ParcelResultSchema) });

export const WaybillParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const VoidWaybillBodySchema = z.strictObject({ reason: z.string().trim().min(1, 'needs a reason').max(300) });
export const WaybillResponseSchema = z.object({ waybill: WaybillSchema });
export const ListWaybillsQuerySchema = z.strictObject({ orderKey: OrderKeySchema });
export const ListWaybillsResponseSchema = z.object({ waybills: z.array(WaybillSchema) });

/** A contract number range: bodies without the check digit, inclusive. */
export const WaybillRangeBodySchema = z
  .strictObject({
    first: z.string().regex(/^[0-9]{6,15}$/, 'must be the digits of the first number body'),
    last: z.string().regex(/^[0-9]{6,15}$/, 'must be the digits of the last number body'),
  })
  .refine((range) => range.first.length === range.last.length, { message: 'first and last must have the same length', path: ['last'] })
  // Refinements run even when a field already failed its pattern; BigInt must only ever see digits.
  .refine((range) => !/^[0-9]+$/.test(range.first) || !/^[0-9]+$/.test(range.last) || BigInt(range.first) <= BigInt(range.last), { message: 'must not be below first', path: ['last'] });
export const WaybillRangeParamsSchema = z.object({ carrier: CarrierIdSchema });
export const WaybillRangeSchema = z.object({
  carrier: CarrierIdSchema,
  first: z.string(),
  last: z.string(),
  /** Bodies handed out so far, and bodies left. */
  used: z.int(),
  remaining: z.int(),
});
export const WaybillRangeResponseSchema = z.object({ range: WaybillRangeSchema });
export const ListWaybillRangesResponseSchema = z.object({ ranges: z.array(WaybillRangeSchema) });

export const LabelsBodySchema = z.strictObject({ orderKeys: orderKeys(MAX_ORDERS_PER_CALL) });
/** A short-lived signed URL that serves the PDF without a Bearer header, scoped to the seller and those orders. */
export const LabelsResponseSchema = z.object({ url: z.string(), expiresAt: z.string(), waybillIds: z.array(z.string()) });
/** The signed token of a labels URL: opaque to clients, checked by the server (seller, batch, expiry). */
export const LabelPdfParamsSchema = z.object({ token: z.string().min(20).max(300).regex(/^[A-Za-z0-9_.-]+$/, 'is not a label link') });
/** The answer is the PDF itself (application/pdf), streamed. */
export const LabelPdfResponseSchema = z.unknown();

export const SCAN_MODES = ['ship', 'verify'] as const;
export const ScanBodySchema = z.strictObject({
  code: z.string().trim().min(1, 'is empty').max(100),
  mode: z.enum(SCAN_MODES),
  /** The packing station, recorded on the shipment. */
  station: z.string().max(50).optional(),
});

/** Why a scan was refused; each has a Korean message in the message table. */
export const SCAN_REFUSALS = [
  'UNKNOWN_BARCODE',
  'CANCEL_REQUESTED',
  'CANCELLED',
  'HELD',
  'ALREADY_SHIPPED',
  'VOIDED',
  'NOT_PACKED',
  'NOT_READY',
  'WRONG_ITEM',
  'OVER_SCAN',
  'NO_PARCEL_OPEN',
  /** The claim check could not reach the channel, so a cancel there cannot be ruled out: scan again. */
  'CLAIM_CHECK_FAILED',
] as const;
export const ScanRefusalSchema = z.enum(SCAN_REFUSALS);

export const ScanResponseSchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('shipped'), orderKeys: z.array(z.string()), waybillId: z.string(), trackingNumber: z.string(), message: z.string() }),
  /** Verify mode: the item fits the open parcel; `remaining` units are still to scan (0 means it is now packed). */
  z.object({ result: z.literal('verified'), orderKeys: z.array(z.string()), sku: z.string().optional(), remaining: z.int(), packed: z.boolean(), message: z.string() }),
  z.object({ result: z.literal('refused'), reason: ScanRefusalSchema, orderKeys: z.array(z.string()), message: z.string() }),
]);
export type ScanResponse = z.infer<typeof ScanResponseSchema>;

export const ShipmentsBodySchema = z.strictObject({ orderKeys: orderKeys(MAX_ORDERS_PER_CALL) });
export const ShipmentResultSchema = z.discriminatedUnion('result', [
  z.object({ orderKey: z.string(), result: z.literal('applied'), status: OrderStateSchema, trackingNumber: z.string().optional() }),
  z.object({ orderKey: z.string(), result: z.literal('error'), error: ErrorDetailSchema }),
]);
export const ShipmentsResponseSchema = z.object({ results: z.array(ShipmentResultSchema) });

/** File channels (오늘의집): the seller uploaded the exported tracking file, so the channel has the numbers. */
export const TrackingUploadedBodySchema = z.strictObject({ orderKeys: orderKeys(MAX_ORDERS_PER_CALL) });
export const TrackingUploadedResponseSchema = z.object({
  results: z.array(z.discriminatedUnion('result', [z.object({ orderKey: z.string(), result: z.literal('applied') }), z.object({ orderKey: z.string(), result: z.literal('error'), error: ErrorDetailSchema })])),
});
