import { carrierName, formatTrackingNumber, normalizeTrackingNumber } from '../../../shared/carriers';
import { maskName, maskPersonalDataIn, maskPhone, formatPhone, type Masking } from '../../../shared/masking';
import { message, type Language } from '../../../shared/messages';
import type { ParsedLabel } from './label-data';

/**
 * Everything one label prints, as final strings. The receiver's name and phone are already masked here, and
 * free text is scrubbed of them, so the layout never holds the full values.
 */
export interface LabelView {
  carrierName: string;
  /** Bare digits, for the barcode. */
  number: string;
  /** 4-4-4, for people. */
  numberText: string;
  receiptDate: string;
  packageText: string;
  reprint: string | null;
  /** CJ prints the sort code's first character smaller, then three large ones, then "-sub" ("7 K41-2c"). */
  sort: { lead: string; main: string; sub: string } | null;
  shortAddress: string | null;
  /** 배달점소 - SM alias. */
  deliveryPoint: string | null;
  receiver: { name: string; phone: string; zip: string; address: string };
  sender: { name: string; phone: string; address: string };
  items: ReadonlyArray<{ text: string; quantity: string }>;
  totalQuantity: string;
  message: string | null;
  fare: string | null;
  captions: {
    trackingNumber: string;
    receiptDate: string;
    receiver: string;
    sender: string;
    items: string;
    message: string;
    moreItems: (count: number) => string;
  };
}

/** Composed Hangul: the label switches off the OpenType features that would assemble decomposed jamo. */
const nfc = (text: string): string => text.normalize('NFC').trim();

function joinAddress(address1: string, address2: string | undefined): string {
  const detail = address2 ? nfc(address2) : '';
  return detail ? `${nfc(address1)} ${detail}` : nfc(address1);
}

function sortCode(sort: ParsedLabel['sort']): LabelView['sort'] {
  if (!sort?.code) return null;
  const sub = sort.subCode ? `-${sort.subCode}` : '';
  // Only the four-character CJ form has the small lead character; any other code prints large as it is.
  return sort.code.length === 4 ? { lead: sort.code.slice(0, 1), main: sort.code.slice(1), sub } : { lead: '', main: sort.code, sub };
}

export function labelView(label: ParsedLabel, masking: Masking, language: Language): LabelView {
  const person = { name: label.receiver.name, phones: [label.receiver.phone] };
  const scrub = (text: string): string => maskPersonalDataIn(text, person, masking);
  const number = normalizeTrackingNumber(label.trackingNumber);
  const { branch, smAlias } = label.sort ?? {};
  const total = label.items.reduce((sum, item) => sum + item.quantity, 0);
  return {
    carrierName: carrierName(label.carrier, language),
    number,
    numberText: formatTrackingNumber(number),
    receiptDate: label.receiptDate,
    packageText: `${label.package.index}/${label.package.count}`,
    reprint: label.printCount > 1 ? message('label.reprint', language, { count: label.printCount }) : null,
    sort: sortCode(label.sort),
    shortAddress: label.sort?.shortAddress ? nfc(label.sort.shortAddress) : null,
    deliveryPoint: nfc([branch, smAlias].filter(Boolean).join(' - ')) || null,
    receiver: {
      name: maskName(label.receiver.name, masking.name),
      phone: maskPhone(label.receiver.phone, masking.phone),
      zip: label.receiver.zip,
      address: scrub(joinAddress(label.receiver.address1, label.receiver.address2)),
    },
    sender: {
      name: nfc(label.sender.name),
      phone: formatPhone(label.sender.phone),
      address: joinAddress(label.sender.address1, label.sender.address2),
    },
    items: label.items.map((item) => ({
      text: scrub(nfc(item.option ? `${item.name} [${item.option}]` : item.name)),
      quantity: message('label.quantity', language, { count: item.quantity }),
    })),
    totalQuantity: message('label.totalQuantity', language, { count: total }),
    message: label.message?.trim() ? scrub(nfc(label.message)) : null,
    fare: label.fare ? message(`label.fare.${label.fare}`, language) : null,
    captions: {
      trackingNumber: message('label.trackingNumber', language),
      receiptDate: message('label.receiptDate', language),
      receiver: message('label.receiver', language),
      sender: message('label.sender', language),
      items: message('label.items', language),
      message: message('label.message', language),
      moreItems: (count) => message('label.moreItems', language, { count }),
    },
  };
}
