import { withCheckDigit } from '../../../shared/carriers';
import type { LabelData } from './label-data';

/**
 * Made-up labels for the README picture, the benchmark and demo data. People, numbers and addresses are
 * invented, but varied per index like a real batch (every receiver, number and address differs), so the
 * benchmark pays for text layout as a real batch would. The CJ-style sort pieces follow the shapes in
 * carriers.md §2.2 (CLSFCD 7K41, SUBCLSFCD 2c).
 */
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '남궁', '제갈'];
const GIVEN = ['민', '서', '지', '현', '우', '준', '하', '윤', '은', '도', '예', '수', '진', '영', '채', '유', '시', '아', '재', '원', '호', '연', '경', '태'];

const STREETS = [
  { city: '서울특별시 강남구 테헤란로', short: '강남 테헤란', branch: '강남역삼', code: '7K', zip: '06' },
  { city: '경기도 성남시 분당구 판교역로', short: '분당 판교역', branch: '분당판교', code: '4B', zip: '13' },
  { city: '부산광역시 해운대구 센텀중앙로', short: '해운대 센텀', branch: '해운대센텀', code: '9H', zip: '48' },
  { city: '인천광역시 연수구 송도과학로', short: '연수 송도과학', branch: '인천송도', code: '5C', zip: '21' },
  { city: '대전광역시 유성구 대학로', short: '유성 대학', branch: '대전유성', code: '3D', zip: '34' },
  { city: '광주광역시 서구 상무중앙로', short: '서구 상무중앙', branch: '광주상무', code: '6G', zip: '61' },
  { city: '경기도 고양시 일산동구 중앙로', short: '일산 중앙', branch: '고양일산', code: '4M', zip: '10' },
  { city: '대구광역시 수성구 동대구로', short: '수성 동대구', branch: '대구수성', code: '8E', zip: '42' },
] as const;

const PRODUCTS = [
  { name: '유기농 제주 감귤 5kg', option: '로얄과 / 선물포장' },
  { name: '국산 꿀 스틱 30개입' },
  { name: '무선 기계식 키보드 K8', option: '갈축 / 화이트' },
  { name: '데일리 코튼 양말 5켤레', option: '블랙 / 260mm' },
  { name: '수면 안대' },
  { name: '여행용 파우치 세트', option: 'M' },
  { name: '휴대용 손소독제 50ml' },
  { name: '핸드드립 원두 200g', option: '에티오피아 예가체프' },
  { name: '스테인리스 텀블러 473ml', option: '매트 그린' },
  { name: '무농약 현미 4kg' },
  { name: '캠핑 접이식 의자', option: '베이지' },
  { name: '어린이 그림책 세트 10권' },
] as const;

const MESSAGES = [
  '부재 시 문 앞에 놓아주세요. 공동현관 #1234',
  '배송 전 연락 바랍니다',
  undefined,
  '경비실에 맡겨 주세요',
  '택배함에 넣어주세요',
  undefined,
] as const;

export const SAMPLE_SENDER = {
  name: '시트쉽 스토어',
  phone: '031-8017-1234',
  zip: '13487',
  address1: '경기도 성남시 분당구 대왕판교로 660',
  address2: '유스페이스1 A동 405호',
} as const;

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
const digits = (value: number, width: number): string => String(value % 10 ** width).padStart(width, '0');

/** A valid CJ number per index: CJ has no check digit, so any 12 digits read like one. */
export function sampleCjNumber(index: number): string {
  return String(601_234_567_800 + index);
}

/** A valid Lotte number per index (mod-7 check digit). */
export function sampleLotteNumber(index: number): string {
  return withCheckDigit('lotte', String(40_246_360_001 + index));
}

/** Index 0 is the README picture; the rest vary. Every fourth label is a Lotte label without sort data. */
export function sampleLabel(index: number): LabelData {
  const street = pick(STREETS, index);
  const building = 152 + ((index * 37) % 480);
  const floor = 2 + ((index * 19 + 19) % 24);
  const withSort = index % 4 !== 3;
  const itemCount = 1 + ((index * 7 + 1) % 4);
  const message = pick(MESSAGES, index);
  return {
    carrier: withSort ? 'cj' : 'lotte',
    trackingNumber: withSort ? sampleCjNumber(index) : sampleLotteNumber(index),
    package: { index: 1, count: 1 },
    ...(withSort
      ? {
          sort: {
            code: `${street.code}${digits(index * 13 + 41, 2)}`,
            subCode: `${1 + ((index + 1) % 4)}${'abcd'[(index + 2) % 4]}`,
            shortAddress: `${street.short}${building}`,
            branch: street.branch,
            smAlias: `${digits(index * 3 + 12, 2)}-${pick(['가', '나', '다'], index)}`,
          },
        }
      : {}),
    receiver: {
      name: index === 0 ? '홍길동' : `${pick(SURNAMES, index * 7)}${pick(GIVEN, index * 5)}${pick(GIVEN, index * 11 + 3)}`,
      phone: `010-${digits(1234 + index * 7919, 4)}-${digits(5678 + index * 104729, 4)}`,
      zip: `${street.zip}${digits(236 + index * 17, 3)}`,
      address1: `${street.city} ${building}`,
      address2: `${pick(['파이낸스센터', '스카이타워', '센트럴빌딩', '한빛오피스텔'], index)} ${floor}층 ${floor}${digits(3 + index, 2)}호`,
    },
    sender: SAMPLE_SENDER,
    items: Array.from({ length: itemCount }, (_, offset) => ({ ...pick(PRODUCTS, index * 5 + offset), quantity: 1 + ((index + offset) % 3) })),
    ...(message ? { message } : {}),
    printCount: 1,
    receiptDate: '2025-03-14',
    fare: 'credit',
  };
}

export function sampleLabels(count: number): LabelData[] {
  return Array.from({ length: count }, (_, index) => sampleLabel(index));
}
