import { z } from 'zod';
import { CARRIER_CODE_CHANNELS, CarrierIdSchema } from './carriers';

const HourMinuteSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (24 h, KST)');
const DateSchema = z.iso.date();
const PhoneSchema = z.string().regex(/^[0-9+()\- ]{4,20}$/, 'must be 4-20 digits, spaces, "+", "(", ")" or "-"');

export const CarrierContractSchema = z.strictObject({
  /** The customer code the carrier assigned (CJ CUST_ID). */
  customerCode: z.string().min(1).max(40),
  /** The business number registered with the carrier for billing (CJ needs it for its token). */
  businessNumber: z.string().regex(/^[0-9-]{10,12}$/, 'must be a 10-digit business number').optional(),
  senderName: z.string().min(1).max(100),
  senderPhone: PhoneSchema,
  senderZip: z.string().regex(/^[0-9]{5,6}$/, 'must be 5 or 6 digits').optional(),
  senderAddress1: z.string().min(1).max(300),
  senderAddress2: z.string().max(300).optional(),
});
export type CarrierContract = z.infer<typeof CarrierContractSchema>;

export const HolidaySchema = z.strictObject({
  date: DateSchema,
  /** Carriers closed that day; absent means all of them. */
  carriers: z.array(CarrierIdSchema).min(1).optional(),
  note: z.string().max(100).optional(),
});
export type Holiday = z.infer<typeof HolidaySchema>;

const ChannelCarrierCodesSchema = z.partialRecord(z.enum(CARRIER_CODE_CHANNELS), z.partialRecord(CarrierIdSchema, z.string().min(1).max(20)));

export const MaskingSchema = z.strictObject({
  /** 2021 PIPC guidance: mask the middle character of the name (홍*동). */
  name: z.enum(['middle', 'last', 'none']),
  /** 2021 PIPC guidance: mask the last four digits of the phone (010-1234-****). */
  phone: z.enum(['last4', 'middle4', 'none']),
});

export const AlertSettingsSchema = z.strictObject({
  /** Warn this long before today's pickup cutoff about orders without a waybill. */
  cutoffLeadMinutes: z.int().min(0).max(24 * 60),
  /** Warn this long before a channel's dispatch deadline. */
  deadlineLeadMinutes: z.int().min(0).max(7 * 24 * 60),
  /** A shipped order whose tracking is not accepted after this long is 송장 누락. */
  trackingGraceMinutes: z.int().min(1).max(7 * 24 * 60),
  /** Issued but unshipped waybills above this count raise an alert (CJ may block the account). */
  unshippedWaybillsMax: z.int().min(1).max(100_000),
});

/**
 * Where a carrier's waybill numbers come from: the seller's contract range (any carrier), or CJ's DX API
 * (CJ only). A carrier without an entry uses its range.
 */
export const WAYBILL_SOURCES = ['range', 'cj'] as const;
export const WaybillSourceSettingSchema = z.enum(WAYBILL_SOURCES);
export type WaybillSourceSetting = z.infer<typeof WaybillSourceSettingSchema>;

function onlyCjFromCj(sources: Partial<Record<string, WaybillSourceSetting | null>>, ctx: z.RefinementCtx): void {
  for (const [carrier, source] of Object.entries(sources)) {
    if (source === 'cj' && carrier !== 'cj') ctx.addIssue({ code: 'custom', path: [carrier], message: 'only CJ numbers can come from the CJ API' });
  }
}

/** One validated document per seller. */
export const SellerSettingsSchema = z.strictObject({
  language: z.enum(['ko', 'en']),
  /** Returned units go back on sale, or wait in quarantine for inspection. */
  returnPolicy: z.enum(['restock', 'quarantine']),
  /** Confirm (발주확인) allocated orders on the channel by itself; a channel account can override it. */
  autoConfirm: z.boolean(),
  /** Send tracking at waybill issuance (가배송) to block late cancels, not only at shipment. */
  preRegisterTracking: z.boolean(),
  /** Scan-to-ship refuses parcels whose items were not verified by scan. */
  requirePackedToShip: z.boolean(),
  masking: MaskingSchema,
  carrierContracts: z.partialRecord(CarrierIdSchema, CarrierContractSchema),
  /** Pickup cutoff per carrier, KST. */
  cutoffs: z.partialRecord(CarrierIdSchema, HourMinuteSchema),
  holidays: z.array(HolidaySchema).max(500),
  /** Carrier codes a channel needs that the built-in table lacks or gets wrong for this mall (Cafe24 codes vary). */
  channelCarrierCodes: ChannelCarrierCodesSchema,
  alerts: AlertSettingsSchema,
  /** Per carrier, where waybill numbers come from; absent means the contract range. */
  waybillSources: z.partialRecord(CarrierIdSchema, WaybillSourceSettingSchema).superRefine(onlyCjFromCj),
});
export type SellerSettings = z.infer<typeof SellerSettingsSchema>;

