import { describe, expect, it } from 'vitest';
import { splitKoreanPhone } from '../../../server/carriers/cj/phone';

describe('splitKoreanPhone', () => {
  it.each([
    ['010-1234-5678', ['010', '1234', '5678']],
    ['01012345678', ['010', '1234', '5678']],
    ['011-123-4567', ['011', '123', '4567']],
    ['+82 10-1234-5678', ['010', '1234', '5678']],
    ['+82 (0)10 1234 5678', ['010', '1234', '5678']],
    ['0082-2-123-4567', ['02', '123', '4567']],
  ])('splits the mobile or international number %s', (raw, parts) => {
    expect(splitKoreanPhone(raw)).toEqual(parts);
  });

  it.each([
    ['02-123-4567', ['02', '123', '4567']],
    ['02-1234-5678', ['02', '1234', '5678']],
    ['0212345678', ['02', '1234', '5678']],
    ['031-123-4567', ['031', '123', '4567']],
    ['064-1234-5678', ['064', '1234', '5678']],
    ['070-1234-5678', ['070', '1234', '5678']],
  ])('gives Seoul 02 a 2-digit prefix and other area codes 3 digits: %s', (raw, parts) => {
    expect(splitKoreanPhone(raw)).toEqual(parts);
  });

  it.each([
    ['0504-1234-5678', ['0504', '1234', '5678']],
    ['050512345678', ['0505', '1234', '5678']],
    ['0508-123-4567', ['0508', '123', '4567']],
  ])('gives 050X safe numbers a 4-digit prefix: %s', (raw, parts) => {
    expect(splitKoreanPhone(raw)).toEqual(parts);
  });

  it.each([
    ['1588-1234', ['000', '1588', '1234']],
    ['1644 5678', ['000', '1644', '5678']],
    ['18001234', ['000', '1800', '1234']],
  ])('sends national representative numbers as 000 + the rest: %s', (raw, parts) => {
    expect(splitKoreanPhone(raw)).toEqual(parts);
  });

  it.each(['', '12345', '010-123', '010-12345-67890', '0501-1234-5678', '1234-5678', '099-123-4567', '1588-12345'])('refuses %j', (raw) => {
    expect(splitKoreanPhone(raw)).toBeNull();
  });
});
