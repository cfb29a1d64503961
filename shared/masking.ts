import type { SellerSettings } from './settings';

/**
 * Masking of the receiver's name and phone on shipping labels. The 2021 PIPC guidance masks the name's middle
 * character (홍*동) and the phone's last four digits (010-1234-****); the unified rule MOLIT was asked to write
 * is not published yet (carriers.md §3), so the rule is a seller setting.
 */
export type Masking = SellerSettings['masking'];
export type NameMasking = Masking['name'];
export type PhoneMasking = Masking['phone'];

const MASK = '*';

/**
 * 'middle' keeps the first and last character and masks everything between (홍*동, 남**수, 김*);
 * 'last' masks the last character (홍길*). A one-character name is masked whole: keeping it would show it all.
 */
export function maskName(name: string, rule: NameMasking): string {
  // NFC first: a name typed on macOS may arrive as decomposed jamo, and masking a jamo would leave the syllable readable.
  const chars = Array.from(name.normalize('NFC').trim());
  if (rule === 'none') return chars.join('');
  if (chars.length <= 1) return MASK.repeat(chars.length);
  if (rule === 'last') return chars.slice(0, -1).join('') + MASK;
  if (chars.length === 2) return chars[0] + MASK;
  return chars[0] + MASK.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** The digits of a phone in national form: +82 10-1234-5678 becomes 01012345678. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+82') ? '0' + digits.slice(2) : digits;
}

/**
 * Splits a Korean number into its printed groups (010-1234-5678, 02-123-4567, 0505-123-4567, 1588-1234).
 * Returns null for a number that fits no plan; masking then works on the bare digits.
 */
export function phoneGroups(phone: string): string[] | null {
  const digits = phoneDigits(phone);
  const split = (head: number): string[] => [digits.slice(0, head), digits.slice(head, -4), digits.slice(-4)];
  if (/^1[5-9]\d{6}$/.test(digits)) return [digits.slice(0, 4), digits.slice(4)];
  if (/^02\d{7,8}$/.test(digits)) return split(2);
  if (/^050\d{8,9}$/.test(digits)) return split(4);
  if (/^0[1-9]\d{8,9}$/.test(digits)) return split(3);
  return null;
}

export function formatPhone(phone: string): string {
  return phoneGroups(phone)?.join('-') ?? phone.trim();
}

/**
 * 'last4' masks the last four digits (010-1234-****); 'middle4' masks the group before them (010-****-5678).
 * Whatever the number looks like, at least one digit is masked unless the rule is 'none'.
 */
export function maskPhone(phone: string, rule: PhoneMasking): string {
  const groups = phoneGroups(phone);
  if (rule === 'none') return groups ? groups.join('-') : phone.trim();
  if (groups) {
    const target = rule === 'last4' ? groups.length - 1 : groups.length - 2;
    return groups.map((group, index) => (index === target ? MASK.repeat(group.length) : group)).join('-');
  }
  return maskLooseDigits(phone.trim(), rule);
}

/** For numbers outside the Korean plans: mask by digit position, keeping whatever separators were typed. */
function maskLooseDigits(phone: string, rule: Exclude<PhoneMasking, 'none'>): string {
  const digitCount = phone.replace(/\D/g, '').length;
  // Positions counted from the end: last4 masks 0-3; middle4 masks 4-7, or every digit of a number too short to have them.
  const masked = (fromEnd: number): boolean => {
    if (rule === 'last4') return fromEnd < 4;
    return digitCount <= 4 ? true : fromEnd >= 4 && fromEnd < 8;
  };
  let seen = 0;
  return phone.replace(/\d/g, (digit) => {
    const fromEnd = digitCount - 1 - seen;
    seen += 1;
    return masked(fromEnd) ? MASK : digit;
  });
}

export interface PersonalData {
  name: string;
  phones: readonly string[];
}

/**
 * Buyers type their own name and number into delivery messages and addresses ("부재 시 010-1234-5678").
 * Replaces each occurrence, with or without separators, by its masked form, so masking cannot be bypassed
 * through free text.
 */
export function maskPersonalDataIn(text: string, person: PersonalData, masking: Masking): string {
  let result = text.normalize('NFC');
  if (masking.phone !== 'none') {
    for (const phone of person.phones) {
      const digits = phoneDigits(phone);
      if (digits.length < 4) continue;
      const loose = new RegExp(Array.from(digits).join('[\\s.\\-]*'), 'g');
      result = result.replace(loose, maskPhone(phone, masking.phone));
    }
  }
  const name = person.name.normalize('NFC').trim();
  if (masking.name !== 'none' && Array.from(name).length >= 2) {
    result = result.split(name).join(maskName(name, masking.name));
  }
  return result;
}
