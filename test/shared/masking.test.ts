import { describe, expect, it } from 'vitest';
import { formatPhone, maskName, maskPersonalDataIn, maskPhone } from '../../shared/masking';
import { DEFAULT_SETTINGS } from '../../shared/settings';

describe('maskName', () => {
  it('masks the middle character by default (PIPC 2021)', () => {
    expect(DEFAULT_SETTINGS.masking.name).toBe('middle');
    expect(maskName('홍길동', 'middle')).toBe('홍*동');
    expect(maskName('남궁민수', 'middle')).toBe('남**수');
    expect(maskName('김철', 'middle')).toBe('김*');
    expect(maskName('  이영희 ', 'middle')).toBe('이*희');
    expect(maskName('John Smith', 'middle')).toBe('J********h');
  });

  it('masks the last character under "last", and nothing under "none"', () => {
    expect(maskName('홍길동', 'last')).toBe('홍길*');
    expect(maskName('김철', 'last')).toBe('김*');
    expect(maskName('홍길동', 'none')).toBe('홍길동');
  });

  it('masks a one-character name whole', () => {
    expect(maskName('린', 'middle')).toBe('*');
    expect(maskName('린', 'last')).toBe('*');
  });

  it('masks whole syllables even when the name arrives as decomposed jamo', () => {
    const decomposed = '홍길동'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(3);
    expect(maskName(decomposed, 'middle')).toBe('홍*동');
  });
});

describe('maskPhone', () => {
  it('masks the last four digits by default (PIPC 2021) and prints Korean grouping', () => {
    expect(DEFAULT_SETTINGS.masking.phone).toBe('last4');
    expect(maskPhone('01012345678', 'last4')).toBe('010-1234-****');
    expect(maskPhone('010-1234-5678', 'last4')).toBe('010-1234-****');
    expect(maskPhone('+82 10-1234-5678', 'last4')).toBe('010-1234-****');
    expect(maskPhone('02-123-4567', 'last4')).toBe('02-123-****');
    expect(maskPhone('0505 1234 5678', 'last4')).toBe('0505-1234-****');
    expect(maskPhone('1588-1234', 'last4')).toBe('1588-****');
  });

  it('masks the group before the last four under "middle4"', () => {
    expect(maskPhone('01012345678', 'middle4')).toBe('010-****-5678');
    expect(maskPhone('0212345678', 'middle4')).toBe('02-****-5678');
    expect(maskPhone('031-123-4567', 'middle4')).toBe('031-***-4567');
  });

  it('prints the grouped number under "none"', () => {
    expect(maskPhone('01012345678', 'none')).toBe('010-1234-5678');
    expect(formatPhone('0312345678')).toBe('031-234-5678');
  });

  it('masks numbers outside the Korean plans by digit position, keeping the separators', () => {
    expect(maskPhone('+1 (415) 555-0100', 'last4')).toBe('+1 (415) 555-****');
    expect(maskPhone('+1 (415) 555-0100', 'middle4')).toBe('+1 (41*) ***-0100');
    expect(maskPhone('1234', 'middle4')).toBe('****');
    expect(maskPhone('123', 'last4')).toBe('***');
  });
});

describe('maskPersonalDataIn', () => {
  const person = { name: '홍길동', phones: ['010-1234-5678'] };

  it('masks the receiver name and phone typed into free text, with or without separators', () => {
    const text = '홍길동 부재 시 010 1234 5678 또는 01012345678로 연락';
    const masked = maskPersonalDataIn(text, person, DEFAULT_SETTINGS.masking);
    expect(masked).toBe('홍*동 부재 시 010-1234-**** 또는 010-1234-****로 연락');
  });

  it('leaves free text alone when masking is off', () => {
    const text = '홍길동 010-1234-5678';
    expect(maskPersonalDataIn(text, person, { name: 'none', phone: 'none' })).toBe(text);
  });
});
