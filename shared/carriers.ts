import { z } from 'zod';

/**
 * Korean parcel carriers: names, per-channel codes and tracking-number rules. Facts and their sources are in
 * ../shared/reference/carriers.md; codes tagged unknown there are null here and can be set per seller
 * (settings.channelCarrierCodes).
 */
export const CARRIER_IDS = ['cj', 'lotte', 'hanjin', 'epost', 'logen', 'kdexp', 'cu', 'gs'] as const;
export const CarrierIdSchema = z.enum(CARRIER_IDS);
export type CarrierId = z.infer<typeof CarrierIdSchema>;

/** Channels whose API takes a carrier code. */
export const CARRIER_CODE_CHANNELS = ['smartstore', 'coupang', 'cafe24'] as const;
export type CarrierCodeChannel = (typeof CARRIER_CODE_CHANNELS)[number];

export interface CarrierInfo {
  id: CarrierId;
  nameKo: string;
  nameEn: string;
  codes: Readonly<Record<CarrierCodeChannel, string | null>>;
  /** Accepted digit counts; null when no source pins it down (then 8-16 digits pass). */
  lengths: readonly number[] | null;
  /** Lengths whose last digit is (the preceding digits as an integer) mod 7. CJ numbers fail mod 7, so CJ has none. */
  mod7Lengths: readonly number[];
}

export const CARRIERS: Readonly<Record<CarrierId, CarrierInfo>> = {
  cj: { id: 'cj', nameKo: 'CJ대한통운', nameEn: 'CJ Logistics', codes: { smartstore: 'CJGLS', coupang: 'CJGLS', cafe24: '0006' }, lengths: [10, 12], mod7Lengths: [] },
  lotte: { id: 'lotte', nameKo: '롯데택배', nameEn: 'Lotte Global Logistics', codes: { smartstore: 'HYUNDAI', coupang: 'HYUNDAI', cafe24: '0079' }, lengths: [12], mod7Lengths: [12] },
  hanjin: { id: 'hanjin', nameKo: '한진택배', nameEn: 'Hanjin', codes: { smartstore: 'HANJIN', coupang: 'HANJIN', cafe24: '0018' }, lengths: [10, 12, 14], mod7Lengths: [10, 12] },
  epost: { id: 'epost', nameKo: '우체국택배', nameEn: 'Korea Post', codes: { smartstore: 'EPOST', coupang: 'EPOST', cafe24: '0012' }, lengths: [13], mod7Lengths: [] },
  logen: { id: 'logen', nameKo: '로젠택배', nameEn: 'Logen', codes: { smartstore: 'KGB', coupang: 'KGB', cafe24: '0004' }, lengths: [11], mod7Lengths: [11] },
  kdexp: { id: 'kdexp', nameKo: '경동택배', nameEn: 'Kyungdong Express', codes: { smartstore: 'KDEXP', coupang: 'KDEXP', cafe24: null }, lengths: null, mod7Lengths: [] },
  cu: { id: 'cu', nameKo: 'CU편의점택배', nameEn: 'CU Post', codes: { smartstore: 'CUPARCEL', coupang: null, cafe24: null }, lengths: [10, 12], mod7Lengths: [] },
  gs: { id: 'gs', nameKo: 'GS Postbox 택배', nameEn: 'GS Postbox', codes: { smartstore: 'CVSNET', coupang: 'CVS', cafe24: null }, lengths: null, mod7Lengths: [] },
};

/** Strips the hyphens and spaces people and labels put in numbers; channels (Coupang) reject them. */
export function normalizeTrackingNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** The check digit of a mod-7 body: the body as an integer, mod 7. Digit by digit, so any length is exact. */
export function mod7CheckDigit(body: string): number {
  let remainder = 0;
  for (const digit of body) remainder = (remainder * 10 + Number(digit)) % 7;
  return remainder;
}

export type TrackingNumberProblem = 'EMPTY' | 'NOT_DIGITS' | 'LENGTH' | 'CHECK_DIGIT';

export type TrackingNumberCheck =
  | { ok: true; number: string }
  | { ok: false; number: string; problem: TrackingNumberProblem; expectedLengths: readonly number[] | null };

export function validateTrackingNumber(carrier: CarrierId, raw: string): TrackingNumberCheck {
  const number = normalizeTrackingNumber(raw);
  const info = CARRIERS[carrier];
  const fail = (problem: TrackingNumberProblem): TrackingNumberCheck => ({ ok: false, number, problem, expectedLengths: info.lengths });
  if (number.length === 0) return fail('EMPTY');
  if (!/^[0-9]+$/.test(number)) return fail('NOT_DIGITS');
  const lengthOk = info.lengths ? info.lengths.includes(number.length) : number.length >= 8 && number.length <= 16;
  if (!lengthOk) return fail('LENGTH');
  if (info.mod7Lengths.includes(number.length) && mod7CheckDigit(number.slice(0, -1)) !== Number(number.slice(-1))) {
    return fail('CHECK_DIGIT');
  }
  return { ok: true, number };
}

/** Appends the carrier's check digit, for numbers issued from a contract range. */
export function withCheckDigit(carrier: CarrierId, body: string): string {
  return CARRIERS[carrier].mod7Lengths.includes(body.length + 1) ? body + String(mod7CheckDigit(body)) : body;
}

/** Printed form: groups of four from the left (1234-5678-9012). */
export function formatTrackingNumber(number: string): string {
  return normalizeTrackingNumber(number).replace(/(\d{4})(?=\d)/g, '$1-');
}

export function carrierCode(
  carrier: CarrierId,
  channel: CarrierCodeChannel,
  overrides?: Partial<Record<CarrierCodeChannel, Partial<Record<CarrierId, string>>>>,
): string | null {
  return overrides?.[channel]?.[carrier] ?? CARRIERS[carrier].codes[channel];
}

export function carrierName(carrier: CarrierId, language: 'ko' | 'en'): string {
  return language === 'ko' ? CARRIERS[carrier].nameKo : CARRIERS[carrier].nameEn;
}
