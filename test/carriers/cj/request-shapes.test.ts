import { describe, expect, it } from 'vitest';
import { buildBooking } from '../../../server/carriers/cj/booking';
import { startCjSandbox, type CjSandbox } from '../../../server/carriers/cj/sandbox';
import { onTestFinished } from 'vitest';
import { BUSINESS_NUMBER, CUSTOMER_ID, parcelInput } from './harness';

/** Raw requests, built by hand, so the sandbox's own checks are what is tested. */
async function post(sandbox: CjSandbox, endpoint: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.url}/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { RESULT_CD: string; RESULT_DETAIL: string; DATA?: Record<string, unknown> } };
}

async function sandboxWithToken(): Promise<{ sandbox: CjSandbox; token: string }> {
  const sandbox = await startCjSandbox({ customers: [{ customerId: CUSTOMER_ID, businessNumber: BUSINESS_NUMBER }] });
  onTestFinished(() => sandbox.stop());
  const answer = await post(sandbox, 'ReqOneDayToken', { DATA: { CUST_ID: CUSTOMER_ID, BIZ_REG_NUM: BUSINESS_NUMBER } });
  const token = answer.body.DATA?.TOKEN_NUM;
  if (typeof token !== 'string') throw new Error('no token');
  return { sandbox, token };
}

const booking = (overrides: Record<string, unknown> = {}) => ({
  ...buildBooking(parcelInput('ORDER-0001-1', '650000000001'), { customerId: CUSTOMER_ID, receiptDate: '20250515' }),
  ...overrides,
});

