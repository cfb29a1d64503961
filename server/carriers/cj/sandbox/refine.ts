import { createHash } from 'node:crypto';

/**
 * The sandbox's address refinement: stable, made-up sort data derived from the address text, in the shapes the
 * guide summary shows (CLSFCD `5D32`, SUBCLSFCD `1g`, CLLDLVEMPNICKNM `G03-01`, …). Same address, same codes.
 */

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = UPPER.toLowerCase();
const ZONES = ['중앙', '동부', '서부', '남부', '북부'];
const SURNAMES = ['김', '이', '박', '최', '정'];

const pad2 = (value: number) => String(value % 100).padStart(2, '0');

export function normalizeAddress(address: string): string {
  return address.replace(/\s+/g, ' ').trim();
}

export function refinedAddressData(address: string): Record<string, string | null> {
  const normalized = normalizeAddress(address);
  const h = createHash('sha256').update(normalized).digest();
  const byte = (index: number) => h[index] ?? 0;
  const tokens = normalized.split(' ');
  const district = (tokens[1] ?? tokens[0] ?? '').replace(/(특별시|광역시|시|군|구)$/, '') || '중앙';
  return {
    CLSFCD: `${1 + (byte(0) % 9)}${UPPER[byte(1) % 26]}${pad2(byte(2))}`,
    SUBCLSFCD: `${1 + (byte(3) % 9)}${LOWER[byte(4) % 26]}`,
    CLSFADDR: (tokens.slice(2, 5).join(' ') || normalized).slice(0, 30),
    CLLDLVBRANNM: `${district}${ZONES[byte(5) % ZONES.length]}`,
    CLLDLVEMPNM: byte(6) % 3 === 0 ? '##' : `${SURNAMES[byte(7) % SURNAMES.length]}기사`,
    CLLDLVEMPNICKNM: `${UPPER[byte(8) % 26]}${pad2(byte(9))}-${pad2(byte(10))}`,
    RSPSDIV: `0${1 + (byte(11) % 5)}`,
    P2PCD: byte(12) % 4 === 0 ? `P${String(byte(13) % 1000).padStart(3, '0')}` : null,
  };
}

/** How the sandbox classifies an address: by fragments it contains (configurable), or no Hangul at all = unparseable. */
export interface AddressRules {
  undeliverable: string[];
  unparseable: string[];
  delayProne: string[];
}

export const DEFAULT_ADDRESS_RULES: AddressRules = {
  undeliverable: ['독도'],
  unparseable: ['주소불명'],
  delayProne: ['울릉', '백령', '연평'],
};

export type AddressClass = 'ok' | 'undeliverable' | 'unparseable' | 'delayProne';

export function classifyAddress(address: string, rules: AddressRules): AddressClass {
  const normalized = normalizeAddress(address);
  const has = (fragments: string[]) => fragments.some((fragment) => fragment.length > 0 && normalized.includes(fragment));
  if (has(rules.unparseable) || !/[가-힣]/.test(normalized)) return 'unparseable';
  if (has(rules.undeliverable)) return 'undeliverable';
  if (has(rules.delayProne)) return 'delayProne';
  return 'ok';
}
