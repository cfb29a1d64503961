import type { LabelData } from '../../../server/carriers/labels';

/** A CJ label with a known receiver, so tests can look for the full and the masked forms. */
export function cjLabel(overrides: Partial<LabelData> = {}): LabelData {
  return {
    carrier: 'cj',
    trackingNumber: '6012-3456-7890',
    package: { index: 1, count: 1 },
    sort: { code: '7K41', subCode: '2c', shortAddress: '강남 테헤란152', branch: '강남역삼', smAlias: '12-가' },
    receiver: { name: '홍길동', phone: '010-2468-1357', zip: '06236', address1: '서울특별시 강남구 테헤란로 152', address2: '21층' },
    sender: { name: '시트쉽 스토어', phone: '031-8017-1234', address1: '경기도 성남시 분당구 대왕판교로 660' },
    items: [{ name: '유기농 제주 감귤 5kg', option: '로얄과', quantity: 2 }],
    message: '부재 시 문 앞에 놓아주세요',
    printCount: 1,
    receiptDate: '2025-03-14',
    ...overrides,
  };
}