describe('CJ sandbox request checks', () => {
  it('issues a token with its KST expiry, and gives the same one back when asked again early', async () => {
    const { sandbox, token } = await sandboxWithToken();
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    sandbox.control.advanceTime(2_000);
    const again = await post(sandbox, 'ReqOneDayToken', { DATA: { CUST_ID: CUSTOMER_ID, BIZ_REG_NUM: BUSINESS_NUMBER } });
    expect(again.body).toMatchObject({ RESULT_CD: 'S', DATA: { TOKEN_NUM: token, TOKEN_EXPRTN_DTM: expect.stringMatching(/^\d{14}$/) } });
  });

  it('refuses bodies without the DATA wrapper, non-JSON bodies, other methods and unknown paths', async () => {
    const { sandbox, token } = await sandboxWithToken();
    const headers = { 'CJ-Gateway-APIKey': token };
    expect(await post(sandbox, 'ReqInvcNo', { CLNTNUM: CUSTOMER_ID, TOKEN_NUM: token }, headers)).toMatchObject({ status: 400, body: { RESULT_CD: 'E', RESULT_DETAIL: expect.stringContaining('DATA') } });
    expect(await post(sandbox, 'ReqInvcNo', '{"DATA": {', headers)).toMatchObject({ status: 400, body: { RESULT_CD: 'E' } });
    expect((await fetch(`${sandbox.url}/ReqInvcNo`)).status).toBe(405);
    expect(await post(sandbox, 'ReqInvcNos', { DATA: {} }, headers)).toMatchObject({ status: 404 });
  });

  it('wants the same live token in the header and in TOKEN_NUM', async () => {
    const { sandbox, token } = await sandboxWithToken();
    const data = { CLNTNUM: CUSTOMER_ID, TOKEN_NUM: token };
    expect((await post(sandbox, 'ReqInvcNo', { DATA: data }, { 'CJ-Gateway-APIKey': token })).body.RESULT_CD).toBe('S');
    const refusals = [
      await post(sandbox, 'ReqInvcNo', { DATA: data }),
      await post(sandbox, 'ReqInvcNo', { DATA: { CLNTNUM: CUSTOMER_ID } }, { 'CJ-Gateway-APIKey': token }),
      await post(sandbox, 'ReqInvcNo', { DATA: { ...data, TOKEN_NUM: `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` } }, { 'CJ-Gateway-APIKey': token }),
      await post(sandbox, 'ReqInvcNo', { DATA: { ...data, TOKEN_NUM: 'not-a-token' } }, { 'CJ-Gateway-APIKey': 'not-a-token' }),
      await post(sandbox, 'ReqInvcNo', { DATA: { ...data, CLNTNUM: '99999999' } }, { 'CJ-Gateway-APIKey': token }),
    ];
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 401, body: { RESULT_CD: 'E' } });
    expect(refusals.map((refusal) => refusal.body.RESULT_DETAIL)).toEqual([
      expect.stringContaining('CJ-Gateway-APIKey'),
      expect.stringContaining('TOKEN_NUM'),
      expect.stringContaining('다릅니다'),
      expect.stringContaining('유효하지 않은'),
      expect.stringContaining('고객 ID'),
    ]);
    sandbox.control.advanceTime(24 * 3600_000);
    expect(await post(sandbox, 'ReqInvcNo', { DATA: data }, { 'CJ-Gateway-APIKey': token })).toMatchObject({ status: 401, body: { RESULT_DETAIL: expect.stringContaining('만료') } });
  });

  it('blocks token requests that come faster than twice a second', async () => {
    const sandbox = await startCjSandbox({ customers: [{ customerId: CUSTOMER_ID, businessNumber: BUSINESS_NUMBER }], tokenBurstIntervalMs: 60_000 });
    onTestFinished(() => sandbox.stop());
    const ask = () => post(sandbox, 'ReqOneDayToken', { DATA: { CUST_ID: CUSTOMER_ID, BIZ_REG_NUM: BUSINESS_NUMBER } });
    expect((await ask()).status).toBe(200);
    expect(await ask()).toMatchObject({ status: 429, body: { RESULT_CD: 'E' } });
  });

  it('refuses token requests with missing or malformed credentials', async () => {
    const { sandbox } = await sandboxWithToken();
    sandbox.control.advanceTime(10_000);
    expect((await post(sandbox, 'ReqOneDayToken', { DATA: { CUST_ID: CUSTOMER_ID } })).body).toMatchObject({ RESULT_CD: 'E', RESULT_DETAIL: '필수 항목 누락: BIZ_REG_NUM' });
    sandbox.control.advanceTime(10_000);
    expect((await post(sandbox, 'ReqOneDayToken', { DATA: { CUST_ID: CUSTOMER_ID, BIZ_REG_NUM: '123-45-67890' } })).body.RESULT_DETAIL).toMatch(/^형식 오류: BIZ_REG_NUM/);
  });

  it('checks RegBook fields: required ones, lengths, codes, phone parts and goods', async () => {
    const { sandbox, token } = await sandboxWithToken();
    const book = (data: Record<string, unknown>) => post(sandbox, 'RegBook', { DATA: { TOKEN_NUM: token, ...data } }, { 'CJ-Gateway-APIKey': token });
    const { RCVR_NM: _dropped, ...withoutReceiver } = booking();
    const cases: [Record<string, unknown>, string][] = [
      [withoutReceiver, '필수 항목 누락: RCVR_NM'],
      [booking({ CUST_USE_NO: 'X'.repeat(51) }), '길이 초과: CUST_USE_NO (최대 50)'],
      [booking({ MPCK_KEY: 'K'.repeat(101) }), '길이 초과: MPCK_KEY (최대 100)'],
      [booking({ REMARK_1: '메'.repeat(1001) }), '길이 초과: REMARK_1 (최대 1000)'],
      [booking({ BOX_TYPE_CD: '09' }), '형식 오류: BOX_TYPE_CD'],
      [booking({ FRT_DV_CD: '04' }), '형식 오류: FRT_DV_CD'],
      [booking({ RCVR_TEL_NO2: '12345' }), '형식 오류: RCVR_TEL_NO2'],
      [booking({ RCVR_CELL_NO1: '010', RCVR_CELL_NO2: '', RCVR_CELL_NO3: '' }), '필수 항목 누락: RCVR_CELL_NO2'],
      [booking({ RCVR_ZIP_NO: '1234' }), '형식 오류: RCVR_ZIP_NO'],
      [booking({ ARRAY: [] }), '형식 오류: ARRAY'],
      [booking({ ARRAY: [{ MPCK_SEQ: '1', GDS_QTY: '1' }] }), '필수 항목 누락: ARRAY.0.GDS_NM'],
      [booking({ INVC_NO: '' }), '필수 항목 누락: INVC_NO'],
      [booking({ REQ_DV_CD: '02' }), '형식 오류: REQ_DV_CD'],
    ];
    for (const [data, detail] of cases) {
      const answer = await book(data);
      expect(answer.status, detail).toBe(200);
      expect(answer.body.RESULT_CD, detail).toBe('E');
      expect(answer.body.RESULT_DETAIL.startsWith(detail), `${answer.body.RESULT_DETAIL} should start with ${detail}`).toBe(true);
    }
    expect(sandbox.state.bookingRows()).toHaveLength(0);
    expect((await book(booking())).body.RESULT_CD).toBe('S');
    expect((await book(booking({ MPCK_SEQ: 1, BOX_QTY: 1 }))).body.RESULT_DETAIL).toContain('ORA-00001');
  });

  it('checks refinement fields and answers bad ones with -20000', async () => {
    const { sandbox, token } = await sandboxWithToken();
    const refine = (data: Record<string, unknown>) => post(sandbox, 'ReqAddrRfnSm', { DATA: { TOKEN_NUM: token, CLNTNUM: CUSTOMER_ID, ...data } }, { 'CJ-Gateway-APIKey': token });
    expect((await refine({ ADDRESS: `서울 ${'가'.repeat(98)}` })).body).toMatchObject({ RESULT_CD: '-20000', RESULT_DETAIL: '길이 초과: ADDRESS (최대 100)' });
    expect((await refine({})).body).toMatchObject({ RESULT_CD: '-20000', RESULT_DETAIL: '필수 항목 누락: ADDRESS' });
    expect((await refine({ ADDRESS: '서울 중구 세종대로 9길 53' })).body).toMatchObject({ RESULT_CD: 'S', DATA: { CLSFCD: expect.any(String) } });
  });
});
