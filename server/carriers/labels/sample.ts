import { withCheckDigit } from '../../../shared/carriers';
import type { LabelData } from './label-data';

/**
 * Made-up labels for the README picture, the benchmark and demo data. The people, numbers and addresses are
 * invented; the CJ-style sort pieces follow the shapes in carriers.md §2.2 (CLSFCD 7K41, SUBCLSFCD 2c).
 */
const RECEIVERS = [
  { name: '홍길동', phone: '010-1234-5678', zip: '06236', address1: '서울특별시 강남구 테헤란로 152', address2: '강남파이낸스센터 21층 2103호' },
  { name: '김민지', phone: '010-9876-5432', zip: '13529', address1: '경기도 성남시 분당구 판교역로 235', address2: '에이치스퀘어 N동 7층' },
  { name: '남궁민수', phone: '02-555-0123', zip: '48058', address1: '부산광역시 해운대구 센텀중앙로 79', address2: '센텀스카이비즈 1504호' },
  { name: '이서연', phone: '0505-123-4567', zip: '63309', address1: '제주특별자치도 제주시 첨단로 242', address2: '' },
] as const;

const SORTS = [
  { code: '7K41', subCode: '2c', shortAddress: '강남 테헤란152', branch: '강남역삼', smAlias: '12-가' },
  { code: '4B27', subCode: '1a', shortAddress: '분당 판교역235', branch: '분당판교', smAlias: '07' },
  { code: '9H03', subCode: '3d', shortAddress: '해운대 센텀79', branch: '해운대센텀', smAlias: '21-나' },
  undefined,
] as const;

const ITEMS = [
  [
    { name: '유기농 제주 감귤 5kg', option: '로얄과 / 선물포장', quantity: 1 },
    { name: '국산 꿀 스틱 30개입', quantity: 2 },
  ],
  [{ name: '무선 기계식 키보드 K8', option: '갈축 / 화이트', quantity: 1 }],
  [
    { name: '데일리 코튼 양말 5켤레', option: '블랙 / 260mm', quantity: 3 },
    { name: '수면 안대', quantity: 1 },
    { name: '여행용 파우치 세트', option: 'M', quantity: 1 },
    { name: '휴대용 손소독제 50ml', quantity: 4 },
    { name: '보풀 제거기', quantity: 1 },
  ],
  [{ name: '핸드드립 원두 200g', option: '에티오피아 예가체프', quantity: 2 }],
] as const;

const MESSAGES = ['부재 시 문 앞에 놓아주세요. 공동현관 #1234', '배송 전 010-1234-5678로 연락 바랍니다', undefined, '경비실에 맡겨 주세요'] as const;

export const SAMPLE_SENDER = {
  name: '시트쉽 스토어',
  phone: '031-8017-1234',
  zip: '13487',
  address1: '경기도 성남시 분당구 대왕판교로 660',
  address2: '유스페이스1 A동 405호',
} as const;

/** A valid CJ number per index: CJ has no check digit, so any 12 digits starting with 6 read like one. */
export function sampleCjNumber(index: number): string {
  return String(601_234_567_800 + index);
}

/** A valid Lotte number per index (mod-7 check digit). */
export function sampleLotteNumber(index: number): string {
  return withCheckDigit('lotte', String(40_246_360_001 + index));
}

export function sampleLabel(index: number): LabelData {
  const pick = <T>(list: readonly T[]): T => list[index % list.length] as T;
  const sort = pick(SORTS);
  const message = pick(MESSAGES);
  return {
    carrier: sort ? 'cj' : 'lotte',
    trackingNumber: sort ? sampleCjNumber(index) : sampleLotteNumber(index),
    package: { index: 1, count: 1 },
    ...(sort ? { sort } : {}),
    receiver: pick(RECEIVERS),
    sender: SAMPLE_SENDER,
    items: pick(ITEMS).map((item) => ({ ...item })),
    ...(message ? { message } : {}),
    printCount: 1,
    receiptDate: '2025-03-14',
    fare: 'credit',
  };
}

export function sampleLabels(count: number): LabelData[] {
  return Array.from({ length: count }, (_, index) => sampleLabel(index));
}
