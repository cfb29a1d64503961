import { onTestFinished } from 'vitest';
import { createCjClient, type CjClient, type CjClientOptions } from '../../../server/carriers/cj/client';
import type { CjBookingInput } from '../../../server/carriers/cj/booking';
import { startCjSandbox, type CjSandbox, type CjSandboxOptions } from '../../../server/carriers/cj/sandbox';

export const CUSTOMER_ID = '30586154';
export const BUSINESS_NUMBER = '1234567890';

/** A sandbox and a client that shares its clock, both torn down after the test. */
export async function cjHarness(options: { sandbox?: CjSandboxOptions; client?: Partial<CjClientOptions> } = {}): Promise<{ sandbox: CjSandbox; client: CjClient }> {
  const sandbox = await startCjSandbox({ customers: [{ customerId: CUSTOMER_ID, businessNumber: BUSINESS_NUMBER }], ...options.sandbox });
  onTestFinished(() => sandbox.stop());
  const client = createCjClient({
    baseUrl: sandbox.url,
    customerId: CUSTOMER_ID,
    businessNumber: '123-45-67890',
    clock: () => sandbox.state.now(),
    ...options.client,
  });
  return { sandbox, client };
}

export function parcelInput(custUseNo: string, invoiceNo: string, overrides: Partial<CjBookingInput> = {}): CjBookingInput {
  return {
    custUseNo,
    invoiceNo,
    sender: { name: '시트쉽 물류센터', phone: '02-1577-1111', zip: '06234', address: '서울 강남구 테헤란로 1', detailAddress: '3층' },
    receiver: { name: '김철수', phone: '010-1234-5678', address: '경기도 의왕시 내손로 12', detailAddress: '101동 202호' },
    goods: [{ name: '무선 키보드', quantity: 1 }],
    message: '문 앞에 놓아주세요',
    ...overrides,
  };
}
