/**
 * Splits a Korean phone number into the three parts CJ wants (`*_TEL_NO1/2/3`). Quirks [I] from one project's
 * notes after feedback from CJ developers (carriers.md §2.2): Seoul `02` keeps a 2-digit prefix, `050X` safe
 * numbers a 4-digit prefix, and national representative numbers (15xx/16xx/18xx) go in as `000` + the rest.
 */
export type PhoneParts = readonly [string, string, string];

/** Digits only, with an international +82 / 0082 / 82 prefix turned back into the domestic leading 0. */
function domesticDigits(raw: string): string {
  let digits = raw.replace(/\D/g, '');
  if (digits.startsWith('0082')) digits = digits.slice(4);
  else if (digits.startsWith('82') && digits.length >= 10) digits = digits.slice(2);
  else return digits;
  return digits.startsWith('0') ? digits : `0${digits}`;
}

/** The prefix length for a number, or null for a number no Korean carrier would take. */
function prefixLength(digits: string): number | null {
  if (/^050[2-8]/.test(digits)) return 4;
  if (digits.startsWith('02')) return 2;
  // Mobile, area codes 031-064, VoIP 070 and toll-free 080.
  if (/^0(1[016789]|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|80)/.test(digits)) return 3;
  return null;
}

export function splitKoreanPhone(raw: string): PhoneParts | null {
  const digits = domesticDigits(raw);
  if (/^1[568]\d{6}$/.test(digits)) return ['000', digits.slice(0, 4), digits.slice(4)];
  const prefix = prefixLength(digits);
  if (prefix === null) return null;
  const middle = digits.length - prefix - 4;
  if (middle !== 3 && middle !== 4) return null;
  return [digits.slice(0, prefix), digits.slice(prefix, prefix + middle), digits.slice(prefix + middle)];
}

/** Mobile numbers also fill the `*_CELL_NO*` fields when no separate mobile is given. */
export function isMobile(parts: PhoneParts): boolean {
  return /^01[016789]$/.test(parts[0]);
}
