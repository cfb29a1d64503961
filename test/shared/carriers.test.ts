import { describe, expect, it } from 'vitest';
import { carrierCode, carrierName, CARRIER_IDS, formatTrackingNumber, validateTrackingNumber, withCheckDigit, type CarrierId } from '../../shared/carriers';

/** The check digit computed independently of shared/carriers: the body as a BigInt, mod 7. */
const mod7 = (body: string) => String(BigInt(body) % 7n);
const wrongDigit = (body: string) => String((Number(mod7(body)) + 1) % 10);

describe('tracking number validation per carrier', () => {
  const checked: [CarrierId, string][] = [
    ['lotte', '40246360001'],
    ['hanjin', '41000000001'],
    ['hanjin', '412345678'],
    ['logen', '3123456789'],
  ];
  it.each(checked)('%s: the mod-7 check digit of a %s body is required', (carrier, body) => {
    expect(validateTrackingNumber(carrier, body + mod7(body))).toEqual({ ok: true, number: body + mod7(body) });
    expect(validateTrackingNumber(carrier, body + wrongDigit(body))).toMatchObject({ ok: false, problem: 'CHECK_DIGIT' });
    expect(withCheckDigit(carrier, body)).toBe(body + mod7(body));
  });

  it('takes CJ numbers that fail mod 7, and Hanjin 14-digit numbers, which carry no mod-7 digit', () => {
    const cj = '60123456789';
    expect(validateTrackingNumber('cj', cj + wrongDigit(cj)).ok).toBe(true);
    expect(withCheckDigit('cj', cj)).toBe(cj);
    const hanjin14 = '5012345678901';
    expect(validateTrackingNumber('hanjin', hanjin14 + wrongDigit(hanjin14)).ok).toBe(true);
  });

  it('refuses a length the carrier never issues, and names the lengths it does', () => {
    expect(validateTrackingNumber('lotte', '40246360001')).toEqual({ ok: false, number: '40246360001', problem: 'LENGTH', expectedLengths: [12] });
    expect(validateTrackingNumber('epost', '123456789012')).toMatchObject({ problem: 'LENGTH', expectedLengths: [13] });
    expect(validateTrackingNumber('epost', '1234567890123').ok).toBe(true);
    expect(validateTrackingNumber('logen', '123456789012')).toMatchObject({ problem: 'LENGTH' });
  });

  it('strips hyphens and spaces, and refuses other characters and empty input', () => {
    const number = '40246360001' + mod7('40246360001');
    expect(validateTrackingNumber('lotte', ` ${number.slice(0, 4)}-${number.slice(4, 8)} ${number.slice(8)} `)).toEqual({ ok: true, number });
    expect(validateTrackingNumber('cj', '6012A4567890')).toMatchObject({ ok: false, problem: 'NOT_DIGITS' });
    expect(validateTrackingNumber('cj', ' - ')).toMatchObject({ ok: false, problem: 'EMPTY' });
  });

  it('prints numbers 4-4-4', () => {
    expect(formatTrackingNumber('601234567890')).toBe('6012-3456-7890');
    expect(formatTrackingNumber('6012 3456-7890')).toBe('6012-3456-7890');
  });
});

describe('carrier registry', () => {
  it('has the eight carriers with Korean and English names', () => {
    expect(CARRIER_IDS).toEqual(['cj', 'lotte', 'hanjin', 'epost', 'logen', 'kdexp', 'cu', 'gs']);
    expect(carrierName('lotte', 'ko')).toBe('롯데택배');
    expect(carrierName('logen', 'en')).toBe('Logen');
  });

  it('gives each channel its own carrier code (Lotte is HYUNDAI and Logen KGB on Naver), and settings override them', () => {
    expect(carrierCode('lotte', 'smartstore')).toBe('HYUNDAI');
    expect(carrierCode('logen', 'smartstore')).toBe('KGB');
    expect(carrierCode('cj', 'smartstore')).toBe('CJGLS');
    expect(carrierCode('hanjin', 'coupang')).toBe('HANJIN');
    expect(carrierCode('cj', 'cafe24')).toBe('0006');
    expect(carrierCode('kdexp', 'cafe24')).toBeNull();
    expect(carrierCode('kdexp', 'cafe24', { cafe24: { kdexp: '0099' } })).toBe('0099');
  });
});
