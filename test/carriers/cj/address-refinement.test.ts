import { describe, expect, it } from 'vitest';
import { isCjError } from '../../../server/carriers/cj/errors';
import { CUSTOMER_ID, cjHarness } from './harness';

describe('CJ address refinement (ReqAddrRfnSm)', () => {
  it('returns the same sort codes for the same address, and the request carries CLNTNUM and the address', async () => {
    const { sandbox, client } = await cjHarness();
    const first = await client.refineAddress('서울 강남구   테헤란로 152 ');
    const again = await client.refineAddress('서울 강남구 테헤란로 152');
    expect(first).toEqual(again);
    if (first.kind !== 'refined' || !first.sort) throw new Error('expected sort codes');
    expect(first.delayProne).toBe(false);
    expect(first.sort.sortCode).toMatch(/^\d[A-Z]\d{2}$/);
    expect(first.sort.subSortCode).toMatch(/^\d[a-z]$/);
    expect(first.sort.shortAddress).toBe('테헤란로 152');
    expect(first.sort.deliveryBranch).toMatch(/^강남/);
    const other = await client.refineAddress('부산 해운대구 센텀중앙로 79');
    expect(other).not.toEqual(first);
    expect(sandbox.state.requests('ReqAddrRfnSm')[0]?.data).toMatchObject({ CLNTNUM: CUSTOMER_ID, ADDRESS: '서울 강남구 테헤란로 152' });
  });

  it('reports an undeliverable address (-20009) as its own outcome, including ones added by the test', async () => {
    const { sandbox, client } = await cjHarness();
    expect(await client.refineAddress('경북 울릉군 울릉읍 독도리 1')).toMatchObject({ kind: 'undeliverable', code: '-20009' });
    expect(await client.refineAddress('인천 옹진군 북도면 신도리 10')).toMatchObject({ kind: 'refined' });
    sandbox.control.addUndeliverable('북도면');
    expect(await client.refineAddress('인천 옹진군 북도면 신도리 10')).toMatchObject({ kind: 'undeliverable', detail: expect.stringContaining('배송이 불가능') });
  });

  it('reports a delay-prone area (-20010) as a warning with sort codes', async () => {
    const { client } = await cjHarness();
    const outcome = await client.refineAddress('경북 울릉군 울릉읍 도동리 100');
    expect(outcome).toMatchObject({ kind: 'refined', delayProne: true, sort: { sortCode: expect.stringMatching(/^\d[A-Z]\d{2}$/) } });
  });

  it('reports an address CJ cannot parse (-20002)', async () => {
    const { sandbox, client } = await cjHarness();
    expect(await client.refineAddress('123 Main Street, Springfield')).toMatchObject({ kind: 'unparseable', code: '-20002' });
    sandbox.control.addUnparseable('번지없음');
    expect(await client.refineAddress('서울 어딘가 번지없음')).toMatchObject({ kind: 'unparseable' });
  });

  it('throws a contract error once the contract has expired (-20008)', async () => {
    const { sandbox, client } = await cjHarness();
    sandbox.control.expireContract(CUSTOMER_ID);
    const outcome = await client.refineAddress('서울 강남구 테헤란로 152').catch((error: unknown) => error);
    expect(isCjError(outcome, 'contract')).toBe(true);
    expect(outcome).toMatchObject({ details: { resultCode: '-20008' } });
  });

  it('refuses an address over 100 characters before calling CJ', async () => {
    const { sandbox, client } = await cjHarness();
    const outcome = await client.refineAddress(`서울 강남구 ${'가'.repeat(100)}`).catch((error: unknown) => error);
    expect(isCjError(outcome, 'invalid_input')).toBe(true);
    expect(outcome).toMatchObject({ details: { field: 'address' } });
    expect(sandbox.state.requests()).toHaveLength(0);
  });
});