export const DEFAULT_SETTINGS: SellerSettings = {
  language: 'ko',
  returnPolicy: 'restock',
  autoConfirm: true,
  preRegisterTracking: false,
  requirePackedToShip: false,
  masking: { name: 'middle', phone: 'last4' },
  carrierContracts: {},
  cutoffs: {},
  holidays: [],
  channelCarrierCodes: {},
  alerts: { cutoffLeadMinutes: 60, deadlineLeadMinutes: 240, trackingGraceMinutes: 60, unshippedWaybillsMax: 300 },
  waybillSources: {},
};

/**
 * A PATCH: any top-level field, and a part of `masking` or `alerts`. Records (contracts, cutoffs, codes)
 * merge per key, and a null value removes that key. Lists (holidays) replace.
 */
export const SellerSettingsPatchSchema = z.strictObject({
  language: SellerSettingsSchema.shape.language.optional(),
  returnPolicy: SellerSettingsSchema.shape.returnPolicy.optional(),
  autoConfirm: z.boolean().optional(),
  preRegisterTracking: z.boolean().optional(),
  requirePackedToShip: z.boolean().optional(),
  masking: MaskingSchema.partial().optional(),
  carrierContracts: z.partialRecord(CarrierIdSchema, CarrierContractSchema.nullable()).optional(),
  cutoffs: z.partialRecord(CarrierIdSchema, HourMinuteSchema.nullable()).optional(),
  holidays: z.array(HolidaySchema).max(500).optional(),
  channelCarrierCodes: z
    .partialRecord(z.enum(CARRIER_CODE_CHANNELS), z.partialRecord(CarrierIdSchema, z.string().min(1).max(20).nullable()))
    .optional(),
  alerts: AlertSettingsSchema.partial().optional(),
  waybillSources: z.partialRecord(CarrierIdSchema, WaybillSourceSettingSchema.nullable()).superRefine(onlyCjFromCj).optional(),
});
export type SellerSettingsPatch = z.infer<typeof SellerSettingsPatchSchema>;

function mergeRecord<T>(current: Partial<Record<string, T>>, patch: Partial<Record<string, T | null>> | undefined): Partial<Record<string, T>> {
  if (!patch) return current;
  const next: Partial<Record<string, T>> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

export function applySettingsPatch(current: SellerSettings, patch: SellerSettingsPatch): SellerSettings {
  const codes: Record<string, Partial<Record<string, string>>> = { ...current.channelCarrierCodes };
  for (const [channel, byCarrier] of Object.entries(patch.channelCarrierCodes ?? {})) {
    codes[channel] = mergeRecord(codes[channel] ?? {}, byCarrier);
  }
  // Parse once more so the merged document is checked as a whole, and unknown keys cannot slip in.
  return SellerSettingsSchema.parse({
    ...current,
    ...Object.fromEntries(
      Object.entries({
        language: patch.language,
        returnPolicy: patch.returnPolicy,
        autoConfirm: patch.autoConfirm,
        preRegisterTracking: patch.preRegisterTracking,
        requirePackedToShip: patch.requirePackedToShip,
        holidays: patch.holidays,
      }).filter(([, value]) => value !== undefined),
    ),
    masking: { ...current.masking, ...patch.masking },
    alerts: { ...current.alerts, ...patch.alerts },
    carrierContracts: mergeRecord(current.carrierContracts, patch.carrierContracts),
    cutoffs: mergeRecord(current.cutoffs, patch.cutoffs),
    channelCarrierCodes: codes,
    waybillSources: mergeRecord(current.waybillSources, patch.waybillSources),
  });
}
