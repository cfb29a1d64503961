import { describe, expect, it } from 'vitest';
import { errorDetail, itemError, toHttpError } from '../../server/http/errors';
import { StoreError } from '../../server/store';

/** The store's validation refusal, by its documented shape (code 'VALIDATION', issues {path, message}). */
class StoreValidationLike extends Error {
  readonly code = 'VALIDATION';
  constructor(readonly issues: { path: string; message: string }[]) {
    super('invalid input');
  }
}

describe('error mapping', () => {
  it('answers the store\u2019s validation refusal with a 400 naming the field', () => {
    const error = toHttpError(new StoreValidationLike([{ path: 'lines[0].quantity', message: 'must be at least 1' }]));
    expect(error.status).toBe(400);
    expect(errorDetail(error, 'en', 'r1')).toEqual({
      code: 'VALIDATION',
      message: 'Invalid input: lines[0].quantity must be at least 1',
      details: { issues: [{ location: 'body', path: 'lines[0].quantity', message: 'must be at least 1' }] },
    });
    expect(itemError(new StoreValidationLike([{ path: 'sku', message: 'is empty' }]), 'ko', 'r1')).toMatchObject({ code: 'VALIDATION', message: '입력값이 올바르지 않습니다: sku is empty' });
  });

  it('maps store refusals to 404, 409 or 422 with their message, and one it does not know to a readable 409', () => {
    expect(toHttpError(new StoreError('ORDER_NOT_FOUND', []), { key: 'manual:main:1' })).toMatchObject({ status: 404, params: { key: 'manual:main:1' } });
    expect(toHttpError(new StoreError('UNKNOWN_SKU', ['X']))).toMatchObject({ status: 422, params: { sku: 'X' } });
    expect(errorDetail(toHttpError(new StoreError('INVALID_TRANSITION', ['SHIPPED', 'HELD'])), 'en', 'r')).toMatchObject({ message: 'An order in SHIPPED cannot become HELD' });
    const unknown = Object.assign(new StoreError('CONFLICT', []), { code: 'SOMETHING_NEW' });
    expect(errorDetail(toHttpError(unknown), 'en', 'r')).toEqual({ code: 'SOMETHING_NEW', message: 'The request was refused: SOMETHING_NEW', details: { detail: [] } });
  });

  it('turns anything unexpected into a 500 that names the request and reveals nothing', () => {
    const error = toHttpError(new Error('ECONNREFUSED 10.0.0.5:6379 password=hunter2'));
    expect(error.status).toBe(500);
    const detail = errorDetail(error, 'ko', 'req-9');
    expect(detail).toEqual({ code: 'INTERNAL', message: '서버 오류가 발생했습니다 (요청 req-9)', details: null });
    expect(() => itemError(new Error('redis down'), 'ko', 'r')).toThrow('redis down');
  });
});
